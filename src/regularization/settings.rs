//! Parsing and validating the values the page sends by name.

use std::fmt;

/// Why a setting was refused. The view that refuses it keeps its previous state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError(String);

impl SettingError {
    /// A name the view does not have; `expected` describes the names it has.
    pub fn unknown(view: &str, name: &str, expected: &str) -> Self {
        SettingError(format!("the {view} has no setting \"{name}\" (expected {expected})"))
    }

    /// A value that does not fit its setting; `expectation` says what would.
    pub fn invalid(setting: &str, value: &str, expectation: &str) -> Self {
        SettingError(format!("{setting} must be {expectation}, not \"{value}\""))
    }

    /// Any other refusal, with its explanation.
    pub fn other(message: impl Into<String>) -> Self {
        SettingError(message.into())
    }
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SettingError {}

/// A finite number in `[min, max]`, read from the page. Accepts the typographic minus "−" as
/// well as "-"; −0 becomes 0.
pub(crate) fn parse_number(setting: &str, value: &str, min: f64, max: f64) -> Result<f64, SettingError> {
    let text = value.trim().replace('−', "-");
    let expectation = || format!("a number between {} and {}", super::display::plain(min), super::display::plain(max));
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && (min..=max).contains(&v) => Ok(if v == 0.0 { 0.0 } else { v }),
        _ => Err(SettingError::invalid(setting, value, &expectation())),
    }
}

/// A whole number in `[min, max]`, read from the page.
pub(crate) fn parse_count(setting: &str, value: &str, min: usize, max: usize) -> Result<usize, SettingError> {
    match value.trim().parse::<usize>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(SettingError::invalid(setting, value, &format!("a whole number from {min} to {max}"))),
    }
}

/// A seed: any whole number from 0 to 2⁶⁴ − 1.
pub(crate) fn parse_seed(value: &str) -> Result<u64, SettingError> {
    value.trim().parse::<u64>().map_err(|_| SettingError::invalid("the seed", value, "a whole number ≥ 0"))
}

/// Splits a setting name like `score.1.2` into its stem and its indices.
pub(crate) fn indexed(name: &str) -> (&str, Vec<Option<usize>>) {
    let mut parts = name.split('.');
    let stem = parts.next().unwrap_or_default();
    (stem, parts.map(|p| p.parse().ok()).collect())
}

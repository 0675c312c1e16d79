//! How the regularization views read the values the page sends by name: each view has a
//! settings table ([`crate::setting::Table`]) and reads every value through its spec's
//! [`Kind`], so that the range a control shows is the range the view accepts. Messages name a
//! setting as people read it ("λ", "the noise σ", "the seed") and word a number's range
//! "between a and b", as these views always have.

use super::display::plain;
use crate::setting::{Choice, Kind, Named, SettingError};

/// A name the view does not have; `expected` describes the names it has.
pub(crate) fn unknown(view: &str, name: &str, expected: &str) -> SettingError {
    SettingError::other(format!("the {view} has no setting \"{name}\" (expected {expected})"))
}

/// Names as a message lists them: "a, b or c".
pub(crate) fn listed(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The options of a choice among some values of a named enum, in the given order.
pub(crate) fn choice_among<T: Named>(values: &[T]) -> Kind {
    Kind::Choice(values.iter().map(|v| Choice::new(v.name(), v.label())).collect())
}

/// A number of `kind` for the setting people call `subject`: finite and in the kind's range,
/// accepting the typographic minus "−"; −0 becomes 0.
pub(crate) fn read_number(kind: &Kind, subject: &str, value: &str) -> Result<f64, SettingError> {
    kind.parse_number(subject, value).map_err(|refused| match *kind {
        Kind::Number { min, max, .. } => {
            // A tiny bound as people read it: 1e-12 rather than 0.000000000001.
            let bound = |x: f64| if x != 0.0 && x.abs() < 1e-3 { format!("{x:e}") } else { plain(x) };
            SettingError::invalid(subject, value, &format!("a number between {} and {}", bound(min), bound(max)))
        }
        _ => refused,
    })
}

/// A count of `kind` for the setting people call `subject`.
pub(crate) fn read_count(kind: &Kind, subject: &str, value: &str) -> Result<usize, SettingError> {
    let n = kind.parse_whole(subject, value)?;
    usize::try_from(n).map_err(|_| SettingError::invalid(subject, value, &kind.expected()))
}

/// Splits a setting name like `score.1.2` into its stem and its indices.
pub(crate) fn indexed(name: &str) -> (&str, Vec<Option<usize>>) {
    let mut parts = name.split('.');
    let stem = parts.next().unwrap_or_default();
    (stem, parts.map(|p| p.parse().ok()).collect())
}

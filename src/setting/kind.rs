//! What a setting's value may be, and the one set of parsers every scene reads values with.

use std::fmt;

use super::named::{self, Named};

/// How a number's slider maps its position to the value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    /// Position = value.
    Linear,
    /// Position = log₁₀ value (learning rates, λ, ε, κ), from log₁₀ `floor` at the left end;
    /// where the range starts at 0, one step further left is 0 (λ = 0: no penalty).
    Log { floor: f64 },
}

/// One option of a choice: the value the scene takes and the text people see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    /// The value, as links and the scene write it (`softmax`, `l2`, `W[0,1]`).
    pub value: String,
    /// The text of the option (`Softmax`, `L2: ΣW²`).
    pub label: String,
    /// What the page shows of the chosen option besides its label (a method's update rule),
    /// or nothing.
    pub detail: String,
}

impl Choice {
    /// An option `value` labelled `label`.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Choice { value: value.into(), label: label.into(), detail: String::new() }
    }

    /// An option whose value is also its label.
    pub fn plain(value: impl Into<String>) -> Self {
        let value = value.into();
        Choice { label: value.clone(), value, detail: String::new() }
    }
}

/// What a setting's value may be.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A finite number in [`min`, `max`] (or [`min`, `max`) when `open` is set: a rate ρ, β
    /// < 1), moved in steps of `step` on a slider of scale `scale`, shown with `digits`
    /// significant digits (0: as the scene writes it).
    Number { min: f64, max: f64, open: bool, step: f64, scale: Scale, digits: u8 },
    /// A whole number in [`min`, `max`], on a slider of scale `scale` where the page shows one.
    Whole { min: u64, max: u64, scale: Scale },
    /// One of `options`.
    Choice(Vec<Choice>),
    /// `true` or `false`.
    Switch,
    /// Text the scene reads itself (the race's start `x,y`); `expected` says what it takes.
    Text { expected: &'static str },
}

/// The most characters of a refused value a message repeats.
pub const ECHO_CHARS: usize = 40;

/// A value as a message repeats it: at most [`ECHO_CHARS`] characters (the rest replaced by an
/// ellipsis, so a 100 KB value makes a one-line message), isolated in a first-strong isolate
/// when it holds right-to-left text or bidirectional controls (so it cannot reorder the
/// sentence around it).
///
/// ```
/// use descent::setting::echo;
/// assert_eq!(echo("abc"), "abc");
/// assert_eq!(echo(&"x".repeat(100_000)).chars().count(), 41);
/// assert_eq!(echo("1\u{202E}0"), "\u{2068}1\u{202E}0\u{2069}");
/// assert_eq!(echo("قيمة"), "\u{2068}قيمة\u{2069}");
/// ```
pub fn echo(value: &str) -> String {
    let mut shown: String = value.chars().take(ECHO_CHARS).collect();
    if value.chars().nth(ECHO_CHARS).is_some() {
        shown.push('…');
    }
    if shown.chars().any(right_to_left) { format!("\u{2068}{shown}\u{2069}") } else { shown }
}

/// Whether a character is written right to left or steers bidirectional text: the Hebrew,
/// Arabic, Syriac, Thaana, NKo and related blocks, their presentation forms, and the
/// directional marks, embeddings, overrides and isolates.
fn right_to_left(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
        | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// A bound as people read it: `1e-5` rather than `0.00001`, `100` and `-100000000` as they are.
fn short(x: f64) -> String {
    if x != 0.0 && x.abs() < 1e-3 { format!("{x:e}") } else { x.to_string() }
}

/// Why a value was refused. The scene that refuses it keeps its previous state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError(String);

impl SettingError {
    /// `name` must be `expected`, not "`value`" (the value as [`echo`] shows it).
    pub fn invalid(name: &str, value: &str, expected: &str) -> Self {
        SettingError(format!("{name} must be {expected}, not \"{}\"", echo(value)))
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

impl Kind {
    /// A number in [`min`, `max`] on a linear slider.
    pub const fn number(min: f64, max: f64, step: f64) -> Kind {
        Kind::Number { min, max, open: false, step, scale: Scale::Linear, digits: 0 }
    }

    /// A number in [`min`, `max`] (`min` > 0) on a logarithmic slider, sent with `digits`
    /// significant digits.
    pub const fn log(min: f64, max: f64, digits: u8) -> Kind {
        Kind::Number { min, max, open: false, step: 0.01, scale: Scale::Log { floor: min }, digits }
    }

    /// A number in [0, `max`] on a logarithmic slider from `floor` whose left end is 0, sent
    /// with `digits` significant digits.
    pub const fn log_from_zero(floor: f64, max: f64, digits: u8) -> Kind {
        Kind::Number { min: 0.0, max, open: false, step: 0.01, scale: Scale::Log { floor }, digits }
    }

    /// A whole number in [`min`, `max`].
    pub const fn whole(min: u64, max: u64) -> Kind {
        Kind::Whole { min, max, scale: Scale::Linear }
    }

    /// A rate in [0, 1) such as ρ or β, in steps of `step`.
    pub const fn rate(step: f64) -> Kind {
        Kind::Number { min: 0.0, max: 1.0, open: true, step, scale: Scale::Linear, digits: 0 }
    }

    /// A seed: any whole number.
    pub const fn seed() -> Kind {
        Kind::whole(0, u64::MAX)
    }

    /// The options of a named enum, in its order.
    pub fn choice_of<T: Named>() -> Kind {
        Kind::Choice(T::ALL.iter().map(|t| Choice::new(t.name(), t.label())).collect())
    }

    /// What a value must be, in words: "a number from 0 to 1000000", "a number in [0, 1)".
    pub fn expected(&self) -> String {
        match self {
            Kind::Number { min, max, open: true, .. } => format!("a number in [{}, {})", short(*min), short(*max)),
            Kind::Number { min, max, .. } => format!("a number from {} to {}", short(*min), short(*max)),
            Kind::Whole { min, max: u64::MAX, .. } => format!("a whole number ≥ {min}"),
            Kind::Whole { min, max, .. } => format!("a whole number from {min} to {max}"),
            Kind::Choice(options) => {
                format!("one of {}", options.iter().map(|o| o.value.as_str()).collect::<Vec<_>>().join(", "))
            }
            Kind::Switch => "true or false".into(),
            Kind::Text { expected } => (*expected).into(),
        }
    }

    /// Reads a number for setting `name`: finite and in range, accepting the typographic
    /// minus "−"; −0 becomes 0.
    ///
    /// ```
    /// use descent::setting::Kind;
    /// let lambda = Kind::log_from_zero(1e-4, 10.0, 3);
    /// assert_eq!(lambda.parse_number("lambda", " 0.5 ").unwrap(), 0.5);
    /// assert_eq!(lambda.parse_number("lambda", "−0").unwrap().to_bits(), 0f64.to_bits());
    /// let e = lambda.parse_number("lambda", "-1").unwrap_err().to_string();
    /// assert_eq!(e, "lambda must be a number from 0 to 10, not \"-1\"");
    /// assert!(Kind::rate(0.01).parse_number("beta1", "1").is_err());
    /// let e = lambda.parse_number("lambda", "1e-400").unwrap_err().to_string();
    /// assert!(e.ends_with("not \"1e-400\", which is too small to tell from 0"), "{e}");
    /// assert_eq!(lambda.parse_number("lambda", "0e5").unwrap(), 0.0);
    /// ```
    pub fn parse_number(&self, name: &str, value: &str) -> Result<f64, SettingError> {
        let Kind::Number { min, max, open, .. } = *self else {
            return Err(self.refuse(name, value));
        };
        let within = |v: f64| v >= min && if open { v < max } else { v <= max };
        let text = value.trim().replace('−', "-");
        match text.parse::<f64>() {
            // 1e-400 reads as 0: say so rather than set 0 without a word.
            Ok(0.0) if text.split(['e', 'E']).next().is_some_and(|m| m.chars().any(|c| ('1'..='9').contains(&c))) => {
                Err(SettingError(format!(
                    "{name} must be {}, not \"{}\", which is too small to tell from 0",
                    self.expected(),
                    echo(value)
                )))
            }
            Ok(v) if v.is_finite() && within(v) => Ok(if v == 0.0 { 0.0 } else { v }),
            _ => Err(self.refuse(name, value)),
        }
    }

    /// Reads a whole number for setting `name`, in range.
    pub fn parse_whole(&self, name: &str, value: &str) -> Result<u64, SettingError> {
        match (self, value.trim().parse::<u64>()) {
            (Kind::Whole { min, max, .. }, Ok(n)) if (*min..=*max).contains(&n) => Ok(n),
            _ => Err(self.refuse(name, value)),
        }
    }

    /// Reads `true` or `false` for setting `name`.
    pub fn parse_switch(&self, name: &str, value: &str) -> Result<bool, SettingError> {
        match value.trim() {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(SettingError::invalid(name, value, "true or false")),
        }
    }

    /// Reads one of a named enum's values; an unknown one is refused with the enum's list.
    pub fn parse_named<T: Named>(value: &str) -> Result<T, SettingError> {
        T::from_name(value.trim()).ok_or_else(|| SettingError(named::unknown::<T>(value.trim())))
    }

    /// Reads one of the options of a choice whose options are not an enum's (slice axes).
    pub fn parse_option<'a>(&'a self, name: &str, value: &str) -> Result<&'a str, SettingError> {
        let Kind::Choice(options) = self else {
            return Err(self.refuse(name, value));
        };
        let value_trimmed = value.trim();
        options
            .iter()
            .find(|o| o.value == value_trimmed)
            .map(|o| o.value.as_str())
            .ok_or_else(|| self.refuse(name, value))
    }

    /// Whether a number set directly (not read from text) lies in a numeric kind's range; any
    /// number for the other kinds.
    pub fn admits(&self, v: f64) -> bool {
        match *self {
            Kind::Number { min, max, open, .. } => v.is_finite() && v >= min && if open { v < max } else { v <= max },
            Kind::Whole { min, max, .. } => v >= min as f64 && v <= max as f64,
            _ => true,
        }
    }

    fn refuse(&self, name: &str, value: &str) -> SettingError {
        SettingError::invalid(name, value, &self.expected())
    }
}

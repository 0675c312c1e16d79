//! What can go wrong when the lab is told to do something: every message names the setting
//! or the input and says what it accepts.

use std::fmt;

use crate::data::DataError;
use crate::setting::echo;

/// Why a lab setting or action was refused. The lab's state is unchanged when one is returned.
#[derive(Clone, Debug, PartialEq)]
pub enum LabError {
    /// A setting name the lab does not know.
    UnknownParam(String),
    /// A value a setting does not accept; `expected` describes what it does accept.
    Value { param: String, value: String, expected: String },
    /// A value the setting's row of the table refuses; the text says why.
    Invalid(String),
    /// A parameter `W[k,l]` or `b[k]` outside the current model's shape.
    NoSuchParameter { name: String, classes: usize, dim: usize },
    /// The dataset refused the change.
    Data(DataError),
    /// The optimizer's settings refused the change; the text says why.
    Optimizer(String),
    /// A CSV file whose points the lab cannot show; `reason` says why.
    Csv { file: String, reason: String },
}

impl LabError {
    /// A [`LabError::Value`] for setting `param`.
    pub fn value(param: impl fmt::Display, value: &str, expected: impl Into<String>) -> Self {
        LabError::Value { param: param.to_string(), value: value.to_string(), expected: expected.into() }
    }
}

impl fmt::Display for LabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabError::UnknownParam(name) => write!(f, "the lab has no setting named \"{}\"", echo(name)),
            LabError::Value { param, value, expected } => {
                write!(f, "{param} must be {expected}, not \"{value}\"")
            }
            LabError::NoSuchParameter { name, classes, dim } => write!(
                f,
                "{name} does not exist: the model has {classes} classes and {dim} inputs \
                 (W[k,l] with k < {classes}, l < {dim}; b[k] with k < {classes})"
            ),
            LabError::Data(e) => write!(f, "{e}"),
            LabError::Optimizer(e) | LabError::Invalid(e) => write!(f, "{e}"),
            LabError::Csv { file, reason } => {
                write!(f, "\"{file}\" was not loaded: {reason}. The points are unchanged.")
            }
        }
    }
}

impl std::error::Error for LabError {}

impl From<DataError> for LabError {
    fn from(e: DataError) -> Self {
        LabError::Data(e)
    }
}

//! Why a race setting was refused: one error for every way [`Race::set`](super::Race::set)
//! and the preset loader can fail. It wraps the errors of the race's setting names
//! ([`UnknownParam`]) and of the settings table's parsers ([`SettingError`]), so it depends
//! on those and they need nothing from it.

use std::fmt;

use super::param::UnknownParam;
use crate::optim::settings::SettingsError;
use crate::schedule::ScheduleError;
use crate::setting::SettingError;

/// Why a race setting was refused. A refused setting changes nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum RaceError {
    /// A name that is no setting of the race, or a racer number past the last racer.
    Param(UnknownParam),
    /// A value its row of the settings table refuses (out of range, not a number, an unknown
    /// surface or preset); the text says why.
    Invalid(SettingError),
    /// A shared schedule setting that was refused.
    Schedule(ScheduleError),
    /// Racer `index`'s optimizer setting was refused.
    Racer { index: usize, error: SettingsError },
    /// The classifier slice was asked for before the lab handed over its model.
    NoClassifier,
    /// A slice axis that names no parameter of the model.
    SliceAxis { value: String, names: Vec<String> },
}

impl fmt::Display for RaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RaceError::Param(e) => e.fmt(f),
            RaceError::Invalid(e) => e.fmt(f),
            RaceError::Schedule(e) => e.fmt(f),
            RaceError::Racer { index, error } => write!(f, "racer {index}: {error}"),
            RaceError::NoClassifier => {
                write!(f, "the classifier surface needs the classifier lab's model, which the race has not been given")
            }
            RaceError::SliceAxis { value, names } => {
                write!(f, "the slice's axes are parameters of the model ({}), not \"{value}\"", names.join(", "))
            }
        }
    }
}

impl std::error::Error for RaceError {}

impl From<ScheduleError> for RaceError {
    fn from(e: ScheduleError) -> Self {
        RaceError::Schedule(e)
    }
}

impl From<UnknownParam> for RaceError {
    fn from(e: UnknownParam) -> Self {
        RaceError::Param(e)
    }
}

impl From<SettingError> for RaceError {
    fn from(e: SettingError) -> Self {
        RaceError::Invalid(e)
    }
}

//! Why a race setting was refused: one error for every way [`Race::set`](super::Race::set)
//! and the preset loader can fail. It wraps the name tables' own errors
//! ([`UnknownParam`], [`UnknownPreset`], [`UnknownSurface`]), so it depends on those
//! tables and they need nothing from it.

use std::fmt;

use super::param::UnknownParam;
use super::preset::UnknownPreset;
use crate::optim::settings::SettingsError;
use crate::schedule::ScheduleError;
use crate::surface::UnknownSurface;

/// Why a race setting was refused. A refused setting changes nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum RaceError {
    /// A name that is no setting of the race, or a racer number past the last racer.
    Param(UnknownParam),
    /// A value that does not parse or is out of range; `expected` says what is allowed.
    Value { name: &'static str, value: String, expected: &'static str },
    /// A surface name that is not one of the surfaces.
    Surface(UnknownSurface),
    /// A preset name that is not one of the presets.
    Preset(UnknownPreset),
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
            RaceError::Value { name, value, expected } => write!(f, "{name} must be {expected}, not \"{value}\""),
            RaceError::Surface(e) => e.fmt(f),
            RaceError::Preset(e) => e.fmt(f),
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

impl From<UnknownPreset> for RaceError {
    fn from(e: UnknownPreset) -> Self {
        RaceError::Preset(e)
    }
}

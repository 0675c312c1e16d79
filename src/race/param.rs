//! The race's setting names, as the page's controls carry them (`data-param`), and the error
//! a name that is none of them gives.
//!
//! Scene settings have plain names (`surface`, `noise`, …). A racer's settings are its
//! optimizer settings ([`optim::settings`](crate::optim::settings): `method`, `lr`, the
//! method's hyperparameters and its own schedule) plus `enabled`, `own-schedule` and
//! `noise-free`, prefixed
//! with `racer` and the racer's number: `racer2.lr`, `racer0.beta1`.
//!
//! ```
//! use descent::race::param::{Param, RaceParam};
//! assert_eq!("noise".parse::<Param>().unwrap(), Param::Race(RaceParam::Noise));
//! assert!(matches!("racer3.lr".parse::<Param>().unwrap(), Param::Racer { index: 3, .. }));
//! assert!("nosie".parse::<Param>().is_err());
//! ```

use std::fmt;
use std::str::FromStr;

use crate::optim::settings::Setting;
use crate::schedule::ScheduleParam;

/// The most racers a race holds.
pub const MAX_RACERS: usize = 8;

/// A scene-wide setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RaceParam {
    /// `preset`: loads a preset by name (reading it gives the last one loaded, or `custom`).
    Preset,
    /// `surface`: which surface the racers run on.
    Surface,
    /// `kappa`: the quadratic's condition number κ ≥ 1.
    Kappa,
    /// `angle`: the quadratic's angle θ in degrees.
    Angle,
    /// `noise`: the gradient noise σ ≥ 0.
    Noise,
    /// `seed`: the noise's seed.
    Seed,
    /// `steps-per-frame`: updates per animation frame while playing, 1–100.
    StepsPerFrame,
    /// `start`: the common start point, as `x,y`.
    Start,
    /// `target`: ε of the leaderboard's "steps to reach f − f* < ε".
    Target,
    /// A setting of the shared schedule (`schedule`, `step-size`, `gamma`, `total`,
    /// `warmup`), given to every racer that does not use its own.
    Schedule(ScheduleParam),
    /// `slice-x` (0) / `slice-y` (1): which classifier parameter each axis of the classifier
    /// slice varies, by the lab's names (`W[0,1]`, `b[2]`).
    SliceAxis(usize),
}

impl RaceParam {
    /// Every scene-wide setting.
    pub const ALL: [RaceParam; 29] = [
        RaceParam::Preset,
        RaceParam::Surface,
        RaceParam::Kappa,
        RaceParam::Angle,
        RaceParam::Noise,
        RaceParam::Seed,
        RaceParam::StepsPerFrame,
        RaceParam::Start,
        RaceParam::Target,
        RaceParam::Schedule(ScheduleParam::Kind),
        RaceParam::Schedule(ScheduleParam::StepSize),
        RaceParam::Schedule(ScheduleParam::Gamma),
        RaceParam::Schedule(ScheduleParam::Total),
        RaceParam::Schedule(ScheduleParam::Warmup),
        RaceParam::SliceAxis(0),
        RaceParam::SliceAxis(1),
        RaceParam::Schedule(ScheduleParam::Milestones),
        RaceParam::Schedule(ScheduleParam::Power),
        RaceParam::Schedule(ScheduleParam::MinLr),
        RaceParam::Schedule(ScheduleParam::Periodic),
        RaceParam::Schedule(ScheduleParam::RestartPeriod),
        RaceParam::Schedule(ScheduleParam::RestartMult),
        RaceParam::Schedule(ScheduleParam::PctStart),
        RaceParam::Schedule(ScheduleParam::DivFactor),
        RaceParam::Schedule(ScheduleParam::FinalDivFactor),
        RaceParam::Schedule(ScheduleParam::WarmupStart),
        RaceParam::Schedule(ScheduleParam::Patience),
        RaceParam::Schedule(ScheduleParam::Threshold),
        RaceParam::Schedule(ScheduleParam::Cooldown),
    ];

    /// The setting's name.
    pub fn name(self) -> &'static str {
        match self {
            RaceParam::Preset => "preset",
            RaceParam::Surface => "surface",
            RaceParam::Kappa => "kappa",
            RaceParam::Angle => "angle",
            RaceParam::Noise => "noise",
            RaceParam::Seed => "seed",
            RaceParam::StepsPerFrame => "steps-per-frame",
            RaceParam::Start => "start",
            RaceParam::Target => "target",
            RaceParam::Schedule(p) => p.name(),
            RaceParam::SliceAxis(0) => "slice-x",
            RaceParam::SliceAxis(_) => "slice-y",
        }
    }
}

/// A racer's own setting besides its optimizer settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RacerParam {
    /// `enabled`: whether the racer races.
    Enabled,
    /// `own-schedule`: follow its own schedule instead of the shared one.
    OwnSchedule,
    /// `noise-free`: take exact gradients, ignoring the race's gradient noise (the lecture's
    /// "disable all sources of noise", next to a racer that does not).
    NoiseFree,
    /// An optimizer setting: `method`, `lr`, a hyperparameter or a schedule setting.
    Optimizer(Setting),
}

/// Any setting of the race.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// A scene-wide setting.
    Race(RaceParam),
    /// Setting `param` of racer `index`.
    Racer { index: usize, param: RacerParam },
}

/// A name that is no setting of the race, or a racer number past the last racer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnknownParam {
    /// A name that is no setting of the race.
    Name(String),
    /// A racer number past the last racer.
    Racer(usize),
}

impl fmt::Display for UnknownParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnknownParam::Name(name) => write!(
                f,
                "unknown race setting \"{name}\" (expected one of: {}, or racer<k>.<setting> for k < {MAX_RACERS})",
                RaceParam::ALL.map(RaceParam::name).join(", ")
            ),
            UnknownParam::Racer(index) => {
                write!(f, "there is no racer {index}: racers are numbered 0 to {}", MAX_RACERS - 1)
            }
        }
    }
}

impl std::error::Error for UnknownParam {}

impl FromStr for RacerParam {
    type Err = UnknownParam;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "enabled" => Ok(RacerParam::Enabled),
            "own-schedule" => Ok(RacerParam::OwnSchedule),
            "noise-free" => Ok(RacerParam::NoiseFree),
            _ => s.parse().map(RacerParam::Optimizer).map_err(|_| UnknownParam::Name(s.to_string())),
        }
    }
}

impl FromStr for Param {
    type Err = UnknownParam;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(param) = RaceParam::ALL.into_iter().find(|p| p.name() == s) {
            return Ok(Param::Race(param));
        }
        let unknown = || UnknownParam::Name(s.to_string());
        let (racer, name) = s.strip_prefix("racer").and_then(|rest| rest.split_once('.')).ok_or_else(unknown)?;
        let index: usize = racer.parse().map_err(|_| unknown())?;
        if index >= MAX_RACERS {
            return Err(UnknownParam::Racer(index));
        }
        Ok(Param::Racer { index, param: name.parse().map_err(|_| unknown())? })
    }
}

//! The race's settings: their names, as the page's controls carry them (`data-param`), in
//! link order ([`Param::table`]), their labels and what their values may be (their rows of the
//! settings table, see [`crate::setting`]; the rows that depend on the race's state, the
//! surfaces and the slice's axes, are completed by [`Race::setting_spec`](super::Race::setting_spec)),
//! and the error a name that is none of them gives.
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
use crate::setting::{Kind, Spec};
use crate::surface::SurfaceKind;

/// The most racers a race holds.
pub const MAX_RACERS: usize = 8;

/// The largest condition number κ of the quadratic (the smallest is 1).
pub const MAX_KAPPA: f64 = 1000.0;
/// The largest gradient noise σ.
pub const MAX_NOISE: f64 = 100.0;
/// The most updates per animation frame.
pub const MAX_STEPS_PER_FRAME: u64 = 100;
/// The smallest ε of the leaderboard: a few rounding errors of a loss near 1.
pub const MIN_TARGET: f64 = 1e-15;
/// The largest ε of the leaderboard: above the range of every surface's values in view.
pub const MAX_TARGET: f64 = 1e6;
/// What a start must be.
pub const START_EXPECTED: &str = "two numbers x,y of size at most 1e6";

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
    /// Every scene-wide setting, in link order: the classifier slice's axes (which a preset
    /// keeps), the preset, the terrain (a surface change moves the start, and so does a slice
    /// axis while the classifier slice shows), the start, then what changes nothing else.
    pub const ALL: [RaceParam; 29] = [
        RaceParam::SliceAxis(0),
        RaceParam::SliceAxis(1),
        RaceParam::Preset,
        RaceParam::Surface,
        RaceParam::Kappa,
        RaceParam::Angle,
        RaceParam::Start,
        RaceParam::Noise,
        RaceParam::Seed,
        RaceParam::StepsPerFrame,
        RaceParam::Target,
        RaceParam::Schedule(ScheduleParam::Kind),
        RaceParam::Schedule(ScheduleParam::StepSize),
        RaceParam::Schedule(ScheduleParam::Gamma),
        RaceParam::Schedule(ScheduleParam::Total),
        RaceParam::Schedule(ScheduleParam::Warmup),
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

    /// The label of the setting's control.
    pub fn label(self) -> &'static str {
        match self {
            RaceParam::Preset => "Preset",
            RaceParam::Surface => "Surface",
            RaceParam::Kappa => "Condition number κ",
            RaceParam::Angle => "Angle θ",
            RaceParam::Noise => "Noise σ",
            RaceParam::Seed => "Seed",
            RaceParam::StepsPerFrame => "Steps per frame",
            RaceParam::Start => "Start",
            RaceParam::Target => "Target ε",
            RaceParam::Schedule(p) => p.label(),
            RaceParam::SliceAxis(0) => "Slice x",
            RaceParam::SliceAxis(_) => "Slice y",
        }
    }

    /// What the setting's value may be, as far as it does not depend on the race: the
    /// surfaces without the classifier slice, and no slice axes (the race adds both once it
    /// has the lab's model, see [`Race::setting_spec`](super::Race::setting_spec)).
    pub fn kind(self) -> Kind {
        match self {
            RaceParam::Preset => Kind::choice_of::<super::preset::Preset>(),
            RaceParam::Surface => Kind::choice_of::<SurfaceKind>(),
            RaceParam::Kappa => Kind::log(1.0, MAX_KAPPA, 3),
            RaceParam::Angle => Kind::number(-90.0, 90.0, 1.0),
            RaceParam::Noise => Kind::number(0.0, MAX_NOISE, 0.01),
            RaceParam::Seed => Kind::seed(),
            RaceParam::StepsPerFrame => Kind::whole(1, MAX_STEPS_PER_FRAME),
            RaceParam::Start => Kind::Text { expected: START_EXPECTED },
            RaceParam::Target => Kind::log(MIN_TARGET, MAX_TARGET, 3),
            RaceParam::Schedule(p) => p.kind(),
            RaceParam::SliceAxis(_) => Kind::Choice(Vec::new()),
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

impl RacerParam {
    /// A racer's settings in link order: whether it races, its optimizer settings (the method
    /// first: it resets the learning rate and the method's defaults), its own-schedule and
    /// noise-free switches.
    pub fn table() -> impl Iterator<Item = RacerParam> {
        std::iter::once(RacerParam::Enabled)
            .chain(Setting::all().map(RacerParam::Optimizer))
            .chain([RacerParam::OwnSchedule, RacerParam::NoiseFree])
    }

    /// The setting's name after the racer's prefix.
    pub fn name(self) -> &'static str {
        match self {
            RacerParam::Enabled => "enabled",
            RacerParam::OwnSchedule => "own-schedule",
            RacerParam::NoiseFree => "noise-free",
            RacerParam::Optimizer(setting) => setting.name(),
        }
    }

    /// The setting's row of the table for the racer whose names start with `prefix`
    /// (`racer2.`).
    pub fn spec(self, prefix: &str) -> Spec {
        let switch = |label: &str| Spec::new(format!("{prefix}{}", self.name()), label, Kind::Switch);
        match self {
            RacerParam::Enabled => switch("races"),
            RacerParam::OwnSchedule => switch("own schedule"),
            RacerParam::NoiseFree => switch("noise-free"),
            RacerParam::Optimizer(setting) => setting.spec(prefix),
        }
    }
}

/// Any setting of the race.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// A scene-wide setting.
    Race(RaceParam),
    /// Setting `param` of racer `index`.
    Racer { index: usize, param: RacerParam },
}

impl Param {
    /// Every setting of the race, in link order: the scene's ([`RaceParam::ALL`]), then each
    /// racer's ([`RacerParam::table`]).
    pub fn table() -> impl Iterator<Item = Param> {
        let racers =
            (0..MAX_RACERS).flat_map(|index| RacerParam::table().map(move |param| Param::Racer { index, param }));
        RaceParam::ALL.into_iter().map(Param::Race).chain(racers)
    }

    /// The setting's name: `noise`, `racer2.lr`.
    pub fn name(self) -> String {
        match self {
            Param::Race(p) => p.name().to_string(),
            Param::Racer { index, param } => format!("racer{index}.{}", param.name()),
        }
    }
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

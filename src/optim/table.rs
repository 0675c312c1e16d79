//! The optimizer's rows of a settings table: for the method, each hyperparameter and each
//! schedule setting, its label and what its value may be. The lab lists them under its own
//! names, the race under each racer's prefix (`racer2.lr`), the command line parses its
//! options through them ([`Settings::set`](super::settings::Settings::set)).

use super::momentum::MomentumForm;
use super::settings::{Hyper, MAX_HISTORY, MAX_SAMPLES, Method, Setting};
use crate::setting::{Choice, Kind, Spec};

/// The largest weight decay a control may set.
pub const MAX_WEIGHT_DECAY: f64 = 100.0;

impl Hyper {
    /// The label of the hyperparameter's control.
    pub fn label(self) -> &'static str {
        match self {
            Hyper::Momentum => "Momentum ρ",
            Hyper::Form => "Form",
            Hyper::Decay => "Decay rate",
            Hyper::Beta1 => "β₁",
            Hyper::Beta2 => "β₂",
            Hyper::Eps => "ε",
            Hyper::WeightDecay => "Weight decay",
            Hyper::BiasCorrection => "bias correction",
            Hyper::History => "History m",
            Hyper::Samples => "Candidates",
            Hyper::Seed => "Search seed",
        }
    }

    /// What the hyperparameter's value may be.
    pub fn kind(self) -> Kind {
        match self {
            Hyper::Momentum => Kind::rate(0.01),
            Hyper::Form => Kind::choice_of::<MomentumForm>(),
            Hyper::Decay | Hyper::Beta1 => Kind::rate(0.001),
            Hyper::Beta2 => Kind::rate(0.0001),
            Hyper::Eps => Kind::log(1e-10, 0.1, 2),
            Hyper::WeightDecay => Kind::number(0.0, MAX_WEIGHT_DECAY, 0.001),
            Hyper::BiasCorrection => Kind::Switch,
            Hyper::History => Kind::whole(1, MAX_HISTORY as u64),
            Hyper::Samples => Kind::whole(1, MAX_SAMPLES as u64),
            Hyper::Seed => Kind::seed(),
        }
    }
}

impl Setting {
    /// Every optimizer setting, in link order: the method first (it resets the learning rate
    /// and the method's defaults), then the hyperparameters, then the schedule.
    pub fn all() -> impl Iterator<Item = Setting> {
        std::iter::once(Setting::Method)
            .chain(Hyper::ALL.into_iter().map(Setting::Hyper))
            .chain(crate::schedule::ScheduleParam::ALL.into_iter().map(Setting::Schedule))
    }

    /// The setting's name.
    pub fn name(self) -> &'static str {
        match self {
            Setting::Method => "method",
            Setting::Hyper(h) => h.name(),
            Setting::Schedule(p) => p.name(),
        }
    }

    /// The label of the setting's control.
    pub fn label(self) -> &'static str {
        match self {
            Setting::Method => "Method",
            Setting::Hyper(h) => h.label(),
            Setting::Schedule(p) => p.label(),
        }
    }

    /// What the setting's value may be.
    pub fn kind(self) -> Kind {
        match self {
            Setting::Method => Kind::Choice(
                Method::ALL.iter().map(|m| Choice { value: m.name().into(), label: m.label().into() }).collect(),
            ),
            Setting::Hyper(h) => h.kind(),
            Setting::Schedule(p) => p.kind(),
        }
    }

    /// The setting's row of a table, its name after `prefix` (`""` in the lab, `racer2.` in
    /// the race).
    pub fn spec(self, prefix: &str) -> Spec {
        Spec::new(format!("{prefix}{}", self.name()), self.label(), self.kind())
    }
}

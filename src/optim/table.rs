//! The optimizer's rows of a settings table: for the method, each hyperparameter and each
//! schedule setting, its label and what its value may be. The lab lists them under its own
//! names, the race under each racer's prefix (`racer2.lr`), the command line parses its
//! options through them ([`Settings::set`](super::settings::Settings::set)).

use super::line_search::LineSearch;
use super::momentum::MomentumForm;
use super::settings::{Hyper, MAX_HISTORY, MAX_SAMPLES, Method, Setting};
use crate::setting::{Choice, Kind, Spec};

/// The largest weight decay a control may set.
pub const MAX_WEIGHT_DECAY: f64 = 100.0;
/// The most L-BFGS iterations per step a control may set.
pub const MAX_ITER: usize = 1000;
/// The most L-BFGS evaluations per step a control may set.
pub const MAX_EVAL: usize = 10_000;

impl Hyper {
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
            Hyper::Dampening | Hyper::Rho => Kind::number(0.0, 1.0, 0.01),
            Hyper::Amsgrad | Hyper::Centered => Kind::Switch,
            Hyper::RmsPropMomentum => Kind::rate(0.01),
            Hyper::LrDecay => Kind::log_from_zero(1e-4, 10.0, 2),
            Hyper::InitialAccumulator => Kind::log_from_zero(1e-4, 100.0, 2),
            Hyper::MomentumDecay => Kind::log_from_zero(1e-4, 1.0, 2),
            Hyper::EtaMinus => Kind::number(0.01, 0.99, 0.01),
            Hyper::EtaPlus => Kind::number(1.01, 5.0, 0.01),
            Hyper::StepMin => Kind::log_from_zero(1e-8, 1.0, 2),
            Hyper::StepMax => Kind::log(1e-3, 1000.0, 2),
            Hyper::MaxIter => Kind::whole(1, MAX_ITER as u64),
            Hyper::MaxEval => Kind::whole(1, MAX_EVAL as u64),
            Hyper::ToleranceGrad | Hyper::ToleranceChange => Kind::log_from_zero(1e-12, 1.0, 2),
            Hyper::LineSearch => Kind::choice_of::<LineSearch>(),
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
                Method::ALL
                    .iter()
                    .map(|m| Choice { detail: m.rule().into(), ..Choice::new(m.name(), m.label()) })
                    .collect(),
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

//! The typed settings of an optimizer run, named like the controls and command-line
//! options: the method, its hyperparameters and the learning-rate schedule. Names parse with
//! `FromStr`, values are checked on the way in, and [`Settings::build`] makes the boxed
//! optimizer.
//!
//! ```
//! use descent::optim::settings::{Hyper, Method, Settings};
//! assert_eq!("adam".parse::<Method>().unwrap(), Method::Adam);
//! assert_eq!("beta1".parse::<Hyper>().unwrap(), Hyper::Beta1);
//! let mut s = Settings::new(Method::Adam);
//! s.set("beta1", "0.8").unwrap();
//! s.set("schedule", "cosine").unwrap();
//! assert_eq!(s.get("lr").unwrap(), "0.001"); // PyTorch's default for Adam
//! assert_eq!(s.build().unwrap().method(), Method::Adam);
//! let err = s.set("beta1", "1.5").unwrap_err().to_string();
//! assert!(err.contains("beta1"), "{err}");
//! ```

use std::fmt;
use std::str::FromStr;

pub use super::hyper::Hyper;
pub use super::method::Method;

use super::Optimizer;
use super::adadelta::Adadelta;
use super::adagrad::AdaGrad;
use super::adam::Adam;
use super::adamax::Adamax;
use super::lbfgs::Lbfgs;
use super::line_search::LineSearch;
use super::momentum::{Momentum, MomentumForm};
use super::nadam::NAdam;
use super::nesterov::Nesterov;
use super::newton::Newton;
use super::radam::RAdam;
use super::random_search::RandomSearch;
use super::rmsprop::RmsProp;
use super::rprop::Rprop;
use super::sgd::Sgd;
use crate::schedule::{Schedule, ScheduleError, ScheduleParam};
use crate::setting::named::UnknownName;
use crate::setting::{Kind, SettingError};

// Method and hyperparameter names parse here, into a [`SettingsError`] that lists every
// setting, so that `method.rs` and `hyper.rs` need nothing from the settings.
/// Any setting of a run: the method, a hyperparameter or a schedule setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// `method`.
    Method,
    /// A hyperparameter.
    Hyper(Hyper),
    /// A schedule setting (`lr`, `schedule`, `step-size`, `gamma`, `total`, `warmup`).
    Schedule(ScheduleParam),
}

impl Setting {
    /// Every setting's name.
    pub fn names() -> impl Iterator<Item = &'static str> {
        std::iter::once("method").chain(Hyper::ALL.map(Hyper::name)).chain(ScheduleParam::ALL.map(ScheduleParam::name))
    }
}

impl FromStr for Setting {
    type Err = SettingsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "method" {
            Ok(Setting::Method)
        } else if let Ok(h) = s.parse() {
            Ok(Setting::Hyper(h))
        } else if let Ok(p) = s.parse() {
            Ok(Setting::Schedule(p))
        } else {
            Err(SettingsError::UnknownSetting(s.to_string()))
        }
    }
}

/// Why a setting was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingsError {
    /// A setting name that is not one of [`Setting`]'s.
    UnknownSetting(String),
    /// A value that does not parse or is out of range; `expected` says what is allowed.
    Value { name: &'static str, value: String, expected: &'static str },
    /// A schedule setting that was refused.
    Schedule(ScheduleError),
    /// A value the setting's row of the table refuses.
    Invalid(SettingError),
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingsError::UnknownSetting(s) => {
                write!(
                    f,
                    "unknown setting \"{s}\" (expected one of: {})",
                    Setting::names().collect::<Vec<_>>().join(", ")
                )
            }
            SettingsError::Value { name, value, expected } => write!(f, "{name} must be {expected}, not \"{value}\""),
            SettingsError::Schedule(e) => e.fmt(f),
            SettingsError::Invalid(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SettingsError {}

impl From<UnknownName> for SettingsError {
    fn from(e: UnknownName) -> Self {
        SettingsError::Invalid(SettingError::other(e.0))
    }
}

impl From<SettingError> for SettingsError {
    fn from(e: SettingError) -> Self {
        SettingsError::Invalid(e)
    }
}

impl From<ScheduleError> for SettingsError {
    fn from(e: ScheduleError) -> Self {
        SettingsError::Schedule(e)
    }
}

/// The hyperparameters of every method (each uses those [`Method::hypers`] lists).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hyperparameters {
    /// ρ of momentum and Nesterov.
    pub momentum: f64,
    /// Momentum's formulation.
    pub form: MomentumForm,
    /// RMSProp's decay rate.
    pub decay: f64,
    /// Adam's β₁.
    pub beta1: f64,
    /// Adam's β₂.
    pub beta2: f64,
    /// ε of AdaGrad, RMSProp and Adam.
    pub eps: f64,
    /// PyTorch's `weight_decay`.
    pub weight_decay: f64,
    /// Adam's bias correction.
    pub bias_correction: bool,
    /// L-BFGS's history size m.
    pub history: usize,
    /// Random search's candidates per step.
    pub samples: usize,
    /// Random search's seed.
    pub seed: u64,
    /// SGD+Momentum's dampening d.
    pub dampening: f64,
    /// Adam's and AdamW's AMSGrad variant.
    pub amsgrad: bool,
    /// RMSProp's momentum μ.
    pub rmsprop_momentum: f64,
    /// Centered RMSProp.
    pub centered: bool,
    /// AdaGrad's learning-rate decay η.
    pub lr_decay: f64,
    /// AdaGrad's initial accumulator G₀.
    pub initial_accumulator: f64,
    /// NAdam's momentum decay ψ.
    pub momentum_decay: f64,
    /// Adadelta's decay rate ρ.
    pub rho: f64,
    /// Rprop's η⁻.
    pub eta_minus: f64,
    /// Rprop's η⁺.
    pub eta_plus: f64,
    /// Rprop's smallest step size.
    pub step_min: f64,
    /// Rprop's largest step size.
    pub step_max: f64,
    /// L-BFGS's iterations per step.
    pub max_iter: usize,
    /// L-BFGS's evaluations per step.
    pub max_eval: usize,
    /// L-BFGS's gradient tolerance.
    pub tolerance_grad: f64,
    /// L-BFGS's change tolerance.
    pub tolerance_change: f64,
    /// L-BFGS's line search.
    pub line_search: LineSearch,
}

impl Hyperparameters {
    /// PyTorch's defaults for `method`: ρ = 0.9 (the lecture's "typically 0.9"; PyTorch's
    /// SGD defaults to no momentum at all), decay 0.99, β = (0.9, 0.999), ε and weight
    /// decay per method, bias correction on, L-BFGS history 100; one random-search candidate
    /// per step from seed 0; no dampening, AMSGrad, RMSProp momentum or centering, AdaGrad's
    /// η = G₀ = 0, NAdam's ψ = 4e-3, Adadelta's ρ = 0.9, Rprop's η = (0.5, 1.2) and
    /// Δ ∈ [1e-6, 50]. L-BFGS makes one iteration per step with at most 25 evaluations, both
    /// tolerances 0 and the strong-Wolfe line search (PyTorch's defaults are `max_iter=20`,
    /// `tolerance_grad=1e-7`, `tolerance_change=1e-9`, `line_search_fn=None`: a lab step is
    /// one iteration, so that the trajectory shows each one).
    pub fn new(method: Method) -> Self {
        Hyperparameters {
            momentum: 0.9,
            form: MomentumForm::Gradient,
            decay: 0.99,
            beta1: 0.9,
            beta2: 0.999,
            eps: method.default_eps(),
            weight_decay: method.default_weight_decay(),
            bias_correction: true,
            history: 100,
            samples: 1,
            seed: 0,
            dampening: 0.0,
            amsgrad: false,
            rmsprop_momentum: 0.0,
            centered: false,
            lr_decay: 0.0,
            initial_accumulator: 0.0,
            momentum_decay: 4e-3,
            rho: 0.9,
            eta_minus: 0.5,
            eta_plus: 1.2,
            step_min: 1e-6,
            step_max: 50.0,
            max_iter: 1,
            max_eval: super::lbfgs::MAX_EVAL,
            tolerance_grad: 0.0,
            tolerance_change: 0.0,
            line_search: LineSearch::StrongWolfe,
        }
    }
}

/// Everything that defines an optimizer run: method, hyperparameters and schedule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// The method.
    pub method: Method,
    /// Its hyperparameters.
    pub hyper: Hyperparameters,
    /// The learning-rate schedule (its `lr` is α₀).
    pub schedule: Schedule,
}

impl Default for Settings {
    fn default() -> Self {
        Settings::new(Method::default())
    }
}

const UNIT: &str = "a number in [0, 1)";
const POSITIVE: &str = "a finite number > 0";
const NON_NEGATIVE: &str = "a finite number ≥ 0";
/// The largest L-BFGS history accepted.
pub const MAX_HISTORY: usize = 1000;
const HISTORY: &str = "a whole number from 1 to 1000";
/// The most random-search candidates per step accepted.
pub const MAX_SAMPLES: usize = 10_000;
const SAMPLES: &str = "a whole number from 1 to 10000";

fn check_range(name: &'static str, v: f64, ok: bool, expected: &'static str) -> Result<(), SettingsError> {
    if ok { Ok(()) } else { Err(SettingsError::Value { name, value: v.to_string(), expected }) }
}

impl Settings {
    /// `method` with PyTorch's defaults: its learning rate, ε and weight decay, and a
    /// constant schedule.
    pub fn new(method: Method) -> Self {
        Settings {
            method,
            hyper: Hyperparameters::new(method),
            schedule: Schedule { lr: method.default_lr(), ..Schedule::default() },
        }
    }

    /// Changes the method. The method-specific defaults (learning rate, ε, weight decay)
    /// become the new method's PyTorch defaults; the other settings stay.
    pub fn set_method(&mut self, method: Method) {
        self.method = method;
        self.schedule.lr = method.default_lr();
        self.hyper.eps = method.default_eps();
        self.hyper.weight_decay = method.default_weight_decay();
    }

    /// Checks every hyperparameter and the schedule.
    pub fn validate(&self) -> Result<(), SettingsError> {
        self.validate_hypers()?;
        self.schedule.validate()?;
        Ok(())
    }

    /// Checks every hyperparameter.
    fn validate_hypers(&self) -> Result<(), SettingsError> {
        let h = &self.hyper;
        let unit = |v: f64| (0.0..1.0).contains(&v);
        check_range(Hyper::Momentum.name(), h.momentum, unit(h.momentum), UNIT)?;
        check_range(Hyper::Decay.name(), h.decay, unit(h.decay), UNIT)?;
        check_range(Hyper::Beta1.name(), h.beta1, unit(h.beta1), UNIT)?;
        check_range(Hyper::Beta2.name(), h.beta2, unit(h.beta2), UNIT)?;
        check_range(Hyper::Eps.name(), h.eps, h.eps.is_finite() && h.eps > 0.0, POSITIVE)?;
        let wd = h.weight_decay;
        check_range(Hyper::WeightDecay.name(), wd, wd.is_finite() && wd >= 0.0, NON_NEGATIVE)?;
        let history = h.history as f64;
        check_range(Hyper::History.name(), history, (1..=MAX_HISTORY).contains(&h.history), HISTORY)?;
        check_range(Hyper::Samples.name(), h.samples as f64, (1..=MAX_SAMPLES).contains(&h.samples), SAMPLES)?;
        let numbers = [
            (Hyper::Dampening, h.dampening),
            (Hyper::RmsPropMomentum, h.rmsprop_momentum),
            (Hyper::LrDecay, h.lr_decay),
            (Hyper::InitialAccumulator, h.initial_accumulator),
            (Hyper::MomentumDecay, h.momentum_decay),
            (Hyper::Rho, h.rho),
            (Hyper::EtaMinus, h.eta_minus),
            (Hyper::EtaPlus, h.eta_plus),
            (Hyper::StepMin, h.step_min),
            (Hyper::StepMax, h.step_max),
            (Hyper::MaxIter, h.max_iter as f64),
            (Hyper::MaxEval, h.max_eval as f64),
            (Hyper::ToleranceGrad, h.tolerance_grad),
            (Hyper::ToleranceChange, h.tolerance_change),
        ];
        for (hyper, value) in numbers {
            let kind = hyper.kind();
            if !kind.admits(value) {
                return Err(SettingError::invalid(hyper.name(), &value.to_string(), &kind.expected()).into());
            }
        }
        if h.step_min > h.step_max {
            return Err(SettingError::other(format!(
                "Rprop's step-min {} must not exceed its step-max {}",
                h.step_min, h.step_max
            ))
            .into());
        }
        Ok(())
    }

    /// Sets one setting by name from text (what the page's controls and the command line
    /// send). A refused value leaves the settings unchanged; setting `method` applies
    /// [`Settings::set_method`].
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingsError> {
        let setting: Setting = name.parse()?;
        let kind = setting.kind();
        let mut next = *self;
        match setting {
            Setting::Method => next.set_method(value.trim().parse()?),
            Setting::Schedule(_) => next.schedule.set(name, value)?,
            Setting::Hyper(hyper) => {
                let h = &mut next.hyper;
                let number = || kind.parse_number(name, value);
                let whole = || kind.parse_whole(name, value);
                match hyper {
                    Hyper::Momentum => h.momentum = number()?,
                    Hyper::Decay => h.decay = number()?,
                    Hyper::Beta1 => h.beta1 = number()?,
                    Hyper::Beta2 => h.beta2 = number()?,
                    Hyper::Eps => h.eps = number()?,
                    Hyper::WeightDecay => h.weight_decay = number()?,
                    Hyper::Form => h.form = Kind::parse_named(value)?,
                    Hyper::History => h.history = whole()? as usize,
                    Hyper::Samples => h.samples = whole()? as usize,
                    Hyper::Seed => h.seed = whole()?,
                    Hyper::BiasCorrection => h.bias_correction = kind.parse_switch(name, value)?,
                    Hyper::Dampening => h.dampening = number()?,
                    Hyper::Amsgrad => h.amsgrad = kind.parse_switch(name, value)?,
                    Hyper::RmsPropMomentum => h.rmsprop_momentum = number()?,
                    Hyper::Centered => h.centered = kind.parse_switch(name, value)?,
                    Hyper::LrDecay => h.lr_decay = number()?,
                    Hyper::InitialAccumulator => h.initial_accumulator = number()?,
                    Hyper::MomentumDecay => h.momentum_decay = number()?,
                    Hyper::Rho => h.rho = number()?,
                    Hyper::EtaMinus => h.eta_minus = number()?,
                    Hyper::EtaPlus => h.eta_plus = number()?,
                    Hyper::StepMin => h.step_min = number()?,
                    Hyper::StepMax => h.step_max = number()?,
                    Hyper::MaxIter => h.max_iter = whole()? as usize,
                    Hyper::MaxEval => h.max_eval = whole()? as usize,
                    Hyper::ToleranceGrad => h.tolerance_grad = number()?,
                    Hyper::ToleranceChange => h.tolerance_change = number()?,
                    Hyper::LineSearch => h.line_search = Kind::parse_named(value)?,
                }
            }
        }
        *self = next;
        Ok(())
    }

    /// One setting's current value as text.
    pub fn get(&self, name: &str) -> Result<String, SettingsError> {
        let h = &self.hyper;
        Ok(match name.parse()? {
            Setting::Method => self.method.name().to_string(),
            Setting::Schedule(_) => self.schedule.get(name)?,
            Setting::Hyper(hyper) => match hyper {
                Hyper::Momentum => h.momentum.to_string(),
                Hyper::Form => h.form.name().to_string(),
                Hyper::Decay => h.decay.to_string(),
                Hyper::Beta1 => h.beta1.to_string(),
                Hyper::Beta2 => h.beta2.to_string(),
                Hyper::Eps => h.eps.to_string(),
                Hyper::WeightDecay => h.weight_decay.to_string(),
                Hyper::BiasCorrection => h.bias_correction.to_string(),
                Hyper::History => h.history.to_string(),
                Hyper::Samples => h.samples.to_string(),
                Hyper::Seed => h.seed.to_string(),
                Hyper::Dampening => h.dampening.to_string(),
                Hyper::Amsgrad => h.amsgrad.to_string(),
                Hyper::RmsPropMomentum => h.rmsprop_momentum.to_string(),
                Hyper::Centered => h.centered.to_string(),
                Hyper::LrDecay => h.lr_decay.to_string(),
                Hyper::InitialAccumulator => h.initial_accumulator.to_string(),
                Hyper::MomentumDecay => h.momentum_decay.to_string(),
                Hyper::Rho => h.rho.to_string(),
                Hyper::EtaMinus => h.eta_minus.to_string(),
                Hyper::EtaPlus => h.eta_plus.to_string(),
                Hyper::StepMin => h.step_min.to_string(),
                Hyper::StepMax => h.step_max.to_string(),
                Hyper::MaxIter => h.max_iter.to_string(),
                Hyper::MaxEval => h.max_eval.to_string(),
                Hyper::ToleranceGrad => h.tolerance_grad.to_string(),
                Hyper::ToleranceChange => h.tolerance_change.to_string(),
                Hyper::LineSearch => h.line_search.name().to_string(),
            },
        })
    }

    /// The optimizer these settings describe, with fresh state (the schedule is the
    /// driver's, see [`Run`](super::run::Run)).
    pub fn build(&self) -> Result<Box<dyn Optimizer>, SettingsError> {
        self.validate_hypers()?;
        let h = self.hyper;
        Ok(match self.method {
            Method::RandomSearch => Box::new(RandomSearch::new(h.samples, h.seed)),
            Method::Sgd => Box::new(Sgd::new(h.weight_decay)),
            Method::Momentum => {
                let mut momentum = Momentum::new(h.momentum, h.form, h.weight_decay);
                momentum.dampening = h.dampening;
                Box::new(momentum)
            }
            Method::Nesterov => Box::new(Nesterov::new(h.momentum, h.weight_decay)),
            Method::AdaGrad => {
                let mut adagrad = AdaGrad::new(h.eps, h.weight_decay);
                adagrad.lr_decay = h.lr_decay;
                adagrad.initial_accumulator = h.initial_accumulator;
                Box::new(adagrad)
            }
            Method::RmsProp => {
                let mut rmsprop = RmsProp::new(h.decay, h.eps, h.weight_decay);
                rmsprop.momentum = h.rmsprop_momentum;
                rmsprop.centered = h.centered;
                Box::new(rmsprop)
            }
            Method::Adam | Method::AdamW => {
                let mut adam = Adam::new(h.beta1, h.beta2, h.eps);
                adam.weight_decay = h.weight_decay;
                adam.bias_correction = h.bias_correction;
                adam.decoupled = self.method == Method::AdamW;
                adam.amsgrad = h.amsgrad;
                Box::new(adam)
            }
            Method::NAdam => Box::new(NAdam::new(h.beta1, h.beta2, h.eps, h.weight_decay, h.momentum_decay)),
            Method::RAdam => Box::new(RAdam::new(h.beta1, h.beta2, h.eps, h.weight_decay)),
            Method::Adamax => Box::new(Adamax::new(h.beta1, h.beta2, h.eps, h.weight_decay)),
            Method::Adadelta => Box::new(Adadelta::new(h.rho, h.eps, h.weight_decay)),
            Method::Rprop => Box::new(Rprop::new(h.eta_minus, h.eta_plus, h.step_min, h.step_max)),
            Method::Newton => Box::new(Newton::default()),
            Method::Lbfgs => {
                let mut lbfgs = Lbfgs::new(h.history);
                lbfgs.max_iter = h.max_iter;
                lbfgs.max_eval = h.max_eval;
                lbfgs.tolerance_grad = h.tolerance_grad;
                lbfgs.tolerance_change = h.tolerance_change;
                lbfgs.line_search = h.line_search;
                Box::new(lbfgs)
            }
        })
    }
}

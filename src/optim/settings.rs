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
use super::adagrad::AdaGrad;
use super::adam::Adam;
use super::lbfgs::Lbfgs;
use super::momentum::{Momentum, MomentumForm};
use super::nesterov::Nesterov;
use super::newton::Newton;
use super::random_search::RandomSearch;
use super::rmsprop::RmsProp;
use super::sgd::Sgd;
use crate::schedule::{Schedule, ScheduleError, ScheduleParam};
use crate::setting::{Kind, SettingError};

// Method and hyperparameter names parse here, into a [`SettingsError`] that lists every
// setting, so that `method.rs` and `hyper.rs` need nothing from the settings.
impl FromStr for Method {
    type Err = SettingsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Method::ALL.into_iter().find(|m| m.name() == s).ok_or_else(|| SettingsError::UnknownMethod(s.to_string()))
    }
}

impl FromStr for Hyper {
    type Err = SettingsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Hyper::ALL.into_iter().find(|h| h.name() == s).ok_or_else(|| SettingsError::UnknownSetting(s.to_string()))
    }
}

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
    /// A method name that is not one of [`Method`]'s.
    UnknownMethod(String),
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
            SettingsError::UnknownMethod(s) => {
                write!(f, "unknown optimizer \"{s}\" (expected one of: {})", Method::ALL.map(Method::name).join(", "))
            }
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
}

impl Hyperparameters {
    /// PyTorch's defaults for `method`: ρ = 0.9 (the lecture's "typically 0.9"; PyTorch's
    /// SGD defaults to no momentum at all), decay 0.99, β = (0.9, 0.999), ε and weight
    /// decay per method, bias correction on, L-BFGS history 100; one random-search candidate
    /// per step from seed 0.
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
        check_range(Hyper::Samples.name(), h.samples as f64, (1..=MAX_SAMPLES).contains(&h.samples), SAMPLES)
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
            Method::Momentum => Box::new(Momentum::new(h.momentum, h.form, h.weight_decay)),
            Method::Nesterov => Box::new(Nesterov::new(h.momentum, h.weight_decay)),
            Method::AdaGrad => Box::new(AdaGrad::new(h.eps, h.weight_decay)),
            Method::RmsProp => Box::new(RmsProp::new(h.decay, h.eps, h.weight_decay)),
            Method::Adam | Method::AdamW => {
                let mut adam = Adam::new(h.beta1, h.beta2, h.eps);
                adam.weight_decay = h.weight_decay;
                adam.bias_correction = h.bias_correction;
                adam.decoupled = self.method == Method::AdamW;
                Box::new(adam)
            }
            Method::Newton => Box::new(Newton::default()),
            Method::Lbfgs => Box::new(Lbfgs::new(h.history)),
        })
    }
}

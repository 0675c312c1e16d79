//! Learning-rate schedules α_t, with an optional linear warmup.
//!
//! t counts updates from 0: α_0 is the rate of the first update. Without warmup:
//!
//! - constant: α_t = α₀
//! - step: α_t = α₀·γ^⌊t/s⌋ (PyTorch's `StepLR(step_size=s, gamma=γ)`)
//! - cosine: α_t = α₀·(1 + cos(π·min(t, T)/T))/2 (`CosineAnnealingLR(T_max=T)`, held at 0
//!   after T)
//! - linear: α_t = α₀·(1 − min(t, T)/T) (`LinearLR(1, 0, total_iters=T)`)
//! - inverse square root: α_t = α₀/√(t + 1) (the lecture's α₀/√t with t counted from 1)
//!
//! With a warmup of W steps, α_t = α₀·t/W for t < W, then the chosen schedule runs on t − W
//! with horizon T − W.
//!
//! ```
//! use descent::schedule::{Schedule, ScheduleKind};
//! let s = Schedule { kind: ScheduleKind::Cosine, lr: 0.1, total: 10, warmup: 2, ..Schedule::default() };
//! assert_eq!([s.rate(0), s.rate(1), s.rate(2)], [0.0, 0.05, 0.1]);
//! assert!(s.rate(6).abs() - 0.05 < 1e-15 && s.rate(10) == 0.0);
//! ```

use std::f64::consts::PI;
use std::fmt;

use crate::setting::named::UnknownName;
use crate::setting::{Kind, SettingError};

crate::named! {
    /// The shape of the decay.
    #[derive(Default)]
    pub enum ScheduleKind: "schedule" {
        /// α_t = α₀.
        #[default]
        Constant = "constant", "Constant";
        /// α_t = α₀·γ^⌊t/s⌋.
        Step = "step", "Step: α₀γ^⌊t/s⌋";
        /// α_t = α₀·(1 + cos(π·min(t, T)/T))/2.
        Cosine = "cosine", "Cosine to T";
        /// α_t = α₀·(1 − min(t, T)/T).
        Linear = "linear", "Linear to T";
        /// α_t = α₀/√(t + 1).
        InverseSqrt = "invsqrt", "Inverse square root";
    }
}

impl ScheduleKind {
    /// True for the schedules that decay over the horizon T.
    pub fn uses_total(self) -> bool {
        matches!(self, ScheduleKind::Cosine | ScheduleKind::Linear)
    }
}

crate::named! {
    /// A schedule's settings, named like the controls and command-line options.
    pub enum ScheduleParam: "schedule setting" {
        /// `schedule`: the [`ScheduleKind`].
        Kind = "schedule", "Schedule";
        /// `lr`: the base rate α₀.
        Lr = "lr", "Learning rate α";
        /// `step-size`: s, the steps between decays of the step schedule.
        StepSize = "step-size", "Step size s";
        /// `gamma`: γ, the step schedule's factor.
        Gamma = "gamma", "Factor γ";
        /// `total`: T, the horizon of cosine and linear decay.
        Total = "total", "Total T";
        /// `warmup`: W, the steps of linear warmup.
        Warmup = "warmup", "Warmup W";
    }
}

/// The largest learning rate a control or link may set (far past divergence on every
/// surface and dataset); the smallest is 10⁻⁵, the slider's left end.
pub const MAX_LR: f64 = 100.0;
/// The most steps a schedule's s, T or W may span.
pub const MAX_STEPS: u64 = 1_000_000;

impl ScheduleParam {
    /// What the setting's value may be: its row of the settings table.
    pub fn kind(self) -> Kind {
        match self {
            ScheduleParam::Kind => Kind::choice_of::<ScheduleKind>(),
            ScheduleParam::Lr => Kind::log(1e-5, MAX_LR, 3),
            ScheduleParam::StepSize => Kind::whole(1, MAX_STEPS),
            ScheduleParam::Gamma => Kind::number(0.0, 1.0, 0.01),
            ScheduleParam::Total => Kind::whole(1, MAX_STEPS),
            ScheduleParam::Warmup => Kind::whole(0, MAX_STEPS),
        }
    }
}

/// Why a schedule setting was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ScheduleError {
    /// A name that is no schedule setting, or a value its row of the table refuses.
    Invalid(String),
    /// A value out of range in a schedule built directly; `expected` says what is allowed.
    Value { param: &'static str, value: String, expected: &'static str },
    /// Cosine or linear decay whose horizon does not extend past the warmup.
    Horizon { total: usize, warmup: usize },
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleError::Invalid(message) => f.write_str(message),
            ScheduleError::Value { param, value, expected } => {
                write!(f, "{param} must be {expected}, not \"{value}\"")
            }
            ScheduleError::Horizon { total, warmup } => {
                write!(f, "the total steps T = {total} must exceed the warmup W = {warmup}")
            }
        }
    }
}

impl From<SettingError> for ScheduleError {
    fn from(e: SettingError) -> Self {
        ScheduleError::Invalid(e.to_string())
    }
}

impl From<UnknownName> for ScheduleError {
    fn from(e: UnknownName) -> Self {
        ScheduleError::Invalid(e.0)
    }
}

impl std::error::Error for ScheduleError {}

/// A learning-rate schedule: α₀ and how it changes with the update count t.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Schedule {
    /// The decay's shape.
    pub kind: ScheduleKind,
    /// The base rate α₀.
    pub lr: f64,
    /// s: the step schedule decays every s updates (≥ 1).
    pub step_size: usize,
    /// γ: the step schedule's factor.
    pub gamma: f64,
    /// T: the horizon of cosine and linear decay, warmup included.
    pub total: usize,
    /// W: updates of linear warmup (0 for none).
    pub warmup: usize,
}

impl Default for Schedule {
    /// Constant α₀ = 1e-3 (PyTorch SGD's default); step s = 30, γ = 0.1 (the lecture's
    /// ResNet example, PyTorch's default γ); T = 100; no warmup.
    fn default() -> Self {
        Schedule { kind: ScheduleKind::Constant, lr: 1e-3, step_size: 30, gamma: 0.1, total: 100, warmup: 0 }
    }
}

impl Schedule {
    /// A constant rate α.
    pub fn constant(lr: f64) -> Self {
        Schedule { lr, ..Schedule::default() }
    }

    /// α_t, the rate of update t (counted from 0).
    pub fn rate(&self, t: usize) -> f64 {
        let warmup = self.warmup;
        if t < warmup {
            return self.lr * (t as f64 / warmup as f64);
        }
        let u = (t - warmup) as f64;
        let horizon = self.total.saturating_sub(warmup) as f64;
        // Fraction of the horizon done; a horizon of 0 counts as finished.
        let done = if horizon > 0.0 { u.min(horizon) / horizon } else { 1.0 };
        match self.kind {
            ScheduleKind::Constant => self.lr,
            ScheduleKind::Step => {
                let decays = ((t - warmup) / self.step_size.max(1)) as f64;
                self.lr * self.gamma.powf(decays)
            }
            ScheduleKind::Cosine => self.lr * (0.5 * (1.0 + (PI * done).cos())),
            ScheduleKind::Linear => self.lr * (1.0 - done),
            ScheduleKind::InverseSqrt => self.lr * (1.0 / (u + 1.0).sqrt()),
        }
    }

    /// Checks that every setting is in range: α₀ finite and ≥ 0, s ≥ 1, γ finite and ≥ 0,
    /// and T > W for cosine and linear decay.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        let bad = |param: ScheduleParam, value: String, expected| {
            Err(ScheduleError::Value { param: param.name(), value, expected })
        };
        if !(self.lr.is_finite() && self.lr >= 0.0) {
            return bad(ScheduleParam::Lr, self.lr.to_string(), "a finite number ≥ 0");
        }
        if self.step_size == 0 {
            return bad(ScheduleParam::StepSize, "0".into(), "a whole number ≥ 1");
        }
        if !(self.gamma.is_finite() && self.gamma >= 0.0) {
            return bad(ScheduleParam::Gamma, self.gamma.to_string(), "a finite number ≥ 0");
        }
        if self.kind.uses_total() && self.total <= self.warmup {
            return Err(ScheduleError::Horizon { total: self.total, warmup: self.warmup });
        }
        Ok(())
    }

    /// Sets one setting by name from text, checking the value (the settings layer's entry
    /// point). A refused value leaves the schedule unchanged. A horizon T ≤ W is accepted
    /// (cosine and linear then give 0 after the warmup) so T and W can be set in any order;
    /// [`Schedule::validate`] reports it.
    ///
    /// ```
    /// use descent::schedule::Schedule;
    /// let mut s = Schedule::default();
    /// s.set("schedule", "step").unwrap();
    /// s.set("gamma", "0.5").unwrap();
    /// assert_eq!(s.get("gamma").unwrap(), "0.5");
    /// assert!(s.set("gamma", "-1").unwrap_err().to_string().contains("gamma"));
    /// assert!(s.set("gama", "1").is_err());
    /// ```
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), ScheduleError> {
        let param: ScheduleParam = name.parse()?;
        let kind = param.kind();
        let mut next = *self;
        let count = || kind.parse_whole(name, value).map(|n| n as usize);
        match param {
            ScheduleParam::Kind => next.kind = Kind::parse_named(value)?,
            ScheduleParam::Lr => next.lr = kind.parse_number(name, value)?,
            ScheduleParam::StepSize => next.step_size = count()?,
            ScheduleParam::Gamma => next.gamma = kind.parse_number(name, value)?,
            ScheduleParam::Total => next.total = count()?,
            ScheduleParam::Warmup => next.warmup = count()?,
        }
        // T ≤ W is allowed here (the rate is then 0 after the warmup) so that T and W can be
        // changed in either order; `validate` reports it.
        match next.validate() {
            Err(ScheduleError::Horizon { .. }) | Ok(()) => {}
            Err(e) => return Err(e),
        }
        *self = next;
        Ok(())
    }

    /// One setting's current value as text.
    pub fn get(&self, name: &str) -> Result<String, ScheduleError> {
        Ok(match name.parse()? {
            ScheduleParam::Kind => self.kind.name().to_string(),
            ScheduleParam::Lr => self.lr.to_string(),
            ScheduleParam::StepSize => self.step_size.to_string(),
            ScheduleParam::Gamma => self.gamma.to_string(),
            ScheduleParam::Total => self.total.to_string(),
            ScheduleParam::Warmup => self.warmup.to_string(),
        })
    }
}

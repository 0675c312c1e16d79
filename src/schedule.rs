//! Learning-rate schedules α_t, with an optional linear warmup.
//!
//! t counts updates from 0: α_0 is the rate of the first update. Without warmup:
//!
//! - constant: α_t = α₀
//! - step: α_t = α₀·γ^⌊t/s⌋ (PyTorch's `StepLR(step_size=s, gamma=γ)`)
//! - cosine: α_t = η + (α₀ − η)·(1 + cos(π·min(t, T)/T))/2 with η = `min-lr`
//!   (`CosineAnnealingLR(T_max=T, eta_min=η)`), held at η after T; with `periodic` it goes on
//!   as cos(π·t/T) and swings back up to α₀ at 2T, as PyTorch's does past `T_max`
//! - linear: α_t = α₀·(1 − min(t, T)/T) (`LinearLR(1, 0, total_iters=T)`)
//! - inverse square root: α_t = α₀/√(t + 1) (the lecture's α₀/√t with t counted from 1)
//! - exponential: α_t = α₀·γᵗ (`ExponentialLR(gamma=γ)`)
//! - multi-step: α_t = α₀·γ^(number of milestones ≤ t) (`MultiStepLR(milestones, gamma=γ)`)
//! - polynomial: α_t = α₀·(1 − min(t, T)/T)^p (`PolynomialLR(total_iters=T, power=p)`)
//! - warm restarts (SGDR): cosine from α₀ to η over periods T₀, T₀·m, T₀·m², …, restarting at
//!   α₀ each time (`CosineAnnealingWarmRestarts(T_0=T₀, T_mult=m, eta_min=η)`)
//! - one-cycle: up from α₀/d to α₀ over the first fraction f of T − 1 steps, then down to
//!   α₀/(d·d_f) at step T − 1 and held there, both halves cosine (`OneCycleLR(max_lr=α₀,
//!   total_steps=T, pct_start=f, div_factor=d, final_div_factor=d_f,
//!   cycle_momentum=False)`: PyTorch also cycles β₁ or the momentum by default; a schedule
//!   here sets only the rate)
//! - plateau: α₀, multiplied by γ whenever the loss stops improving ([`Plateau`]:
//!   `ReduceLROnPlateau`, the one schedule that reads the loss; the driver feeds it)
//!
//! With a warmup of W steps, α_t = α₀·(s + (1 − s)·t/W) for t < W, from the start factor
//! s = `warmup-start` (0 by default; PyTorch's `LinearLR(start_factor=s, total_iters=W)`
//! followed by the schedule), then the chosen schedule runs on t − W with horizon T − W.
//!
//! ```
//! use descent::schedule::{Schedule, ScheduleKind};
//! let s = Schedule { kind: ScheduleKind::Cosine, lr: 0.1, total: 10, warmup: 2, ..Schedule::default() };
//! assert_eq!([s.rate(0), s.rate(1), s.rate(2)], [0.0, 0.05, 0.1]);
//! assert!(s.rate(6).abs() - 0.05 < 1e-15 && s.rate(10) == 0.0);
//! ```

use std::f64::consts::PI;
use std::fmt;

mod milestones;
mod plateau;

pub use milestones::{MAX_MILESTONES, Milestones};
pub use plateau::{Plateau, PlateauRule};

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
        /// α_t = α₀·γᵗ.
        Exponential = "exponential", "Exponential: α₀γᵗ";
        /// α_t = α₀·γ^(milestones passed).
        MultiStep = "multistep", "Multi-step";
        /// α_t = α₀·(1 − min(t, T)/T)^p.
        Polynomial = "polynomial", "Polynomial to T";
        /// Cosine from α₀ to η over periods T₀, T₀·m, …, restarting at α₀.
        WarmRestarts = "sgdr", "SGDR restarts";
        /// Up to α₀ and down to α₀/(d·d_f) over T.
        OneCycle = "onecycle", "One-cycle over T";
        /// α₀ times γ at every plateau of the loss.
        Plateau = "plateau", "Reduce on plateau";
    }
}

impl ScheduleKind {
    /// True for the schedules that decay over the horizon T.
    pub fn uses_total(self) -> bool {
        matches!(self, ScheduleKind::Cosine | ScheduleKind::Linear | ScheduleKind::Polynomial | ScheduleKind::OneCycle)
    }

    /// True for the schedule that reads the loss (its rate depends on the run, not only on t).
    pub fn reads_loss(self) -> bool {
        self == ScheduleKind::Plateau
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
        /// `milestones`: the multi-step schedule's steps, `30,60`.
        Milestones = "milestones", "Milestones";
        /// `power`: p, the polynomial schedule's power.
        Power = "power", "Power p";
        /// `min-lr`: η, the floor of cosine, warm restarts and plateau (PyTorch's `eta_min`,
        /// `min_lr`), an absolute rate.
        MinLr = "min-lr", "Minimum rate η";
        /// `periodic`: cosine swings back up after T, as PyTorch's does.
        Periodic = "periodic", "Past T, swing back up (PyTorch)";
        /// `t0`: T₀, the first period of warm restarts.
        RestartPeriod = "t0", "First period T₀";
        /// `t-mult`: m, each warm restart's period is m times the last.
        RestartMult = "t-mult", "Period factor m";
        /// `pct-start`: f, the one-cycle's rising fraction.
        PctStart = "pct-start", "Rising fraction f";
        /// `div-factor`: d, the one-cycle starts at α₀/d.
        DivFactor = "div-factor", "Start divisor d";
        /// `final-div-factor`: d_f, the one-cycle ends at α₀/(d·d_f).
        FinalDivFactor = "final-div-factor", "Final divisor d_f";
        /// `warmup-start`: s, the warmup's start factor.
        WarmupStart = "warmup-start", "Warmup start factor s";
        /// `patience`: the plateau schedule's updates without improvement before a reduction.
        Patience = "patience", "Patience";
        /// `threshold`: the relative improvement the plateau schedule counts.
        Threshold = "threshold", "Improvement threshold";
        /// `cooldown`: updates after a reduction before the plateau schedule counts again.
        Cooldown = "cooldown", "Cooldown";
    }
}

/// The largest learning rate a control or link may set (far past divergence on every
/// surface and dataset); the smallest is 10⁻⁵, the slider's left end.
pub const MAX_LR: f64 = 100.0;
/// The most steps a schedule's s, T or W may span.
pub const MAX_STEPS: u64 = milestones::LAST_STEP as u64;

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
            ScheduleParam::Milestones => Kind::Text { expected: MILESTONES },
            ScheduleParam::Power => Kind::number(0.0, 10.0, 0.1),
            ScheduleParam::MinLr => Kind::log_from_zero(1e-6, MAX_LR, 3),
            ScheduleParam::Periodic => Kind::Switch,
            ScheduleParam::RestartPeriod => Kind::whole(1, MAX_STEPS),
            ScheduleParam::RestartMult => Kind::whole(1, 10),
            ScheduleParam::PctStart => Kind::number(0.01, 0.99, 0.01),
            ScheduleParam::DivFactor => Kind::log(1.0, 1e4, 3),
            ScheduleParam::FinalDivFactor => Kind::log(1.0, 1e6, 3),
            ScheduleParam::WarmupStart => Kind::number(0.0, 1.0, 0.01),
            ScheduleParam::Patience | ScheduleParam::Cooldown => Kind::whole(0, MAX_STEPS),
            ScheduleParam::Threshold => Kind::log_from_zero(1e-8, 1.0, 2),
        }
    }

    /// Whether the setting means anything for `schedule`: s only for the step schedule, γ
    /// for the schedules that multiply by it, T for those with a horizon, the milestones,
    /// power, warm restarts', one-cycle's and plateau's own settings for them, η for cosine,
    /// warm restarts and plateau, `periodic` for cosine, the warmup's start factor with a
    /// warmup.
    pub fn applies(self, schedule: &Schedule) -> bool {
        use ScheduleKind as K;
        let kind = schedule.kind;
        match self {
            ScheduleParam::StepSize => kind == K::Step,
            ScheduleParam::Gamma => matches!(kind, K::Step | K::Exponential | K::MultiStep | K::Plateau),
            ScheduleParam::Total => kind.uses_total(),
            ScheduleParam::Milestones => kind == K::MultiStep,
            ScheduleParam::Power => kind == K::Polynomial,
            ScheduleParam::MinLr => matches!(kind, K::Cosine | K::WarmRestarts | K::Plateau),
            ScheduleParam::Periodic => kind == K::Cosine,
            ScheduleParam::RestartPeriod | ScheduleParam::RestartMult => kind == K::WarmRestarts,
            ScheduleParam::PctStart | ScheduleParam::DivFactor | ScheduleParam::FinalDivFactor => kind == K::OneCycle,
            ScheduleParam::WarmupStart => schedule.warmup > 0,
            ScheduleParam::Patience | ScheduleParam::Threshold | ScheduleParam::Cooldown => kind == K::Plateau,
            ScheduleParam::Kind | ScheduleParam::Lr | ScheduleParam::Warmup => true,
        }
    }
}

const MILESTONES: &str = "whole numbers from 1 to 1000000 separated by commas, at most 16 (30,60)";

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
    /// The multi-step schedule's milestones.
    pub milestones: Milestones,
    /// p: the polynomial schedule's power.
    pub power: f64,
    /// η: the rate cosine and warm restarts decay to, and the plateau schedule's floor.
    pub min_lr: f64,
    /// Cosine goes on past T (swinging back up) instead of holding at η.
    pub periodic: bool,
    /// T₀: the first period of warm restarts.
    pub restart_period: usize,
    /// m: the factor between warm restarts' periods.
    pub restart_mult: usize,
    /// f: the one-cycle's rising fraction of T.
    pub pct_start: f64,
    /// d: the one-cycle starts at α₀/d.
    pub div_factor: f64,
    /// d_f: the one-cycle ends at α₀/(d·d_f).
    pub final_div_factor: f64,
    /// s: the warmup starts at α₀·s.
    pub warmup_start: f64,
    /// The plateau schedule's patience.
    pub patience: usize,
    /// The plateau schedule's relative threshold.
    pub threshold: f64,
    /// The plateau schedule's cooldown.
    pub cooldown: usize,
}

impl Default for Schedule {
    /// Constant α₀ = 1e-3 (PyTorch SGD's default); step s = 30, γ = 0.1 (the lecture's
    /// ResNet example, PyTorch's default γ); T = 100; no warmup (from s = 0); milestones 30
    /// and 60; p = 1, η = 0, cosine held at η past T; T₀ = 10, m = 1; PyTorch's one-cycle
    /// f = 0.3, d = 25, d_f = 10⁴ and plateau patience 10, threshold 10⁻⁴, no cooldown.
    fn default() -> Self {
        Schedule {
            kind: ScheduleKind::Constant,
            lr: 1e-3,
            step_size: 30,
            gamma: 0.1,
            total: 100,
            warmup: 0,
            milestones: Milestones::default(),
            power: 1.0,
            min_lr: 0.0,
            periodic: false,
            restart_period: 10,
            restart_mult: 1,
            pct_start: 0.3,
            div_factor: 25.0,
            final_div_factor: 1e4,
            warmup_start: 0.0,
            patience: 10,
            threshold: 1e-4,
            cooldown: 0,
        }
    }
}

impl Schedule {
    /// A constant rate α.
    pub fn constant(lr: f64) -> Self {
        Schedule { lr, ..Schedule::default() }
    }

    /// α_t, the rate of update t (counted from 0). For the plateau schedule, the rate before
    /// any reduction: see [`Schedule::rate_with`].
    pub fn rate(&self, t: usize) -> f64 {
        self.rate_from(self.lr, t)
    }

    /// The steps ahead a schedule is checked over for a rate that stays 0.
    pub const HORIZON: usize = 4096;

    /// Whether α is 0 for every update from `t` on (checked over [`Schedule::HORIZON`]
    /// updates, which covers every horizon a control sets in practice): cosine or linear
    /// decay whose T does not pass the warmup, a decay that has run its course, γ = 0. Then
    /// training cannot move, and the lab says so. The plateau schedule is never 0.
    ///
    /// ```
    /// use descent::schedule::{Schedule, ScheduleKind};
    /// let cosine = Schedule { kind: ScheduleKind::Cosine, lr: 0.1, total: 1, warmup: 5, ..Schedule::default() };
    /// assert!(cosine.stalls_from(5));
    /// assert!(!cosine.stalls_from(0), "the warmup moves");
    /// let linear = Schedule { kind: ScheduleKind::Linear, lr: 0.1, total: 100, ..Schedule::default() };
    /// assert!(!linear.stalls_from(99) && linear.stalls_from(100));
    /// assert!(!Schedule::constant(0.1).stalls_from(1_000_000));
    /// ```
    pub fn stalls_from(&self, t: usize) -> bool {
        !self.kind.reads_loss() && (t..t.saturating_add(Self::HORIZON)).all(|u| self.rate(u) == 0.0)
    }

    /// α_t given the state of the plateau schedule (which only it reads): the rate a
    /// [`Run`](crate::optim::run::Run) uses.
    pub fn rate_with(&self, t: usize, plateau: &Plateau) -> f64 {
        self.rate_from(if self.kind.reads_loss() { plateau.rate() } else { self.lr }, t)
    }

    /// Shows the plateau schedule's state L after update `updates` (counted from 1): nothing
    /// unless this is the plateau schedule and the warmup is over.
    pub fn observe(&self, plateau: &mut Plateau, updates: usize, loss: f64) {
        if self.kind.reads_loss() && updates > self.warmup {
            let rule = PlateauRule {
                factor: self.gamma,
                patience: self.patience,
                threshold: self.threshold,
                cooldown: self.cooldown,
                min_lr: self.min_lr,
            };
            plateau.observe(&rule, loss);
        }
    }

    /// α_t with base rate `lr` in place of α₀.
    fn rate_from(&self, lr: f64, t: usize) -> f64 {
        let warmup = self.warmup;
        if t < warmup {
            let start = self.warmup_start;
            return lr * (start + (1.0 - start) * (t as f64 / warmup as f64));
        }
        let steps = t - warmup;
        let u = steps as f64;
        let horizon = self.total.saturating_sub(warmup) as f64;
        // Fraction of the horizon done; a horizon of 0 counts as finished.
        let done = if horizon > 0.0 { u.min(horizon) / horizon } else { 1.0 };
        let eta = self.min_lr;
        match self.kind {
            ScheduleKind::Constant | ScheduleKind::Plateau => lr,
            ScheduleKind::Step => {
                let decays = (steps / self.step_size.max(1)) as f64;
                lr * self.gamma.powf(decays)
            }
            ScheduleKind::Cosine => {
                let phase = if self.periodic && horizon > 0.0 { u / horizon } else { done };
                eta + (lr - eta) * (0.5 * (1.0 + (PI * phase).cos()))
            }
            ScheduleKind::Linear => lr * (1.0 - done),
            ScheduleKind::InverseSqrt => lr * (1.0 / (u + 1.0).sqrt()),
            ScheduleKind::Exponential => lr * self.gamma.powf(u),
            ScheduleKind::MultiStep => lr * self.gamma.powf(self.milestones.passed(steps) as f64),
            ScheduleKind::Polynomial => lr * (1.0 - done).powf(self.power),
            ScheduleKind::WarmRestarts => {
                let (current, period) = self.restart_position(steps);
                eta + (lr - eta) * (1.0 + (PI * current as f64 / period as f64).cos()) / 2.0
            }
            ScheduleKind::OneCycle => self.one_cycle(lr, u.min((horizon - 1.0).max(0.0))),
        }
    }

    /// Where step u falls among the warm restarts: (T_cur, T_i), the steps since the last
    /// restart and the current period.
    fn restart_position(&self, mut u: usize) -> (usize, usize) {
        let mut period = self.restart_period.max(1);
        let mult = self.restart_mult.max(1);
        if mult == 1 {
            return (u % period, period);
        }
        while u >= period {
            u -= period;
            period = period.saturating_mul(mult);
        }
        (u, period)
    }

    /// The one-cycle's rate at step u ≤ T − 1 of horizon T, with PyTorch's phase ends
    /// f·T − 1 and T − 1 and its cosine annealing end + (start − end)/2·(cos(π·pct) + 1).
    fn one_cycle(&self, lr: f64, u: f64) -> f64 {
        let horizon = self.total.saturating_sub(self.warmup) as f64;
        let initial = lr / self.div_factor;
        let last = initial / self.final_div_factor;
        if horizon < 1.0 {
            return last;
        }
        let rise_end = self.pct_start * horizon - 1.0;
        let anneal = |start: f64, end: f64, pct: f64| end + (start - end) / 2.0 * ((PI * pct).cos() + 1.0);
        if u <= rise_end {
            anneal(initial, lr, if rise_end > 0.0 { u / rise_end } else { 1.0 })
        } else {
            anneal(lr, last, (u - rise_end) / (horizon - 1.0 - rise_end))
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
        let numbers = [
            (ScheduleParam::Power, self.power),
            (ScheduleParam::MinLr, self.min_lr),
            (ScheduleParam::RestartPeriod, self.restart_period as f64),
            (ScheduleParam::RestartMult, self.restart_mult as f64),
            (ScheduleParam::PctStart, self.pct_start),
            (ScheduleParam::DivFactor, self.div_factor),
            (ScheduleParam::FinalDivFactor, self.final_div_factor),
            (ScheduleParam::WarmupStart, self.warmup_start),
            (ScheduleParam::Threshold, self.threshold),
        ];
        for (param, value) in numbers {
            if !param.kind().admits(value) {
                return Err(ScheduleError::Invalid(
                    SettingError::invalid(param.name(), &value.to_string(), &param.kind().expected()).to_string(),
                ));
            }
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
            ScheduleParam::Milestones => {
                next.milestones = value.parse().map_err(|_| SettingError::invalid(name, value, &kind.expected()))?;
            }
            ScheduleParam::Power => next.power = kind.parse_number(name, value)?,
            ScheduleParam::MinLr => next.min_lr = kind.parse_number(name, value)?,
            ScheduleParam::Periodic => next.periodic = kind.parse_switch(name, value)?,
            ScheduleParam::RestartPeriod => next.restart_period = count()?,
            ScheduleParam::RestartMult => next.restart_mult = count()?,
            ScheduleParam::PctStart => next.pct_start = kind.parse_number(name, value)?,
            ScheduleParam::DivFactor => next.div_factor = kind.parse_number(name, value)?,
            ScheduleParam::FinalDivFactor => next.final_div_factor = kind.parse_number(name, value)?,
            ScheduleParam::WarmupStart => next.warmup_start = kind.parse_number(name, value)?,
            ScheduleParam::Patience => next.patience = count()?,
            ScheduleParam::Threshold => next.threshold = kind.parse_number(name, value)?,
            ScheduleParam::Cooldown => next.cooldown = count()?,
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
            ScheduleParam::Milestones => self.milestones.to_string(),
            ScheduleParam::Power => self.power.to_string(),
            ScheduleParam::MinLr => self.min_lr.to_string(),
            ScheduleParam::Periodic => self.periodic.to_string(),
            ScheduleParam::RestartPeriod => self.restart_period.to_string(),
            ScheduleParam::RestartMult => self.restart_mult.to_string(),
            ScheduleParam::PctStart => self.pct_start.to_string(),
            ScheduleParam::DivFactor => self.div_factor.to_string(),
            ScheduleParam::FinalDivFactor => self.final_div_factor.to_string(),
            ScheduleParam::WarmupStart => self.warmup_start.to_string(),
            ScheduleParam::Patience => self.patience.to_string(),
            ScheduleParam::Threshold => self.threshold.to_string(),
            ScheduleParam::Cooldown => self.cooldown.to_string(),
        })
    }
}

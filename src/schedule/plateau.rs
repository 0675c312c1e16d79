//! The state of the one schedule that reads the loss: PyTorch's `ReduceLROnPlateau`.

/// PyTorch's `eps` of `ReduceLROnPlateau`: a reduction smaller than this is not made.
const MIN_REDUCTION: f64 = 1e-8;

/// What the plateau schedule remembers between updates: the current (reduced) base rate, the
/// best loss seen, how many updates since it improved, and the cooldown left.
///
/// The driver ([`Run`](crate::optim::run::Run)) feeds it the loss after every update
/// (`Schedule::observe`) and asks the schedule for the rate of the next (`Schedule::rate_with`).
/// With `mode="min"`, `threshold_mode="rel"`, `eps=1e-8`, after each update past the warmup:
///
/// - the loss L improves on the best L* when L < L*·(1 − threshold); then L* = L and the count
///   of bad updates goes to 0, otherwise it grows by one;
/// - during a cooldown the count stays 0;
/// - once the count exceeds the patience, the rate becomes max(γ·rate, min-lr) (unless that
///   changes it by less than 1e-8), a cooldown starts and the count goes back to 0.
///
/// This is `torch.optim.lr_scheduler.ReduceLROnPlateau(factor=γ, patience, threshold,
/// cooldown, min_lr)` stepped with the loss after each update. Losses of the warmup's updates
/// are not observed (PyTorch has no warmup for it); during the warmup the rate is the warmup's.
///
/// ```
/// use descent::schedule::{Plateau, Schedule, ScheduleKind};
/// let s = Schedule { kind: ScheduleKind::Plateau, lr: 1.0, gamma: 0.5, patience: 1, ..Schedule::default() };
/// let mut p = Plateau::new(s.lr);
/// for (t, loss) in [3.0, 2.0, 2.0, 2.0].into_iter().enumerate() {
///     s.observe(&mut p, t + 1, loss);
/// }
/// assert_eq!(s.rate_with(4, &p), 0.5); // two updates without improvement > patience 1
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plateau {
    rate: f64,
    best: f64,
    bad: usize,
    cooldown_left: usize,
}

/// The plateau schedule's settings: PyTorch's `factor` (the schedule's γ), `patience`,
/// `threshold`, `cooldown` and `min_lr` (the schedule's η).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlateauRule {
    /// γ: the rate's factor at a plateau.
    pub factor: f64,
    /// Updates without improvement tolerated.
    pub patience: usize,
    /// The relative improvement that counts.
    pub threshold: f64,
    /// Updates after a reduction during which none is counted.
    pub cooldown: usize,
    /// The floor of the rate.
    pub min_lr: f64,
}

impl Plateau {
    /// A fresh state from base rate α₀ = `lr`, no loss seen.
    pub fn new(lr: f64) -> Self {
        Plateau { rate: lr, best: f64::INFINITY, bad: 0, cooldown_left: 0 }
    }

    /// The current base rate (α₀ reduced by every plateau so far).
    pub fn rate(&self) -> f64 {
        self.rate
    }

    /// Takes in the loss L after an update.
    pub fn observe(&mut self, rule: &PlateauRule, loss: f64) {
        if loss < self.best * (1.0 - rule.threshold) {
            self.best = loss;
            self.bad = 0;
        } else {
            self.bad += 1;
        }
        if self.cooldown_left > 0 {
            self.cooldown_left -= 1;
            self.bad = 0;
        }
        if self.bad > rule.patience {
            let reduced = (self.rate * rule.factor).max(rule.min_lr);
            if self.rate - reduced > MIN_REDUCTION {
                self.rate = reduced;
            }
            self.cooldown_left = rule.cooldown;
            self.bad = 0;
        }
    }
}

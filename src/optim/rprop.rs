//! Rprop: steps of a per-parameter size that grows while the gradient keeps its sign.

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

/// Rprop (Riedmiller and Braun), resilient backpropagation: only the *sign* of each partial
/// derivative is used. Each parameter i keeps a step size Δᵢ, initially α:
///
/// ```text
/// if dx * prev_dx > 0:   step = min(step * eta_plus, step_max)     # same sign: speed up
/// elif dx * prev_dx < 0: step = max(step * eta_minus, step_min)    # overshot: slow down
///                        dx = 0                                    # and do not move now
/// x -= np.sign(dx) * step
/// prev_dx = dx
/// ```
///
/// The gradient's size never enters the step, so Rprop crosses plateaus and steep walls
/// alike; it is a full-batch method (a minibatch's noisy signs defeat it).
///
/// PyTorch: `torch.optim.Rprop(params, lr, etas=(η⁻, η⁺), step_sizes=(Δmin, Δmax))` (defaults
/// α = 0.01, η = (0.5, 1.2), Δ ∈ [1e-6, 50]; no weight decay). As there, the learning rate
/// only sets the initial step size Δ = α on the first update: a schedule changes nothing
/// after it.
///
/// ```
/// use descent::optim::{Optimizer, rprop::Rprop};
/// let mut x = [1.0];
/// let mut f = |p: &[f64], g: &mut [f64]| { g[0] = 5.0; p[0] };
/// let mut rprop = Rprop::new(0.5, 1.2, 1e-6, 50.0);
/// rprop.step(&mut x, 0.1, &mut f).unwrap(); // Δ = 0.1
/// rprop.step(&mut x, 0.1, &mut f).unwrap(); // same sign: Δ = 0.12
/// assert!((x[0] - 0.78).abs() < 1e-15);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Rprop {
    /// η⁻: the step size's factor after a sign change, in (0, 1).
    pub eta_minus: f64,
    /// η⁺: the step size's factor while the sign holds, > 1.
    pub eta_plus: f64,
    /// The smallest step size.
    pub step_min: f64,
    /// The largest step size.
    pub step_max: f64,
    step_sizes: Vec<f64>,
    prev: Vec<f64>,
    grad: Vec<f64>,
}

impl Rprop {
    /// Rprop with factors η⁻, η⁺ and step sizes clamped to [`step_min`, `step_max`].
    pub fn new(eta_minus: f64, eta_plus: f64, step_min: f64, step_max: f64) -> Self {
        Rprop { eta_minus, eta_plus, step_min, step_max, step_sizes: Vec::new(), prev: Vec::new(), grad: Vec::new() }
    }

    /// The per-parameter step sizes Δ (empty before the first step).
    pub fn step_sizes(&self) -> &[f64] {
        &self.step_sizes
    }
}

/// PyTorch's `sign`: −1, 0 or 1.
fn sign(v: f64) -> f64 {
    if v > 0.0 {
        1.0
    } else if v < 0.0 {
        -1.0
    } else {
        0.0
    }
}

impl Optimizer for Rprop {
    fn method(&self) -> Method {
        Method::Rprop
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        let first = self.step_sizes.is_empty();
        let grad = gradient(f, theta, lr, 0.0, &mut [&mut self.step_sizes, &mut self.prev], &mut self.grad)?;
        if first {
            self.step_sizes.fill(lr);
        }
        let states = self.step_sizes.iter_mut().zip(&mut self.prev);
        for ((x, (size, prev)), &g) in theta.iter_mut().zip(states).zip(grad) {
            let factor = match sign(g * *prev) {
                s if s > 0.0 => self.eta_plus,
                s if s < 0.0 => self.eta_minus,
                _ => 1.0,
            };
            // PyTorch's `clamp_(min, max)`: min(max(Δ, min), max), never a panic.
            *size = (*size * factor).max(self.step_min).min(self.step_max);
            let g = if factor == self.eta_minus { 0.0 } else { g };
            *x += -sign(g) * *size;
            *prev = g;
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.step_sizes.clear();
        self.prev.clear();
    }
}

//! Nesterov momentum in the lecture's change-of-variables form.

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

/// Nesterov momentum. The lecture's look-ahead form
///
/// v_{t+1} = ρv_t − α∇f(x_t + ρv_t), x_{t+1} = x_t + v_{t+1}
///
/// becomes, with the change of variables x̃_t = x_t + ρv_t,
///
/// v_{t+1} = ρv_t − α∇f(x̃_t), x̃_{t+1} = x̃_t + v_{t+1} + ρ(v_{t+1} − v_t),
///
/// so the only gradient is taken at the iterate itself. The iterate this optimizer stores
/// and the trajectory records is x̃ (the look-ahead point), exactly the parameter PyTorch's
/// `SGD(momentum=ρ, nesterov=True)` stores. PyTorch keeps a buffer b = −v/α instead of v:
///
/// g = ∇f(x̃_t) (+ wd·x̃_t), b_{t+1} = ρb_t + g, x̃_{t+1} = x̃_t − α_t(g + ρb_{t+1}),
///
/// which is the rule above at a constant α (expand ρ(v_{t+1} − v_t) with v = −αb) and is
/// what this implements, so schedules act as in PyTorch.
///
/// ```
/// use descent::optim::{Optimizer, nesterov::Nesterov};
/// let mut x = [1.0];
/// let mut f = |p: &[f64], g: &mut [f64]| { g[0] = 1.0; p[0] };
/// let mut n = Nesterov::new(0.9, 0.0);
/// n.step(&mut x, 0.1, &mut f).unwrap(); // b = 1, x̃ = 1 − 0.1 · (1 + 0.9)
/// assert!((x[0] - 0.81).abs() < 1e-15);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Nesterov {
    /// The friction ρ.
    pub rho: f64,
    /// PyTorch's `weight_decay` (coupled).
    pub weight_decay: f64,
    buffer: Vec<f64>,
    grad: Vec<f64>,
}

impl Nesterov {
    /// Nesterov momentum with friction `rho`.
    pub fn new(rho: f64, weight_decay: f64) -> Self {
        Nesterov { rho, weight_decay, buffer: Vec::new(), grad: Vec::new() }
    }
}

impl Optimizer for Nesterov {
    fn method(&self) -> Method {
        Method::Nesterov
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        let grad = gradient(f, theta, lr, self.weight_decay, &mut [&mut self.buffer], &mut self.grad)?;
        let rho = self.rho;
        for ((x, b), &g) in theta.iter_mut().zip(&mut self.buffer).zip(grad) {
            *b = rho * *b + g;
            *x += -lr * (g + rho * *b);
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.buffer.clear();
    }
}

//! AdaGrad: per-parameter learning rates from the historical sum of squared gradients.

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

/// AdaGrad, the lecture's
///
/// ```text
/// grad_squared += dx * dx
/// x -= learning_rate * dx / (np.sqrt(grad_squared) + 1e-7)
/// ```
///
/// i.e. G_{t+1} = G_t + ∇f(x_t)², x_{t+1} = x_t − α_t ∇f(x_t) / (√G_{t+1} + ε), elementwise.
/// Progress along steep directions is damped, along flat ones accelerated, and the step
/// decays towards zero over time.
///
/// PyTorch: `torch.optim.Adagrad(params, lr, eps=ε, weight_decay=wd, lr_decay=η,
/// initial_accumulator_value=G₀)` is this update with ε outside the square root, as in the
/// lecture (PyTorch's default ε is 1e-10, the lecture's 1e-7), G starting at G₀ instead of 0,
/// and the rate of update t (counted from 1) divided by 1 + (t − 1)η: α_t/(1 + (t − 1)η).
///
/// ```
/// use descent::optim::{Optimizer, adagrad::AdaGrad};
/// let mut x = [1.0];
/// // The first step has length α whatever the gradient's size (up to ε).
/// AdaGrad::new(1e-10, 0.0).step(&mut x, 0.1, &mut |p: &[f64], g: &mut [f64]| { g[0] = 40.0; p[0] }).unwrap();
/// assert!((x[0] - 0.9).abs() < 1e-12);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct AdaGrad {
    /// ε, added to √G.
    pub eps: f64,
    /// PyTorch's `weight_decay` (coupled).
    pub weight_decay: f64,
    /// PyTorch's `lr_decay` η: update t uses α_t/(1 + (t − 1)η).
    pub lr_decay: f64,
    /// PyTorch's `initial_accumulator_value` G₀.
    pub initial_accumulator: f64,
    steps: u32,
    sum: Vec<f64>,
    grad: Vec<f64>,
}

impl AdaGrad {
    /// AdaGrad with the given ε.
    pub fn new(eps: f64, weight_decay: f64) -> Self {
        AdaGrad {
            eps,
            weight_decay,
            lr_decay: 0.0,
            initial_accumulator: 0.0,
            steps: 0,
            sum: Vec::new(),
            grad: Vec::new(),
        }
    }

    /// The accumulated squared gradients G (empty before the first step).
    pub fn grad_squared(&self) -> &[f64] {
        &self.sum
    }
}

impl Optimizer for AdaGrad {
    fn method(&self) -> Method {
        Method::AdaGrad
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        let first = self.sum.is_empty();
        let grad = gradient(f, theta, lr, self.weight_decay, &mut [&mut self.sum], &mut self.grad)?;
        if first {
            self.sum.fill(self.initial_accumulator);
        }
        self.steps = self.steps.saturating_add(1);
        let clr = lr / (1.0 + (f64::from(self.steps) - 1.0) * self.lr_decay);
        for ((x, s), &g) in theta.iter_mut().zip(&mut self.sum).zip(grad) {
            *s += g * g;
            *x += -clr * g / (s.sqrt() + self.eps);
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.steps = 0;
        self.sum.clear();
    }
}

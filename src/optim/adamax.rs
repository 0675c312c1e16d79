//! Adamax: Adam with the infinity norm in place of the second moment.

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

/// Adamax (Kingma and Ba, §7.1), in the lecture's Adam notation with t = 1 on the first
/// update:
///
/// ```text
/// first_moment = beta1 * first_moment + (1 - beta1) * dx
/// inf_norm = np.maximum(beta2 * inf_norm, np.abs(dx) + eps)
/// x -= learning_rate / (1 - beta1 ** t) * first_moment / inf_norm
/// ```
///
/// The second moment's L² average of past gradients becomes an exponentially weighted
/// maximum (the p → ∞ limit of an Lᵖ average), which needs no bias correction.
///
/// PyTorch: `torch.optim.Adamax(params, lr, betas=(β₁, β₂), eps=ε, weight_decay=wd)` (default
/// α = 2e-3, coupled weight decay); ε is added to |g| inside the maximum, as there.
///
/// ```
/// use descent::optim::{Optimizer, adamax::Adamax};
/// let mut x = [1.0];
/// // The first step: m = 0.1·4, u = 4 (+ε), x −= α/(1 − 0.9) · m/u = α.
/// Adamax::new(0.9, 0.999, 1e-8, 0.0).step(&mut x, 0.1, &mut |p: &[f64], g: &mut [f64]| { g[0] = 4.0; p[0] }).unwrap();
/// assert!((x[0] - 0.9).abs() < 1e-8);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Adamax {
    /// β₁, the first moment's decay.
    pub beta1: f64,
    /// β₂, the infinity norm's decay.
    pub beta2: f64,
    /// ε, added to |g| in the maximum.
    pub eps: f64,
    /// PyTorch's `weight_decay` (coupled).
    pub weight_decay: f64,
    steps: u32,
    first: Vec<f64>,
    inf_norm: Vec<f64>,
    grad: Vec<f64>,
}

impl Adamax {
    /// Adamax with the given decays, ε and weight decay.
    pub fn new(beta1: f64, beta2: f64, eps: f64, weight_decay: f64) -> Self {
        Adamax { beta1, beta2, eps, weight_decay, steps: 0, first: Vec::new(), inf_norm: Vec::new(), grad: Vec::new() }
    }
}

impl Optimizer for Adamax {
    fn method(&self) -> Method {
        Method::Adamax
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        let grad =
            gradient(f, theta, lr, self.weight_decay, &mut [&mut self.first, &mut self.inf_norm], &mut self.grad)?;
        self.steps = self.steps.saturating_add(1);
        let clr = lr / (1.0 - self.beta1.powf(f64::from(self.steps)));
        let w1 = 1.0 - self.beta1;
        for (((x, m), u), &g) in theta.iter_mut().zip(&mut self.first).zip(&mut self.inf_norm).zip(grad) {
            *m = super::adam::lerp(*m, g, w1);
            *u = (*u * self.beta2).max(g.abs() + self.eps);
            *x += -clr * *m / *u;
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.steps = 0;
        self.first.clear();
        self.inf_norm.clear();
    }
}

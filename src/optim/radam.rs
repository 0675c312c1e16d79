//! RAdam: Adam that starts as SGD with momentum until the variance of its adaptive rate is
//! tractable.

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

/// RAdam (Liu et al.), in the lecture's Adam notation with t = 1 on the first update:
///
/// ```text
/// first_moment = beta1 * first_moment + (1 - beta1) * dx
/// second_moment = beta2 * second_moment + (1 - beta2) * dx * dx
/// first_unbias = first_moment / (1 - beta1 ** t)
/// rho_inf = 2 / (1 - beta2) - 1
/// rho_t = rho_inf - 2 * t * beta2 ** t / (1 - beta2 ** t)
/// if rho_t > 5:    # the adaptive rate's variance is finite: rectify it
///     r_t = sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
///     x -= learning_rate * first_unbias * sqrt(1 - beta2 ** t) / (np.sqrt(second_moment) + eps) * r_t
/// else:            # too few steps to trust second_moment: momentum SGD
///     x -= learning_rate * first_unbias
/// ```
///
/// The rectifier r_t replaces a warmup: Adam's early steps are erratic because v rests on a
/// handful of gradients; RAdam takes plain momentum steps for the first few updates (five
/// with β₂ = 0.999) and then lets the adaptive rate in gradually.
///
/// PyTorch: `torch.optim.RAdam(params, lr, betas=(β₁, β₂), eps=ε, weight_decay=wd)` (coupled
/// weight decay), with ε outside the square root; its products are taken in the same order.
///
/// ```
/// use descent::optim::{Optimizer, radam::RAdam};
/// let mut x = [1.0];
/// // The first steps are momentum SGD: with a constant gradient, x − α·g.
/// RAdam::new(0.9, 0.999, 1e-8, 0.0).step(&mut x, 0.1, &mut |p: &[f64], g: &mut [f64]| { g[0] = 3.0; p[0] }).unwrap();
/// assert!((x[0] - 0.7).abs() < 1e-12);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RAdam {
    /// β₁, the first moment's decay.
    pub beta1: f64,
    /// β₂, the second moment's decay.
    pub beta2: f64,
    /// ε, added to √v.
    pub eps: f64,
    /// PyTorch's `weight_decay` (coupled).
    pub weight_decay: f64,
    steps: u32,
    first: Vec<f64>,
    second: Vec<f64>,
    grad: Vec<f64>,
}

impl RAdam {
    /// RAdam with the given decays, ε and weight decay.
    pub fn new(beta1: f64, beta2: f64, eps: f64, weight_decay: f64) -> Self {
        RAdam { beta1, beta2, eps, weight_decay, steps: 0, first: Vec::new(), second: Vec::new(), grad: Vec::new() }
    }
}

impl Optimizer for RAdam {
    fn method(&self) -> Method {
        Method::RAdam
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        let grad = gradient(f, theta, lr, self.weight_decay, &mut [&mut self.first, &mut self.second], &mut self.grad)?;
        self.steps = self.steps.saturating_add(1);
        let t = f64::from(self.steps);
        let (beta1, beta2) = (self.beta1, self.beta2);
        let correction1 = 1.0 - beta1.powf(t);
        let correction2 = 1.0 - beta2.powf(t);
        let rho_inf = 2.0 / (1.0 - beta2) - 1.0;
        let rho_t = rho_inf - 2.0 * t * beta2.powf(t) / correction2;
        let rectifier =
            ((rho_t - 4.0) * (rho_t - 2.0) * rho_inf / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t)).powf(0.5);
        let (w1, w2) = (1.0 - beta1, 1.0 - beta2);
        for (((x, m), v), &g) in theta.iter_mut().zip(&mut self.first).zip(&mut self.second).zip(grad) {
            *m = super::adam::lerp(*m, g, w1);
            *v = *v * beta2 + w2 * g * g;
            let unbiased = *m / correction1;
            if rho_t > 5.0 {
                let adaptive = correction2.powf(0.5) / (v.sqrt() + self.eps);
                *x -= unbiased * lr * adaptive * rectifier;
            } else {
                *x -= unbiased * lr;
            }
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.steps = 0;
        self.first.clear();
        self.second.clear();
    }
}

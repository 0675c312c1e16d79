//! Adadelta: RMSProp whose step is rescaled by a running average of past steps.

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

/// Adadelta (Zeiler), in the notation of the lecture's RMSProp:
///
/// ```text
/// grad_squared = rho * grad_squared + (1 - rho) * dx * dx
/// delta = np.sqrt(delta_squared + eps) / np.sqrt(grad_squared + eps) * dx
/// delta_squared = rho * delta_squared + (1 - rho) * delta * delta
/// x -= learning_rate * delta
/// ```
///
/// RMSProp's step α·∇f/√S has the units of 1/∇f; Adadelta multiplies it by the RMS of its
/// own past steps instead of a learning rate, so the step has the units of x (Zeiler's
/// "correct units"). The learning rate stays as a plain factor (1 in the paper).
///
/// PyTorch: `torch.optim.Adadelta(params, lr, rho=ρ, eps=ε, weight_decay=wd)` (defaults
/// α = 1, ρ = 0.9, ε = 1e-6; coupled weight decay), ε inside both square roots as there.
///
/// ```
/// use descent::optim::{Optimizer, adadelta::Adadelta};
/// let mut x = [1.0];
/// // The first step is tiny: √ε / √(0.1·g² + ε) · g ≈ √(10ε).
/// Adadelta::new(0.9, 1e-6, 0.0).step(&mut x, 1.0, &mut |p: &[f64], g: &mut [f64]| { g[0] = 1.0; p[0] }).unwrap();
/// assert!((1.0 - x[0] - (1e-6f64 / (0.1 + 1e-6)).sqrt()).abs() < 1e-15);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Adadelta {
    /// The decay rate ρ of both averages.
    pub rho: f64,
    /// ε, inside both square roots.
    pub eps: f64,
    /// PyTorch's `weight_decay` (coupled).
    pub weight_decay: f64,
    square_avg: Vec<f64>,
    delta_avg: Vec<f64>,
    grad: Vec<f64>,
}

impl Adadelta {
    /// Adadelta with decay ρ, ε and weight decay.
    pub fn new(rho: f64, eps: f64, weight_decay: f64) -> Self {
        Adadelta { rho, eps, weight_decay, square_avg: Vec::new(), delta_avg: Vec::new(), grad: Vec::new() }
    }
}

impl Optimizer for Adadelta {
    fn method(&self) -> Method {
        Method::Adadelta
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        let grad = gradient(
            f,
            theta,
            lr,
            self.weight_decay,
            &mut [&mut self.square_avg, &mut self.delta_avg],
            &mut self.grad,
        )?;
        let (rho, rest) = (self.rho, 1.0 - self.rho);
        for (((x, s), d), &g) in theta.iter_mut().zip(&mut self.square_avg).zip(&mut self.delta_avg).zip(grad) {
            *s = *s * rho + rest * g * g;
            let std = (*s + self.eps).sqrt();
            let delta = (*d + self.eps).sqrt() / std * g;
            *d = *d * rho + rest * delta * delta;
            *x += -lr * delta;
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.square_avg.clear();
        self.delta_avg.clear();
    }
}

//! SGD+Momentum, in both of the lecture's forms.

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

crate::named! {
    /// Which of the lecture's two formulations of momentum.
    #[derive(Default)]
    pub enum MomentumForm: "momentum form" {
        /// v_{t+1} = ρv_t + ∇f(x_t), x_{t+1} = x_t − α_t v_{t+1}: the velocity sums gradients
        /// and the learning rate scales the step. This is PyTorch's `SGD(momentum=ρ)` (its
        /// buffer starts at the first gradient, which is ρ·0 + ∇f(x_0) without dampening).
        #[default]
        Gradient = "gradient", "v = ρv + ∇L; θ −= αv";
        /// v_{t+1} = ρv_t − α_t ∇f(x_t), x_{t+1} = x_t + v_{t+1}: the velocity is the step
        /// itself. With a constant α it gives the same iterates as [`MomentumForm::Gradient`]
        /// (v = −α·buffer); under a schedule old gradients keep the rate they were taken with.
        Velocity = "velocity", "v = ρv − α∇L; θ += v";
    }
}

/// SGD+Momentum: builds up a velocity as a running sum of gradients with friction ρ
/// (see [`MomentumForm`] for the two update rules).
///
/// PyTorch: `torch.optim.SGD(params, lr, momentum=ρ, dampening=d, weight_decay=wd)`; a
/// nonzero `weight_decay` adds wd·x to the gradient first. Dampening d scales each new
/// gradient by 1 − d after the first step, v_{t+1} = ρv_t + (1 − d)∇f(x_t), while the first
/// velocity is the whole first gradient (PyTorch's buffer starts as a copy of it); in the
/// velocity form the same holds for v = −α·buffer.
///
/// ```
/// use descent::optim::{Optimizer, momentum::{Momentum, MomentumForm}};
/// let mut x = [1.0];
/// let mut f = |p: &[f64], g: &mut [f64]| { g[0] = 1.0; p[0] };
/// let mut m = Momentum::new(0.9, MomentumForm::Gradient, 0.0);
/// m.step(&mut x, 0.1, &mut f).unwrap(); // v = 1, x = 1 − 0.1
/// m.step(&mut x, 0.1, &mut f).unwrap(); // v = 1.9, x = 0.9 − 0.19
/// assert!((x[0] - 0.71).abs() < 1e-15);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Momentum {
    /// The friction ρ (PyTorch's `momentum`).
    pub rho: f64,
    /// Which update rule.
    pub form: MomentumForm,
    /// PyTorch's `weight_decay` (coupled).
    pub weight_decay: f64,
    /// PyTorch's `dampening` d: gradients after the first enter the velocity scaled by 1 − d.
    pub dampening: f64,
    velocity: Vec<f64>,
    grad: Vec<f64>,
}

impl Momentum {
    /// Momentum with friction `rho` in the given form.
    pub fn new(rho: f64, form: MomentumForm, weight_decay: f64) -> Self {
        Momentum { rho, form, weight_decay, dampening: 0.0, velocity: Vec::new(), grad: Vec::new() }
    }

    /// The velocity v (in the form's own units; empty before the first step).
    pub fn velocity(&self) -> &[f64] {
        &self.velocity
    }
}

impl Optimizer for Momentum {
    fn method(&self) -> Method {
        Method::Momentum
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        let first = self.velocity.is_empty();
        let grad = gradient(f, theta, lr, self.weight_decay, &mut [&mut self.velocity], &mut self.grad)?;
        let rho = self.rho;
        // The first gradient enters whole; later ones scaled by 1 − d (1 without dampening,
        // which keeps ρv + g exactly as PyTorch computes it).
        let share = if first || self.dampening == 0.0 { None } else { Some(1.0 - self.dampening) };
        for ((x, v), &g) in theta.iter_mut().zip(&mut self.velocity).zip(grad) {
            match (self.form, share) {
                (MomentumForm::Gradient, None) => {
                    *v = rho * *v + g;
                    *x += -lr * *v;
                }
                (MomentumForm::Gradient, Some(share)) => {
                    *v = rho * *v + share * g;
                    *x += -lr * *v;
                }
                (MomentumForm::Velocity, None) => {
                    *v = rho * *v - lr * g;
                    *x += *v;
                }
                (MomentumForm::Velocity, Some(share)) => {
                    *v = rho * *v - lr * (share * g);
                    *x += *v;
                }
            }
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.velocity.clear();
    }
}

//! Gradient descent, and minibatch SGD when the loss function draws a batch per step.

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

/// Vanilla (minibatch) gradient descent, the lecture's two-line update:
///
/// x_{t+1} = x_t − α_t ∇f(x_t)
///
/// It is stochastic exactly when the loss function is: with
/// [`ClassifierLoss`](super::classifier::ClassifierLoss) and a batch size below N, ∇f is the
/// gradient over this step's minibatch (the lecture's `sample_training_data(data, 256)`).
///
/// PyTorch: `torch.optim.SGD(params, lr, momentum=0, weight_decay=wd)`. A nonzero
/// `weight_decay` adds wd·x to the gradient first (g ← ∇f + wd·x), which is L2 with
/// wd = 2λ in the lecture's R = Σ W².
///
/// ```
/// use descent::optim::{Optimizer, sgd::Sgd};
/// let mut x = [3.0];
/// // f(x) = x², ∇f = 2x: x ← 3 − 0.25 · 6 = 1.5.
/// Sgd::default().step(&mut x, 0.25, &mut |p: &[f64], g: &mut [f64]| { g[0] = 2.0 * p[0]; p[0] * p[0] }).unwrap();
/// assert_eq!(x, [1.5]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sgd {
    /// PyTorch's `weight_decay` (coupled: added to the gradient).
    pub weight_decay: f64,
    grad: Vec<f64>,
}

impl Sgd {
    /// Gradient descent with coupled weight decay `weight_decay`.
    pub fn new(weight_decay: f64) -> Self {
        Sgd { weight_decay, grad: Vec::new() }
    }
}

impl Optimizer for Sgd {
    fn method(&self) -> Method {
        Method::Sgd
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        let grad = gradient(f, theta, lr, self.weight_decay, &mut [], &mut self.grad)?;
        for (x, &g) in theta.iter_mut().zip(grad) {
            *x += -lr * g;
        }
        Ok(())
    }

    fn reset(&mut self) {}
}

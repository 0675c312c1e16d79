//! NAdam: Adam whose first moment looks one step ahead, as Nesterov momentum does.

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

/// NAdam (Dozat), in the lecture's Adam notation with t = 1 on the first update:
///
/// ```text
/// first_moment = beta1 * first_moment + (1 - beta1) * dx
/// second_moment = beta2 * second_moment + (1 - beta2) * dx * dx
/// mu_t = beta1 * (1 - 0.5 * 0.96 ** (t * psi))          # the momentum schedule
/// x -= learning_rate * ((1 - mu_t) / (1 - prod(mu_1..mu_t)) * dx
///                       + mu_{t+1} / (1 - prod(mu_1..mu_{t+1})) * first_moment)
///                    / (np.sqrt(second_moment / (1 - beta2 ** t)) + eps)
/// ```
///
/// Adam's step uses the bias-corrected m_t; NAdam replaces it by the Nesterov look-ahead mix
/// of this gradient and the *next* momentum's share of m_t, with a momentum coefficient μ_t
/// that warms up from β₁/2 towards β₁ (ψ, the momentum decay, sets how fast).
///
/// PyTorch: `torch.optim.NAdam(params, lr, betas=(β₁, β₂), eps=ε, weight_decay=wd,
/// momentum_decay=ψ)` (defaults α = 2e-3, ψ = 4e-3), coupled weight decay g ← ∇f + wd·x. Its
/// two `addcdiv_` calls (one for g, one for m) are followed one for one.
///
/// ```
/// use descent::optim::{Optimizer, nadam::NAdam};
/// let mut x = [1.0];
/// // With a constant gradient the first step is about α, like Adam's.
/// NAdam::new(0.9, 0.999, 1e-8, 0.0, 4e-3).step(&mut x, 0.1, &mut |p: &[f64], g: &mut [f64]| { g[0] = 3.0; p[0] }).unwrap();
/// assert!((x[0] - 0.9).abs() < 0.05);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct NAdam {
    /// β₁, the first moment's decay.
    pub beta1: f64,
    /// β₂, the second moment's decay.
    pub beta2: f64,
    /// ε, added to the corrected √v.
    pub eps: f64,
    /// PyTorch's `weight_decay` (coupled).
    pub weight_decay: f64,
    /// ψ, PyTorch's `momentum_decay`.
    pub momentum_decay: f64,
    steps: u32,
    mu_product: f64,
    first: Vec<f64>,
    second: Vec<f64>,
    grad: Vec<f64>,
}

impl NAdam {
    /// NAdam with the given decays, ε, weight decay and momentum decay ψ.
    pub fn new(beta1: f64, beta2: f64, eps: f64, weight_decay: f64, momentum_decay: f64) -> Self {
        NAdam {
            beta1,
            beta2,
            eps,
            weight_decay,
            momentum_decay,
            steps: 0,
            mu_product: 1.0,
            first: Vec::new(),
            second: Vec::new(),
            grad: Vec::new(),
        }
    }
}

impl Optimizer for NAdam {
    fn method(&self) -> Method {
        Method::NAdam
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        let grad = gradient(f, theta, lr, self.weight_decay, &mut [&mut self.first, &mut self.second], &mut self.grad)?;
        self.steps = self.steps.saturating_add(1);
        let t = f64::from(self.steps);
        let correction2 = 1.0 - self.beta2.powf(t);
        // μ_t = β₁(1 − ½·0.96^{tψ}).
        let mu_at = |t: f64| self.beta1 * (1.0 - 0.5 * 0.96f64.powf(t * self.momentum_decay));
        let (mu, mu_next) = (mu_at(t), mu_at(t + 1.0));
        self.mu_product *= mu;
        let mu_product_next = self.mu_product * mu_next;
        let gradient_share = -lr * (1.0 - mu) / (1.0 - self.mu_product);
        let moment_share = (-lr * mu_next) / (1.0 - mu_product_next);
        let (w1, w2) = (1.0 - self.beta1, 1.0 - self.beta2);
        for (((x, m), v), &g) in theta.iter_mut().zip(&mut self.first).zip(&mut self.second).zip(grad) {
            *m = super::adam::lerp(*m, g, w1);
            *v = *v * self.beta2 + w2 * g * g;
            let denom = (*v / correction2).sqrt() + self.eps;
            *x += gradient_share * g / denom;
            *x += moment_share * *m / denom;
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.steps = 0;
        self.mu_product = 1.0;
        self.first.clear();
        self.second.clear();
    }
}

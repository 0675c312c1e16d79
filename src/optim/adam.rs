//! Adam, with and without bias correction, and AdamW (decoupled weight decay).

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

/// Adam (Kingma and Ba), the lecture's full form
///
/// ```text
/// first_moment = beta1 * first_moment + (1 - beta1) * dx
/// second_moment = beta2 * second_moment + (1 - beta2) * dx * dx
/// first_unbias = first_moment / (1 - beta1 ** t)
/// second_unbias = second_moment / (1 - beta2 ** t)
/// x -= learning_rate * first_unbias / (np.sqrt(second_unbias) + 1e-7)
/// ```
///
/// with t = 1 on the first update. Without bias correction it is the lecture's
/// "Adam (almost)", x −= α·m / (√v + ε), whose first steps are tiny because m and v start
/// at zero.
///
/// PyTorch: `torch.optim.Adam(params, lr, betas=(β₁, β₂), eps=ε, weight_decay=wd)` is the
/// full form with ε outside the square root (default 1e-8; the lecture's is 1e-7), computed
/// as x −= (α / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε) with m updated by `lerp`; this
/// implementation follows those operations one for one. With `decoupled`, it is AdamW
/// (`torch.optim.AdamW`, Loshchilov and Hutter): x ← x·(1 − α·wd) before the Adam step,
/// instead of adding wd·x to the gradient. PyTorch has no switch for bias correction.
///
/// With `amsgrad` (Reddi et al., PyTorch's `amsgrad=True`) the denominator uses the largest
/// second moment so far, v̂_t = max(v̂_{t−1}, v_t), instead of v_t: the effective rate
/// α/√v̂ can then only shrink, where Adam's grows again whenever large gradients are
/// forgotten (the counterexample of Reddi et al.).
///
/// ```
/// use descent::optim::{Optimizer, adam::Adam};
/// let mut x = [1.0];
/// // With bias correction the first step has length α (up to ε) whatever the gradient.
/// Adam::new(0.9, 0.999, 1e-8).step(&mut x, 0.1, &mut |p: &[f64], g: &mut [f64]| { g[0] = 0.003; p[0] }).unwrap();
/// assert!((x[0] - 0.9).abs() < 1e-5);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Adam {
    /// β₁, the first moment's decay.
    pub beta1: f64,
    /// β₂, the second moment's decay.
    pub beta2: f64,
    /// ε, added to the (corrected) √v.
    pub eps: f64,
    /// PyTorch's `weight_decay`: coupled (added to the gradient) for Adam, decoupled for AdamW.
    pub weight_decay: f64,
    /// Divide the moments by 1 − βᵗ (the full form); off gives "Adam (almost)".
    pub bias_correction: bool,
    /// Decoupled weight decay: AdamW.
    pub decoupled: bool,
    /// AMSGrad: divide by the running maximum of the second moment.
    pub amsgrad: bool,
    steps: u32,
    first: Vec<f64>,
    second: Vec<f64>,
    max_second: Vec<f64>,
    grad: Vec<f64>,
}

impl Adam {
    /// Adam with bias correction and no weight decay.
    pub fn new(beta1: f64, beta2: f64, eps: f64) -> Self {
        Adam {
            beta1,
            beta2,
            eps,
            weight_decay: 0.0,
            bias_correction: true,
            decoupled: false,
            amsgrad: false,
            steps: 0,
            first: Vec::new(),
            second: Vec::new(),
            max_second: Vec::new(),
            grad: Vec::new(),
        }
    }

    /// AdamW: Adam with decoupled weight decay `weight_decay`.
    pub fn adamw(beta1: f64, beta2: f64, eps: f64, weight_decay: f64) -> Self {
        Adam { weight_decay, decoupled: true, ..Adam::new(beta1, beta2, eps) }
    }

    /// The number of updates made so far (t after the last update).
    pub fn steps(&self) -> u32 {
        self.steps
    }
}

/// PyTorch's `lerp`: a + w(b − a) for |w| < ½, b − (b − a)(1 − w) otherwise.
pub(crate) fn lerp(a: f64, b: f64, w: f64) -> f64 {
    if w.abs() < 0.5 { a + w * (b - a) } else { b - (b - a) * (1.0 - w) }
}

impl Optimizer for Adam {
    fn method(&self) -> Method {
        if self.decoupled { Method::AdamW } else { Method::Adam }
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        // AdamW's decay is decoupled: it shrinks θ below instead of adding wd·θ to g.
        let coupled = if self.decoupled { 0.0 } else { self.weight_decay };
        let states: &mut [&mut Vec<f64>] = if self.amsgrad {
            &mut [&mut self.first, &mut self.second, &mut self.max_second]
        } else {
            &mut [&mut self.first, &mut self.second]
        };
        let grad = gradient(f, theta, lr, coupled, states, &mut self.grad)?;
        self.steps = self.steps.saturating_add(1);
        if self.decoupled && self.weight_decay != 0.0 {
            let shrink = 1.0 - lr * self.weight_decay;
            theta.iter_mut().for_each(|x| *x *= shrink);
        }
        let t = f64::from(self.steps);
        let (step_size, correction2_sqrt) = if self.bias_correction {
            (lr / (1.0 - self.beta1.powf(t)), (1.0 - self.beta2.powf(t)).powf(0.5))
        } else {
            (lr, 1.0)
        };
        let (w1, w2) = (1.0 - self.beta1, 1.0 - self.beta2);
        for (i, ((x, m), v)) in theta.iter_mut().zip(&mut self.first).zip(&mut self.second).enumerate() {
            let g = grad[i];
            *m = lerp(*m, g, w1);
            *v = *v * self.beta2 + w2 * g * g;
            let second = if self.amsgrad {
                let max = &mut self.max_second[i];
                *max = max.max(*v);
                *max
            } else {
                *v
            };
            let denom = second.sqrt() / correction2_sqrt + self.eps;
            *x += -step_size * *m / denom;
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.steps = 0;
        self.first.clear();
        self.second.clear();
        self.max_second.clear();
    }
}

//! RMSProp: "leaky AdaGrad".

use super::first_order::gradient;
use super::method::Method;
use super::{LossFn, Optimizer, StepError};

/// RMSProp (Tieleman and Hinton), the lecture's
///
/// ```text
/// grad_squared = decay_rate * grad_squared + (1 - decay_rate) * dx * dx
/// x -= learning_rate * dx / (np.sqrt(grad_squared) + 1e-7)
/// ```
///
/// i.e. S_{t+1} = δS_t + (1 − δ)∇f(x_t)², x_{t+1} = x_t − α_t ∇f(x_t) / (√S_{t+1} + ε).
///
/// PyTorch: `torch.optim.RMSprop(params, lr, alpha=δ, eps=ε, weight_decay=wd, momentum=μ,
/// centered=c)`: the decay rate is PyTorch's `alpha` (default 0.99), ε sits outside the
/// square root as in the lecture; PyTorch's default ε is 1e-8, the lecture's 1e-7.
///
/// Centered RMSProp (Graves) also averages the gradient, ḡ_{t+1} = δḡ_t + (1 − δ)∇f(x_t), and
/// divides by √(S_{t+1} − ḡ²_{t+1}) + ε: an estimate of the gradient's standard deviation
/// rather than its RMS. With momentum μ > 0 the scaled gradient feeds a velocity,
/// b_{t+1} = μb_t + ∇f(x_t)/(√S_{t+1} + ε), x_{t+1} = x_t − α_t b_{t+1}.
///
/// ```
/// use descent::optim::{Optimizer, rmsprop::RmsProp};
/// let mut x = [1.0];
/// // S = 0.01 · 4 = 0.04, so the first step is α · 2 / 0.2 = 10α.
/// RmsProp::new(0.99, 0.0, 0.0).step(&mut x, 0.01, &mut |p: &[f64], g: &mut [f64]| { g[0] = 2.0; p[0] }).unwrap();
/// assert!((x[0] - 0.9).abs() < 1e-12);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RmsProp {
    /// The decay rate δ (PyTorch's `alpha`).
    pub decay: f64,
    /// ε, added to √S.
    pub eps: f64,
    /// PyTorch's `weight_decay` (coupled).
    pub weight_decay: f64,
    /// PyTorch's `momentum` μ (0: none).
    pub momentum: f64,
    /// Centered: divide by the gradient's running standard deviation.
    pub centered: bool,
    square_avg: Vec<f64>,
    grad_avg: Vec<f64>,
    buffer: Vec<f64>,
    grad: Vec<f64>,
}

impl RmsProp {
    /// RMSProp with decay rate `decay` and the given ε.
    pub fn new(decay: f64, eps: f64, weight_decay: f64) -> Self {
        RmsProp {
            decay,
            eps,
            weight_decay,
            momentum: 0.0,
            centered: false,
            square_avg: Vec::new(),
            grad_avg: Vec::new(),
            buffer: Vec::new(),
            grad: Vec::new(),
        }
    }
}

impl Optimizer for RmsProp {
    fn method(&self) -> Method {
        Method::RmsProp
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        let states = [&mut self.square_avg, &mut self.grad_avg, &mut self.buffer];
        let grad = gradient(f, theta, lr, self.weight_decay, &mut { states }, &mut self.grad)?;
        let (decay, rest) = (self.decay, 1.0 - self.decay);
        for (i, (x, s)) in theta.iter_mut().zip(&mut self.square_avg).enumerate() {
            let g = grad[i];
            *s = *s * decay + rest * g * g;
            let avg = if self.centered {
                let mean = &mut self.grad_avg[i];
                *mean = super::adam::lerp(*mean, g, rest);
                (*s + -*mean * *mean).sqrt() + self.eps
            } else {
                s.sqrt() + self.eps
            };
            if self.momentum > 0.0 {
                let b = &mut self.buffer[i];
                *b = *b * self.momentum + g / avg;
                *x += -lr * *b;
            } else {
                *x += -lr * g / avg;
            }
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.square_avg.clear();
        self.grad_avg.clear();
        self.buffer.clear();
    }
}

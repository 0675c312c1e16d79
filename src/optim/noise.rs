//! Gradient noise: the lecture's Problem #3 ("our gradients come from minibatches so they
//! can be noisy") as a wrapper around any loss function.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

use super::{LossFn, StepError};
use crate::objective::Breakdown;

/// An endless seeded stream of standard normal draws (an owned ChaCha8 generator).
#[derive(Clone, Debug)]
pub struct Normals(ChaCha8Rng);

impl Normals {
    /// The stream for `seed`.
    pub fn new(seed: u64) -> Self {
        Normals(ChaCha8Rng::seed_from_u64(seed))
    }
}

impl Iterator for Normals {
    type Item = f64;

    fn next(&mut self) -> Option<f64> {
        Some(self.0.sample(StandardNormal))
    }
}

/// A loss function whose gradients carry Gaussian noise: ∇̃f(θ) = ∇f(θ) + σξ with ξ a fresh
/// vector of standard normal draws per gradient evaluation, taken from `draws` in order
/// (component after component). The loss values, the recorded [`LossFn::loss`] and the
/// Hessian are exact. At σ = 0 nothing is drawn and the gradient is exact.
///
/// `draws` is any stream of standard normals: [`Normals`] for a seeded run, or stored draws
/// to replay another program's noise exactly (the golden tests replay PyTorch's). A stream
/// that runs out yields NaN gradients, which the driver reports as divergence.
///
/// ```
/// use descent::optim::{LossFn, noise::{GradientNoise, Normals}};
/// use descent::surface::{Surface, SurfaceKind};
/// let mut surface = Surface::new(SurfaceKind::Saddle);
/// let mut noisy = GradientNoise::new(&mut surface, 0.5, [2.0, -1.0].into_iter());
/// let mut g = [0.0; 2];
/// // ∇f(1, 1) = (2, −2), plus 0.5 · (2, −1).
/// assert_eq!(noisy.loss_and_gradient(&[1.0, 1.0], &mut g), 0.0);
/// assert_eq!(g, [3.0, -2.5]);
/// let mut seeded = GradientNoise::new(&mut surface, 0.5, Normals::new(7));
/// seeded.loss_and_gradient(&[1.0, 1.0], &mut g);
/// assert_ne!(g, [2.0, -2.0]);
/// ```
pub struct GradientNoise<'a, S> {
    inner: &'a mut dyn LossFn,
    sigma: f64,
    draws: S,
}

impl<'a, S: Iterator<Item = f64>> GradientNoise<'a, S> {
    /// Adds σ·ξ to `inner`'s gradients, ξ taken from `draws`.
    pub fn new(inner: &'a mut dyn LossFn, sigma: f64, draws: S) -> Self {
        GradientNoise { inner, sigma, draws }
    }
}

impl<S: Iterator<Item = f64>> LossFn for GradientNoise<'_, S> {
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64 {
        let loss = self.inner.loss_and_gradient(theta, grad);
        if self.sigma == 0.0 {
            return loss;
        }
        for g in grad.iter_mut() {
            *g += self.sigma * self.draws.next().unwrap_or(f64::NAN);
        }
        loss
    }

    fn loss(&mut self, theta: &[f64]) -> f64 {
        self.inner.loss(theta)
    }

    fn hessian(&mut self, theta: &[f64], hessian: &mut [f64]) -> Result<(), StepError> {
        self.inner.hessian(theta, hessian)
    }

    fn next_step(&mut self) {
        self.inner.next_step();
    }

    fn last_breakdown(&self) -> Option<Breakdown> {
        self.inner.last_breakdown()
    }
}

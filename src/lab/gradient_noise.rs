//! Gradient noise in the lab: the lecture's Problem #3 ("our gradients come from minibatches
//! so they can be noisy"), as in the race. Each update's gradient is ∇̃L(θ) = ∇L(θ) + σξ with
//! ξ a fresh vector of standard normal draws ([`GradientNoise`](crate::optim::noise::GradientNoise));
//! the loss, the readouts and the chart stay exact. The draws come from a stream seeded by the
//! data seed and restarted with every run, so a link replays a noisy run exactly.

use super::{Lab, LabError};
use crate::optim::noise::Normals;

/// The largest gradient noise σ the lab takes (the slider spans 10⁻² to 10² on a log scale,
/// with 0 at its left end).
pub const MAX_GRADIENT_NOISE: f64 = 100.0;

/// The noise stream of a run on points made with `data_seed`.
pub(crate) fn draws(data_seed: u64) -> Normals {
    Normals::new(data_seed)
}

impl Lab {
    /// σ, the standard deviation of the noise added to each gradient component (0: exact
    /// gradients).
    pub fn gradient_noise(&self) -> f64 {
        self.training.sigma()
    }

    /// Sets σ (a new run from the current θ, like any change of the training's rules).
    ///
    /// ```
    /// let mut lab = descent::lab::Lab::default();
    /// lab.set("gradient-noise", "0.5").unwrap();
    /// assert_eq!(lab.gradient_noise(), 0.5);
    /// assert!(lab.set_gradient_noise(-1.0).is_err());
    /// ```
    pub fn set_gradient_noise(&mut self, sigma: f64) -> Result<(), LabError> {
        if !(0.0..=MAX_GRADIENT_NOISE).contains(&sigma) {
            let expected = format!("a number from 0 to {MAX_GRADIENT_NOISE}");
            return Err(LabError::value("gradient-noise", &sigma.to_string(), expected));
        }
        self.training.set_sigma(sigma);
        self.restart_run();
        Ok(())
    }
}

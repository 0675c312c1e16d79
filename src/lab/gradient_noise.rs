//! Gradient noise in the lab: the lecture's Problem #3 ("our gradients come from minibatches
//! so they can be noisy"), as in the race. Each update's gradient is ∇̃L(θ) = ∇L(θ) + σξ with
//! ξ a fresh vector of standard normal draws ([`GradientNoise`](crate::optim::noise::GradientNoise));
//! the loss, the readouts and the chart stay exact. The draws come from a stream seeded by the
//! data seed and restarted with every run, so a link replays a noisy run exactly. The lab's
//! setting is [`Lab::set_gradient_noise`](super::Lab::set_gradient_noise), beside the rest of
//! training.

use crate::optim::noise::Normals;

/// The largest gradient noise σ the lab takes (the slider spans 10⁻² to 10² on a log scale,
/// with 0 at its left end).
pub const MAX_GRADIENT_NOISE: f64 = 100.0;

/// The noise stream of a run on points made with `data_seed`.
pub(crate) fn draws(data_seed: u64) -> Normals {
    Normals::new(data_seed)
}

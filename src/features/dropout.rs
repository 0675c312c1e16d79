//! Inverted dropout on the features: during training each feature φ_l(x_i) is kept with
//! probability 1 − p and then scaled by 1/(1 − p), or set to 0; at evaluation nothing is
//! dropped. Since E[m_l/(1 − p)] = 1 for a mask bit m_l ~ Bernoulli(1 − p), the expected score
//! of every example is its undropped score: E[W(m ⊙ φ(x))/(1 − p) + b] = Wφ(x) + b.

use rand::Rng;

/// The largest dropout probability (at p = 1 nothing would be left to scale up).
pub const MAX_DROPOUT: f64 = 0.9;

/// Drops each entry of `features` with probability `p` and scales the others by 1/(1 − p),
/// drawing one uniform number per entry from `rng`. `p` = 0 leaves them as they are.
///
/// ```
/// use rand::SeedableRng;
/// let mut f = [1.0, 2.0, 3.0, 4.0];
/// descent::features::dropout::apply(&mut f, 0.5, &mut rand_chacha::ChaCha8Rng::seed_from_u64(1));
/// assert!(f.iter().zip([1.0, 2.0, 3.0, 4.0]).all(|(got, x)| *got == 0.0 || *got == 2.0 * x));
/// ```
pub fn apply(features: &mut [f64], p: f64, rng: &mut impl Rng) {
    if p <= 0.0 {
        return;
    }
    let keep = 1.0 / (1.0 - p);
    for v in features {
        *v = if rng.random::<f64>() < p { 0.0 } else { *v * keep };
    }
}

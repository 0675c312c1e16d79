//! Where training starts: the initial parameters θ₀ of a model.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};

use crate::data::DatasetKind;
use crate::model::{CS231N_INITIAL, Shape};

/// The initial parameters for a dataset of kind `kind` and a model of shape `shape`.
///
/// On the cs231n points with seed 0 they are the demo's own W = [[1, 2], [2, −4], [3, −1]],
/// b = [0, 0.5, −0.5], so the lab opens where the original does. Otherwise every W_{k,l} and
/// b_k is drawn from N(0, 1) by a ChaCha8 stream seeded with `seed`.
///
/// ```
/// use descent::data::DatasetKind;
/// use descent::lab::init::initial_theta;
/// use descent::model::{CS231N_INITIAL, Shape};
/// let shape = Shape { classes: 3, dim: 2 };
/// assert_eq!(initial_theta(DatasetKind::Cs231n, shape, 0), CS231N_INITIAL.to_vec());
/// assert_eq!(initial_theta(DatasetKind::Cs231n, shape, 7), initial_theta(DatasetKind::Blobs, shape, 7));
/// ```
pub fn initial_theta(kind: DatasetKind, shape: Shape, seed: u64) -> Vec<f64> {
    if kind == DatasetKind::Cs231n && seed == 0 && shape.len() == CS231N_INITIAL.len() {
        return CS231N_INITIAL.to_vec();
    }
    random_theta(shape, seed)
}

/// Every W_{k,l} and b_k drawn from N(0, 1) by a ChaCha8 stream seeded with `seed` (the
/// initial parameters of every dataset but the demo's, and of points loaded from a file).
///
/// ```
/// use descent::lab::init::random_theta;
/// use descent::model::Shape;
/// let theta = random_theta(Shape { classes: 4, dim: 2 }, 3);
/// assert_eq!(theta.len(), 12);
/// assert_eq!(theta, random_theta(Shape { classes: 4, dim: 2 }, 3));
/// assert_ne!(theta, random_theta(Shape { classes: 4, dim: 2 }, 4));
/// ```
pub fn random_theta(shape: Shape, seed: u64) -> Vec<f64> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..shape.len()).map(|_| StandardNormal.sample(&mut rng)).collect()
}

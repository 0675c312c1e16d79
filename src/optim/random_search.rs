//! Random search: the lecture's "first very bad idea".

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

use super::method::Method;
use super::{LossFn, Optimizer, StepError, check_lr};

/// Random search, the lecture's Strategy #1:
///
/// ```text
/// bestloss = float("inf")
/// for num in xrange(1000):
///     W = np.random.randn(10, 3073) * 0.0001
///     loss = L(X_train, Y_train, W)
///     if loss < bestloss: bestloss = loss; bestW = W
/// ```
///
/// Each step draws `samples` candidates θ = c + α_t·z with z ~ N(0, I) from an owned
/// ChaCha8 stream seeded with `seed`, evaluates [`LossFn::loss`] at each (no gradients) and
/// moves to a candidate when it beats the best loss seen so far; otherwise θ stays. The
/// learning rate is the lecture's scale (0.0001 there), and the centre c is the point the
/// first step started from: at θ₀ = 0 this is exactly the lecture's W = randn·scale, and on a
/// 2D surface the draws scatter around the chosen start. As in the lecture the best loss
/// starts at +∞, so the first candidate is always taken (even when it is worse than the
/// start). After K steps θ is the best of K·samples seeded draws.
///
/// ```
/// use descent::optim::{Optimizer, random_search::RandomSearch};
/// use descent::surface::{Surface, SurfaceKind};
/// let mut s = Surface::new(SurfaceKind::Booth);
/// let mut theta = [1.0, 3.0]; // Booth's minimum: draws around it can only be worse...
/// let mut search = RandomSearch::new(1, 42);
/// search.step(&mut theta, 0.5, &mut s).unwrap();
/// assert_ne!(theta, [1.0, 3.0]); // ...but the first is taken anyway.
/// let first = s.value(theta);
/// for _ in 0..100 {
///     search.step(&mut theta, 0.5, &mut s).unwrap();
/// }
/// assert!(s.value(theta) <= first);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RandomSearch {
    /// Candidates per step.
    pub samples: usize,
    /// The seed of the draws.
    pub seed: u64,
    rng: ChaCha8Rng,
    centre: Vec<f64>,
    best: f64,
    candidate: Vec<f64>,
    /// Candidates of the update in progress drawn so far (0 between updates).
    drawn: usize,
}

impl RandomSearch {
    /// Random search drawing `samples` candidates per step (at least 1) from seed `seed`.
    pub fn new(samples: usize, seed: u64) -> Self {
        RandomSearch {
            samples: samples.max(1),
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            centre: Vec::new(),
            best: f64::INFINITY,
            candidate: Vec::new(),
            drawn: 0,
        }
    }

    /// The best loss found so far (+∞ before the first step).
    pub fn best_loss(&self) -> f64 {
        self.best
    }

    /// The centre the draws scatter around (empty before the first step).
    pub fn centre(&self) -> &[f64] {
        &self.centre
    }
}

impl Optimizer for RandomSearch {
    fn method(&self) -> Method {
        Method::RandomSearch
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        self.step_within(theta, lr, f, &mut || true).map(|_| ())
    }

    /// Draws and evaluates candidates in order while `go()` says to go on (at least one per
    /// call), resuming where the last call stopped: the draws, and so the result, are those
    /// of [`Optimizer::step`] however the update is split.
    fn step_within(
        &mut self,
        theta: &mut [f64],
        lr: f64,
        f: &mut dyn LossFn,
        go: &mut dyn FnMut() -> bool,
    ) -> Result<bool, StepError> {
        check_lr(lr)?;
        if self.centre.is_empty() {
            self.centre.extend_from_slice(theta);
        } else if self.centre.len() != theta.len() {
            return Err(StepError::Dimension { expected: self.centre.len(), found: theta.len() });
        }
        self.candidate.resize(theta.len(), 0.0);
        loop {
            for (x, c) in self.candidate.iter_mut().zip(&self.centre) {
                let z: f64 = self.rng.sample(StandardNormal);
                *x = c + lr * z;
            }
            let loss = f.loss(&self.candidate);
            if loss < self.best {
                self.best = loss;
                theta.copy_from_slice(&self.candidate);
            }
            self.drawn += 1;
            if self.drawn >= self.samples {
                self.drawn = 0;
                return Ok(true);
            }
            if !go() {
                return Ok(false);
            }
        }
    }

    fn progress(&self) -> Option<(usize, usize)> {
        (self.drawn > 0).then_some((self.drawn, self.samples))
    }

    fn reset(&mut self) {
        self.rng = ChaCha8Rng::seed_from_u64(self.seed);
        self.centre.clear();
        self.best = f64::INFINITY;
        self.drawn = 0;
    }
}

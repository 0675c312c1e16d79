//! The lecture's other regularizers where they fit a linear model, applied to the training
//! points at every update and never at evaluation:
//!
//! - **Data augmentation**: each training point x_i is jittered to x_i + σε_i, ε_i ~ N(0, I),
//!   afresh at every update, and expanded by φ there.
//! - **Dropout** on the features ([`crate::features::dropout`]): each φ_l(x_i) is kept with
//!   probability 1 − p and scaled by 1/(1 − p), or set to 0, afresh at every update.
//!
//! Both are drawn from one ChaCha8 stream seeded by the data seed when a run starts, so a run
//! replays exactly. The update's gradient is taken over the perturbed points (and over the
//! minibatch, when there is one); what the run records, and the readouts show, is the
//! objective over the unperturbed training points. Newton's Hessian is the unperturbed one.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

use crate::data::Dataset;
use crate::features::cache::FeatureCache;
use crate::objective::{Breakdown, Evaluator};
use crate::optim::classifier::ClassifierLoss;
use crate::optim::{LossFn, StepError};

/// The random stream of a run's perturbations and the buffer of perturbed features.
#[derive(Clone, Debug)]
pub(crate) struct Perturbation {
    rng: ChaCha8Rng,
    buffer: Option<Dataset>,
}

impl Perturbation {
    /// A fresh stream seeded with `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        Perturbation { rng: ChaCha8Rng::seed_from_u64(seed), buffer: None }
    }

    /// The training points' features for the next update: jittered by σ = `jitter`, then
    /// dropped out with probability `dropout`.
    pub(crate) fn draw<'s>(
        &'s mut self,
        data: &'s Dataset,
        cache: &'s FeatureCache,
        dropout: f64,
        jitter: f64,
    ) -> &'s Dataset {
        let clean = cache.training(data);
        if self.buffer.as_ref().is_none_or(|b| b.len() != clean.len() || b.dim() != clean.dim()) {
            self.buffer = Some(clean.clone());
        }
        let Some(buffer) = self.buffer.as_mut() else { return clean };
        let f = clean.dim();
        let rng = &mut self.rng;
        let map = cache.map();
        let mut point = vec![0.0; data.dim()];
        for (row, out) in buffer.coordinates_mut().chunks_exact_mut(f.max(1)).enumerate() {
            if jitter > 0.0 {
                for (p, &x) in point.iter_mut().zip(data.point(cache.point_index(row))) {
                    *p = x + jitter * rng.sample::<f64, _>(StandardNormal);
                }
                map.expand(&point, out);
            } else {
                out.copy_from_slice(clean.point(row));
            }
            crate::features::dropout::apply(out, dropout, rng);
        }
        buffer
    }
}

/// The objective whose gradient is taken over perturbed points and whose recorded value is the
/// clean one.
pub(crate) struct PerturbedLoss<'c, 'a> {
    /// The objective over the unperturbed training points, with the minibatch sampler.
    pub(crate) clean: &'c mut ClassifierLoss<'a>,
    /// The objective over this update's perturbed points.
    pub(crate) noisy: Evaluator<'c>,
}

impl LossFn for PerturbedLoss<'_, '_> {
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64 {
        let batch = self.clean.batch();
        let batch = (!batch.is_empty()).then_some(batch);
        self.noisy.loss_and_gradient(theta, batch, grad).total()
    }

    fn loss(&mut self, theta: &[f64]) -> f64 {
        self.clean.loss(theta)
    }

    fn hessian(&mut self, theta: &[f64], hessian: &mut [f64]) -> Result<(), StepError> {
        self.clean.hessian(theta, hessian)
    }

    fn next_step(&mut self) {
        self.clean.next_step();
    }

    fn last_breakdown(&self) -> Option<Breakdown> {
        self.clean.last_breakdown()
    }
}

//! The lab's feature map φ and its held-out points: which φ the classifier sees, which points
//! it trains on, and what it scores on the points it never trained on.
//!
//! A change of φ (its kind or degree) changes the shape of W, so it re-initializes θ (rule 1
//! of [`crate::lab`]); a change of the split (the held-out ratio or its seed, or a point put in
//! the other set) keeps θ and starts a new run (rule 2). The held-out loss is the data loss
//! (1/N_h) Σ L_i over the held-out points: λR(W) belongs to W, not to any data, so training
//! and held-out data losses compare like with like. The loss chart plots it at every recorded
//! step, computed once per step and kept while the run lasts.

use super::{Lab, LabError};
use crate::features::cache::FeatureCache;
use crate::features::{FeatureKind, FeatureMap, Frame};

/// Training and held-out figures side by side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeldOut {
    /// The held-out data loss (1/N_h) Σ L_i.
    pub loss: f64,
    /// The fraction of held-out points classified correctly.
    pub accuracy: f64,
    /// The number of held-out points N_h.
    pub points: usize,
}

impl Lab {
    /// The feature map φ.
    pub fn features(&self) -> &FeatureMap {
        &self.features
    }

    /// The names of the features φ_l, as the W grid labels its columns.
    pub fn feature_names(&self) -> Vec<String> {
        self.features.names(self.data.dim())
    }

    /// The expanded points (see [`FeatureCache`]).
    pub fn feature_cache(&self) -> &FeatureCache {
        &self.cache
    }

    /// Sets φ's kind and degree (the degree clamped to what the kind takes; rule 1). Maps
    /// other than the identity take points of the plane.
    pub fn set_features(&mut self, kind: FeatureKind, degree: usize) -> Result<(), LabError> {
        if kind != FeatureKind::Identity && self.data.dim() != 2 {
            let expected = format!("identity: the points have {} coordinates, not 2", self.data.dim());
            return Err(LabError::value("features", kind.name(), expected));
        }
        let degree = degree.clamp(1, kind.max_degree());
        if (kind, degree) != (self.features.kind, self.features.degree) {
            self.features.kind = kind;
            self.features.degree = degree;
            self.features_stale = true;
            self.reinitialize();
        }
        Ok(())
    }

    /// The fraction of the points held out.
    pub fn held_out_ratio(&self) -> f64 {
        self.held_out
    }

    /// The seed of the split.
    pub fn split_seed(&self) -> u64 {
        self.split_seed
    }

    /// Holds out ⌊ratio · N⌋ points chosen by a shuffle seeded with `seed`
    /// ([`crate::data::Dataset::split`]); rule 2.
    pub fn set_split(&mut self, ratio: f64, seed: u64) {
        self.held_out = ratio;
        self.split_seed = seed;
        self.data.split(ratio, seed);
        self.features_stale = true;
        self.restart_run();
    }

    /// Whether a click on empty canvas adds a held-out point.
    pub fn add_held_out(&self) -> bool {
        self.add_held_out
    }

    /// Puts point `i` in the held-out set or the training set (rule 2).
    pub fn set_point_held_out(&mut self, i: usize, held_out: bool) -> Result<(), LabError> {
        self.data.set_held_out(i, held_out)?;
        self.features_stale = true;
        self.restart_run();
        Ok(())
    }

    /// Rebuilds the expanded points if the points, their split or φ changed since the last
    /// build; φ's frame is the view's.
    pub(super) fn refresh_features(&mut self) {
        let view = &self.picture.view;
        let frame = Frame { center: view.center, half_width: view.half_width };
        if !self.features_stale && frame == self.features.frame {
            return;
        }
        self.features.frame = frame;
        // The points lie in the view, where every feature is bounded, so the build cannot
        // fail; if it ever did, φ would fall back to the identity, which always builds.
        match FeatureCache::build(self.features, &self.data) {
            Ok(cache) => self.cache = cache,
            Err(_) => {
                self.features.kind = FeatureKind::Identity;
                if let Ok(cache) = FeatureCache::build(self.features, &self.data) {
                    self.cache = cache;
                }
            }
        }
        self.features_stale = false;
        self.drop_sweep();
    }

    /// The scores s = Wφ(x) + b of a point of the plane, written into `scores`.
    pub fn scores_at(&self, x: &[f64], scores: &mut [f64]) {
        let shape = self.shape();
        if self.features.is_identity() {
            shape.scores(self.theta(), x, scores);
        } else {
            let mut phi = vec![0.0; shape.dim];
            self.cache.map().expand(x, &mut phi);
            shape.scores(self.theta(), &phi, scores);
        }
    }

    /// The held-out loss and accuracy at the current θ (None when no point is held out).
    pub fn held_out(&self) -> Option<HeldOut> {
        let held = self.cache.held_out();
        if held.is_empty() {
            return None;
        }
        let (loss, correct) = self.objective.evaluator(held).loss_and_correct(self.theta());
        Some(HeldOut { loss: loss.data, accuracy: correct as f64 / held.len() as f64, points: held.len() })
    }

    /// The held-out data loss at each recorded step of the run as (step, loss), brought up to
    /// date with the history: steps already computed are kept, new ones computed.
    pub fn update_held_curve(&mut self) {
        let held = self.cache.held_out();
        if held.is_empty() {
            self.held_curve.clear();
            return;
        }
        let history = self.training.history();
        let mut evaluator = self.objective.evaluator(held);
        // In place (no allocation once the curve has its length): entries before `read` are
        // consumed, and `write` never passes `read`.
        let curve = &mut self.held_curve;
        // Room for the longest history at once, so the curve's growth allocates nothing later.
        curve.reserve((super::history::CAPACITY + 1).saturating_sub(curve.len()));
        let (mut write, mut read) = (0, 0);
        for (n, &step) in history.steps().iter().enumerate() {
            while read < curve.len() && curve[read].0 < step {
                read += 1;
            }
            let loss = if read < curve.len() && curve[read].0 == step {
                read += 1;
                curve[read - 1].1
            } else {
                evaluator.loss(history.theta(n), None).data
            };
            if write < read {
                curve[write] = (step, loss);
            } else {
                curve.insert(write, (step, loss));
                read += 1;
            }
            write += 1;
        }
        curve.truncate(write);
    }

    /// The held-out curve of [`Lab::update_held_curve`].
    pub fn held_curve(&self) -> &[(f64, f64)] {
        &self.held_curve
    }
}

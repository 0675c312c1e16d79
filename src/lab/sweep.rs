//! The λ sweep: training and held-out loss against log λ, the picture of the bias–variance
//! trade-off (too little λ fits the training points and misses the held-out ones, too much
//! misses both).
//!
//! The rule: [`POINTS`] values of λ spaced evenly in log λ from [`LOWEST`] to [`HIGHEST`]; for
//! each, a run of the lab's current optimizer and schedule, full batch over the training
//! points (no minibatches, dropout or jitter), from θ₀ (where Reset returns), for [`STEPS`]
//! updates (or until it stops), with the lab's loss and regularizer at that λ. Each λ gets the
//! data loss (1/N) Σ L_i of its final θ over the training and over the held-out points, and
//! both accuracies.
//!
//! It is computed on demand and sliced across animation frames so that the page never
//! freezes: each frame makes as many updates as fit in [`FRAME_WORK`] multiply-adds (an update
//! costs about N·F·C of them), at least one. The sweep is dropped when the points, their
//! split or φ change; a change of λ only moves the chart's mark.

use crate::data::Dataset;
use crate::objective::Objective;
use crate::optim::classifier::ClassifierLoss;
use crate::optim::run::Run;
use crate::optim::settings::Settings;

/// The number of λ values.
pub const POINTS: usize = 25;
/// The smallest λ of the sweep.
pub const LOWEST: f64 = 1e-6;
/// The largest λ of the sweep.
pub const HIGHEST: f64 = 1e2;
/// Updates per λ.
pub const STEPS: usize = 300;
/// Multiply-adds per animation frame (about 10 ms of wasm).
pub const FRAME_WORK: usize = 5_000_000;

/// The sweep's λ values: 10^(−6 + 8i/24), i = 0 … 24.
pub fn lambdas() -> Vec<f64> {
    let (low, high) = (LOWEST.log10(), HIGHEST.log10());
    (0..POINTS).map(|i| 10f64.powf(low + (high - low) * i as f64 / (POINTS - 1) as f64)).collect()
}

/// A λ sweep, finished or under way.
#[derive(Clone, Debug)]
pub struct Sweep {
    /// The λ values.
    pub lambdas: Vec<f64>,
    /// The training data loss of each λ done so far.
    pub training: Vec<f64>,
    /// The held-out data loss of each λ done so far (NaN without held-out points).
    pub held_out: Vec<f64>,
    /// The training accuracy of each λ done so far.
    pub training_accuracy: Vec<f64>,
    /// The held-out accuracy of each λ done so far (NaN without held-out points).
    pub held_out_accuracy: Vec<f64>,
    /// The run of the λ under way.
    run: Option<Run>,
}

impl Sweep {
    /// Whether every λ is done.
    pub fn done(&self) -> bool {
        self.training.len() == self.lambdas.len()
    }

    /// The λ with the smallest held-out loss so far (None before the first, or without
    /// held-out points).
    pub fn best(&self) -> Option<f64> {
        let best = self.held_out.iter().enumerate().filter(|(_, l)| l.is_finite()).min_by(|a, b| a.1.total_cmp(b.1));
        best.map(|(i, _)| self.lambdas[i])
    }

    /// A sweep with nothing done yet.
    pub fn new() -> Self {
        let lambdas = lambdas();
        Sweep {
            training: Vec::with_capacity(lambdas.len()),
            held_out: Vec::with_capacity(lambdas.len()),
            training_accuracy: Vec::with_capacity(lambdas.len()),
            held_out_accuracy: Vec::with_capacity(lambdas.len()),
            lambdas,
            run: None,
        }
    }

    /// One frame's share ([`FRAME_WORK`]) of the sweep of `objective`'s λ with the optimizer
    /// `settings` from `start` over the `training` points, scored on them and on the
    /// `held_out` ones. Returns whether work remains.
    pub fn frame(
        &mut self,
        objective: &Objective,
        settings: &Settings,
        start: &[f64],
        training: &Dataset,
        held_out: &Dataset,
    ) -> bool {
        let per_step = (training.len() * (training.dim() + 1) * training.classes()).max(1);
        let mut budget = (FRAME_WORK / per_step).max(1);
        while budget > 0 && !self.done() {
            let objective = Objective { lambda: self.lambdas[self.training.len()], ..*objective };
            let mut loss = ClassifierLoss::new(&objective, training);
            let run = match &mut self.run {
                Some(run) => run,
                slot => {
                    let Ok(optimizer) = settings.build() else { break };
                    let mut run = Run::new(optimizer, settings.schedule, start, &mut loss);
                    run.set_max_rows(Some(1));
                    slot.insert(run)
                }
            };
            while budget > 0 && run.updates() < STEPS && run.stopped().is_none() {
                // A stop leaves θ at its last good point, which the sweep then scores.
                let _ = run.step(&mut loss);
                budget -= 1;
            }
            if run.updates() >= STEPS || run.stopped().is_some() {
                let theta = run.theta().to_vec();
                let (train, correct) = objective.evaluator(training).loss_and_correct(&theta);
                self.training.push(train.data);
                self.training_accuracy.push(correct as f64 / training.len().max(1) as f64);
                let (held, held_correct) = objective.evaluator(held_out).loss_and_correct(&theta);
                let nan_if_empty = |v: f64| if held_out.is_empty() { f64::NAN } else { v };
                self.held_out.push(nan_if_empty(held.data));
                self.held_out_accuracy.push(nan_if_empty(held_correct as f64 / held_out.len().max(1) as f64));
                self.run = None;
            }
        }
        !self.done()
    }
}

impl Default for Sweep {
    fn default() -> Self {
        Sweep::new()
    }
}

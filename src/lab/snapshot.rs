//! A copy of what the other scenes read from the lab: the problem (dataset and objective), the
//! current parameters and the current run's trajectory. The optimizer race races on a slice
//! of this objective; the loss-landscape view draws a slice through θ with the trajectory on it.

use super::Lab;
use crate::data::Dataset;
use crate::model::Shape;
use crate::objective::{Evaluator, Objective};

/// The lab's problem, parameters and trajectory at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The training points' features φ(x_i) (the points themselves for the identity with
    /// nothing held out): what the objective is over.
    pub data: Dataset,
    /// The objective's settings.
    pub objective: Objective,
    /// θ = (W, b), flat (see [`crate::model`]).
    pub theta: Vec<f64>,
    /// The recorded steps of the current run (thinned evenly on long runs; the last is the
    /// current step).
    pub steps: Vec<usize>,
    /// θ after each recorded step, `theta.len()` values each.
    pub trajectory: Vec<f64>,
}

impl Snapshot {
    /// The model's shape.
    pub fn shape(&self) -> Shape {
        Shape { classes: self.data.classes(), dim: self.data.dim() }
    }

    /// The objective bound to the points.
    pub fn evaluator(&self) -> Evaluator<'_> {
        self.objective.evaluator(&self.data)
    }

    /// θ after the n-th recorded step.
    pub fn point(&self, n: usize) -> &[f64] {
        &self.trajectory[n * self.theta.len()..(n + 1) * self.theta.len()]
    }
}

impl Lab {
    /// A copy of the problem, θ and the run's trajectory, for the other scenes.
    ///
    /// ```
    /// let mut lab = descent::lab::Lab::default();
    /// lab.advance(3).unwrap();
    /// let s = lab.snapshot();
    /// assert_eq!(s.steps, vec![0, 1, 2, 3]);
    /// assert_eq!(s.point(3), lab.theta());
    /// assert_eq!(s.evaluator().loss(&s.theta, None), lab.breakdown());
    /// ```
    pub fn snapshot(&self) -> Snapshot {
        let history = self.history();
        Snapshot {
            data: self.feature_cache().training(self.data()).clone(),
            objective: self.objective,
            theta: self.theta().to_vec(),
            steps: history.entries().iter().map(|e| e.step).collect(),
            trajectory: (0..history.len()).flat_map(|n| history.theta(n).to_vec()).collect(),
        }
    }
}

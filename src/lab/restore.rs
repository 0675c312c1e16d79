//! Bringing the lab to a state it was in elsewhere (a link, a saved page): exactly these
//! points, training at this step, θ exactly this.
//!
//! Training is deterministic (every random choice is seeded), so the step a run reached is
//! reached again by replaying the run from its start: the same θ bit for bit, the same loss
//! history, the same optimizer state, so Play goes on as it would have. A replay is bounded:
//! when it would cost more than [`REPLAY_BUDGET`] point-updates (steps × N), the run instead
//! goes on from the given θ at that step ([`Lab::set_theta`]), with the schedule at α_step but
//! fresh optimizer state (moments, velocity) and a history starting there.

use super::{Lab, LabError, PARAMETER_LIMIT};
use crate::data::Dataset;

/// The most point-updates (steps × points) a replay may make: about a tenth of a second.
pub const REPLAY_BUDGET: usize = 5_000_000;

impl Lab {
    /// Shows exactly these points, each in the set its held-out flag says (as a point added
    /// by hand would: θ kept, a new run; a new number of classes re-initializes θ). The view
    /// is fitted to them.
    pub fn set_points(&mut self, data: Dataset) {
        self.from_file = false;
        self.replace_data(data, false, super::Sets::Kept);
    }

    /// The first step of the current run's record (0 unless it went on from a given θ).
    pub fn first_step(&self) -> usize {
        self.history().entries().first().map_or(0, |e| e.step)
    }

    /// Brings training to `step`: by replaying the current run when that costs at most
    /// [`REPLAY_BUDGET`] point-updates, otherwise by going on from the current θ as if at
    /// `step`. A run that stops before `step` is refused with its reason (and stays stopped).
    pub fn set_step(&mut self, step: usize) -> Result<(), LabError> {
        let points = self.data.len().max(1);
        let affordable = |steps: usize| steps.saturating_mul(points) <= REPLAY_BUDGET;
        let first = self.first_step();
        let remaining = if step >= self.steps() && affordable(step - self.steps()) {
            step - self.steps()
        } else if step >= first && affordable(step - first) {
            let start = self.history().theta(0).to_vec();
            self.start_run_at(&start, first);
            step - first
        } else {
            let theta = self.theta().to_vec();
            self.start_run_at(&theta, step);
            0
        };
        if remaining == 0 {
            return Ok(());
        }
        self.advance(remaining).map_err(|stop| LabError::Invalid(stop.to_string()))
    }

    /// Sets θ to `theta` at the current step (see the module docs): a new run that goes on
    /// from there. The same θ changes nothing. Each |θ_i| must be at most
    /// [`PARAMETER_LIMIT`], and θ as long as the model's.
    pub fn set_theta(&mut self, theta: &[f64]) -> Result<(), LabError> {
        if theta.len() != self.theta().len() {
            let expected = format!("{} parameters (the model's)", self.theta().len());
            return Err(LabError::value("θ", &format!("{} parameters", theta.len()), expected));
        }
        if let Some(v) = theta.iter().find(|v| !(v.is_finite() && v.abs() <= PARAMETER_LIMIT)) {
            let expected = format!("a number from {} to {PARAMETER_LIMIT} for every parameter", -PARAMETER_LIMIT);
            return Err(LabError::value("θ", &v.to_string(), expected));
        }
        let same = theta.iter().zip(self.theta()).all(|(a, b)| a.to_bits() == b.to_bits());
        if !same {
            self.start_run_at(theta, self.steps());
        }
        Ok(())
    }
}

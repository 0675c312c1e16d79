//! The λ sweep in the lab ([`super::sweep`]): started on demand, carried on a frame at a time,
//! drawn as training and held-out data loss against log₁₀ λ with the current λ marked.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::Lab;
use super::loss_chart::{DATA_COLOR, HELD_OUT_COLOR};
use super::sweep::{HIGHEST, LOWEST, Sweep, lambdas};
use crate::render::chart::{ChartResult, LineChart, Series, draw_line_chart};

impl Lab {
    /// Starts a sweep (dropping any other); [`Lab::sweep_frame`] carries it on.
    pub fn start_sweep(&mut self) {
        self.sweep = Some(Sweep::new());
        self.dirty = true;
    }

    /// The sweep, finished or under way.
    pub fn sweep(&self) -> Option<&Sweep> {
        self.sweep.as_ref()
    }

    /// Forgets the sweep (the points, the split or φ changed).
    pub(super) fn drop_sweep(&mut self) {
        self.sweep = None;
    }

    /// One frame's share of the sweep. Returns whether work remains.
    pub fn sweep_frame(&mut self) -> bool {
        let Some(sweep) = self.sweep.as_mut() else { return false };
        let training = self.cache.training(&self.data);
        let more = sweep.frame(&self.objective, &self.settings, &self.start, training, self.cache.held_out());
        self.dirty = true;
        more
    }

    /// Runs the whole sweep at once (for tests and tools; the page slices it across frames).
    pub fn run_sweep(&mut self) -> &Sweep {
        self.start_sweep();
        while self.sweep_frame() {}
        self.sweep.get_or_insert_with(Sweep::new)
    }

    /// Draws the sweep's training and held-out data loss against log₁₀ λ, with the current λ
    /// marked, into `area`; `scale` is the device-pixel ratio. Without a sweep the axes stay
    /// empty.
    pub fn draw_sweep_chart<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scale: f64) -> ChartResult<DB> {
        let log_lambdas: Vec<f64> = lambdas().iter().map(|l| l.log10()).collect();
        let empty = Vec::new();
        let (training, held_out) = self.sweep.as_ref().map_or((&empty, &empty), |s| (&s.training, &s.held_out));
        let held_out: Vec<f64> = held_out.iter().copied().filter(|v| v.is_finite()).collect();
        let series = [
            Series { name: "training", color: DATA_COLOR, x: Some(&log_lambdas[..training.len()]), y: training },
            Series { name: "held-out", color: HELD_OUT_COLOR, x: Some(&log_lambdas[..held_out.len()]), y: &held_out },
        ];
        let lambda = self.objective.lambda;
        let chart = LineChart {
            x_label: "log₁₀ λ",
            y_label: "data loss",
            log_y: self.log_y(),
            cursor: (lambda > 0.0).then(|| lambda.log10().clamp(LOWEST.log10(), HIGHEST.log10())),
            x_range: Some([LOWEST.log10(), HIGHEST.log10()]),
            scale,
            ..LineChart::default()
        };
        draw_line_chart(area, &chart, &series)
    }
}

//! The lab's learning-rate chart: α_t over the run, with a cursor at the current step, shown
//! while a schedule other than the constant rate (or a warmup) is chosen, as the race shows
//! its racers'.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::Lab;
use super::loss_chart::DATA_COLOR;
use crate::render::chart::{ChartResult, LineChart, Series, draw_line_chart};
use crate::schedule::ScheduleKind;

/// The fewest steps the chart spans (the race's presets run 200 too).
pub const SCHEDULE_STEPS: usize = 200;

impl Lab {
    /// Whether the rate changes over the run: a schedule other than constant, or a warmup.
    pub fn shows_schedule(&self) -> bool {
        let schedule = &self.optimizer().schedule;
        schedule.kind != ScheduleKind::Constant || schedule.warmup > 0
    }

    /// The last step the chart shows: past the warmup W and the horizon T where the schedule
    /// has them, at least [`SCHEDULE_STEPS`], doubled until it covers the steps made.
    ///
    /// ```
    /// let mut lab = descent::lab::Lab::default();
    /// lab.set("schedule", "cosine").unwrap();
    /// lab.set("total", "300").unwrap();
    /// assert_eq!(lab.schedule_horizon(), 300);
    /// ```
    pub fn schedule_horizon(&self) -> usize {
        let s = &self.optimizer().schedule;
        let reach = if s.kind.uses_total() || s.warmup > 0 { s.total.max(s.warmup) } else { 0 };
        let mut horizon = reach.max(SCHEDULE_STEPS);
        while horizon < self.steps() {
            horizon *= 2;
        }
        horizon
    }

    /// α_t for t = 0, …, [`Lab::schedule_horizon`]. The plateau schedule, which reads the
    /// loss, holds its current rate ahead.
    pub fn schedule_rates(&self) -> Vec<f64> {
        let s = &self.optimizer().schedule;
        let horizon = self.schedule_horizon();
        if s.kind.reads_loss() {
            return vec![self.learning_rate(); horizon + 1];
        }
        (0..=horizon).map(|t| s.rate(t)).collect()
    }

    /// Draws α_t over the run (log axis) with a cursor at the current step into `area`;
    /// `scale` is the device-pixel ratio.
    pub fn draw_schedule_chart<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        scale: f64,
    ) -> ChartResult<DB> {
        let rates = self.schedule_rates();
        let series = [Series { name: "α_t", color: DATA_COLOR, x: None, y: &rates }];
        let chart = LineChart {
            x_label: "step",
            y_label: "α_t",
            log_y: true,
            cursor: Some(self.steps() as f64),
            x_range: Some([0.0, (rates.len() - 1) as f64]),
            legend: false,
            scale,
        };
        draw_line_chart(area, &chart, &series)
    }
}

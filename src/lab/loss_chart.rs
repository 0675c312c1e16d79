//! The loss-vs-step chart of the current run: total, data and regularization loss over the
//! training points, and the held-out data loss when points are held out
//! ([`Lab::held_curve`]), on a linear or logarithmic y axis. Its legend is the page's, beside
//! the chart (in these colours), so that no curve runs under it.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::Lab;
use crate::render::chart::{ChartResult, LineChart, Series, draw_line_chart};
use crate::render::palette::Rgb;

/// Colour of the total loss: near-black.
pub const TOTAL_COLOR: Rgb = Rgb(0x1d, 0x1d, 0x1f);
/// Colour of the data loss: Okabe–Ito blue.
pub const DATA_COLOR: Rgb = Rgb(0x00, 0x72, 0xB2);
/// Colour of the regularization loss: Okabe–Ito orange.
pub const REGULARIZATION_COLOR: Rgb = Rgb(0xE6, 0x9F, 0x00);
/// Colour of the held-out data loss: Okabe–Ito vermilion.
pub const HELD_OUT_COLOR: Rgb = Rgb(0xD5, 0x5E, 0x00);

impl Lab {
    /// Draws the run's losses by step into `area`; `scale` is the device-pixel ratio.
    pub fn draw_loss_chart<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scale: f64) -> ChartResult<DB> {
        let history = self.history();
        let steps = Some(history.steps());
        let held_steps: Vec<f64> = self.held_curve().iter().map(|p| p.0).collect();
        let held_loss: Vec<f64> = self.held_curve().iter().map(|p| p.1).collect();
        let mut series = vec![
            Series { name: "total", color: TOTAL_COLOR, x: steps, y: history.total() },
            Series { name: "data", color: DATA_COLOR, x: steps, y: history.data() },
            Series { name: "regularization", color: REGULARIZATION_COLOR, x: steps, y: history.regularization() },
        ];
        if !held_loss.is_empty() {
            series.push(Series { name: "held-out data", color: HELD_OUT_COLOR, x: Some(&held_steps), y: &held_loss });
        }
        let chart = LineChart {
            x_label: "step",
            y_label: "loss",
            log_y: self.log_y(),
            legend: false,
            scale,
            ..LineChart::default()
        };
        draw_line_chart(area, &chart, &series)
    }
}

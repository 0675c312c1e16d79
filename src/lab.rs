//! The classifier lab scene: a dataset, a linear classifier θ = (W, b) and its objective,
//! and what the canvas shows of them.

use crate::data::{Dataset, DatasetKind, DatasetSpec};
use crate::model::{CS231N_INITIAL, Shape, predict};
use crate::objective::{Breakdown, Objective};
use crate::render::overlay::{Mark, Marks, clip_line, push_axes};
use crate::render::palette::{Rgb, class_color};
use crate::render::raster::Raster;
use crate::render::viewport::Viewport;

/// Radius of a data point in CSS pixels.
const POINT_RADIUS: f64 = 6.0;
/// Axis label size in CSS pixels.
const FONT_SIZE: f64 = 12.0;

/// The classifier lab's state and its rendering buffers.
#[derive(Clone, Debug)]
pub struct Lab {
    data: Dataset,
    theta: Vec<f64>,
    objective: Objective,
    view: Viewport,
    pixel_ratio: f64,
    raster: Raster,
    marks: Marks,
    scores: Vec<f64>,
}

impl Default for Lab {
    /// The cs231n demo: its nine points, W = [[1, 2], [2, −4], [3, −1]], b = [0, 0.5, −0.5],
    /// Weston–Watkins SVM with Δ = 1, L2 with λ = 0.1.
    fn default() -> Self {
        let spec = DatasetSpec { kind: DatasetKind::Cs231n, ..DatasetSpec::default() };
        let data = spec.generate().expect("the cs231n points are valid");
        Lab {
            scores: vec![0.0; data.classes()],
            data,
            theta: CS231N_INITIAL.to_vec(),
            objective: Objective::default(),
            view: Viewport::centered(DatasetKind::Cs231n.view_half_width(), 1, 1),
            pixel_ratio: 1.0,
            raster: Raster::default(),
            marks: Marks::new(),
        }
    }
}

impl Lab {
    /// The model's shape.
    pub fn shape(&self) -> Shape {
        Shape { classes: self.data.classes(), dim: self.data.dim() }
    }

    /// The parameters θ = (W, b), flat.
    pub fn theta(&self) -> &[f64] {
        &self.theta
    }

    /// The dataset.
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The view of the data plane.
    pub fn view(&self) -> &Viewport {
        &self.view
    }

    /// Sets the canvas size in device pixels and the device-pixel ratio (for line widths and
    /// text, which are specified in CSS pixels).
    pub fn resize(&mut self, width: usize, height: usize, pixel_ratio: f64) {
        self.view.width = width.max(1);
        self.view.height = height.max(1);
        self.pixel_ratio = if pixel_ratio.is_finite() && pixel_ratio > 0.0 { pixel_ratio } else { 1.0 };
    }

    /// The objective at the current parameters over the whole dataset.
    pub fn breakdown(&self) -> Breakdown {
        self.objective.evaluator(&self.data).loss(&self.theta, None)
    }

    /// The class the classifier predicts at the centre of device pixel (i, j).
    pub fn predict_pixel(&self, i: usize, j: usize) -> usize {
        let mut scores = vec![0.0; self.shape().classes];
        self.shape().scores(&self.theta, &self.view.pixel_center(i, j), &mut scores);
        predict(&scores)
    }

    /// Redraws the decision regions into the raster and rebuilds the marks: axes, each
    /// class's zero-score line W_k · x + b_k = 0, and the data points.
    pub fn render(&mut self) {
        let shape = self.shape();
        self.raster.fill_regions(shape, &self.theta, &self.view, &mut self.scores);
        self.marks.clear();
        let r = self.pixel_ratio;
        push_axes(&mut self.marks, &self.view, 8, FONT_SIZE * r);
        let (low, high) = self.view.data_bounds();
        for k in 0..shape.classes {
            let w = [self.theta[shape.weight_index(k, 0)], self.theta[shape.weight_index(k, 1)]];
            if let Some((p, q)) = clip_line(w, self.theta[shape.bias_index(k)], low, high) {
                self.marks.push(Mark::Line {
                    from: self.view.to_pixel(p),
                    to: self.view.to_pixel(q),
                    color: class_color(k),
                    width: 2.0 * r,
                    dashed: false,
                });
            }
        }
        for i in 0..self.data.len() {
            let p = self.data.point(i);
            self.marks.push(Mark::Disc {
                at: self.view.to_pixel([p[0], p[1]]),
                radius: POINT_RADIUS * r,
                fill: class_color(self.data.label(i)),
                outline: Rgb(255, 255, 255),
                outline_width: 1.5 * r,
            });
        }
    }

    /// The region raster of the last [`Lab::render`].
    pub fn raster(&self) -> &Raster {
        &self.raster
    }

    /// The marks of the last [`Lab::render`].
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }
}

//! Decision regions of any classifier of the plane — f(x) = Wφ(x) + b with a feature map φ,
//! whose boundaries curve — painted from its scores on a grid of square cells of a few device
//! pixels, each coloured by the scores at its centre.
//!
//! The cell is the smallest side that keeps the grid within [`MAX_CELLS`] evaluations, so a
//! frame costs at most that many score evaluations whatever the canvas size (2 to 4 pixels on
//! common canvases). Each cell is coloured:
//!
//! - by its predicted class argmax_k s_k: the class's region tint, or with confidence shading
//!   the tint of its softmax probability ([`super::regions::confidence_color`]);
//! - in the margin band, when a margin Δ is given, a deeper tint: where the winner's lead over
//!   the runner-up, s_k − max_{j≠k} s_j, is below Δ (the points there pay a hinge loss);
//! - on the decision boundary, where a neighbouring cell (right or below) predicts another
//!   class, in the class's full colour: the curved counterpart of the zero-score lines.

use crate::data::MAX_CLASSES;
use crate::model::predict;
use crate::render::palette::{class_color, region_color};
use crate::render::raster::Raster;
use crate::render::regions::{Shading, confidence_color};
use crate::render::viewport::Viewport;

/// The most cells a frame evaluates.
pub const MAX_CELLS: usize = 60_000;
/// How far the margin band's colour is mixed towards white.
const BAND_TINT: f64 = 0.55;

/// The side of the cells in device pixels for a `width × height` canvas.
///
/// ```
/// assert_eq!(descent::render::mapped_regions::cell_size(200, 200), 1);
/// assert_eq!(descent::render::mapped_regions::cell_size(600, 600), 3);
/// ```
pub fn cell_size(width: usize, height: usize) -> usize {
    let mut cell = 1;
    while width.div_ceil(cell) * height.div_ceil(cell) > MAX_CELLS {
        cell += 1;
    }
    cell
}

/// The per-cell classes and colours, kept between frames.
#[derive(Clone, Debug, Default)]
pub struct MappedRegions {
    class: Vec<u8>,
    color: Vec<[u8; 4]>,
}

impl MappedRegions {
    /// Sizes `raster` to the view and paints the regions of the classifier whose scores at a
    /// point of the plane `scores_at` writes (`classes` ≤ [`MAX_CLASSES`] of them); `margin`
    /// is the hinge margin Δ to shade, if any.
    pub fn paint(
        &mut self,
        raster: &mut Raster,
        view: &Viewport,
        classes: usize,
        shading: Shading,
        margin: Option<f64>,
        mut scores_at: impl FnMut([f64; 2], &mut [f64]),
    ) {
        raster.resize(view.width, view.height);
        if classes == 0 || classes > MAX_CLASSES {
            raster.rgba_mut().fill(0);
            return;
        }
        let cell = cell_size(view.width, view.height);
        let (cols, rows) = (view.width.div_ceil(cell), view.height.div_ceil(cell));
        self.class.resize(cols * rows, 0);
        self.color.resize(cols * rows, [0; 4]);
        let mut scores = [0.0; MAX_CLASSES];
        let scores = &mut scores[..classes];
        let rgba = |c: crate::render::palette::Rgb| [c.0, c.1, c.2, 255];
        for r in 0..rows {
            for c in 0..cols {
                let px = [((c * cell) as f64 + cell as f64 / 2.0), ((r * cell) as f64 + cell as f64 / 2.0)];
                scores_at(view.to_data(px), scores);
                let k = predict(scores);
                let lead = scores[k]
                    - scores.iter().enumerate().filter(|&(j, _)| j != k).fold(f64::NEG_INFINITY, |m, (_, &s)| m.max(s));
                let color = match shading {
                    Shading::Flat if margin.is_some_and(|delta| lead < delta) => class_color(k).tint(BAND_TINT),
                    Shading::Flat => region_color(k),
                    Shading::Confidence => {
                        let top = scores[k];
                        let z: f64 = scores.iter().map(|s| (s - top).exp()).sum();
                        confidence_color(k, 1.0 / z, classes)
                    }
                };
                self.class[r * cols + c] = k as u8;
                self.color[r * cols + c] = rgba(color);
            }
        }
        for r in 0..rows {
            for c in 0..cols {
                let k = self.class[r * cols + c];
                let differs = (c + 1 < cols && self.class[r * cols + c + 1] != k)
                    || (r + 1 < rows && self.class[(r + 1) * cols + c] != k);
                if differs {
                    self.color[r * cols + c] = rgba(class_color(usize::from(k)));
                }
            }
        }
        let width = view.width;
        let pixels = raster.rgba_mut();
        for (j, row) in pixels.chunks_exact_mut(4 * width).enumerate() {
            let colors = &self.color[(j / cell) * cols..(j / cell + 1) * cols];
            for (i, px) in row.chunks_exact_mut(4).enumerate() {
                px.copy_from_slice(&colors[i / cell]);
            }
        }
    }
}

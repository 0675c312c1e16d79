//! The decision regions of a linear classifier in the plane, painted into a raster at full
//! device-pixel resolution, optionally shaded by the softmax confidence.
//!
//! Along a pixel row every score is affine in the column i: s_k(i) = a_k + i·d_k with
//! d_k = W_{k,0}/scale. So the winning class changes only where two of these lines cross,
//! at most C − 1 times per row: each row is painted as a few constant spans, found by
//! solving for the crossings, with the class at each span's first column evaluated exactly
//! (argmax, ties to the lowest index, as [`crate::model::predict`]). A 1024 × 1024 raster
//! then costs about C·C work per row plus one 4-byte store per pixel.
//!
//! With confidence shading, a pixel's colour is that of its class k tinted by the softmax
//! probability p_k = 1 / (1 + Σ_{j≠k} e^{s_j − s_k}). Within a span the ratios
//! e^{s_j − s_k} are geometric in i, so each pixel costs C − 1 multiplications; the ratios are
//! recomputed exactly every [`REANCHOR`] pixels so that rounding cannot build up.

use crate::data::MAX_CLASSES;
use crate::model::Shape;
use crate::render::palette::{Rgb, class_color, region_color};
use crate::render::raster::Raster;
use crate::render::viewport::Viewport;

/// How the regions are coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shading {
    /// Each region in its class's light tint.
    Flat,
    /// Each pixel tinted by the softmax probability of its class: nearly white where the
    /// classifier is unsure (p = 1/C), saturated where it is certain (p → 1).
    Confidence,
}

/// Number of tint levels of the confidence shading.
pub const LEVELS: usize = 64;
/// Mix towards white at confidence 1/C (unsure) and at confidence 1 (certain).
const UNSURE_TINT: f64 = 0.94;
const CERTAIN_TINT: f64 = 0.45;
/// Pixels between exact recomputations of the softmax ratios.
pub const REANCHOR: usize = 32;

/// The colour a confidence-shaded pixel of class `k` gets at softmax probability `p` among
/// `classes` classes.
///
/// ```
/// use descent::render::regions::confidence_color;
/// use descent::render::palette::class_color;
/// // Certain: the class colour mixed 45% towards white; unsure: almost white.
/// assert_eq!(confidence_color(0, 1.0, 3), class_color(0).tint(0.45));
/// assert_eq!(confidence_color(0, 1.0 / 3.0, 3), class_color(0).tint(0.94));
/// ```
pub fn confidence_color(k: usize, p: f64, classes: usize) -> Rgb {
    class_color(k).tint(tint_of(level_of(p, classes)))
}

/// The tint level of softmax probability `p`: 0 at p = 1/C, LEVELS − 1 at p = 1.
fn level_of(p: f64, classes: usize) -> usize {
    Levels::new(classes).level(p)
}

/// The map p ↦ round((p − 1/C)/(1 − 1/C) · (LEVELS − 1)), as one multiply-add per pixel.
#[derive(Clone, Copy)]
struct Levels {
    scale: f64,
    offset: f64,
}

impl Levels {
    fn new(classes: usize) -> Self {
        if classes < 2 {
            // One class is always certain.
            return Levels { scale: 0.0, offset: (LEVELS - 1) as f64 };
        }
        let floor = 1.0 / classes as f64;
        let scale = (LEVELS - 1) as f64 / (1.0 - floor);
        // + 0.5 rounds half up when truncating (`round` is a library call on some targets).
        Levels { scale, offset: 0.5 - floor * scale }
    }

    fn level(self, p: f64) -> usize {
        ((p * self.scale + self.offset).max(0.0) as usize).min(LEVELS - 1)
    }
}

fn tint_of(level: usize) -> f64 {
    UNSURE_TINT + (CERTAIN_TINT - UNSURE_TINT) * level as f64 / (LEVELS - 1) as f64
}

/// Paints decision regions: the colour tables, built once, and the painting itself.
#[derive(Clone, Debug)]
pub struct RegionPainter {
    flat: [[u8; 4]; MAX_CLASSES],
    shaded: Vec<[u8; 4]>,
}

impl Default for RegionPainter {
    fn default() -> Self {
        let rgba = |c: Rgb| [c.0, c.1, c.2, 255];
        RegionPainter {
            flat: std::array::from_fn(|k| rgba(region_color(k))),
            shaded: (0..MAX_CLASSES)
                .flat_map(|k| (0..LEVELS).map(move |level| rgba(class_color(k).tint(tint_of(level)))))
                .collect(),
        }
    }
}

impl RegionPainter {
    /// Sizes `raster` to the view and paints every pixel with the region colour of the class
    /// argmax_k (W_k · x + b_k) at the pixel's centre. `shape` must have two inputs and at
    /// most [`MAX_CLASSES`] classes (otherwise the raster is left transparent).
    pub fn paint(&self, raster: &mut Raster, shape: Shape, theta: &[f64], view: &Viewport, shading: Shading) {
        raster.resize(view.width, view.height);
        let classes = shape.classes;
        if shape.dim != 2 || classes == 0 || classes > MAX_CLASSES || theta.len() != shape.len() {
            raster.rgba_mut().fill(0);
            return;
        }
        let step = 1.0 / view.scale();
        let weight = |k: usize, l: usize| theta[shape.weight_index(k, l)];
        let mut d = [0.0; MAX_CLASSES];
        for (k, dk) in d.iter_mut().enumerate().take(classes) {
            *dk = weight(k, 0) * step;
        }
        let width = view.width;
        let mut a = [0.0; MAX_CLASSES];
        for (j, pixels) in raster.rgba_mut().chunks_exact_mut(4 * width.max(1)).enumerate() {
            let left = view.pixel_center(0, j);
            for (k, ak) in a.iter_mut().enumerate().take(classes) {
                *ak = weight(k, 0) * left[0] + weight(k, 1) * left[1] + theta[shape.bias_index(k)];
            }
            let scores = RowScores { a: &a[..classes], d: &d[..classes] };
            let mut i = 0;
            while i < width {
                let k = scores.winner(i);
                let end = scores.next_change(k, i, width);
                let span = &mut pixels[4 * i..4 * end];
                match shading {
                    Shading::Flat => fill(span, self.flat[k]),
                    Shading::Confidence => self.shade(span, &scores, k, i),
                }
                i = end;
            }
        }
    }

    /// Paints the span starting at column `start` where class `k` wins with its confidence.
    fn shade(&self, span: &mut [u8], scores: &RowScores<'_>, k: usize, start: usize) {
        let classes = scores.a.len();
        let lut = &self.shaded[k * LEVELS..(k + 1) * LEVELS];
        let levels = Levels::new(classes);
        // ratio[j] = e^{s_j − s_k} at the current column, growing by factor[j] per column.
        let mut ratio = [0.0; MAX_CLASSES];
        let mut factor = [0.0; MAX_CLASSES];
        for (j, f) in factor.iter_mut().enumerate().take(classes) {
            *f = if j == k { 0.0 } else { (scores.d[j] - scores.d[k]).exp() };
        }
        for (block, pixels) in span.chunks_mut(4 * REANCHOR).enumerate() {
            let column = (start + block * REANCHOR) as f64;
            let sk = scores.at(k, column);
            for (j, r) in ratio.iter_mut().enumerate().take(classes) {
                *r = if j == k { 0.0 } else { (scores.at(j, column) - sk).exp() };
            }
            for px in pixels.chunks_exact_mut(4) {
                let mut others = 0.0;
                for (r, f) in ratio[..classes].iter_mut().zip(&factor[..classes]) {
                    others += *r;
                    *r *= f;
                }
                px.copy_from_slice(&lut[levels.level(1.0 / (1.0 + others))]);
            }
        }
    }
}

/// Fills RGBA pixels with one colour.
fn fill(pixels: &mut [u8], color: [u8; 4]) {
    for px in pixels.chunks_exact_mut(4) {
        px.copy_from_slice(&color);
    }
}

/// The scores along one pixel row: s_k(i) = a_k + i·d_k.
struct RowScores<'a> {
    a: &'a [f64],
    d: &'a [f64],
}

impl RowScores<'_> {
    fn at(&self, k: usize, column: f64) -> f64 {
        self.a[k] + column * self.d[k]
    }

    /// argmax_k s_k(i), ties to the lowest index.
    fn winner(&self, column: usize) -> usize {
        let i = column as f64;
        let mut best = 0;
        for k in 1..self.a.len() {
            if self.at(k, i) > self.at(best, i) {
                best = k;
            }
        }
        best
    }

    /// The first column after `column` (at most `width`) where a class other than `k` may
    /// win: class j overtakes k after the crossing t = (a_k − a_j)/(d_j − d_k) when d_j > d_k;
    /// classes with d_j ≤ d_k fall further behind.
    fn next_change(&self, k: usize, column: usize, width: usize) -> usize {
        let mut end = width;
        for j in 0..self.a.len() {
            let gain = self.d[j] - self.d[k];
            if j != k && gain > 0.0 {
                let t = (self.a[k] - self.a[j]) / gain;
                // NaN (from overflowing scores) and far crossings both give `width`.
                let first = (t.floor() + 1.0).clamp(0.0, width as f64);
                end = end.min(if first.is_nan() { width } else { first as usize });
            }
        }
        end.clamp(column + 1, width)
    }
}

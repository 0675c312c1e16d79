//! What the lab's canvas shows, and how it is drawn.
//!
//! The raster holds the decision regions (optionally shaded by softmax confidence) and the
//! data points, painted in wasm memory; the marks hold the axes, each class's zero-score line
//! W_k · x + b_k = 0, each W row as an arrow, and the margin lines.
//!
//! - **Arrows.** Row W_k is drawn from the foot of the perpendicular from the origin to
//!   class k's zero-score line, x₀ = −b_k W_k/‖W_k‖², pointing along W_k (towards higher
//!   s_k), with a length proportional to ‖W_k‖: 0.1·‖W_k‖·h data units for a view of
//!   half-width h (capped at 0.8·h), so ×2 W visibly doubles every arrow.
//! - **Margins** (hinge losses only). For the Weston–Watkins and structured SVMs a point of
//!   class k has zero loss exactly where s_k − max_{j≠k} s_j ≥ Δ; the boundary of that zone
//!   is made of pieces of the lines s_k − s_j = Δ on which j is the runner-up. Those pieces
//!   are drawn, dashed, in class k's colour: together with the decision boundaries
//!   (s_k = s_j) they show the band |s_k − s_j| < Δ around every boundary where points pay.
//!   One-vs-All asks s_y ≥ Δ and s_j ≤ −Δ instead, so for it the lines s_k = ±Δ are drawn.

use crate::data::Dataset;
use crate::loss::LossKind;
use crate::model::{Shape, predict};
use crate::render::discs::Disc;
use crate::render::mapped_regions::MappedRegions;
use crate::render::overlay::{Mark, Marks, clip_line, push_axes};
use crate::render::palette::class_color;
use crate::render::raster::Raster;
use crate::render::regions::{RegionPainter, Shading};
use crate::render::stamp::StampCache;
use crate::render::viewport::Viewport;

use super::Lab;
pub use super::points_layer::HIGHLIGHT;
use super::points_layer::{Look, PointsLayer, RING};

/// Axis label size in CSS pixels.
const FONT_SIZE: f64 = 12.0;
/// Arrow length per unit of ‖W_k‖, as a fraction of the view's half-width.
const ARROW_SCALE: f64 = 0.1;
/// The longest arrow, as a fraction of the view's half-width.
const ARROW_MAX: f64 = 0.8;
/// Past this many points the canvas shows their density instead of one disc each.
pub const DENSITY_FROM: usize = 30_000;
/// Width of a density bin in CSS pixels.
const DENSITY_BIN: f64 = 1.0;

/// The canvas's state: the view, its buffers and the painter's tables.
#[derive(Clone, Debug)]
pub(crate) struct Picture {
    pub(crate) view: Viewport,
    pixel_ratio: f64,
    raster: Raster,
    marks: Marks,
    painter: RegionPainter,
    stamps: StampCache,
    /// The points' layer ([`super::points_layer`]).
    points: PointsLayer,
    mapped: MappedRegions,
    /// φ(x) of the pixel being painted through a feature map (kept across frames).
    phi: Vec<f64>,
    /// The current minibatch's points, in index order (kept across frames).
    batch: Vec<usize>,
}

impl Picture {
    pub(crate) fn new(half_width: f64) -> Self {
        Picture {
            view: Viewport::centered(half_width, 1, 1),
            pixel_ratio: 1.0,
            raster: Raster::default(),
            marks: Marks::new(),
            painter: RegionPainter::default(),
            stamps: StampCache::default(),
            points: PointsLayer::default(),
            mapped: MappedRegions::default(),
            phi: Vec::new(),
            batch: Vec::new(),
        }
    }

    pub(crate) fn resize(&mut self, width: usize, height: usize, pixel_ratio: f64) {
        self.view.width = width.max(1);
        self.view.height = height.max(1);
        self.pixel_ratio = if pixel_ratio.is_finite() && pixel_ratio > 0.0 { pixel_ratio } else { 1.0 };
    }

    /// Centres the view on the origin with half-width `half_width`, widened to show every
    /// point of `data` with a 5% margin.
    pub(crate) fn fit(&mut self, half_width: f64, data: &Dataset) {
        self.view.center = [0.0, 0.0];
        self.view.half_width = half_width.max(1.05 * data.max_abs_coordinate());
    }

    /// Centres the view on the points' bounding box, its longer side filling 5/6 of the view
    /// (a half-width of 1 around a single point or none).
    pub(crate) fn fit_bounds(&mut self, data: &Dataset) {
        let (mut low, mut high) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for i in 0..data.len() {
            for (axis, &v) in data.point(i).iter().enumerate().take(2) {
                low[axis] = low[axis].min(v);
                high[axis] = high[axis].max(v);
            }
        }
        if data.is_empty() {
            (low, high) = ([0.0; 2], [0.0; 2]);
        }
        let extent = (high[0] - low[0]).max(high[1] - low[1]);
        self.view.center = [(low[0] + high[0]) / 2.0, (low[1] + high[1]) / 2.0];
        self.view.half_width = if extent > 0.0 { 0.6 * extent } else { 1.0 };
    }

    /// A length given in CSS pixels, in device pixels.
    pub(crate) fn css(&self, length: f64) -> f64 {
        length * self.pixel_ratio
    }
}

/// The radius of a data point in CSS pixels for N points: 7 for a handful, shrinking with
/// log N to 3.5 for thousands, so that dense sets stay legible, and on to 2 at 30,000 (past
/// [`DENSITY_FROM`] points the canvas shows their density).
pub fn point_radius(n: usize) -> f64 {
    let decades = (n.max(1) as f64).log10();
    if decades <= 4.0 { (9.0 - 1.7 * decades).clamp(3.5, 7.0) } else { (3.5 - 3.2 * (decades - 4.0)).max(2.0) }
}

/// The width of an ordinary point's ring in CSS pixels: 1.5, or 3/7 of a smaller radius.
pub fn ring_width(radius: f64) -> f64 {
    (radius * 3.0 / 7.0).min(1.5)
}

impl Lab {
    /// The class the classifier predicts at the centre of device pixel (i, j), computed
    /// directly from the scores s = Wφ(x) + b (independently of the raster).
    pub fn predict_pixel(&self, i: usize, j: usize) -> usize {
        let mut scores = vec![0.0; self.shape().classes];
        self.scores_at(&self.picture.view.pixel_center(i, j), &mut scores);
        predict(&scores)
    }

    /// Redraws the raster (regions, then points) and rebuilds the marks. With a feature map
    /// the regions are painted cell by cell through φ ([`MappedRegions`]), with the margin
    /// band shaded when margins are shown.
    pub fn render(&mut self) {
        let shape = self.shape();
        let shading = if self.overlays.confidence { Shading::Confidence } else { Shading::Flat };
        let picture = &mut self.picture;
        if self.features.is_identity() {
            picture.painter.paint(&mut picture.raster, shape, self.training.theta(), &picture.view, shading);
        } else {
            let loss = self.objective.loss;
            let margin = (self.overlays.margins && loss.kind.uses_margin()).then_some(loss.margin);
            let (map, theta) = (self.cache.map(), self.training.theta());
            let phi = &mut picture.phi;
            phi.resize(shape.dim, 0.0);
            picture.mapped.paint(&mut picture.raster, &picture.view, shape.classes, shading, margin, |x, s| {
                map.expand(&x, phi);
                shape.scores(theta, phi, s);
            });
        }
        self.update_held_curve();
        self.paint_points();
        self.build_marks();
        self.dirty = false;
    }

    /// The region-and-points raster of the last [`Lab::render`].
    pub fn raster(&self) -> &crate::render::raster::Raster {
        &self.picture.raster
    }

    /// The marks of the last [`Lab::render`].
    pub fn marks(&self) -> &[Mark] {
        &self.picture.marks
    }

    /// Whether the canvas shows the points' density rather than their discs.
    pub fn shows_density(&self) -> bool {
        self.data.len() > DENSITY_FROM
    }

    /// Draws the points through their layer (`true`, the default) or disc by disc every
    /// frame (`false`): the two give the same pixels (see [`super::points_layer`]).
    pub fn set_points_layer(&mut self, on: bool) {
        self.picture.points.set_direct(!on);
        self.dirty = true;
    }

    /// Paints the points over the regions (see [`super::points_layer`]), then the hovered
    /// point on top.
    fn paint_points(&mut self) {
        let css_radius = point_radius(self.data.len());
        let radius = self.picture.css(css_radius);
        let look = if self.shows_density() {
            Look::Density { bin: self.picture.css(DENSITY_BIN).round().max(1.0) as usize }
        } else {
            // Two rings: the usual one, and the thick one of a minibatch's or a held-out point.
            Look::Discs { radius, widths: [self.picture.css(ring_width(css_radius)), self.picture.css(2.5)] }
        };
        let mut batch = std::mem::take(&mut self.picture.batch);
        batch.clear();
        batch.extend(self.batch().iter().map(|&row| self.cache.point_index(row)).filter(|&i| self.in_batch(i)));
        batch.sort_unstable();
        let picture = &mut self.picture;
        picture.points.paint(
            &mut picture.raster,
            &mut picture.stamps,
            &self.data,
            &picture.view,
            picture.pixel_ratio,
            look,
            &batch,
        );
        picture.batch = batch;
        if let Some(i) = self.hover {
            let p = self.data.point(i);
            let at = picture.view.to_pixel([p[0], p[1]]);
            let fill = class_color(self.data.label(i));
            let (grown, ring_width) = (radius + picture.css(2.5), picture.css(3.0));
            Disc { center: at, radius: grown + ring_width, fill: RING, ring: RING, ring_width: 0.0 }
                .paint(&mut picture.raster);
            Disc { center: at, radius: grown, fill, ring: HIGHLIGHT, ring_width }.paint(&mut picture.raster);
        }
    }

    fn build_marks(&mut self) {
        let shape = self.shape();
        let theta = self.training.theta();
        let picture = &mut self.picture;
        let marks = &mut picture.marks;
        let view = picture.view;
        let r = picture.pixel_ratio;
        marks.clear();
        push_axes(marks, &view, 8, FONT_SIZE * r);
        if !self.features.is_identity() {
            // W's rows are not directions of the plane: the boundaries are in the raster.
            return;
        }
        let (low, high) = view.data_bounds();
        let row = |k: usize| [theta[shape.weight_index(k, 0)], theta[shape.weight_index(k, 1)]];
        let line = |p: [f64; 2], q: [f64; 2], color, width, dashed| Mark::Line {
            from: view.to_pixel(p),
            to: view.to_pixel(q),
            color,
            width: width * r,
            dashed,
        };
        if self.overlays.margins {
            for (k, p, q) in
                margin_segments(shape, theta, self.objective.loss.kind, self.objective.loss.margin, low, high)
            {
                marks.push(line(p, q, class_color(k), 1.5, true));
            }
        }
        for k in 0..shape.classes {
            let (w, b) = (row(k), theta[shape.bias_index(k)]);
            if let Some((p, q)) = clip_line(w, b, low, high) {
                marks.push(line(p, q, class_color(k), 2.0, false));
            }
        }
        for k in 0..shape.classes {
            if let Some((from, to)) = arrow(row(k), theta[shape.bias_index(k)], view.half_width) {
                marks.push(Mark::Arrow {
                    from: view.to_pixel(from),
                    to: view.to_pixel(to),
                    color: class_color(k),
                    width: 2.0 * r,
                });
            }
        }
    }
}

/// The arrow of row W_k: from the zero-score line's point nearest the origin, along W_k.
fn arrow(w: [f64; 2], b: f64, half_width: f64) -> Option<([f64; 2], [f64; 2])> {
    let norm2 = w[0] * w[0] + w[1] * w[1];
    if !(norm2 > 0.0 && norm2.is_finite()) {
        return None;
    }
    let norm = norm2.sqrt();
    let foot = [-b * w[0] / norm2, -b * w[1] / norm2];
    let length = (ARROW_SCALE * norm * half_width).min(ARROW_MAX * half_width);
    let tip = [foot[0] + length * w[0] / norm, foot[1] + length * w[1] / norm];
    (foot.iter().chain(&tip).all(|v| v.is_finite())).then_some((foot, tip))
}

/// The margin lines inside the rectangle `low`–`high`, each with the class whose colour it
/// takes (see the module docs).
pub fn margin_segments(
    shape: Shape,
    theta: &[f64],
    loss: LossKind,
    delta: f64,
    low: [f64; 2],
    high: [f64; 2],
) -> Vec<(usize, [f64; 2], [f64; 2])> {
    let w = |k: usize| [theta[shape.weight_index(k, 0)], theta[shape.weight_index(k, 1)]];
    let b = |k: usize| theta[shape.bias_index(k)];
    let mut segments = Vec::new();
    match loss {
        LossKind::Softmax => {}
        LossKind::OneVsAll => {
            for k in 0..shape.classes {
                for level in [delta, -delta] {
                    if let Some((p, q)) = clip_line(w(k), b(k) - level, low, high) {
                        segments.push((k, p, q));
                    }
                }
            }
        }
        LossKind::MulticlassSvm | LossKind::StructuredSvm => {
            for k in 0..shape.classes {
                for j in (0..shape.classes).filter(|&j| j != k) {
                    // s_k − s_j − Δ = 0, kept where s_j ≥ s_m for every other m.
                    let a = [w(k)[0] - w(j)[0], w(k)[1] - w(j)[1]];
                    let Some((p, q)) = clip_line(a, b(k) - b(j) - delta, low, high) else { continue };
                    let (mut t0, mut t1) = (0.0f64, 1.0f64);
                    for m in (0..shape.classes).filter(|&m| m != k && m != j) {
                        let g = |x: [f64; 2]| (w(j)[0] - w(m)[0]) * x[0] + (w(j)[1] - w(m)[1]) * x[1] + b(j) - b(m);
                        let (gp, gq) = (g(p), g(q));
                        // g(p + t(q − p)) = gp + t(gq − gp) ≥ 0.
                        if gp < 0.0 && gq < 0.0 {
                            t1 = -1.0;
                        } else if gp < 0.0 {
                            t0 = t0.max(gp / (gp - gq));
                        } else if gq < 0.0 {
                            t1 = t1.min(gp / (gp - gq));
                        }
                    }
                    if t0 < t1 {
                        let at = |t: f64| [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
                        segments.push((k, at(t0), at(t1)));
                    }
                }
            }
        }
    }
    segments
}

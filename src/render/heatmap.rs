//! A heatmap of any f(x, y) at full device-pixel resolution: colour by the log scale
//! ln(f − f_min + ε) in a perceptual colormap, with contour lines on the same scale.
//!
//! One render makes three passes over reused buffers: evaluate f at every pixel centre
//! (the only pass that calls f), map each value to its contour coordinate on the log scale,
//! then colour each pixel and blend in the contour lines, which need only the coordinates of
//! the pixel's four neighbours (see [`contour`](crate::render::contour)).

use crate::render::colormap::{COLORMAP_SIZE, Colormap};
use crate::render::contour::ContourStyle;
use crate::render::logscale::{LogScale, RELATIVE_EPSILON, fast_log2};
use crate::render::raster::Raster;
use crate::render::viewport::Viewport;

/// Colour of pixels where f is not finite (outside a surface's domain, overflow).
pub const NO_VALUE: [u8; 4] = [0xe0, 0xe0, 0xe0, 0xff];
/// How strongly a contour line tints the colour under it.
const LINE_OPACITY: f64 = 0.55;

/// What a heatmap shows besides the values: its contour lines and the scale's ε.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatmapStyle {
    /// Contour lines.
    pub contours: ContourStyle,
    /// ε as a fraction of the shown value range.
    pub relative_epsilon: f64,
}

impl Default for HeatmapStyle {
    /// 30 lines one pixel wide; ε = 10⁻⁴ of the range.
    fn default() -> Self {
        HeatmapStyle { contours: ContourStyle { count: 30, width: 1.0 }, relative_epsilon: RELATIVE_EPSILON }
    }
}

/// The heatmap's buffers, reused from one render to the next.
#[derive(Clone, Debug)]
pub struct Heatmap {
    /// f at each pixel centre, row-major.
    values: Vec<f64>,
    /// The contour coordinate of each pixel (NaN where f is not finite).
    coordinates: Vec<f32>,
    /// f on the sampling grid of a coarse render, row-major.
    samples: Vec<f64>,
    raster: Raster,
    scale: Option<LogScale>,
    /// The colormap's RGBA bytes packed little-endian, so a pixel is one load and one store.
    colors: [u32; COLORMAP_SIZE],
    /// The colour of a contour line over each colormap entry, packed alike.
    line_colors: [u32; COLORMAP_SIZE],
}

impl Default for Heatmap {
    fn default() -> Self {
        let colormap = Colormap::viridis();
        Heatmap {
            values: Vec::new(),
            coordinates: Vec::new(),
            samples: Vec::new(),
            raster: Raster::default(),
            scale: None,
            colors: std::array::from_fn(|i| u32::from_le_bytes(colormap.entry(i))),
            line_colors: std::array::from_fn(|i| u32::from_le_bytes(line_color(colormap.entry(i)))),
        }
    }
}

/// The colour a contour line takes over `color`: lighter over dark colours, darker over
/// light ones, so it shows on the whole colormap.
fn line_color(color: [u8; 4]) -> [u8; 4] {
    let luma = 0.2126 * f64::from(color[0]) + 0.7152 * f64::from(color[1]) + 0.0722 * f64::from(color[2]);
    let target = if luma < 110.0 { 255.0 } else { 0.0 };
    let mix = |c: u8| (f64::from(c) + (target - f64::from(c)) * LINE_OPACITY).round() as u8;
    [mix(color[0]), mix(color[1]), mix(color[2]), 255]
}

/// (256 − a)/256 of `base` plus a/256 of `over`, for packed RGBA and 0 ≤ a ≤ 256: red with
/// blue and green with alpha each take one multiply, their bytes spaced apart so the products
/// do not overlap.
#[inline]
fn blend(base: u32, over: u32, a: u32) -> u32 {
    const EVEN: u32 = 0x00ff_00ff;
    let keep = 256 - a;
    let even = (((base & EVEN) * keep + (over & EVEN) * a) >> 8) & EVEN;
    let odd = (((base >> 8) & EVEN) * keep + ((over >> 8) & EVEN) * a) & !EVEN;
    even | odd
}

impl Heatmap {
    /// Renders f over the view: every pixel coloured by its value on the log scale between
    /// the smallest and largest finite values in view, contour lines blended in.
    pub fn render(&mut self, view: &Viewport, style: &HeatmapStyle, f: impl Fn([f64; 2]) -> f64) {
        self.render_sampled(view, style, f, 1);
    }

    /// Renders like [`Heatmap::render`], but evaluates f only every `cell` pixels along each
    /// axis (and on the last row and column) and fills the pixels between by bilinear
    /// interpolation: for an f too costly to evaluate at every pixel. Colours and contour
    /// lines are still computed per pixel. `cell` = 1 is [`Heatmap::render`].
    pub fn render_sampled(&mut self, view: &Viewport, style: &HeatmapStyle, f: impl Fn([f64; 2]) -> f64, cell: usize) {
        let (width, height) = (view.width.max(1), view.height.max(1));
        let n = width * height;
        self.values.resize(n, 0.0);
        self.coordinates.resize(n, 0.0);
        self.raster.resize(width, height);
        let (f_min, f_max) =
            if cell <= 1 { self.evaluate(view, width, f) } else { self.evaluate_sampled(view, width, height, f, cell) };
        self.scale = (f_min <= f_max).then(|| LogScale::new(f_min, f_max, style.relative_epsilon));
        self.map_coordinates(&style.contours);
        self.shade(width, height, &style.contours);
    }

    /// Pass 1: f at every pixel centre; returns the smallest and largest finite values
    /// (+∞, −∞ when there are none).
    fn evaluate(&mut self, view: &Viewport, width: usize, f: impl Fn([f64; 2]) -> f64) -> (f64, f64) {
        let step = 1.0 / view.scale();
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for (j, row) in self.values.chunks_exact_mut(width).enumerate() {
            let [left, y] = view.pixel_center(0, j);
            for (i, value) in row.iter_mut().enumerate() {
                let v = f([left + i as f64 * step, y]);
                *value = v;
                // Comparisons, not f64::min: NaN and ±∞ fail them, and they compile to selects.
                if v < low && v > f64::NEG_INFINITY {
                    low = v;
                }
                if v > high && v < f64::INFINITY {
                    high = v;
                }
            }
        }
        (low, high)
    }

    /// Pass 1 on a grid: f at the centres of every `cell`-th pixel column and row (and the
    /// last ones), the pixels between filled by bilinear interpolation; returns the smallest
    /// and largest finite values.
    fn evaluate_sampled(
        &mut self,
        view: &Viewport,
        width: usize,
        height: usize,
        f: impl Fn([f64; 2]) -> f64,
        cell: usize,
    ) -> (f64, f64) {
        let knots = |size: usize| -> Vec<usize> {
            let mut k: Vec<usize> = (0..size).step_by(cell).collect();
            if k.last() != Some(&(size - 1)) {
                k.push(size - 1);
            }
            k
        };
        let (columns, rows) = (knots(width), knots(height));
        self.samples.clear();
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for &j in &rows {
            for &i in &columns {
                let v = f(view.pixel_center(i, j));
                self.samples.push(v);
                if v < low && v > f64::NEG_INFINITY {
                    low = v;
                }
                if v > high && v < f64::INFINITY {
                    high = v;
                }
            }
        }
        // Each pixel between knots a < b sits at weight (i − a)/(b − a) from a.
        let bracket = |knots: &[usize], i: usize| -> (usize, f64) {
            let k = knots.partition_point(|&x| x <= i).saturating_sub(1).min(knots.len().saturating_sub(2));
            let (a, b) = (knots[k], knots[(k + 1).min(knots.len() - 1)]);
            (k, if b > a { (i - a) as f64 / (b - a) as f64 } else { 0.0 })
        };
        let stride = columns.len();
        let across: Vec<(usize, f64)> = (0..width).map(|i| bracket(&columns, i)).collect();
        for (j, row) in self.values.chunks_exact_mut(width).enumerate() {
            let (r, v) = bracket(&rows, j);
            let below = (r + 1).min(rows.len() - 1);
            for (value, &(c, u)) in row.iter_mut().zip(&across) {
                let right = (c + 1).min(stride - 1);
                let at = |rr: usize, cc: usize| self.samples[rr * stride + cc];
                let top = at(r, c) + u * (at(r, right) - at(r, c));
                let bottom = at(below, c) + u * (at(below, right) - at(below, c));
                *value = top + v * (bottom - top);
            }
        }
        (low, high)
    }

    /// Pass 2: each pixel's contour coordinate c = (N + 1)·t on the log scale, as
    /// c = (N + 1)·log₂ w / log₂ w_max with w = (f − f_min + ε)/ε ≥ 1, so that
    /// [`fast_log2`] applies.
    fn map_coordinates(&mut self, contours: &ContourStyle) {
        let Some(scale) = self.scale else {
            self.coordinates.fill(f32::NAN);
            return;
        };
        let per_epsilon = 1.0 / scale.epsilon;
        let top = fast_log2((1.0 + (scale.f_max - scale.f_min) * per_epsilon) as f32);
        let per_log2 = if top > 0.0 { contours.coordinate(1.0) as f32 / top } else { 0.0 };
        for (c, &v) in self.coordinates.iter_mut().zip(&self.values) {
            let w = (1.0 + (v - scale.f_min) * per_epsilon) as f32;
            // NaN fails the comparison; +∞ (or beyond f32) is not in view's range.
            *c = if w <= f32::MAX { fast_log2(w) * per_log2 } else { f32::NAN };
        }
    }

    /// Pass 3: colour from c, contour lines from c and its central differences.
    fn shade(&mut self, width: usize, height: usize, contours: &ContourStyle) {
        let to_index = COLORMAP_SIZE as f32 / contours.coordinate(1.0) as f32;
        let (colors, line_colors) = (&self.colors, &self.line_colors);
        let no_value = u32::from_le_bytes(NO_VALUE);
        let shade = |c: f32, gx: f32, gy: f32| -> u32 {
            if c.is_nan() {
                return no_value;
            }
            let index = ((c * to_index) as usize).min(COLORMAP_SIZE - 1);
            let base = colors[index];
            let cover = contours.coverage(c, gx, gy);
            if cover <= 0.0 {
                return base;
            }
            blend(base, line_colors[index], (cover * 256.0) as u32)
        };
        let grid = &self.coordinates;
        for (j, out) in self.raster.rgba_mut().chunks_exact_mut(4 * width).enumerate() {
            let (up, down) = (j.saturating_sub(1), (j + 1).min(height - 1));
            let y_step = 1.0 / (down - up).max(1) as f32;
            let row = &grid[j * width..][..width];
            let (row_up, row_down) = (&grid[up * width..][..width], &grid[down * width..][..width]);
            let gy = |i: usize| (row_down[i] - row_up[i]) * y_step;
            let (first, rest) = out.split_at_mut(4);
            if width == 1 {
                first.copy_from_slice(&shade(row[0], 0.0, gy(0)).to_le_bytes());
                continue;
            }
            first.copy_from_slice(&shade(row[0], row[1] - row[0], gy(0)).to_le_bytes());
            let (middle, last) = rest.split_at_mut(4 * (width - 2));
            last.copy_from_slice(&shade(row[width - 1], row[width - 1] - row[width - 2], gy(width - 1)).to_le_bytes());
            // The interior, with both neighbours: zipped slices, so no bounds checks.
            let columns = row.windows(3).zip(&row_up[1..]).zip(&row_down[1..]);
            for (px, ((around, &above), &below)) in middle.chunks_exact_mut(4).zip(columns) {
                px.copy_from_slice(
                    &shade(around[1], 0.5 * (around[2] - around[0]), (below - above) * y_step).to_le_bytes(),
                );
            }
        }
    }

    /// The image of the last render.
    pub fn raster(&self) -> &Raster {
        &self.raster
    }

    /// The log scale of the last render (`None` when no value in view was finite).
    pub fn scale(&self) -> Option<LogScale> {
        self.scale
    }

    /// f at the centre of pixel (i, j), as evaluated by the last render.
    pub fn value(&self, i: usize, j: usize) -> f64 {
        self.values[j * self.raster.width() + i]
    }
}

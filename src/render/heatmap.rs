//! A heatmap of values over a rectangle: colour by the log scale ln(f − f_min + ε) in a
//! perceptual colormap, with contour lines on the same scale blended in.
//!
//! The values come from one of three sources: any f(x, y) evaluated at every device pixel
//! ([`Heatmap::render`]), the same f evaluated on a coarser grid of pixels and interpolated
//! bilinearly between ([`Heatmap::render_sampled`], for an f too costly to evaluate at every
//! pixel), or a grid of values already computed, one pixel per grid point, possibly only
//! every few points so far ([`Heatmap::render_grid`], for an image the browser scales up).
//!
//! One render makes three passes over reused buffers: fill the value of every pixel (the only
//! pass that calls f, as a [`Field`] filling the whole grid of pixel centres or knots at once,
//! so a surface can cache its terms in x alone and y alone), map each value to its contour
//! coordinate on the log scale, then colour each pixel and blend in the contour lines, which
//! need only the coordinates of the pixel's four neighbours (see
//! [`contour`](crate::render::contour)). The passes go a band of rows at a time, not a whole
//! image each: the values are filled and their range taken sixteen rows at a time, and a row's
//! coordinates are mapped just before the row above it is coloured, so that each pass reads
//! what the one before wrote while it is still in the cache.

use crate::field::Field;
use crate::render::colormap::{COLORMAP_SIZE, Colormap};
use crate::render::contour::ContourStyle;
use crate::render::logscale::{LogScale, RELATIVE_EPSILON, fast_log2};
use crate::render::raster::Raster;
use crate::render::viewport::Viewport;

/// Colour of pixels where f is not finite (outside a surface's domain, overflow).
pub const NO_VALUE: [u8; 4] = [0xe0, 0xe0, 0xe0, 0xff];
/// Pixel rows filled at a time (a band of 1024-pixel rows is 128 KB of values).
const BAND: usize = 16;
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
    /// The value of each pixel, row-major from the top.
    values: Vec<f64>,
    /// The contour coordinates of three pixel rows (NaN where f is not finite).
    coordinates: Vec<f32>,
    /// The data coordinates of the columns and rows f is evaluated on.
    xs: Vec<f64>,
    ys: Vec<f64>,
    /// The values at the knots of a sampled or gridded render, row-major; the knots' pixel
    /// columns and rows; for each pixel column, its knot column and weight; and one row's
    /// values at the knot columns.
    samples: Vec<f64>,
    knot_columns: Vec<usize>,
    knot_rows: Vec<usize>,
    across: Vec<(usize, f64)>,
    line: Vec<f64>,
    raster: Raster,
    scale: Option<LogScale>,
    /// Scratch for a row of pass 3: each pixel's colormap index and line coverage.
    indices: Vec<usize>,
    covers: Vec<f32>,
    /// The colormap's RGBA bytes packed little-endian, so a pixel is one load and one store,
    /// and `NO_VALUE` after them.
    colors: [u32; COLORMAP_SIZE + 1],
    /// The colour of a contour line over each colormap entry, packed alike (`NO_VALUE` last:
    /// no line is drawn there).
    line_colors: [u32; COLORMAP_SIZE + 1],
}

impl Default for Heatmap {
    fn default() -> Self {
        let colormap = Colormap::viridis();
        Heatmap {
            values: Vec::new(),
            coordinates: Vec::new(),
            xs: Vec::new(),
            ys: Vec::new(),
            samples: Vec::new(),
            knot_columns: Vec::new(),
            knot_rows: Vec::new(),
            across: Vec::new(),
            line: Vec::new(),
            raster: Raster::default(),
            scale: None,
            indices: Vec::new(),
            covers: Vec::new(),
            colors: std::array::from_fn(|i| packed(&colormap, i, |c| c)),
            line_colors: std::array::from_fn(|i| packed(&colormap, i, line_color)),
        }
    }
}

/// Where pixels without a finite value look up their colour: past the colormap's entries.
const NO_VALUE_INDEX: usize = COLORMAP_SIZE;

/// Entry i of the colormap, as `color` makes it, packed little-endian; `NO_VALUE` past the end.
fn packed(colormap: &Colormap, i: usize, color: impl Fn([u8; 4]) -> [u8; 4]) -> u32 {
    u32::from_le_bytes(if i < COLORMAP_SIZE { color(colormap.entry(i)) } else { NO_VALUE })
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

/// Sample positions along an axis of `size` pixels: every `cell`-th one and the last.
fn knots(size: usize, cell: usize, out: &mut Vec<usize>) {
    out.clear();
    out.extend((0..size).step_by(cell.max(1)));
    if out.last() != Some(&(size - 1)) {
        out.push(size - 1);
    }
}

/// The knot interval of position `i` along an axis with the given knots, and the weight of the
/// interval's far end: (k, (i − a)/(b − a)) for the knots a = knots[k] ≤ i < b = knots[k + 1],
/// and (k, 0) at the last knot, so every knot takes its own value exactly.
fn bracket(knots: &[usize], i: usize) -> (usize, f64) {
    let k = knots.partition_point(|&x| x <= i).saturating_sub(1);
    let (a, b) = (knots[k], knots[(k + 1).min(knots.len() - 1)]);
    (k, if b > a { (i - a) as f64 / (b - a) as f64 } else { 0.0 })
}

/// a + u·(b − a), and exactly a at u = 0 (whatever b is: a non-finite neighbour does not
/// spread onto a knot).
#[inline]
fn lerp(a: f64, b: f64, u: f64) -> f64 {
    if u == 0.0 { a } else { a + u * (b - a) }
}

/// Folds a value into the smallest and largest finite values so far.
#[inline]
fn extend_range((low, high): &mut (f64, f64), v: f64) {
    // Comparisons, not f64::min: NaN and ±∞ fail them, and they compile to selects.
    if v < *low && v > f64::NEG_INFINITY {
        *low = v;
    }
    if v > *high && v < f64::INFINITY {
        *high = v;
    }
}

/// The smallest and largest finite values ((+∞, −∞) when there are none).
fn value_range(values: &[f64]) -> (f64, f64) {
    // A first pass with one comparison per end (NaN fails both); only when it meets ±∞ does a
    // second pass exclude them.
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for &v in values {
        low = if v < low { v } else { low };
        high = if v > high { v } else { high };
    }
    if low > f64::NEG_INFINITY && high < f64::INFINITY {
        return (low, high);
    }
    let mut range = (f64::INFINITY, f64::NEG_INFINITY);
    for &v in values {
        extend_range(&mut range, v);
    }
    range
}

impl Heatmap {
    /// Renders f over the view: every pixel coloured by its value on the log scale between
    /// the smallest and largest finite values in view, contour lines blended in. f fills the
    /// grid of pixel centres at once ([`Field::fill_grid`]); a closure of a point is a field.
    pub fn render(&mut self, view: &Viewport, style: &HeatmapStyle, f: &(impl Field + ?Sized)) {
        self.render_sampled(view, style, f, 1);
    }

    /// Renders like [`Heatmap::render`], but evaluates f only every `cell` pixels along each
    /// axis (and on the last row and column) and fills the pixels between by bilinear
    /// interpolation: for an f too costly to evaluate at every pixel. Colours and contour
    /// lines are still computed per pixel. `cell` = 1 is [`Heatmap::render`].
    pub fn render_sampled(&mut self, view: &Viewport, style: &HeatmapStyle, f: &(impl Field + ?Sized), cell: usize) {
        let (width, height) = (view.width.max(1), view.height.max(1));
        self.resize(width, height);
        let range = if cell <= 1 {
            self.xs.clear();
            self.xs.extend((0..width).map(|i| view.pixel_center(i, 0)[0]));
            self.ys.clear();
            self.ys.extend((0..height).map(|j| view.pixel_center(0, j)[1]));
            // A band of rows at a time, its range taken while its values are in the cache.
            let mut range = (f64::INFINITY, f64::NEG_INFINITY);
            for (ys, values) in self.ys.chunks(BAND).zip(self.values.chunks_mut(BAND * width)) {
                f.fill_grid(&self.xs, ys, values);
                let (low, high) = value_range(values);
                range = (if low < range.0 { low } else { range.0 }, if high > range.1 { high } else { range.1 });
            }
            range
        } else {
            knots(width, cell, &mut self.knot_columns);
            knots(height, cell, &mut self.knot_rows);
            self.xs.clear();
            self.xs.extend(self.knot_columns.iter().map(|&i| view.pixel_center(i, 0)[0]));
            self.ys.clear();
            self.ys.extend(self.knot_rows.iter().map(|&j| view.pixel_center(0, j)[1]));
            self.samples.resize(self.xs.len() * self.ys.len(), 0.0);
            f.fill_grid(&self.xs, &self.ys, &mut self.samples);
            self.interpolate();
            value_range(&self.samples)
        };
        self.finish(range, style);
    }

    /// Renders a `columns × rows` grid of values already computed (row-major, row 0 at the
    /// bottom as on the y axis) as an image of one pixel per grid point, row 0 of the image at
    /// the top. Only the points at multiples of `stride` along each axis (and the last row and
    /// column) are read; the pixels between are interpolated bilinearly from them, so a grid
    /// refined level by level can be shown while its finer points are still being computed.
    /// `stride` = 1 reads every point.
    ///
    /// ```
    /// use descent::render::heatmap::{Heatmap, HeatmapStyle};
    /// // f = i + j on a 3 × 3 grid, only the corners computed so far (stride 2).
    /// let nan = f64::NAN;
    /// let grid = [0.0, nan, 2.0, nan, nan, nan, 2.0, nan, 4.0];
    /// let mut heatmap = Heatmap::default();
    /// heatmap.render_grid(&grid, 3, 3, 2, &HeatmapStyle::default());
    /// assert_eq!((heatmap.raster().width(), heatmap.raster().height()), (3, 3));
    /// assert_eq!(heatmap.value(1, 1), 2.0); // the centre, interpolated
    /// assert_eq!(heatmap.value(2, 0), 4.0); // grid point (2, 2) is the image's top right
    /// ```
    ///
    /// # Panics
    ///
    /// When `grid` does not hold `columns × rows` values, or either is 0.
    pub fn render_grid(&mut self, grid: &[f64], columns: usize, rows: usize, stride: usize, style: &HeatmapStyle) {
        assert!(columns > 0 && rows > 0 && grid.len() == columns * rows, "a grid of {columns} × {rows} values");
        self.resize(columns, rows);
        knots(columns, stride, &mut self.knot_columns);
        knots(rows, stride, &mut self.knot_rows);
        // Knots on grid rows g are on image rows rows − 1 − g.
        for r in &mut self.knot_rows {
            *r = rows - 1 - *r;
        }
        self.knot_rows.reverse();
        self.samples.clear();
        for &r in &self.knot_rows {
            let row = &grid[(rows - 1 - r) * columns..][..columns];
            self.samples.extend(self.knot_columns.iter().map(|&i| row[i]));
        }
        self.interpolate();
        let range = value_range(&self.samples);
        self.finish(range, style);
    }

    /// Sizes the buffers to `width × height` pixels.
    fn resize(&mut self, width: usize, height: usize) {
        let n = width * height;
        self.values.resize(n, 0.0);
        self.raster.resize(width, height);
    }

    /// Passes 2 and 3, for the smallest and largest finite values of pass 1, a row at a time:
    /// row j + 1's contour coordinates are mapped just before row j is shaded, into a ring of
    /// three rows (row r in slot r mod 3), so the coordinates never leave the cache.
    fn finish(&mut self, (f_min, f_max): (f64, f64), style: &HeatmapStyle) {
        self.scale = (f_min <= f_max).then(|| LogScale::new(f_min, f_max, style.relative_epsilon));
        let contours = &style.contours;
        let map = CoordinateMap::new(self.scale, contours);
        let (width, height) = (self.raster.width(), self.raster.height());
        self.coordinates.resize(3 * width, 0.0);
        self.indices.resize(width, 0);
        self.covers.resize(width, 0.0);
        let Heatmap { values, coordinates, raster, indices, covers, colors, line_colors, .. } = self;
        let value_row = |r: usize| &values[r * width..][..width];
        for r in 0..height.min(2) {
            map.row(value_row(r), &mut coordinates[(r % 3) * width..][..width]);
        }
        let to_index = COLORMAP_SIZE as f32 / contours.coordinate(1.0) as f32;
        let shading = RowShading { contours, to_index, colors, line_colors };
        for (j, out) in raster.rgba_mut().chunks_exact_mut(4 * width).enumerate() {
            if j >= 1 && j + 1 < height {
                map.row(value_row(j + 1), &mut coordinates[((j + 1) % 3) * width..][..width]);
            }
            let (up, down) = (j.saturating_sub(1), (j + 1).min(height - 1));
            let slot = |r: usize| &coordinates[(r % 3) * width..][..width];
            let y_step = 1.0 / (down - up).max(1) as f32;
            shading.row([slot(up), slot(j), slot(down)], y_step, indices, covers, out);
        }
    }

    /// Pass 1 between the knots: the samples (row-major over the knots) interpolated
    /// bilinearly onto every pixel, a row at a time: first the row's values at the knot columns
    /// (between the knot rows above and below), then along the row between them.
    fn interpolate(&mut self) {
        let width = self.raster.width();
        let (columns, rows) = (&self.knot_columns, &self.knot_rows);
        let stride = columns.len();
        self.across.clear();
        self.across.extend((0..width).map(|i| bracket(columns, i)));
        // One more entry than knots, repeating the last, so every pixel has a right neighbour.
        self.line.resize(stride + 1, 0.0);
        for (j, out) in self.values.chunks_exact_mut(width).enumerate() {
            let (r, v) = bracket(rows, j);
            let below = (r + 1).min(rows.len() - 1);
            let (upper, lower) = (&self.samples[r * stride..][..stride], &self.samples[below * stride..][..stride]);
            for ((knot, &a), &b) in self.line.iter_mut().zip(upper).zip(lower) {
                *knot = lerp(a, b, v);
            }
            self.line[stride] = self.line[stride - 1];
            for (value, &(c, u)) in out.iter_mut().zip(&self.across) {
                *value = lerp(self.line[c], self.line[c + 1], u);
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

    /// The value of pixel (i, j) in the last render: f at its centre, interpolated, or read
    /// from the grid.
    pub fn value(&self, i: usize, j: usize) -> f64 {
        self.values[j * self.raster.width() + i]
    }
}

/// Pass 2: each pixel's contour coordinate c = (N + 1)·t on the log scale, as
/// c = (N + 1)·log₂ w / log₂ w_max with w = (f − f_min + ε)/ε ≥ 1, so that [`fast_log2`]
/// applies (NaN everywhere without a scale).
#[derive(Clone, Copy)]
struct CoordinateMap {
    f_min: f64,
    per_epsilon: f64,
    per_log2: f32,
    defined: bool,
}

impl CoordinateMap {
    fn new(scale: Option<LogScale>, contours: &ContourStyle) -> Self {
        let Some(scale) = scale else {
            return CoordinateMap { f_min: 0.0, per_epsilon: 0.0, per_log2: 0.0, defined: false };
        };
        let per_epsilon = 1.0 / scale.epsilon;
        let top = fast_log2((1.0 + (scale.f_max - scale.f_min) * per_epsilon) as f32);
        let per_log2 = if top > 0.0 { contours.coordinate(1.0) as f32 / top } else { 0.0 };
        CoordinateMap { f_min: scale.f_min, per_epsilon, per_log2, defined: true }
    }

    /// Maps a row of values to their coordinates.
    fn row(&self, values: &[f64], out: &mut [f32]) {
        if !self.defined {
            out.fill(f32::NAN);
            return;
        }
        for (c, &v) in out.iter_mut().zip(values) {
            let w = (1.0 + (v - self.f_min) * self.per_epsilon) as f32;
            // NaN fails the comparison; +∞ (or beyond f32) is not in view's range.
            *c = if w <= f32::MAX { fast_log2(w) * self.per_log2 } else { f32::NAN };
        }
    }
}

/// Pass 3 for one row: colour from c, contour lines from c and its central differences, in
/// two steps: first every pixel's colormap index and line coverage, arithmetic alone with no
/// branch (so the compiler vectorizes it), then each pixel's colour looked up and the line
/// blended in.
struct RowShading<'a> {
    contours: &'a ContourStyle,
    to_index: f32,
    colors: &'a [u32; COLORMAP_SIZE + 1],
    line_colors: &'a [u32; COLORMAP_SIZE + 1],
}

impl RowShading<'_> {
    /// Shades the row of coordinates `row` between the rows `up` and `down` (`y_step` apart
    /// per pixel) into `out`, with `indices` and `covers` as scratch of the row's width.
    fn row(
        &self,
        [up, row, down]: [&[f32]; 3],
        y_step: f32,
        indices: &mut [usize],
        covers: &mut [f32],
        out: &mut [u8],
    ) {
        let (contours, width) = (self.contours, row.len());
        let edge = |i: usize, gx: f32| contours.coverage(row[i], gx, (down[i] - up[i]) * y_step);
        if width == 1 {
            covers[0] = edge(0, 0.0);
        } else {
            covers[0] = edge(0, row[1] - row[0]);
            covers[width - 1] = edge(width - 1, row[width - 1] - row[width - 2]);
            // The interior, with both neighbours: zipped slices, so no bounds checks.
            let columns = row.windows(3).zip(&up[1..]).zip(&down[1..]);
            for (cover, ((around, &above), &below)) in covers[1..width - 1].iter_mut().zip(columns) {
                *cover = contours.coverage(around[1], 0.5 * (around[2] - around[0]), (below - above) * y_step);
            }
        }
        // `NO_VALUE_INDEX` (colour `NO_VALUE`, and the coverage is 0 there) where c is NaN.
        for (index, &c) in indices.iter_mut().zip(row) {
            *index = if c.is_nan() { NO_VALUE_INDEX } else { ((c * self.to_index) as usize).min(COLORMAP_SIZE - 1) };
        }
        for ((px, &i), &cover) in out.chunks_exact_mut(4).zip(indices.iter()).zip(covers.iter()) {
            let base = self.colors[i];
            let color = if cover <= 0.0 { base } else { blend(base, self.line_colors[i], (cover * 256.0) as u32) };
            px.copy_from_slice(&color.to_le_bytes());
        }
    }
}

/// Where the image of a [`Heatmap::render_grid`] goes under `view`, as [left, top, width,
/// height] in device pixels, when the grid's corner points lie at the data points `low`
/// (bottom left) and `high` (top right): each pixel is centred on its grid point, so the
/// image reaches half a cell beyond them.
///
/// ```
/// use descent::render::{heatmap::grid_image_rect, viewport::Viewport};
/// // A 5 × 5 grid over [−1, 1]² on a 100 × 100 canvas showing [−1, 1]²: cells of 25 pixels.
/// let view = Viewport::centered(1.0, 100, 100);
/// assert_eq!(grid_image_rect(&view, [-1.0, -1.0], [1.0, 1.0], 5, 5), [-12.5, -12.5, 125.0, 125.0]);
/// ```
pub fn grid_image_rect(view: &Viewport, low: [f64; 2], high: [f64; 2], columns: usize, rows: usize) -> [f64; 4] {
    let half_cell = |axis: usize, n: usize| 0.5 * (high[axis] - low[axis]) / (n.max(2) - 1) as f64;
    let (x, y) = (half_cell(0, columns), half_cell(1, rows));
    let [left, top] = view.to_pixel([low[0] - x, high[1] + y]);
    let [right, bottom] = view.to_pixel([high[0] + x, low[1] - y]);
    [left, top, right - left, bottom - top]
}

//! Line charts drawn with plotters, generic over the backend: the same function draws into a
//! `CanvasBackend` in the browser and an `SVGBackend` string in native tests.
//!
//! A [`LineChart`] holds several named [`Series`] (loss curves, a learning-rate schedule, …)
//! over a shared x axis, with an optional logarithmic y axis, an optional vertical cursor and an
//! optional legend. The chart chooses its own ticks (1-2-5 steps on a linear axis; decades, or
//! 1-2-5 steps within less than two decades, on a log axis), so both scales share one code path:
//! a log axis plots log₁₀ y on a linear coordinate and labels each tick with its value y.
//!
//! Values a scale cannot show (non-finite ones, and y ≤ 0 on a log axis) break a series' line
//! instead of bending it. Long series are thinned to at most four points per pixel column
//! (first, lowest, highest, last), which draws the same picture as every point would.

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::render::palette::Rgb;
use crate::render::viewport::{nice_ticks, tick_decimals};

/// One named line: y values against x values (or against 0, 1, 2, … when `x` is `None`).
#[derive(Clone, Copy, Debug)]
pub struct Series<'a> {
    /// The legend's name for the line.
    pub name: &'a str,
    /// The line's colour.
    pub color: Rgb,
    /// Abscissas, as many as `y`; `None` means the index of each value.
    pub x: Option<&'a [f64]>,
    /// Ordinates.
    pub y: &'a [f64],
}

impl Series<'_> {
    /// The i-th point (x_i, y_i).
    fn point(&self, i: usize) -> (f64, f64) {
        (self.x.map_or(i as f64, |x| x[i]), self.y[i])
    }

    /// Number of points: the shorter of `x` and `y`.
    fn len(&self) -> usize {
        self.x.map_or(self.y.len(), |x| x.len().min(self.y.len()))
    }
}

/// How a chart is laid out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineChart<'a> {
    /// Caption of the x axis (empty for none).
    pub x_label: &'a str,
    /// Caption of the y axis (empty for none).
    pub y_label: &'a str,
    /// Plot log₁₀ y instead of y.
    pub log_y: bool,
    /// A vertical line at this x (the current step of a schedule, say).
    pub cursor: Option<f64>,
    /// The x range shown; `None` spans the series.
    pub x_range: Option<[f64; 2]>,
    /// Draw a legend with each series' name in the top-right corner.
    pub legend: bool,
    /// Multiplies font sizes and line widths: the device-pixel ratio, so a chart drawn into a
    /// canvas of CSS size × ratio device pixels reads the same at every ratio, times the page's
    /// drawing scale (presenter mode draws text, lines and marks larger).
    pub scale: f64,
}

impl Default for LineChart<'_> {
    fn default() -> Self {
        LineChart { x_label: "", y_label: "", log_y: false, cursor: None, x_range: None, legend: true, scale: 1.0 }
    }
}

/// Where a drawn chart put its data: the plotting rectangle in backend pixels and the data
/// ranges it spans (the y range in log₁₀ units on a log axis). Lets callers map values to
/// pixels, for hit-testing a cursor or for tests.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plotted {
    /// Left, top, right, bottom pixels of the plotting area (inclusive: the x range's ends
    /// land on the left and right ones, the y range's on the bottom and top ones).
    pub rect: [i32; 4],
    /// The x range [left, right].
    pub x: [f64; 2],
    /// The plotted y range [bottom, top]: y itself, or log₁₀ y on a log axis.
    pub y: [f64; 2],
    /// Whether y is plotted on a log axis.
    pub log_y: bool,
}

impl Plotted {
    /// The pixel of the value (x, y), or `None` when the scale cannot show y. Pixels outside
    /// the plotting area are returned as they are (not clipped).
    pub fn to_pixel(&self, x: f64, y: f64) -> Option<[f64; 2]> {
        let v = transform(y, self.log_y)?;
        let [left, top, right, bottom] = self.rect.map(f64::from);
        let fx = (x - self.x[0]) / (self.x[1] - self.x[0]);
        let fy = (v - self.y[0]) / (self.y[1] - self.y[0]);
        Some([left + fx * (right - left), bottom - fy * (bottom - top)])
    }

    /// The x value under a pixel column.
    pub fn x_at(&self, column: f64) -> f64 {
        let [left, _, right, _] = self.rect.map(f64::from);
        self.x[0] + (column - left) / (right - left) * (self.x[1] - self.x[0])
    }
}

/// Colour of axes, ticks and labels.
const AXIS: RGBColor = RGBColor(0x44, 0x44, 0x4c);
/// Colour of the grid lines at the ticks.
const GRID: RGBColor = RGBColor(0xe4, 0xe4, 0xea);
/// Colour of the cursor line.
const CURSOR: RGBColor = RGBColor(0x55, 0x55, 0x5f);
/// Label size in CSS pixels.
const FONT: f64 = 12.0;
/// Series line width in CSS pixels.
const LINE_WIDTH: f64 = 2.0;
/// About this many ticks per axis.
const TICKS: usize = 5;

/// A linear axis over `range` with the chart's own tick positions.
struct Axis {
    range: [f64; 2],
    ticks: Vec<f64>,
}

impl Ranged for Axis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let f = (value - self.range[0]) / (self.range[1] - self.range[0]);
        (f64::from(limit.0) + f * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() { Vec::new() } else { self.ticks.clone() }
    }

    fn range(&self) -> Range<f64> {
        self.range[0]..self.range[1]
    }
}

/// The plotted ordinate of y: y itself, or log₁₀ y on a log axis; `None` when not showable.
fn transform(y: f64, log: bool) -> Option<f64> {
    match log {
        false if y.is_finite() => Some(y),
        true if y.is_finite() && y > 0.0 => Some(y.log10()),
        _ => None,
    }
}

/// What drawing a chart into a backend `DB` gives: where the data went, or the backend's error.
pub type ChartResult<DB> = Result<Plotted, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws `series` into `area` (clearing it to white first) and reports where the data went.
///
/// ```
/// use descent::render::chart::{draw_line_chart, LineChart, Series};
/// use descent::render::palette::Rgb;
/// use plotters::prelude::*;
/// let mut svg = String::new();
/// {
///     let area = SVGBackend::with_string(&mut svg, (400, 240)).into_drawing_area();
///     let loss = [4.0, 2.0, 1.0, 0.5];
///     let series = [Series { name: "total", color: Rgb(0, 114, 178), x: None, y: &loss }];
///     let chart = LineChart { log_y: true, ..LineChart::default() };
///     let plotted = draw_line_chart(&area, &chart, &series).unwrap();
///     // Halving is a constant drop on a log axis: the three segments fall equally.
///     let p: Vec<f64> = (0..4).map(|i| plotted.to_pixel(i as f64, loss[i]).unwrap()[1]).collect();
///     assert!(((p[1] - p[0]) - (p[3] - p[2])).abs() < 1e-9);
/// }
/// assert!(svg.contains("<polyline"));
/// ```
pub fn draw_line_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &LineChart<'_>,
    series: &[Series<'_>],
) -> ChartResult<DB> {
    area.fill(&WHITE)?;
    let scale = if chart.scale.is_finite() && chart.scale > 0.0 { chart.scale } else { 1.0 };
    let font = FONT * scale;
    let x = x_range(chart, series);
    let y = y_range(chart.log_y, series, x);
    let x_ticks = nice_ticks(x[0], x[1], TICKS);
    let y_ticks = y_ticks(y, chart.log_y);
    let x_decimals = decimals_of(&x_ticks);
    let y_labels: Vec<String> = y_ticks.iter().map(|&v| y_label(v, &y_ticks, chart.log_y)).collect();
    let widest = y_labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    let caption = |text: &str| if text.is_empty() { 0.0 } else { 1.4 * font };

    let mut builder = ChartBuilder::on(area);
    builder
        .margin((0.8 * font) as i32)
        .margin_right((1.2 * font) as i32)
        .x_label_area_size((1.6 * font + caption(chart.x_label)) as i32)
        .y_label_area_size((0.62 * font * widest as f64 + 0.8 * font + caption(chart.y_label)) as i32);
    let mut ctx = builder
        .build_cartesian_2d(Axis { range: x, ticks: x_ticks.clone() }, Axis { range: y, ticks: y_ticks.clone() })?;
    let labels = ("sans-serif", font).into_font().color(&AXIS);
    let x_format = |v: &f64| format_number(*v, x_decimals);
    let y_format =
        |v: &f64| y_ticks.iter().position(|t| t == v).map_or_else(|| format_number(*v, 2), |i| y_labels[i].clone());
    let hairline = scale.round().max(1.0) as u32;
    let mut mesh = ctx.configure_mesh();
    mesh.bold_line_style(GRID.stroke_width(hairline))
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS.stroke_width(hairline))
        .set_all_tick_mark_size((0.4 * font) as i32)
        .label_style(labels.clone())
        .axis_desc_style(labels)
        .x_label_formatter(&x_format)
        .y_label_formatter(&y_format);
    if !chart.x_label.is_empty() {
        mesh.x_desc(chart.x_label);
    }
    if !chart.y_label.is_empty() {
        mesh.y_desc(chart.y_label);
    }
    mesh.draw()?;

    let (px, py) = ctx.plotting_area().get_pixel_range();
    // Plotters maps a range's ends onto the first and last pixel of the plotting area.
    let plotted = Plotted { rect: [px.start, py.start, px.end - 1, py.end - 1], x, y, log_y: chart.log_y };
    let columns = (px.end - px.start).max(1) as f64;
    let width = ((LINE_WIDTH * scale).round() as u32).max(1);
    for s in series {
        let style = rgb(s.color).stroke_width(width);
        let runs = thin(s, chart.log_y, x, columns);
        ctx.draw_series(runs.into_iter().map(|run| PathElement::new(run, style)))?;
    }
    if let Some(at) = chart.cursor.filter(|c| c.is_finite() && (x[0]..=x[1]).contains(c)) {
        let dash = (4.0 * scale) as u32;
        let path = [(at, y[0]), (at, y[1])];
        ctx.draw_series(std::iter::once(DashedPathElement::new(path, dash, dash, CURSOR.stroke_width(width))))?;
    }
    if chart.legend && !series.is_empty() {
        draw_legend(area, plotted.rect, series, font, width)?;
    }
    Ok(plotted)
}

/// The legend: one short line and name per series, in a white box at the plot's top right.
/// Text widths are estimated (0.6 em per character) so that no backend has to measure text.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rect: [i32; 4],
    series: &[Series<'_>],
    font: f64,
    width: u32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let line = 1.3 * font;
    let sample = 1.6 * font;
    let longest = series.iter().map(|s| s.name.chars().count()).max().unwrap_or(0) as f64;
    let box_w = (0.5 * font + sample + 0.4 * font + 0.6 * font * longest + 0.5 * font) as i32;
    let box_h = (line * series.len() as f64 + 0.5 * font) as i32;
    let right = rect[2] - (0.4 * font) as i32;
    let top = rect[1] + (0.4 * font) as i32;
    let left = right - box_w;
    area.draw(&Rectangle::new([(left, top), (right, top + box_h)], WHITE.mix(0.85).filled()))?;
    area.draw(&Rectangle::new([(left, top), (right, top + box_h)], GRID.stroke_width(1)))?;
    let text = ("sans-serif", font).into_font().color(&AXIS).pos(Pos::new(HPos::Left, VPos::Center));
    for (n, s) in series.iter().enumerate() {
        let y = top + (0.25 * font + line * (n as f64 + 0.5)) as i32;
        let x0 = left + (0.5 * font) as i32;
        let x1 = x0 + sample as i32;
        area.draw(&PathElement::new(vec![(x0, y), (x1, y)], rgb(s.color).stroke_width(width)))?;
        area.draw(&Text::new(s.name.to_string(), (x1 + (0.4 * font) as i32, y), text.clone()))?;
    }
    Ok(())
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// The x range: the chart's, or the span of the series' finite abscissas; never empty.
fn x_range(chart: &LineChart<'_>, series: &[Series<'_>]) -> [f64; 2] {
    let [lo, hi] = chart.x_range.unwrap_or_else(|| {
        let xs = series.iter().flat_map(|s| (0..s.len()).map(|i| s.point(i).0)).filter(|x| x.is_finite());
        xs.fold([f64::INFINITY, f64::NEG_INFINITY], |[lo, hi], x| [lo.min(x), hi.max(x)])
    });
    if !(lo.is_finite() && hi.is_finite()) {
        [0.0, 1.0]
    } else if hi > lo {
        [lo, hi]
    } else {
        [lo, lo + 1.0]
    }
}

/// The plotted y range over the points inside the x range: padded by 5% (a linear axis
/// starts at 0 when every value is ≥ 0); never empty.
fn y_range(log: bool, series: &[Series<'_>], x: [f64; 2]) -> [f64; 2] {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for s in series {
        for i in 0..s.len() {
            let (px, py) = s.point(i);
            if let (true, Some(v)) = ((x[0]..=x[1]).contains(&px), transform(py, log)) {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
    }
    if !lo.is_finite() {
        return if log { [-1.0, 1.0] } else { [0.0, 1.0] };
    }
    if !log && lo >= 0.0 {
        lo = 0.0;
    }
    let span = hi - lo;
    if span <= f64::EPSILON * hi.abs().max(1.0) {
        if !log && hi == 0.0 {
            return [0.0, 1.0];
        }
        let half = if log { 0.5 } else { 0.5 * hi.abs().max(1.0) };
        return [lo - half, hi + half];
    }
    let pad = 0.05 * span;
    [if !log && lo == 0.0 { 0.0 } else { lo - pad }, hi + pad]
}

/// Tick positions on the plotted y axis. Linear: 1-2-5 steps. Log, over two decades or more:
/// whole decades (every k-th for about [`TICKS`] of them); over less: 1-2-5 steps of y itself,
/// placed at their log₁₀.
fn y_ticks(y: [f64; 2], log: bool) -> Vec<f64> {
    if !log {
        return nice_ticks(y[0], y[1], TICKS);
    }
    if y[1] - y[0] >= 2.0 {
        let every = ((y[1] - y[0]) / TICKS as f64).ceil().max(1.0) as i64;
        let first = (y[0].ceil() as i64).div_euclid(every) * every;
        return (0..).map(|n| (first + n * every) as f64).take_while(|&v| v <= y[1]).filter(|&v| v >= y[0]).collect();
    }
    nice_ticks(10f64.powf(y[0]), 10f64.powf(y[1]), TICKS).into_iter().filter(|&v| v > 0.0).map(f64::log10).collect()
}

/// The decimals that tell a tick list's values apart.
fn decimals_of(ticks: &[f64]) -> usize {
    ticks.windows(2).next().map_or(0, |pair| tick_decimals(pair[1] - pair[0]))
}

/// The label of y tick `v` (plotted units).
fn y_label(v: f64, ticks: &[f64], log: bool) -> String {
    if !log {
        return format_number(v, decimals_of(ticks));
    }
    let value = 10f64.powf(v);
    if v.fract() == 0.0 {
        // A decade: 10^k, written out where it is short.
        if (-3.0..=4.0).contains(&v) { format_number(value, (-v).max(0.0) as usize) } else { format!("1e{v}") }
    } else {
        // 1-2-5 ticks within a decade or two: as many decimals as their spacing needs.
        let values: Vec<f64> = ticks.iter().map(|t| 10f64.powf(*t)).collect();
        format_number(value, decimals_of(&values))
    }
}

/// A tick value with `decimals` decimals, or in scientific notation when it is very large or
/// very small.
fn format_number(v: f64, decimals: usize) -> String {
    if v != 0.0 && !(1e-4..1e6).contains(&v.abs()) { format!("{v:.1e}") } else { format!("{v:.decimals$}") }
}

/// The series as polylines in plotted units: broken where a value cannot be shown, limited to
/// the x range, and thinned to the first, lowest, highest and last point of each pixel column.
fn thin(series: &Series<'_>, log: bool, x: [f64; 2], columns: f64) -> Vec<Vec<(f64, f64)>> {
    let mut runs = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    // The current column's points: first, lowest, highest, last.
    let mut bucket: Option<(i64, [(f64, f64); 4])> = None;
    let flush = |bucket: &mut Option<(i64, [(f64, f64); 4])>, run: &mut Vec<(f64, f64)>| {
        if let Some((_, [first, low, high, last])) = bucket.take() {
            let (a, b) = if low.0 <= high.0 { (low, high) } else { (high, low) };
            for p in [first, a, b, last] {
                if run.last() != Some(&p) {
                    run.push(p);
                }
            }
        }
    };
    let in_range: Range<f64> = x[0]..x[1];
    for i in 0..series.len() {
        let (px, py) = series.point(i);
        let v = transform(py, log).filter(|_| px.is_finite() && (in_range.contains(&px) || px == x[1]));
        let Some(v) = v else {
            flush(&mut bucket, &mut run);
            finish(&mut run, &mut runs);
            continue;
        };
        let column = ((px - x[0]) / (x[1] - x[0]) * columns).floor() as i64;
        let p = (px, v);
        match &mut bucket {
            Some((c, [_, low, high, last])) if *c == column => {
                if v < low.1 {
                    *low = p;
                }
                if v > high.1 {
                    *high = p;
                }
                *last = p;
            }
            _ => {
                flush(&mut bucket, &mut run);
                bucket = Some((column, [p; 4]));
            }
        }
    }
    flush(&mut bucket, &mut run);
    finish(&mut run, &mut runs);
    runs
}

/// Ends a polyline: keeps it if it has points (a lone point as a zero-length segment, which a
/// round line cap still shows) and starts an empty one.
fn finish(run: &mut Vec<(f64, f64)>, runs: &mut Vec<Vec<(f64, f64)>>) {
    match run.len() {
        0 => {}
        1 => runs.push(vec![run[0], run[0]]),
        _ => runs.push(std::mem::take(run)),
    }
    run.clear();
}

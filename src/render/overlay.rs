//! Vector marks drawn over a raster: lines, arrows, discs and labels, in device pixels.
//!
//! Scenes fill a [`Marks`] list; the browser glue strokes it with Canvas2D calls, and native
//! tests read it directly. The list is cleared and refilled each render, keeping its capacity.

use crate::render::palette::Rgb;
use crate::render::viewport::{Viewport, nice_ticks, tick_decimals};

/// Horizontal anchor of a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// The text starts at the anchor.
    Left,
    /// The text is centred on the anchor.
    Center,
    /// The text ends at the anchor.
    Right,
}

/// One drawing instruction, in device pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A straight segment; `dashed` draws it in dashes.
    Line { from: [f64; 2], to: [f64; 2], color: Rgb, width: f64, dashed: bool },
    /// A segment with an arrowhead at `to`.
    Arrow { from: [f64; 2], to: [f64; 2], color: Rgb, width: f64 },
    /// A filled disc with an outline.
    Disc { at: [f64; 2], radius: f64, fill: Rgb, outline: Rgb, outline_width: f64 },
    /// A label whose baseline's anchor is `at`.
    Text { at: [f64; 2], text: String, color: Rgb, size: f64, align: Align },
    /// Connected segments through `points`, stroked as one path (a trajectory).
    Polyline { points: Vec<[f64; 2]>, color: Rgb, width: f64, dashed: bool },
    /// Discs of one radius at `points`, drawn as one path: filled with `color` when `filled`,
    /// otherwise outlined in it with lines `width` wide (a trajectory's step markers, the
    /// points a line search tried).
    Dots { points: Vec<[f64; 2]>, radius: f64, color: Rgb, filled: bool, width: f64 },
}

/// A reusable list of marks.
pub type Marks = Vec<Mark>;

/// Colour of axis lines, ticks and their labels.
pub const AXIS_COLOR: Rgb = Rgb(0x33, 0x33, 0x33);

/// Clips the line {p : a·p + c = 0} (a ≠ 0) to the rectangle `low`–`high`, returning the two
/// end points of the visible segment, or `None` when the line misses the rectangle.
///
/// ```
/// use descent::render::overlay::clip_line;
/// // x₀ − x₁ = 0 across the square [−1, 1]²: the diagonal.
/// let (p, q) = clip_line([1.0, -1.0], 0.0, [-1.0, -1.0], [1.0, 1.0]).unwrap();
/// assert_eq!((p, q), ([-1.0, -1.0], [1.0, 1.0]));
/// ```
pub fn clip_line(a: [f64; 2], c: f64, low: [f64; 2], high: [f64; 2]) -> Option<([f64; 2], [f64; 2])> {
    let norm2 = a[0] * a[0] + a[1] * a[1];
    if !(norm2 > 0.0 && norm2.is_finite() && c.is_finite()) {
        return None;
    }
    // Points p(t) = p₀ + t·d with p₀ the point nearest the origin and d ⟂ a.
    let p0 = [-c * a[0] / norm2, -c * a[1] / norm2];
    let d = [-a[1], a[0]];
    let (mut t_min, mut t_max) = (f64::NEG_INFINITY, f64::INFINITY);
    for axis in 0..2 {
        if d[axis] == 0.0 {
            if p0[axis] < low[axis] || p0[axis] > high[axis] {
                return None;
            }
        } else {
            let t1 = (low[axis] - p0[axis]) / d[axis];
            let t2 = (high[axis] - p0[axis]) / d[axis];
            t_min = t_min.max(t1.min(t2));
            t_max = t_max.min(t1.max(t2));
        }
    }
    (t_min < t_max)
        .then(|| ([p0[0] + t_min * d[0], p0[1] + t_min * d[1]], [p0[0] + t_max * d[0], p0[1] + t_max * d[1]]))
}

/// Adds the axes: the lines x₀ = 0 and x₁ = 0 where visible, and ticks with labels along the
/// bottom and left edges, about `target` per axis, with `font` the label size in pixels.
pub fn push_axes(marks: &mut Marks, view: &Viewport, target: usize, font: f64) {
    let (low, high) = view.data_bounds();
    let (w, h) = (view.width as f64, view.height as f64);
    let origin = view.to_pixel([0.0, 0.0]);
    let axis = |from, to| Mark::Line { from, to, color: AXIS_COLOR, width: 1.0, dashed: false };
    if (0.0..=w).contains(&origin[0]) {
        marks.push(axis([origin[0], 0.0], [origin[0], h]));
    }
    if (0.0..=h).contains(&origin[1]) {
        marks.push(axis([0.0, origin[1]], [w, origin[1]]));
    }
    let tick = font * 0.5;
    // Labels closer than this to an edge would be cut off, or collide in a corner.
    let margin = 1.5 * font;
    for (dimension, values) in [(0, nice_ticks(low[0], high[0], target)), (1, nice_ticks(low[1], high[1], target))] {
        let decimals = values.windows(2).next().map_or(0, |pair| tick_decimals(pair[1] - pair[0]));
        for v in values {
            let label = format!("{v:.decimals$}");
            if dimension == 0 {
                let x = view.to_pixel([v, 0.0])[0];
                if x < 2.0 * margin || x > w - margin {
                    continue;
                }
                marks.push(axis([x, h], [x, h - tick]));
                marks.push(Mark::Text {
                    at: [x, h - tick - font * 0.3],
                    text: label,
                    color: AXIS_COLOR,
                    size: font,
                    align: Align::Center,
                });
            } else {
                let y = view.to_pixel([0.0, v])[1];
                if y < margin || y > h - 2.0 * margin {
                    continue;
                }
                marks.push(axis([0.0, y], [tick, y]));
                // The label sits just above its tick: beside it, the tick reads as a minus sign.
                marks.push(Mark::Text {
                    at: [font * 0.25, y - font * 0.3],
                    text: label,
                    color: AXIS_COLOR,
                    size: font,
                    align: Align::Left,
                });
            }
        }
    }
}

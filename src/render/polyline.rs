//! Curves as overlay marks: a polyline in data coordinates, clipped to the viewport and
//! pushed as line segments in device pixels.

use crate::render::overlay::{Mark, Marks};
use crate::render::palette::Rgb;
use crate::render::viewport::Viewport;

/// How a polyline is stroked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// The colour.
    pub color: Rgb,
    /// The width in device pixels.
    pub width: f64,
    /// Dashed or solid.
    pub dashed: bool,
}

/// Clips the segment p–q to the rectangle `low`–`high` (Liang–Barsky); `None` when it misses.
///
/// ```
/// use descent::render::polyline::clip_segment;
/// let (p, q) = clip_segment([-2.0, 0.0], [2.0, 0.0], [-1.0, -1.0], [1.0, 1.0]).unwrap();
/// assert_eq!((p, q), ([-1.0, 0.0], [1.0, 0.0]));
/// assert!(clip_segment([2.0, 2.0], [3.0, 3.0], [-1.0, -1.0], [1.0, 1.0]).is_none());
/// ```
pub fn clip_segment(p: [f64; 2], q: [f64; 2], low: [f64; 2], high: [f64; 2]) -> Option<([f64; 2], [f64; 2])> {
    if !(p.iter().chain(&q).all(|v| v.is_finite())) {
        return None;
    }
    let d = [q[0] - p[0], q[1] - p[1]];
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for axis in 0..2 {
        for (edge, sign) in [(low[axis], -1.0), (high[axis], 1.0)] {
            // Inside means sign · (p + t d − edge) ≤ 0.
            let num = sign * (edge - p[axis]);
            let den = sign * d[axis];
            if den == 0.0 {
                if num < 0.0 {
                    return None;
                }
            } else if den > 0.0 {
                t1 = t1.min(num / den);
            } else {
                t0 = t0.max(num / den);
            }
        }
    }
    (t0 <= t1).then(|| ([p[0] + t0 * d[0], p[1] + t0 * d[1]], [p[0] + t1 * d[0], p[1] + t1 * d[1]]))
}

/// Pushes the polyline through `points` (data coordinates), clipped to what `view` shows.
pub fn push_polyline(marks: &mut Marks, view: &Viewport, points: impl IntoIterator<Item = [f64; 2]>, stroke: Stroke) {
    let (low, high) = view.data_bounds();
    let mut previous: Option<[f64; 2]> = None;
    for point in points {
        if let Some(from) = previous
            && let Some((a, b)) = clip_segment(from, point, low, high)
        {
            marks.push(Mark::Line {
                from: view.to_pixel(a),
                to: view.to_pixel(b),
                color: stroke.color,
                width: stroke.width,
                dashed: stroke.dashed,
            });
        }
        previous = Some(point);
    }
}

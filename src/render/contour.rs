//! Contour lines drawn straight into a heatmap raster, from the grid of values the heatmap
//! already holds (no second pass of evaluations).
//!
//! Each pixel carries its contour coordinate c = (N + 1)·t, with t its position on the
//! [`LogScale`](crate::render::logscale::LogScale) and N the number of lines, so the lines are
//! the level sets c = 1, …, N, evenly spaced on the log scale. A pixel at distance d (in
//! pixels) from the nearest line is covered by it in proportion to how much of the line's
//! width overlaps it. The distance comes from one step of Newton's method on c:
//! d ≈ |c − round(c)| / |∇c|, with ∇c (per pixel) from central differences of the grid. This
//! gives anti-aliased lines of even width however steep or flat the surface, in time
//! proportional to the pixel count.

use crate::render::logscale::LogScale;

/// Line spacing (pixels) below which lines fade out, so that lines crowding near a sharp
/// minimum do not merge into a blot.
const CROWDED_SPACING: f32 = 2.0;

/// How many contour lines to draw and how wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ContourStyle {
    /// The number of lines N.
    pub count: usize,
    /// The line width in device pixels.
    pub width: f64,
}

impl ContourStyle {
    /// The contour coordinate c = (N + 1)·t of scale position t.
    pub fn coordinate(&self, t: f64) -> f64 {
        (self.count + 1) as f64 * t
    }

    /// The values f_k of the lines, k = 1, …, N: the points t_k = k/(N + 1) of the scale.
    ///
    /// ```
    /// use descent::render::{contour::ContourStyle, logscale::LogScale};
    /// let scale = LogScale { f_min: 0.0, f_max: 999.0, epsilon: 1.0 };
    /// let style = ContourStyle { count: 2, width: 1.0 };
    /// // ln(f + 1) at thirds of ln 1000: f + 1 = 10 and 100.
    /// let levels = style.level_values(&scale);
    /// assert!((levels[0] - 9.0).abs() < 1e-12 && (levels[1] - 99.0).abs() < 1e-10);
    /// ```
    pub fn level_values(&self, scale: &LogScale) -> Vec<f64> {
        (1..=self.count).map(|k| scale.value_at(k as f64 / (self.count + 1) as f64)).collect()
    }

    /// The fraction of a pixel covered by a line, for a pixel of contour coordinate `c` where
    /// c changes by (`gx`, `gy`) per pixel: 1 on a line, falling to 0 half a pixel beyond its
    /// edge, and 0 where lines crowd closer than two pixels. Only the levels 1, …, N are lines
    /// (not the scale's ends, 0 and N + 1).
    ///
    /// Most pixels are settled without a square root: the distance to the nearest level,
    /// |c − round(c)| / |∇c|, exceeds the reach r of the line exactly when
    /// (c − round(c))² > r²·|∇c|².
    ///
    /// ```
    /// use descent::render::contour::ContourStyle;
    /// let style = ContourStyle { count: 30, width: 1.0 };
    /// // Lines 8 pixels apart (c changes by 1/8 per pixel across them):
    /// assert_eq!(style.coverage(3.0, 0.125, 0.0), 1.0); // on the line c = 3
    /// assert_eq!(style.coverage(3.0625, 0.0, 0.125), 0.5); // half a pixel from it
    /// assert_eq!(style.coverage(3.125, 0.125, 0.0), 0.0); // a pixel away: beyond half width + ½
    /// assert_eq!(style.coverage(0.0, 0.125, 0.0), 0.0); // c = 0 is the scale's end, not a line
    /// assert_eq!(style.coverage(3.0, 0.6, 0.6), 0.0); // lines 1.2 px apart: faded out
    /// ```
    #[inline]
    pub fn coverage(&self, c: f32, gx: f32, gy: f32) -> f32 {
        let level = c.round_ties_even();
        let offset = c - level;
        let reach = 0.5 * self.width as f32 + 0.5;
        let gradient2 = gx * gx + gy * gy;
        if offset * offset > reach * reach * gradient2 || gradient2 * (CROWDED_SPACING * CROWDED_SPACING) >= 1.0 {
            return 0.0;
        }
        if !(level >= 1.0 && level <= self.count as f32) {
            return 0.0;
        }
        let spacing = 1.0 / gradient2.sqrt();
        let cover = (reach - offset.abs() * spacing).clamp(0.0, 1.0);
        let crowding = ((spacing - CROWDED_SPACING) / CROWDED_SPACING).clamp(0.0, 1.0);
        cover * crowding
    }
}

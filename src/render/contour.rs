//! Contour lines of a grid of values, in the two forms the scenes draw them: as raster
//! lines blended into a heatmap's own pixels, or as vector segments by marching squares.
//!
//! # Raster lines
//!
//! Each pixel carries its contour coordinate c = (N + 1)·t, with t its position on the
//! [`LogScale`](crate::render::logscale::LogScale) and N the number of lines, so the lines are
//! the level sets c = 1, …, N, evenly spaced on the log scale (the values
//! [`LogScale::levels`](crate::render::logscale::LogScale::levels) gives). A pixel at distance
//! d (in pixels) from the nearest line is covered by it in proportion to how much of the
//! line's width overlaps it. The distance comes from one step of Newton's method on c:
//! d ≈ |c − round(c)| / |∇c|, with ∇c (per pixel) from central differences of the grid. This
//! gives anti-aliased lines of even width however steep or flat the surface, in time
//! proportional to the pixel count, from the values the heatmap already holds (no second
//! pass of evaluations). [`Heatmap`](crate::render::heatmap::Heatmap) draws them.
//!
//! # Vector segments
//!
//! [`level_set`] cuts each cell of the grid (corners at stride `s`) where the values on its
//! edges cross the level, interpolating linearly along the edge; the saddle cases (opposite
//! corners on the same side) are resolved by the cell's mean value. Segments come out in grid
//! units, (i, j) = (column, row), fractional, for any level (a line through a chosen point,
//! not only the evenly spaced ones), and stay sharp when the grid's image is scaled up.

/// Line spacing (pixels) below which lines fade out, so that lines crowding near a sharp
/// minimum do not merge into a blot.
const CROWDED_SPACING: f32 = 2.0;

/// How many contour lines to draw and how wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ContourStyle {
    /// The number of lines N (0: none).
    pub count: usize,
    /// The line width in device pixels.
    pub width: f64,
}

impl ContourStyle {
    /// The contour coordinate c = (N + 1)·t of scale position t.
    pub fn coordinate(&self, t: f64) -> f64 {
        (self.count + 1) as f64 * t
    }

    /// The fraction of a pixel covered by a line, for a pixel of contour coordinate `c` where
    /// c changes by (`gx`, `gy`) per pixel: 1 on a line, falling to 0 half a pixel beyond its
    /// edge, and 0 where lines crowd closer than two pixels. Only the levels 1, …, N are lines
    /// (not the scale's ends, 0 and N + 1).
    ///
    /// The distance to the nearest level, |c − round(c)| / |∇c|, exceeds the reach r of the
    /// line exactly when (c − round(c))² > r²·|∇c|². Every case is computed and the answer
    /// selected at the end, without branches, so that a row of pixels compiles to vector
    /// instructions (WebAssembly SIMD: four pixels at a time).
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
        let beyond = offset * offset > reach * reach * gradient2;
        let crowded = gradient2 * (CROWDED_SPACING * CROWDED_SPACING) >= 1.0;
        let line = level >= 1.0 && level <= self.count as f32;
        let spacing = 1.0 / gradient2.sqrt();
        let cover = (reach - offset.abs() * spacing).clamp(0.0, 1.0);
        let crowding = ((spacing - CROWDED_SPACING) / CROWDED_SPACING).clamp(0.0, 1.0);
        // `&`, not `&&`: both sides are plain comparisons, and no branch keeps a loop vectorizable.
        if !beyond & !crowded & line { cover * crowding } else { 0.0 }
    }
}

/// A segment from one grid-coordinate point to another.
pub type Segment = ([f64; 2], [f64; 2]);

/// Appends the segments of the level set {f = level} of the n × n grid `values` (row-major,
/// point (i, j) at j·n + i), using only the points at multiples of `stride`. Cells with a
/// non-finite corner are skipped.
///
/// ```
/// use descent::render::contour::level_set;
/// // f(i, j) = i on a 3 × 3 grid: the level 0.5 is the vertical line i = 0.5.
/// let values = [0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0];
/// let mut segments = Vec::new();
/// level_set(&values, 3, 1, 0.5, &mut segments);
/// assert_eq!(segments.len(), 2);
/// assert!(segments.iter().all(|(p, q)| p[0] == 0.5 && q[0] == 0.5));
/// ```
pub fn level_set(values: &[f64], n: usize, stride: usize, level: f64, segments: &mut Vec<Segment>) {
    let s = stride;
    for j in (0..n.saturating_sub(s)).step_by(s) {
        for i in (0..n.saturating_sub(s)).step_by(s) {
            cell(values, n, [i, j], s, level, segments);
        }
    }
}

/// The segments of one cell of `level_set`, its corner at (i, j) and its side `s`.
fn cell(values: &[f64], n: usize, [i, j]: [usize; 2], s: usize, level: f64, segments: &mut Vec<Segment>) {
    // Corners counter-clockwise from the bottom-left: (i, j), (i+s, j), (i+s, j+s), (i, j+s).
    let at = |di: usize, dj: usize| values[(j + dj) * n + i + di];
    let corners = [at(0, 0), at(s, 0), at(s, s), at(0, s)];
    if corners.iter().any(|v| !v.is_finite()) {
        return;
    }
    let positions = [[i, j], [i + s, j], [i + s, j + s], [i, j + s]].map(|[a, b]| [a as f64, b as f64]);
    let above = corners.map(|v| v > level);
    // The crossing on edge e (from corner e to corner e + 1), if the edge is cut.
    let crossing = |e: usize| -> Option<[f64; 2]> {
        let (a, b) = (e, (e + 1) % 4);
        (above[a] != above[b]).then(|| {
            let t = (level - corners[a]) / (corners[b] - corners[a]);
            [
                positions[a][0] + t * (positions[b][0] - positions[a][0]),
                positions[a][1] + t * (positions[b][1] - positions[a][1]),
            ]
        })
    };
    let mut cut = [[0.0; 2]; 4];
    let mut count = 0;
    for e in 0..4 {
        if let Some(p) = crossing(e) {
            cut[count] = p;
            count += 1;
        }
    }
    match count {
        2 => segments.push((cut[0], cut[1])),
        4 => {
            // A saddle: corners 0 and 2 on one side, 1 and 3 on the other. If the centre is on
            // corner 0's side, the lines cut off corners 1 and 3; else corners 0 and 2.
            let centre_above = corners.iter().sum::<f64>() / 4.0 > level;
            if centre_above == above[0] {
                segments.push((cut[0], cut[1]));
                segments.push((cut[2], cut[3]));
            } else {
                segments.push((cut[3], cut[0]));
                segments.push((cut[1], cut[2]));
            }
        }
        _ => {}
    }
}

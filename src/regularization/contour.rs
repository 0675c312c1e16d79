//! Contour lines of a grid by marching squares, as segments in grid coordinates.
//!
//! Each cell of the grid (corners at stride `s`) is cut by the level where the values on its
//! edges cross it, interpolating linearly along the edge; the saddle cases (opposite corners
//! on the same side) are resolved by the cell's mean value. Segments come out in grid units:
//! (i, j) = (column, row), fractional.

/// A segment from one grid-coordinate point to another.
pub type Segment = ([f64; 2], [f64; 2]);

/// Appends the segments of the level set {f = level} of the n × n grid `values` (row-major,
/// point (i, j) at j·n + i), using only the points at multiples of `stride`.
///
/// ```
/// use descent::regularization::contour::level_set;
/// // f(i, j) = i on a 3 × 3 grid: the level 0.5 is the vertical line i = 0.5.
/// let values = [0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0];
/// let mut segments = Vec::new();
/// level_set(&values, 3, 1, 0.5, &mut segments);
/// assert_eq!(segments.len(), 2);
/// assert!(segments.iter().all(|(p, q)| p[0] == 0.5 && q[0] == 0.5));
/// ```
pub fn level_set(values: &[f64], n: usize, stride: usize, level: f64, segments: &mut Vec<Segment>) {
    let s = stride;
    let mut j = 0;
    while j + s < n {
        let mut i = 0;
        while i + s < n {
            cell(values, n, [i, j], s, level, segments);
            i += s;
        }
        j += s;
    }
}

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
    let cut: Vec<(usize, [f64; 2])> = (0..4).filter_map(|e| crossing(e).map(|p| (e, p))).collect();
    match cut.len() {
        2 => segments.push((cut[0].1, cut[1].1)),
        4 => {
            // A saddle: corners 0 and 2 on one side, 1 and 3 on the other. If the centre is on
            // corner 0's side, the lines cut off corners 1 and 3; else corners 0 and 2.
            let centre_above = corners.iter().sum::<f64>() / 4.0 > level;
            let points = [cut[0].1, cut[1].1, cut[2].1, cut[3].1];
            if centre_above == above[0] {
                segments.push((points[0], points[1]));
                segments.push((points[2], points[3]));
            } else {
                segments.push((points[3], points[0]));
                segments.push((points[1], points[2]));
            }
        }
        _ => {}
    }
}

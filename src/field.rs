//! Functions f(x, y) of the plane evaluated a whole grid at a time, as a heatmap needs them:
//! f at every (x_i, y_j) of given column coordinates x_i and row coordinates y_j.
//!
//! Evaluating point by point costs the whole of f at every pixel. Many surfaces are cheaper on
//! a grid: a term that depends on x alone (Rastrigin's x² − 10 cos 2πx) is the same down a
//! whole column, a term in y alone the same along a row, so it can be computed once per column
//! or row and only the terms that mix x and y are left per point. [`fill_separable`] does that
//! bookkeeping; a [`Field`] overrides [`Field::fill_grid`] with it where its formula allows.

/// A function f(x, y) of the plane that can fill a whole grid of its values at once.
pub trait Field {
    /// f at p = (x, y).
    fn at(&self, p: [f64; 2]) -> f64;

    /// Fills `out` with f on the grid of column coordinates `xs` and row coordinates `ys`,
    /// row-major: out[j·n + i] = f(xs[i], ys[j]) with n = `xs.len()`. `out` holds
    /// `xs.len() · ys.len()` values (extra values are left alone).
    ///
    /// The default evaluates [`Field::at`] point by point; an implementation that overrides it
    /// computes the same values (to the last bit where it only reorders the work into
    /// per-column and per-row caches).
    ///
    /// ```
    /// use descent::field::Field;
    /// let f = |p: [f64; 2]| p[0] * 10.0 + p[1];
    /// let mut out = [0.0; 6];
    /// f.fill_grid(&[1.0, 2.0, 3.0], &[0.5, 0.25], &mut out);
    /// assert_eq!(out, [10.5, 20.5, 30.5, 10.25, 20.25, 30.25]);
    /// ```
    fn fill_grid(&self, xs: &[f64], ys: &[f64], out: &mut [f64]) {
        if xs.is_empty() {
            return;
        }
        for (row, &y) in out.chunks_exact_mut(xs.len()).zip(ys) {
            for (value, &x) in row.iter_mut().zip(xs) {
                *value = self.at([x, y]);
            }
        }
    }
}

/// Any closure of a point is a field, evaluated point by point.
impl<F: Fn([f64; 2]) -> f64> Field for F {
    fn at(&self, p: [f64; 2]) -> f64 {
        self(p)
    }
}

/// Columns whose caches are computed at a time: the caches live on the stack, and the rows
/// are swept once per chunk of columns.
const CHUNK: usize = 256;

/// Fills `out` like [`Field::fill_grid`] with out[j·n + i] = combine(column(x_i), row(y_j)):
/// `column` is computed once per column (per chunk of columns, on the stack) and `row` once
/// per row and chunk, so only `combine` runs at every point. When `combine` performs the same
/// operations on the cached values as the point-by-point formula would, the result is the
/// same to the last bit.
///
/// ```
/// use descent::field::fill_separable;
/// // f = cos x + y²: one cosine per column, one square per row.
/// let (xs, ys) = ([0.0, 1.0, 2.0], [3.0, -1.0]);
/// let mut out = [0.0; 6];
/// fill_separable(&xs, &ys, &mut out, |x: f64| x.cos(), |y: f64| y * y, |c, r| c + r);
/// for (j, &y) in ys.iter().enumerate() {
///     for (i, &x) in xs.iter().enumerate() {
///         assert_eq!(out[j * 3 + i], x.cos() + y * y);
///     }
/// }
/// ```
pub fn fill_separable<C: Copy + Default, R: Copy>(
    xs: &[f64],
    ys: &[f64],
    out: &mut [f64],
    column: impl Fn(f64) -> C,
    row: impl Fn(f64) -> R,
    combine: impl Fn(C, R) -> f64,
) {
    let width = xs.len();
    if width == 0 {
        return;
    }
    let mut cache = [C::default(); CHUNK];
    for (chunk, columns) in xs.chunks(CHUNK).enumerate() {
        let start = chunk * CHUNK;
        let cache = &mut cache[..columns.len()];
        for (c, &x) in cache.iter_mut().zip(columns) {
            *c = column(x);
        }
        for (line, &y) in out.chunks_exact_mut(width).zip(ys) {
            let r = row(y);
            for (value, &c) in line[start..start + columns.len()].iter_mut().zip(cache.iter()) {
                *value = combine(c, r);
            }
        }
    }
}

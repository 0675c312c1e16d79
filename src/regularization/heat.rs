//! A grid of values as an image: one pixel per grid point, coloured on a log scale, for the
//! browser to scale up smoothly under the vector marks.
//!
//! The scale maps f to t = log(1 + (f − f_min)/ε) / log(1 + (f_max − f_min)/ε) with
//! ε = `RELATIVE_EPSILON`·(f_max − f_min): nearly linear near the minimum's level and
//! logarithmic far above it, so both a loss's floor and its steep walls keep visible detail.

use super::colormap::Colormap;

/// ε as a fraction of the value range.
pub const RELATIVE_EPSILON: f64 = 1e-2;

/// The log scale between the smallest and largest value of a grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogScale {
    /// The smallest value.
    pub min: f64,
    /// The largest value.
    pub max: f64,
    epsilon: f64,
}

impl LogScale {
    /// The scale over the finite values among `values`; `None` when there are none.
    pub fn over(values: &[f64]) -> Option<LogScale> {
        let finite = values.iter().copied().filter(|v| v.is_finite());
        let (min, max) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        (min <= max).then(|| LogScale { min, max, epsilon: RELATIVE_EPSILON * (max - min).max(f64::MIN_POSITIVE) })
    }

    /// The position t ∈ [0, 1] of a value.
    ///
    /// ```
    /// use descent::regularization::heat::LogScale;
    /// let scale = LogScale::over(&[2.0, 5.0, 12.0]).unwrap();
    /// assert_eq!(scale.t(2.0), 0.0);
    /// assert!((scale.t(12.0) - 1.0).abs() < 1e-15);
    /// assert!((scale.value_at(scale.t(5.0)) - 5.0).abs() < 1e-12);
    /// ```
    pub fn t(&self, f: f64) -> f64 {
        ((f - self.min) / self.epsilon).ln_1p() / ((self.max - self.min) / self.epsilon).ln_1p().max(f64::MIN_POSITIVE)
    }

    /// The value at position t (the inverse of [`LogScale::t`]).
    pub fn value_at(&self, t: f64) -> f64 {
        self.min + self.epsilon * (t * ((self.max - self.min) / self.epsilon).ln_1p()).exp_m1()
    }

    /// `count` values evenly spaced on the scale strictly between its ends, for contours.
    pub fn levels(&self, count: usize) -> Vec<f64> {
        (1..=count).map(|k| self.value_at(k as f64 / (count + 1) as f64)).collect()
    }
}

/// An n × n RGBA image of a grid, one pixel per grid point, row 0 at the top. The buffer is
/// reused from one paint to the next.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GridImage {
    size: usize,
    rgba: Vec<u8>,
}

impl GridImage {
    /// Pixels per side.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The RGBA bytes, row by row from the top.
    pub fn rgba(&self) -> &[u8] {
        &self.rgba
    }

    /// The RGBA value of the pixel of grid point (i, j) (row j = 0 is the bottom one).
    pub fn at(&self, i: usize, j: usize) -> [u8; 4] {
        let o = 4 * ((self.size - 1 - j) * self.size + i);
        [self.rgba[o], self.rgba[o + 1], self.rgba[o + 2], self.rgba[o + 3]]
    }

    /// Paints the n × n grid `values` (row 0 at the bottom). Points not yet computed (NaN) take
    /// the value of the nearest point of the `stride` grid, which must be complete.
    pub fn paint(&mut self, values: &[f64], n: usize, stride: usize, scale: &LogScale, colormap: &Colormap) {
        self.size = n;
        self.rgba.resize(4 * n * n, 0);
        let last = (n - 1) / stride * stride;
        let snap = |i: usize| ((i + stride / 2) / stride * stride).min(last);
        for j in 0..n {
            for i in 0..n {
                let mut v = values[j * n + i];
                if v.is_nan() {
                    v = values[snap(j) * n + snap(i)];
                }
                let o = 4 * ((n - 1 - j) * n + i);
                self.rgba[o..o + 4].copy_from_slice(&colormap.rgba(scale.t(v)));
            }
        }
    }
}

//! The logarithmic value scale of a heatmap: s(f) = ln(f − f_min + ε), mapped linearly onto
//! t ∈ [0, 1] between the smallest and the largest value shown:
//! t = ln(1 + (f − f_min)/ε) / ln(1 + (f_max − f_min)/ε).
//!
//! Loss surfaces span many orders of magnitude (Rosenbrock's valley floor lies below 1 while
//! its walls rise past 2,000); a linear scale would paint the valley in one colour. On the log
//! scale equal colour steps are equal ratios of f − f_min + ε, so the valley and the walls
//! both get detail. ε sets the finest ratio resolved near the minimum: the scale is nearly
//! linear for f − f_min below ε and logarithmic above.

/// The default ε as a fraction of the value range f_max − f_min.
pub const RELATIVE_EPSILON: f64 = 1e-4;

/// The map f ↦ t = (s(f) − s(f_min)) / (s(f_max) − s(f_min)) with s(f) = ln(f − f_min + ε).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogScale {
    /// The value mapped to t = 0.
    pub f_min: f64,
    /// The value mapped to t = 1.
    pub f_max: f64,
    /// The offset ε > 0.
    pub epsilon: f64,
}

impl LogScale {
    /// The scale over [f_min, f_max] with ε = `relative_epsilon` · (f_max − f_min) (or
    /// `relative_epsilon` itself when the range is empty, so ε is always positive).
    ///
    /// ```
    /// use descent::render::logscale::LogScale;
    /// let scale = LogScale::new(0.0, 99.0, 1.0 / 99.0);
    /// assert!((scale.epsilon - 1.0).abs() < 1e-15);
    /// assert_eq!(scale.t(0.0), 0.0);
    /// assert!((scale.t(99.0) - 1.0).abs() < 1e-15);
    /// // ln(9 + 1) is halfway between ln(0 + 1) and ln(99 + 1).
    /// assert!((scale.t(9.0) - 0.5).abs() < 1e-12);
    /// assert!((scale.value_at(scale.t(5.0)) - 5.0).abs() < 1e-12);
    /// ```
    pub fn new(f_min: f64, f_max: f64, relative_epsilon: f64) -> Self {
        let range = f_max - f_min;
        let epsilon = if range > 0.0 { relative_epsilon * range } else { relative_epsilon };
        LogScale { f_min, f_max, epsilon }
    }

    /// s(f_max) − s(f_min) = ln(1 + (f_max − f_min)/ε), the span of the log scale (0 for an
    /// empty range).
    pub fn log_span(&self) -> f64 {
        ((self.f_max - self.f_min) / self.epsilon).ln_1p()
    }

    /// The position t of f on the scale: 0 at f_min, 1 at f_max.
    pub fn t(&self, f: f64) -> f64 {
        let span = self.log_span();
        if span > 0.0 { ((f - self.f_min) / self.epsilon).ln_1p() / span } else { 0.0 }
    }

    /// The value at position t, the inverse of [`LogScale::t`]:
    /// f = f_min + ε·(e^{t·span} − 1).
    pub fn value_at(&self, t: f64) -> f64 {
        self.f_min + self.epsilon * (t * self.log_span()).exp_m1()
    }

    /// The values of `count` levels evenly spaced on the scale strictly between its ends, at
    /// t_k = k/(count + 1), k = 1, …, count: where contour lines go.
    ///
    /// ```
    /// use descent::render::logscale::LogScale;
    /// let scale = LogScale { f_min: 0.0, f_max: 999.0, epsilon: 1.0 };
    /// // ln(f + 1) at thirds of ln 1000: f + 1 = 10 and 100.
    /// let levels = scale.levels(2);
    /// assert!((levels[0] - 9.0).abs() < 1e-12 && (levels[1] - 99.0).abs() < 1e-10);
    /// ```
    pub fn levels(&self, count: usize) -> Vec<f64> {
        (1..=count).map(|k| self.value_at(k as f64 / (count + 1) as f64)).collect()
    }
}

/// log₂ w for 1 ≤ w < 2¹²⁸, fast and to within 2·10⁻⁵: w = 2^e · m with m ∈ [1, 2) read off
/// the bits, log₂ m from a degree-5 polynomial p(m − 1) fitted to log₂(1 + x) on [0, 1]
/// (weighted least squares with p(0) = 0 and p(1) = 1, so it is continuous across powers of
/// two). For the per-pixel log scale, where `f32::ln` would cost more than the rest of the
/// pixel.
///
/// ```
/// use descent::render::logscale::fast_log2;
/// assert_eq!(fast_log2(1.0), 0.0);
/// assert_eq!(fast_log2(8.0), 3.0);
/// assert!((fast_log2(10.0) - 10f32.log2()).abs() < 2e-5);
/// ```
#[inline]
pub fn fast_log2(w: f32) -> f32 {
    const P: [f32; 5] = [1.441_949_4, -0.709_100_4, 0.415_023_27, -0.192_400_88, 0.044_528_68];
    let bits = w.to_bits();
    let exponent = ((bits >> 23) as i32 - 127) as f32;
    let x = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000) - 1.0;
    exponent + x * (P[0] + x * (P[1] + x * (P[2] + x * (P[3] + x * P[4]))))
}

//! Ridge-regularized polynomial least squares, solved stably.
//!
//! For points (x_i, y_i), i = 1..N, with x_i ∈ [−1, 1], and the monomial features
//! φ(x) = (1, x, x², …, x^d), the fit minimizes the lecture's objective with a squared-error
//! data loss and the L2 penalty on every coefficient but the constant (biases are not
//! regularized):
//!
//! L(c) = (1/N) Σ_i (φ(x_i)ᵀc − y_i)² + λ Σ_{k=1}^{d} c_k².
//!
//! Monomials up to degree 15 are badly conditioned (the Vandermonde matrix on [−1, 1] has a
//! condition number near 10⁶ or more), and the normal equations (ΦᵀΦ/N + λE)c = Φᵀy/N square
//! it. So L(c) is written as one least-squares problem ‖Ac − b‖² with the stacked matrix
//! A = [Φ/√N; √λ·E] and b = [y/√N; 0], and solved by Householder QR, R c = Qᵀb, whose error
//! grows with cond(A) rather than cond(A)². Keeping x in [−1, 1] keeps the powers of x between
//! −1 and 1, the best that monomials allow.

use std::fmt;

/// The highest degree the fit accepts.
pub const MAX_DEGREE: usize = 15;

/// Why a fit could not be computed.
#[derive(Clone, Debug, PartialEq)]
pub enum FitError {
    /// No points, or x and y of different lengths.
    Points { xs: usize, ys: usize },
    /// A degree above [`MAX_DEGREE`].
    Degree(usize),
    /// A λ that is negative or not finite.
    Lambda(f64),
    /// A coordinate that is not finite, or an x outside [−1, 1].
    Coordinate(f64),
    /// Without regularization, the points do not determine a unique polynomial of this degree.
    Underdetermined { degree: usize, points: usize },
}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FitError::Points { xs, ys } => {
                write!(f, "a fit needs at least one point with one y per x ({xs} x, {ys} y)")
            }
            FitError::Degree(d) => write!(f, "the degree must be at most {MAX_DEGREE}, not {d}"),
            FitError::Lambda(l) => write!(f, "λ must be a finite number ≥ 0, not {l}"),
            FitError::Coordinate(v) => write!(f, "every x must lie in [−1, 1] and every y be finite, not {v}"),
            FitError::Underdetermined { degree, points } => write!(
                f,
                "{points} distinct points do not determine a polynomial of degree {degree} without regularization: raise λ above 0"
            ),
        }
    }
}

impl std::error::Error for FitError {}

/// A polynomial c₀ + c₁x + … + c_d x^d.
#[derive(Clone, Debug, PartialEq)]
pub struct Polynomial {
    /// The coefficients, constant first.
    pub coefficients: Vec<f64>,
}

impl Polynomial {
    /// The value at x, by Horner's rule.
    ///
    /// ```
    /// use descent::regularization::polyfit::Polynomial;
    /// let p = Polynomial { coefficients: vec![1.0, -2.0, 3.0] };
    /// assert_eq!(p.value(2.0), 1.0 - 4.0 + 12.0);
    /// ```
    pub fn value(&self, x: f64) -> f64 {
        self.coefficients.iter().rev().fold(0.0, |acc, c| acc * x + c)
    }

    /// The mean squared error (1/N) Σ (p(x_i) − y_i)² over the points (0 for none).
    pub fn mean_squared_error(&self, xs: &[f64], ys: &[f64]) -> f64 {
        if xs.is_empty() {
            return 0.0;
        }
        xs.iter().zip(ys).map(|(&x, &y)| (self.value(x) - y).powi(2)).sum::<f64>() / xs.len() as f64
    }

    /// The penalty Σ_{k≥1} c_k² (the constant is not regularized).
    pub fn penalty(&self) -> f64 {
        self.coefficients.iter().skip(1).map(|c| c * c).sum()
    }
}

/// The ridge fit of degree `degree` with strength `lambda` (see the module docs).
///
/// ```
/// use descent::regularization::polyfit::ridge_fit;
/// // Three points on y = 1 + 2x are fitted exactly by a line when λ = 0 …
/// let p = ridge_fit(&[-1.0, 0.0, 1.0], &[-1.0, 1.0, 3.0], 1, 0.0).unwrap();
/// assert!((p.coefficients[0] - 1.0).abs() < 1e-14 && (p.coefficients[1] - 2.0).abs() < 1e-14);
/// // … and λ shrinks the slope but not the intercept: c₁ = (Σxy/N) / (Σx²/N + λ) = (4/3) / (2/3 + 1).
/// let p = ridge_fit(&[-1.0, 0.0, 1.0], &[-1.0, 1.0, 3.0], 1, 1.0).unwrap();
/// assert!((p.coefficients[1] - 0.8).abs() < 1e-14 && (p.coefficients[0] - 1.0).abs() < 1e-14);
/// ```
pub fn ridge_fit(xs: &[f64], ys: &[f64], degree: usize, lambda: f64) -> Result<Polynomial, FitError> {
    if xs.is_empty() || xs.len() != ys.len() {
        return Err(FitError::Points { xs: xs.len(), ys: ys.len() });
    }
    if degree > MAX_DEGREE {
        return Err(FitError::Degree(degree));
    }
    if !(lambda.is_finite() && lambda >= 0.0) {
        return Err(FitError::Lambda(lambda));
    }
    if let Some(&bad) = xs.iter().find(|x| !(x.is_finite() && x.abs() <= 1.0)).or(ys.iter().find(|y| !y.is_finite())) {
        return Err(FitError::Coordinate(bad));
    }
    let n = degree + 1;
    let rows = xs.len() + if lambda > 0.0 { degree } else { 0 };
    // The stacked system, column-major: a[j * rows + i] is A_{i,j}.
    let mut a = vec![0.0; rows * n];
    let mut b = vec![0.0; rows];
    let data_scale = 1.0 / (xs.len() as f64).sqrt();
    for (i, (&x, &y)) in xs.iter().zip(ys).enumerate() {
        let mut power = data_scale;
        for j in 0..n {
            a[j * rows + i] = power;
            power *= x;
        }
        b[i] = data_scale * y;
    }
    if lambda > 0.0 {
        for k in 1..n {
            a[k * rows + xs.len() + k - 1] = lambda.sqrt();
        }
    }
    let coefficients =
        householder_solve(&mut a, &mut b, rows, n).ok_or(FitError::Underdetermined { degree, points: distinct(xs) })?;
    Ok(Polynomial { coefficients })
}

fn distinct(xs: &[f64]) -> usize {
    let mut sorted = xs.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.dedup();
    sorted.len()
}

/// Solves min ‖Ac − b‖ for the `rows × n` column-major A (rows ≥ n) by Householder QR,
/// overwriting A and b; `None` when A is rank-deficient to working precision.
fn householder_solve(a: &mut [f64], b: &mut [f64], rows: usize, n: usize) -> Option<Vec<f64>> {
    if rows < n {
        return None;
    }
    let mut diagonal = vec![0.0; n];
    let mut largest: f64 = 0.0;
    for k in 0..n {
        let column = &mut a[k * rows..(k + 1) * rows];
        // v = x − α e₁ with α = −sign(x₀)‖x‖, stored in place of the column below the diagonal.
        let norm = column[k..].iter().map(|v| v * v).sum::<f64>().sqrt();
        let alpha = if column[k] > 0.0 { -norm } else { norm };
        diagonal[k] = alpha;
        largest = largest.max(norm);
        if norm == 0.0 || norm <= 1e-13 * largest {
            return None;
        }
        column[k] -= alpha;
        let vtv = column[k..].iter().map(|v| v * v).sum::<f64>();
        let (done, rest) = a.split_at_mut((k + 1) * rows);
        let v = &done[k * rows + k..(k + 1) * rows];
        for j in 0..n - k - 1 {
            let target = &mut rest[j * rows + k..(j + 1) * rows];
            let scale = 2.0 * v.iter().zip(target.iter()).map(|(p, q)| p * q).sum::<f64>() / vtv;
            for (t, p) in target.iter_mut().zip(v) {
                *t -= scale * p;
            }
        }
        let scale = 2.0 * v.iter().zip(&b[k..]).map(|(p, q)| p * q).sum::<f64>() / vtv;
        for (t, p) in b[k..].iter_mut().zip(v) {
            *t -= scale * p;
        }
    }
    // Back substitution R c = (Qᵀb)[..n]; R's diagonal is `diagonal`, above it A's entries.
    let mut c = vec![0.0; n];
    for k in (0..n).rev() {
        let sum: f64 = (k + 1..n).map(|j| a[j * rows + k] * c[j]).sum();
        c[k] = (b[k] - sum) / diagonal[k];
    }
    Some(c)
}

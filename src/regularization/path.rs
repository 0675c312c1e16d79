//! The regularized optimum of a two-weight binary classifier and its path over λ.
//!
//! The model is one linear score s = wᵀx with w = (w₁, w₂) and no bias, on points x_i ∈ ℝ²
//! with labels y_i ∈ {−1, +1} (class 1 is +1, class 0 is −1). Its data loss is the logistic
//! loss, which is the two-class softmax with class 0's score fixed at 0:
//!
//! f(w) = (1/N) Σ_i log(1 + e^{−y_i wᵀx_i}).
//!
//! It is smooth and convex with a unique minimum wherever the data are not separable, so the
//! penalty alone decides where the regularized optimum goes; a hinge would add kinks and
//! flat valleys that blur that picture. The objective is f(w) + λR(w) with the lecture's
//! penalties, written R(w) = a·Σw_k² + b·Σ|w_k|: L2 (a = 1, b = 0), L1 (a = 0, b = 1) and
//! the elastic net (a = β, b = 1).
//!
//! [`solve`] minimizes it by cyclic coordinate descent with each coordinate minimized exactly:
//! the optimum along w_k is exactly 0 when |∂_k f + 2λa·0| ≤ λb (soft thresholding: the
//! subdifferential of λb|w_k| at 0 is [−λb, λb]), else the root of the smooth derivative on
//! the side of 0 it points to, found by safeguarded Newton. So L1 and the elastic net produce
//! exact zeros, not merely small numbers.

use std::fmt;

use crate::data::Dataset;
use crate::regularizer::{Regularizer, RegularizerKind};

/// Iterations (Newton steps or coordinate-descent sweeps) at most.
const MAX_ITERATIONS: usize = 1000;
/// The optimality conditions hold when violated by at most this.
const TOLERANCE: f64 = 1e-14;

/// Why a two-weight problem could not be set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// The dataset is not two classes in the plane, or has no points.
    Shape { classes: usize, dim: usize, points: usize },
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let PathError::Shape { classes, dim, points } = self;
        write!(
            f,
            "the two-weight model needs points of two classes in the plane, not {points} points of {classes} classes in {dim}D"
        )
    }
}

impl std::error::Error for PathError {}

/// The data of the two-weight logistic problem.
#[derive(Clone, Debug, PartialEq)]
pub struct TwoWeights {
    /// y_i x_i: the loss depends on each point only through its signed position.
    signed: Vec<[f64; 2]>,
}

/// log(1 + e^z) without overflow or cancellation.
fn softplus(z: f64) -> f64 {
    z.max(0.0) + (-z.abs()).exp().ln_1p()
}

/// σ(z) = 1 / (1 + e^{−z}) without overflow.
fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// The penalty's quadratic and absolute weights (a, b) in R(w) = a·Σw² + b·Σ|w|.
pub fn penalty_weights(regularizer: &Regularizer) -> (f64, f64) {
    match regularizer.kind {
        RegularizerKind::None => (0.0, 0.0),
        RegularizerKind::L2 => (1.0, 0.0),
        RegularizerKind::L1 => (0.0, 1.0),
        RegularizerKind::ElasticNet => (regularizer.beta, 1.0),
    }
}

impl TwoWeights {
    /// The problem of a two-class dataset in the plane.
    pub fn new(data: &Dataset) -> Result<TwoWeights, PathError> {
        if data.classes() != 2 || data.dim() != 2 || data.is_empty() {
            return Err(PathError::Shape { classes: data.classes(), dim: data.dim(), points: data.len() });
        }
        let signed = (0..data.len())
            .map(|i| {
                let y = if data.label(i) == 1 { 1.0 } else { -1.0 };
                let x = data.point(i);
                [y * x[0], y * x[1]]
            })
            .collect();
        Ok(TwoWeights { signed })
    }

    /// The data loss f(w).
    ///
    /// ```
    /// use descent::data::Dataset;
    /// use descent::regularization::path::TwoWeights;
    /// let data = Dataset::new(2, 2, vec![1.0, 0.0, -1.0, 0.0], vec![1, 0]).unwrap();
    /// let p = TwoWeights::new(&data).unwrap();
    /// // Both points score wᵀx = ±w₁ on their own side: f = log(1 + e^{−w₁}).
    /// assert!((p.data_loss([2.0, 5.0]) - (1.0 + (-2f64).exp()).ln()).abs() < 1e-15);
    /// ```
    pub fn data_loss(&self, w: [f64; 2]) -> f64 {
        let sum: f64 = self.signed.iter().map(|u| softplus(-(w[0] * u[0] + w[1] * u[1]))).sum();
        sum / self.signed.len() as f64
    }

    /// ∇f(w) = −(1/N) Σ_i σ(−y_i wᵀx_i) y_i x_i.
    pub fn gradient(&self, w: [f64; 2]) -> [f64; 2] {
        let mut g = [0.0; 2];
        for u in &self.signed {
            let p = sigmoid(-(w[0] * u[0] + w[1] * u[1]));
            g[0] -= p * u[0];
            g[1] -= p * u[1];
        }
        let n = self.signed.len() as f64;
        [g[0] / n, g[1] / n]
    }

    /// ∇²f(w) = (1/N) Σ_i σ_i(1 − σ_i) x_i x_iᵀ with σ_i = σ(y_i wᵀx_i), as [h₁₁, h₁₂, h₂₂].
    pub fn hessian(&self, w: [f64; 2]) -> [f64; 3] {
        let mut h = [0.0; 3];
        for u in &self.signed {
            let p = sigmoid(w[0] * u[0] + w[1] * u[1]);
            let c = p * (1.0 - p);
            h[0] += c * u[0] * u[0];
            h[1] += c * u[0] * u[1];
            h[2] += c * u[1] * u[1];
        }
        let n = self.signed.len() as f64;
        h.map(|v| v / n)
    }

    /// f(w), ∇f(w) and ∇²f(w) in one pass over the points, with one exponential e^{−|m_i|}
    /// per point (m_i = y_i wᵀx_i) shared by the softplus and both sigmoids: the same
    /// operations in the same order as [`TwoWeights::data_loss`], [`TwoWeights::gradient`]
    /// and [`TwoWeights::hessian`], so the same values to the last bit.
    ///
    /// ```
    /// use descent::data::Dataset;
    /// use descent::regularization::path::TwoWeights;
    /// let data = Dataset::new(2, 2, vec![1.0, 0.5, -1.0, 2.0, 0.3, -0.7], vec![1, 0, 1]).unwrap();
    /// let p = TwoWeights::new(&data).unwrap();
    /// let w = [0.8, -1.3];
    /// let local = p.local(w);
    /// assert_eq!((local.loss, local.gradient, local.hessian), (p.data_loss(w), p.gradient(w), p.hessian(w)));
    /// ```
    pub fn local(&self, w: [f64; 2]) -> Local {
        let (mut loss, mut g, mut h) = (-0.0, [0.0; 2], [0.0; 3]);
        for u in &self.signed {
            let m = w[0] * u[0] + w[1] * u[1];
            let e = (-m.abs()).exp();
            // softplus(−m), σ(−m) and σ(m) as `softplus` and `sigmoid` compute them from e.
            loss += (-m).max(0.0) + e.ln_1p();
            let (down, up) = if m > 0.0 { (e / (1.0 + e), 1.0 / (1.0 + e)) } else { (1.0 / (1.0 + e), e / (1.0 + e)) };
            g[0] -= down * u[0];
            g[1] -= down * u[1];
            let c = up * (1.0 - up);
            h[0] += c * u[0] * u[0];
            h[1] += c * u[0] * u[1];
            h[2] += c * u[1] * u[1];
        }
        let n = self.signed.len() as f64;
        Local { loss: loss / n, gradient: [g[0] / n, g[1] / n], hessian: h.map(|v| v / n) }
    }

    /// The objective f(w) + λR(w).
    pub fn objective(&self, regularizer: &Regularizer, lambda: f64, w: [f64; 2]) -> f64 {
        self.data_loss(w) + lambda * regularizer.value(&w)
    }

    /// ∂_k f and ∂²_k f at w with w_k replaced by t.
    fn partials(&self, w: [f64; 2], k: usize, t: f64) -> (f64, f64) {
        let other = 1 - k;
        let (mut first, mut second) = (0.0, 0.0);
        for u in &self.signed {
            let margin = t * u[k] + w[other] * u[other];
            let p = sigmoid(-margin);
            first -= p * u[k];
            second += p * (1.0 - p) * u[k] * u[k];
        }
        let n = self.signed.len() as f64;
        (first / n, second / n)
    }

    /// The exact minimizer over w_k (the other weight fixed) of f + λ(a w_k² + b|w_k|).
    fn coordinate(&self, w: [f64; 2], k: usize, a: f64, b: f64, lambda: f64) -> f64 {
        let smooth = |t: f64| {
            let (d1, d2) = self.partials(w, k, t);
            (d1 + 2.0 * lambda * a * t, d2 + 2.0 * lambda * a)
        };
        let threshold = lambda * b;
        let at_zero = smooth(0.0).0;
        if at_zero.abs() <= threshold {
            return 0.0;
        }
        // The optimum lies on the side of 0 that −g(0) points to, where it is the root of
        // g(t) + side·λb. In τ = side·t ≥ 0, H(τ) = side·(g(side·τ) + side·λb) increases from
        // H(0) < 0 with H'(τ) = g'(side·τ) > 0: bracket its root, then safeguarded Newton.
        let side = if at_zero < 0.0 { 1.0 } else { -1.0 };
        let big_h = |tau: f64| {
            let (v, slope) = smooth(side * tau);
            (side * v + threshold, slope)
        };
        let (mut lo, mut hi) = (0.0f64, w[k].abs().max(1.0));
        let mut doublings = 0;
        while big_h(hi).0 < 0.0 && doublings < 64 {
            lo = hi;
            hi *= 2.0;
            doublings += 1;
        }
        let mut tau = (side * w[k]).clamp(lo, hi);
        for _ in 0..200 {
            let (v, slope) = big_h(tau);
            if v == 0.0 {
                break;
            }
            if v > 0.0 {
                hi = tau;
            } else {
                lo = tau;
            }
            let newton = tau - v / slope;
            let next = if newton > lo && newton < hi { newton } else { 0.5 * (lo + hi) };
            let settled = (next - tau).abs() <= 4.0 * f64::EPSILON * tau.abs() || hi - lo <= 4.0 * f64::EPSILON * hi;
            tau = next;
            if settled {
                break;
            }
        }
        side * tau
    }
}

/// f, ∇f and ∇²f at one w (see [`TwoWeights::local`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Local {
    /// The data loss f(w).
    pub loss: f64,
    /// ∇f(w).
    pub gradient: [f64; 2],
    /// ∇²f(w) as [h₁₁, h₁₂, h₂₂].
    pub hessian: [f64; 3],
}

/// A Newton step for f + λ(a‖w‖² + b·sᵀw) inside the open orthant of signs s of w (where the
/// objective is smooth), from f's local model `at` w, if it stays in the orthant and does not
/// increase the objective: the step and its local model.
fn orthant_newton(
    problem: &TwoWeights,
    regularizer: &Regularizer,
    lambda: f64,
    w: [f64; 2],
    at: &Local,
) -> Option<([f64; 2], Local)> {
    let (a, b) = penalty_weights(regularizer);
    let signs = w.map(f64::signum);
    let g = at.gradient;
    let g = [0, 1].map(|k| g[k] + 2.0 * lambda * a * w[k] + lambda * b * signs[k]);
    let [h11, h12, h22] = at.hessian;
    let (h11, h22) = (h11 + 2.0 * lambda * a, h22 + 2.0 * lambda * a);
    let det = h11 * h22 - h12 * h12;
    if !(det > 0.0 && det.is_finite()) {
        return None;
    }
    let next = [w[0] - (h22 * g[0] - h12 * g[1]) / det, w[1] - (h11 * g[1] - h12 * g[0]) / det];
    let inside = (0..2).all(|k| next[k].signum() == signs[k] && next[k] != 0.0);
    if !inside {
        return None;
    }
    let after = problem.local(next);
    let objective = |loss: f64, w: [f64; 2]| loss + lambda * regularizer.value(&w);
    (objective(after.loss, next) <= objective(at.loss, w)).then_some((next, after))
}

/// The largest violation of the optimality conditions of f + λ(a‖w‖² + b‖w‖₁) at w:
/// ∂_k f + 2λa·w_k + λb·sign(w_k) = 0 where w_k ≠ 0, and |∂_k f| ≤ λb where w_k = 0 (zero lies
/// in the subdifferential).
pub fn optimality_violation(problem: &TwoWeights, regularizer: &Regularizer, lambda: f64, w: [f64; 2]) -> f64 {
    violation(regularizer, lambda, w, problem.gradient(w))
}

/// [`optimality_violation`] at w with ∇f(w) = `g`.
fn violation(regularizer: &Regularizer, lambda: f64, w: [f64; 2], g: [f64; 2]) -> f64 {
    let (a, b) = penalty_weights(regularizer);
    (0..2)
        .map(|k| {
            if w[k] == 0.0 {
                (g[k].abs() - lambda * b).max(0.0)
            } else {
                (g[k] + 2.0 * lambda * a * w[k] + lambda * b * w[k].signum()).abs()
            }
        })
        .fold(0.0, f64::max)
}

/// The minimizer of f(w) + λR(w) from `start`: Newton steps while both weights are nonzero
/// (there the objective is smooth and they converge quadratically), exact coordinate descent
/// otherwise (see the module docs), which finds the zeros and the signs; until the optimality
/// conditions hold to `TOLERANCE` (a few times the rounding noise of the gradient's sum) or
/// stop improving.
///
/// ```
/// use descent::data::Dataset;
/// use descent::regularization::path::{TwoWeights, solve};
/// use descent::regularizer::{Regularizer, RegularizerKind};
/// // Points along x₁ only: ∂f/∂w₂ is 0 at w₂ = 0, so L1 keeps w₂ exactly 0.
/// let data = Dataset::new(2, 2, vec![1.0, 0.0, -1.0, 0.0, 0.5, 0.0, -2.0, 0.0], vec![1, 0, 0, 1]).unwrap();
/// let p = TwoWeights::new(&data).unwrap();
/// let l1 = Regularizer { kind: RegularizerKind::L1, beta: 0.0 };
/// let w = solve(&p, &l1, 0.01, [0.0, 0.0]);
/// assert_eq!(w[1], 0.0);
/// ```
pub fn solve(problem: &TwoWeights, regularizer: &Regularizer, lambda: f64, start: [f64; 2]) -> [f64; 2] {
    let (a, b) = penalty_weights(regularizer);
    let mut w = start.map(|v| if v.is_finite() { v } else { 0.0 });
    // At the rounding floor the violation stops falling: three iterations without a new
    // lowest one end the descent too.
    let (mut lowest, mut stalled) = (f64::INFINITY, 0);
    // f's local model at w, carried over from the Newton step that reached w.
    let mut at = problem.local(w);
    for _ in 0..MAX_ITERATIONS {
        let violation = violation(regularizer, lambda, w, at.gradient);
        if violation <= TOLERANCE {
            break;
        }
        if violation < lowest {
            (lowest, stalled) = (violation, 0);
        } else {
            stalled += 1;
            if stalled == 3 {
                break;
            }
        }
        let before = w;
        if w[0] != 0.0
            && w[1] != 0.0
            && let Some((next, after)) = orthant_newton(problem, regularizer, lambda, w, &at)
        {
            (w, at) = (next, after);
        } else {
            for k in 0..2 {
                w[k] = problem.coordinate(w, k, a, b, lambda);
            }
            if w != before {
                at = problem.local(w);
            }
        }
        if w == before {
            break;
        }
    }
    w
}

/// One point of a regularization path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PathPoint {
    /// The strength λ.
    pub lambda: f64,
    /// The optimum w*(λ).
    pub w: [f64; 2],
}

/// `count` values of λ spaced evenly in log λ from `low` to `high`.
pub fn log_grid(low: f64, high: f64, count: usize) -> Vec<f64> {
    let (a, b) = (low.log10(), high.log10());
    (0..count).map(|k| 10f64.powf(a + (b - a) * k as f64 / (count - 1).max(1) as f64)).collect()
}

/// The optima at each λ of `lambdas` (ascending), each solve warm-started from the previous.
pub fn path(problem: &TwoWeights, regularizer: &Regularizer, lambdas: &[f64]) -> Vec<PathPoint> {
    let mut w = [0.0; 2];
    lambdas
        .iter()
        .map(|&lambda| {
            w = solve(problem, regularizer, lambda, w);
            PathPoint { lambda, w }
        })
        .collect()
}

/// The λ from which weight k stays exactly 0 along the path, refined by bisection in log λ
/// between the last path point where it is nonzero and the next; `None` when it is nonzero at
/// the path's end or zero all along it. Only L1 and the elastic net have one.
pub fn zero_crossing(problem: &TwoWeights, regularizer: &Regularizer, path: &[PathPoint], k: usize) -> Option<f64> {
    let last_nonzero = path.iter().rposition(|p| p.w[k] != 0.0)?;
    let after = path.get(last_nonzero + 1)?;
    let (mut lo, mut hi) = (path[last_nonzero].lambda.ln(), after.lambda.ln());
    let mut start = path[last_nonzero].w;
    while hi - lo > 1e-13 {
        let mid = 0.5 * (lo + hi);
        let w = solve(problem, regularizer, mid.exp(), start);
        if w[k] == 0.0 {
            hi = mid;
        } else {
            lo = mid;
            start = w;
        }
    }
    Some(hi.exp())
}

//! The strong-Wolfe line search of PyTorch's L-BFGS (`torch.optim.lbfgs._strong_wolfe`,
//! itself ported from Torch7's `lswolfe.lua`), operation for operation.

crate::named! {
    /// How L-BFGS picks the step length along its direction d (PyTorch's `line_search_fn`).
    #[derive(Default)]
    pub enum LineSearch: "line search" {
        /// The strong-Wolfe search below (`line_search_fn="strong_wolfe"`).
        #[default]
        StrongWolfe = "strong-wolfe", "Strong Wolfe";
        /// None: the step is t·d with t = α (min(1, 1/‖g‖₁)·α on the first iteration), as
        /// with PyTorch's `line_search_fn=None`.
        None = "none", "None: step α";
    }
}

/// Sufficient decrease: f(x + td) ≤ f(x) + c₁·t·∇f·d.
const C1: f64 = 1e-4;
/// Curvature: |∇f(x + td)·d| ≤ −c₂·∇f·d.
const C2: f64 = 0.9;
/// The zoom stops when the bracket, measured along d, is shorter than this.
const TOLERANCE_CHANGE: f64 = 1e-9;

/// Python's `max(a, b)`: `a` unless `b > a` (so NaN behaves as in PyTorch).
fn py_max(a: f64, b: f64) -> f64 {
    if b > a { b } else { a }
}

/// Python's `min(a, b)`: `a` unless `b < a`.
pub(crate) fn py_min(a: f64, b: f64) -> f64 {
    if b < a { b } else { a }
}

/// The minimizer of the cubic through (x₁, f₁, g₁) and (x₂, f₂, g₂), clamped to `bounds`
/// (by default the interval between the points); the bounds' midpoint when the cubic has no
/// minimizer.
pub fn cubic_interpolate(x1: f64, f1: f64, g1: f64, x2: f64, f2: f64, g2: f64, bounds: Option<(f64, f64)>) -> f64 {
    let (xmin_bound, xmax_bound) = bounds.unwrap_or(if x1 <= x2 { (x1, x2) } else { (x2, x1) });
    let d1 = g1 + g2 - 3.0 * (f1 - f2) / (x1 - x2);
    let d2_square = d1 * d1 - g1 * g2;
    if d2_square >= 0.0 {
        let d2 = d2_square.sqrt();
        let min_pos = if x1 <= x2 {
            x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2.0 * d2))
        } else {
            x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2.0 * d2))
        };
        py_min(py_max(min_pos, xmin_bound), xmax_bound)
    } else {
        (xmin_bound + xmax_bound) / 2.0
    }
}

/// A trial step: t, f(x + td), the directional derivative ∇f(x + td)·d and which evaluation
/// it was (`None` for the start x itself).
#[derive(Clone, Copy, Debug)]
struct Trial {
    t: f64,
    f: f64,
    gtd: f64,
    evaluation: Option<usize>,
}

/// The step a line search accepted: t, f(x + td) and which call of `evaluate` gave it
/// (counted from 0; `None` when it is the start, t = 0), so that the caller can reuse the
/// gradient it computed there (PyTorch's `_strong_wolfe` returns that gradient).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Accepted {
    /// The step length t.
    pub t: f64,
    /// f(x + td).
    pub f: f64,
    /// The call of `evaluate` that computed it.
    pub evaluation: Option<usize>,
}

/// Searches along d from x for a step t satisfying the strong Wolfe conditions, starting at
/// `t`, where f = f(x) and gtd = ∇f(x)·d < 0; `evaluate(t)` returns f(x + td) and
/// ∇f(x + td)·d. At most `max_ls` evaluations follow the first. Returns the accepted step
/// (PyTorch returns the step with the lowest value of its final bracket).
pub fn strong_wolfe(
    mut evaluate: impl FnMut(f64) -> (f64, f64),
    t: f64,
    d_norm: f64,
    f: f64,
    gtd: f64,
    max_ls: usize,
) -> Accepted {
    let mut calls = 0;
    let mut evaluate = |t: f64| {
        calls += 1;
        let (f, gtd) = evaluate(t);
        (f, gtd, Some(calls - 1))
    };
    let mut t = t;
    let (mut f_new, mut gtd_new, mut index) = evaluate(t);
    let mut prev = Trial { t: 0.0, f, gtd, evaluation: None };
    let mut done = false;
    let mut ls_iter = 0;
    // The bracket and its values; one entry when done, two otherwise.
    let mut bracket: [Trial; 2] = [prev; 2];
    let mut single = false;
    while ls_iter < max_ls {
        let current = Trial { t, f: f_new, gtd: gtd_new, evaluation: index };
        if f_new > f + C1 * t * gtd || (ls_iter > 1 && f_new >= prev.f) {
            bracket = [prev, current];
            break;
        }
        if gtd_new.abs() <= -C2 * gtd {
            bracket = [current, current];
            single = true;
            done = true;
            break;
        }
        if gtd_new >= 0.0 {
            bracket = [prev, current];
            break;
        }
        // Extrapolate: the cubic's minimizer within [t + 0.01(t − t_prev), 10t].
        let min_step = t + 0.01 * (t - prev.t);
        let max_step = t * 10.0;
        let tmp = t;
        t = cubic_interpolate(prev.t, prev.f, prev.gtd, t, f_new, gtd_new, Some((min_step, max_step)));
        prev = Trial { t: tmp, f: f_new, gtd: gtd_new, evaluation: index };
        (f_new, gtd_new, index) = evaluate(t);
        ls_iter += 1;
    }
    if ls_iter == max_ls {
        // Out of evaluations while extrapolating: PyTorch brackets [0, t] (its derivatives are
        // never used, since the zoom below does not run).
        bracket = [Trial { t: 0.0, f, gtd, evaluation: None }, Trial { t, f: f_new, gtd: gtd_new, evaluation: index }];
        single = false;
    }
    // Zoom: shrink the bracket until a point satisfies the conditions.
    let mut insufficient_progress = false;
    let (mut low, mut high) = if single || bracket[0].f <= bracket[1].f { (0, 1) } else { (1, 0) };
    while !done && ls_iter < max_ls {
        let (lo_t, hi_t) = (py_min(bracket[0].t, bracket[1].t), py_max(bracket[0].t, bracket[1].t));
        if (bracket[1].t - bracket[0].t).abs() * d_norm < TOLERANCE_CHANGE {
            break;
        }
        t = cubic_interpolate(
            bracket[0].t,
            bracket[0].f,
            bracket[0].gtd,
            bracket[1].t,
            bracket[1].f,
            bracket[1].gtd,
            None,
        );
        // Keep the trial at least a tenth of the bracket away from its ends once the
        // interpolation has hugged an end twice in a row (or left the bracket).
        let eps = 0.1 * (hi_t - lo_t);
        if py_min(hi_t - t, t - lo_t) < eps {
            if insufficient_progress || t >= hi_t || t <= lo_t {
                t = if (t - hi_t).abs() < (t - lo_t).abs() { hi_t - eps } else { lo_t + eps };
                insufficient_progress = false;
            } else {
                insufficient_progress = true;
            }
        } else {
            insufficient_progress = false;
        }
        (f_new, gtd_new, index) = evaluate(t);
        ls_iter += 1;
        let current = Trial { t, f: f_new, gtd: gtd_new, evaluation: index };
        if f_new > f + C1 * t * gtd || f_new >= bracket[low].f {
            // Not a sufficient decrease, or not below the low end: the new high end.
            bracket[high] = current;
            (low, high) = if bracket[0].f <= bracket[1].f { (0, 1) } else { (1, 0) };
        } else {
            if gtd_new.abs() <= -C2 * gtd {
                done = true;
            } else if gtd_new * (bracket[high].t - bracket[low].t) >= 0.0 {
                // The old low end becomes the high end.
                bracket[high] = bracket[low];
            }
            bracket[low] = current;
        }
    }
    let best = bracket[low];
    Accepted { t: best.t, f: best.f, evaluation: best.evaluation }
}

//! L-BFGS with a strong-Wolfe line search or none, as PyTorch does it.

use std::collections::VecDeque;

use super::line_search::{LineSearch, py_min, strong_wolfe};
use super::method::Method;
use super::{LossFn, Optimizer, StepError, check_lr};

/// The default number of evaluations one step may make in all (PyTorch's `max_eval`, whose
/// own default is 1.25 × `max_iter` = 25): one at θ, the rest in the line search.
pub const MAX_EVAL: usize = 25;

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// L-BFGS: a quasi-Newton method that approximates H⁻¹∇f from the last m pairs
/// s = θ_{k+1} − θ_k, y = ∇f_{k+1} − ∇f_k (the two-loop recursion), without ever forming a
/// matrix, and picks the step length with a strong-Wolfe line search (or takes t = α).
///
/// One [`Optimizer::step`] is exactly one call of
/// `torch.optim.LBFGS(lr=α, max_iter, max_eval, history_size=m, line_search_fn,
/// tolerance_grad, tolerance_change).step(closure)`; [`Lbfgs::new`] gives the lab's defaults,
/// `max_iter=1, max_eval=25, line_search_fn="strong_wolfe", tolerance_grad=0,
/// tolerance_change=0` (one iteration per step, so the trajectory shows each):
///
/// 1. evaluate f and g = ∇f at θ (PyTorch's `orig_loss = closure()`); stop if
///    max|g| ≤ `tolerance_grad`; then iterate, at most `max_iter` times:
/// 2. on the very first iteration d = −g and the trial step is min(1, 1/‖g‖₁)·α; later, add
///    (s, y) = (t·d_prev, g − g_prev) to the history when yᵀs > 1e-10 (dropping the oldest
///    beyond m), scale the initial inverse Hessian by yᵀs/yᵀy, run the two-loop recursion
///    for d ≈ −H⁻¹g, and try t = α;
/// 3. stop if d is not a descent direction enough (gᵀd > −`tolerance_change`); otherwise
///    search along d with the strong-Wolfe line search (c₁ = 1e-4, c₂ = 0.9, at most the
///    evaluations left of `max_eval`) and move θ ← θ + t·d, taking f and g from the
///    accepted trial; without a line search move θ ← θ + t·d and evaluate f and g there
///    (unless this was the last iteration);
/// 4. stop after `max_iter` iterations or `max_eval` evaluations, when max|g| ≤
///    `tolerance_grad`, when max|t·d| ≤ `tolerance_change`, or when the loss changed by less
///    than `tolerance_change`.
///
/// Where PyTorch writes `a.add_(b, alpha=c)` (the two-loop recursion's updates and θ + t·d),
/// its CPU kernel computes a fused multiply-add; this uses [`f64::mul_add`] at the same
/// places, so the iterates agree to rounding even where L-BFGS amplifies the last bit
/// (30 iterations on Rosenbrock with m = 3 turn one ulp into 1e-8 otherwise).
///
/// Every trial calls the loss function, so the driver records them all. L-BFGS wants a
/// deterministic full-batch f: with minibatches or noise the curvature pairs mix different
/// functions (the lecture: it "does not transfer very well to mini-batch setting").
///
/// ```
/// use descent::optim::{Optimizer, lbfgs::Lbfgs};
/// use descent::surface::{Surface, SurfaceKind};
/// let mut s = Surface::new(SurfaceKind::Rosenbrock);
/// let mut theta = s.start();
/// let mut lbfgs = Lbfgs::new(10);
/// for _ in 0..60 {
///     lbfgs.step(&mut theta, 1.0, &mut s).unwrap();
/// }
/// assert!((theta[0] - 1.0).abs() < 1e-8 && (theta[1] - 1.0).abs() < 1e-8);
/// // PyTorch's own defaults run up to 20 iterations in one step (here 19, until a tolerance
/// // ends the step).
/// let mut theta = s.start();
/// let mut lbfgs = Lbfgs::new(10);
/// (lbfgs.max_iter, lbfgs.tolerance_grad, lbfgs.tolerance_change) = (20, 1e-7, 1e-9);
/// lbfgs.step(&mut theta, 1.0, &mut s).unwrap();
/// assert_eq!(lbfgs.iterations(), 19);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Lbfgs {
    /// The history size m.
    pub history: usize,
    /// Iterations per step (PyTorch's `max_iter`, ≥ 1).
    pub max_iter: usize,
    /// Evaluations per step (PyTorch's `max_eval`).
    pub max_eval: usize,
    /// A step stops once max|∇f| ≤ this (PyTorch's `tolerance_grad`).
    pub tolerance_grad: f64,
    /// A step stops once max|t·d| or the change of the loss is below this (PyTorch's
    /// `tolerance_change`).
    pub tolerance_change: f64,
    /// The line search, or none.
    pub line_search: LineSearch,
    iterations: usize,
    /// Curvature pairs (y, s, 1/yᵀs), oldest first.
    pairs: VecDeque<(Vec<f64>, Vec<f64>, f64)>,
    h_diag: f64,
    /// The last direction and step length.
    direction: Vec<f64>,
    t: f64,
    prev_grad: Vec<f64>,
    grad: Vec<f64>,
    trial: Vec<f64>,
    trial_grad: Vec<f64>,
    /// The gradient at each line-search trial of the current iteration.
    trial_grads: Vec<Vec<f64>>,
    alphas: Vec<f64>,
}

impl Lbfgs {
    /// L-BFGS keeping the last `history` curvature pairs (at least 1), one iteration per step
    /// with at most [`MAX_EVAL`] evaluations, both tolerances 0 and the strong-Wolfe search.
    pub fn new(history: usize) -> Self {
        Lbfgs {
            history: history.max(1),
            max_iter: 1,
            max_eval: MAX_EVAL,
            tolerance_grad: 0.0,
            tolerance_change: 0.0,
            line_search: LineSearch::StrongWolfe,
            iterations: 0,
            pairs: VecDeque::new(),
            h_diag: 1.0,
            direction: Vec::new(),
            t: 0.0,
            prev_grad: Vec::new(),
            grad: Vec::new(),
            trial: Vec::new(),
            trial_grad: Vec::new(),
            trial_grads: Vec::new(),
            alphas: Vec::new(),
        }
    }

    /// Iterations made since the start or the last reset (PyTorch's `state["n_iter"]`).
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// The curvature pairs held.
    pub fn pairs(&self) -> usize {
        self.pairs.len()
    }

    /// θ ← θ + t·d (PyTorch's `_add_grad`).
    fn move_along(&self, theta: &mut [f64]) {
        for (x, d) in theta.iter_mut().zip(&self.direction) {
            *x = self.t.mul_add(*d, *x);
        }
    }

    /// The strong-Wolfe search along d from θ, with the evaluations left of `max_eval` after
    /// `spent`; moves θ to the accepted step and takes ∇f there as the gradient. Returns t,
    /// f there and the evaluations it made.
    fn search(
        &mut self,
        theta: &mut [f64],
        f: &mut dyn LossFn,
        loss: f64,
        gtd: f64,
        spent: usize,
    ) -> (f64, f64, usize) {
        let n = theta.len();
        let d_norm = max_abs(&self.direction);
        self.trial.resize(n, 0.0);
        let mut calls = 0;
        let (direction, trial, grads) = (&self.direction, &mut self.trial, &mut self.trial_grads);
        let evaluate = |step: f64| {
            for ((p, x), d) in trial.iter_mut().zip(theta.iter()).zip(direction) {
                *p = step.mul_add(*d, *x);
            }
            if grads.len() <= calls {
                grads.push(Vec::new());
            }
            let g = &mut grads[calls];
            g.resize(n, 0.0);
            calls += 1;
            let value = f.loss_and_gradient(trial, g);
            (value, dot(g, direction))
        };
        let accepted = strong_wolfe(evaluate, self.t, d_norm, loss, gtd, self.max_eval.saturating_sub(spent));
        if let Some(k) = accepted.evaluation {
            self.grad.copy_from_slice(&self.trial_grads[k]);
        }
        self.t = accepted.t;
        self.move_along(theta);
        (accepted.t, accepted.f, calls)
    }

    /// Updates the history with the last step and computes d ≈ −H⁻¹g by the two-loop
    /// recursion.
    fn quasi_newton_direction(&mut self) {
        let n = self.grad.len();
        // y = g − g_prev and s = t·d, in the scratch buffers (free between line searches).
        let (y, s) = (&mut self.trial, &mut self.trial_grad);
        y.resize(n, 0.0);
        s.resize(n, 0.0);
        for ((yj, g), p) in y.iter_mut().zip(&self.grad).zip(&self.prev_grad) {
            *yj = g - p;
        }
        for (sj, d) in s.iter_mut().zip(&self.direction) {
            *sj = d * self.t;
        }
        let ys = dot(y, s);
        if ys > 1e-10 {
            // Reuse the oldest pair's buffers once the history is full.
            let (mut y_kept, mut s_kept) = if self.pairs.len() == self.history {
                let (y_old, s_old, _) = self.pairs.pop_front().unwrap_or_default();
                (y_old, s_old)
            } else {
                (Vec::with_capacity(n), Vec::with_capacity(n))
            };
            y_kept.clear();
            y_kept.extend_from_slice(y);
            s_kept.clear();
            s_kept.extend_from_slice(s);
            self.h_diag = ys / dot(y, y);
            self.pairs.push_back((y_kept, s_kept, 1.0 / ys));
        }
        let k = self.pairs.len();
        self.alphas.resize(k, 0.0);
        let q = &mut self.direction;
        q.clear();
        q.extend(self.grad.iter().map(|g| -g));
        for i in (0..k).rev() {
            let (y, s, ro) = &self.pairs[i];
            let a = dot(s, q) * ro;
            self.alphas[i] = a;
            for (qj, yj) in q.iter_mut().zip(y) {
                *qj = (-a).mul_add(*yj, *qj);
            }
        }
        for qj in q.iter_mut() {
            *qj *= self.h_diag;
        }
        for i in 0..k {
            let (y, s, ro) = &self.pairs[i];
            let be = dot(y, q) * ro;
            let coefficient = self.alphas[i] - be;
            for (rj, sj) in q.iter_mut().zip(s) {
                *rj = coefficient.mul_add(*sj, *rj);
            }
        }
        debug_assert_eq!(q.len(), n);
    }
}

impl Default for Lbfgs {
    /// PyTorch's default history of 100 pairs.
    fn default() -> Self {
        Lbfgs::new(100)
    }
}

impl Optimizer for Lbfgs {
    fn method(&self) -> Method {
        Method::Lbfgs
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        check_lr(lr)?;
        let n = theta.len();
        if self.iterations > 0 && self.prev_grad.len() != n {
            return Err(StepError::Dimension { expected: self.prev_grad.len(), found: n });
        }
        self.grad.resize(n, 0.0);
        let mut loss = f.loss_and_gradient(theta, &mut self.grad);
        let mut evaluations = 1;
        if max_abs(&self.grad) <= self.tolerance_grad {
            return Ok(());
        }
        let max_iter = self.max_iter.max(1);
        let mut n_iter = 0;
        while n_iter < max_iter {
            n_iter += 1;
            self.iterations += 1;
            if self.iterations == 1 {
                self.direction.clear();
                self.direction.extend(self.grad.iter().map(|g| -g));
                self.pairs.clear();
                self.h_diag = 1.0;
            } else {
                self.quasi_newton_direction();
            }
            self.prev_grad.clear();
            self.prev_grad.extend_from_slice(&self.grad);
            let prev_loss = loss;
            self.t = if self.iterations == 1 {
                py_min(1.0, 1.0 / self.grad.iter().map(|g| g.abs()).sum::<f64>()) * lr
            } else {
                lr
            };
            let gtd = dot(&self.grad, &self.direction);
            if gtd > -self.tolerance_change {
                break;
            }
            let (spent, gradient_small) = match self.line_search {
                LineSearch::StrongWolfe => {
                    let accepted = self.search(theta, f, loss, gtd, evaluations);
                    self.t = accepted.0;
                    loss = accepted.1;
                    (accepted.2, max_abs(&self.grad) <= self.tolerance_grad)
                }
                LineSearch::None => {
                    self.move_along(theta);
                    if n_iter != max_iter {
                        loss = f.loss_and_gradient(theta, &mut self.grad);
                        (1, max_abs(&self.grad) <= self.tolerance_grad)
                    } else {
                        (0, false)
                    }
                }
            };
            evaluations += spent;
            if n_iter == max_iter || evaluations >= self.max_eval || gradient_small {
                break;
            }
            let t = self.t;
            if self.direction.iter().fold(0.0, |m, d| py_max_abs(m, d * t)) <= self.tolerance_change {
                break;
            }
            if (loss - prev_loss).abs() < self.tolerance_change {
                break;
            }
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.iterations = 0;
        self.pairs.clear();
        self.h_diag = 1.0;
        self.direction.clear();
        self.prev_grad.clear();
        self.t = 0.0;
    }
}

/// max|v| as `v.abs().max()` computes it (NaN propagates).
fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| py_max_abs(m, *x))
}

/// max(m, |d|) as `d.abs().max()` computes it (NaN propagates).
fn py_max_abs(m: f64, d: f64) -> f64 {
    let a = d.abs();
    if a > m || a.is_nan() { a } else { m }
}

//! The full classifier objective L(W) = (1/N) Σ_i L_i(f(x_i; W, b), y_i) + λR(W), its
//! analytic gradient, the numeric gradient and the gradient check.

use crate::data::Dataset;
use crate::loss::Loss;
use crate::model::Shape;
use crate::regularizer::Regularizer;

/// The objective's settings: which loss, which penalty and how strong.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Objective {
    /// The per-example loss L_i.
    pub loss: Loss,
    /// The penalty R.
    pub regularizer: Regularizer,
    /// The regularization strength λ.
    pub lambda: f64,
    /// Whether R also covers the biases b (by default it covers W only).
    pub regularize_bias: bool,
}

impl Default for Objective {
    /// The cs231n demo's objective: Weston–Watkins SVM with Δ = 1, L2 with λ = 0.1.
    fn default() -> Self {
        Objective { loss: Loss::default(), regularizer: Regularizer::default(), lambda: 0.1, regularize_bias: false }
    }
}

/// An objective value split into its two terms.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Breakdown {
    /// The data loss (1/N) Σ_i L_i.
    pub data: f64,
    /// The regularization loss λR(W).
    pub regularization: f64,
}

impl Breakdown {
    /// The total loss L = data + regularization.
    pub fn total(&self) -> f64 {
        self.data + self.regularization
    }
}

impl Objective {
    /// The parameters R covers: W, or W and b when the biases are regularized.
    fn regularized<'t>(&self, shape: Shape, theta: &'t [f64]) -> &'t [f64] {
        if self.regularize_bias { theta } else { &theta[..shape.weights()] }
    }

    /// The regularization loss λR(W).
    pub fn regularization(&self, shape: Shape, theta: &[f64]) -> f64 {
        self.lambda * self.regularizer.value(self.regularized(shape, theta))
    }

    /// Binds the objective to a dataset, with scratch space for one example's scores.
    pub fn evaluator<'a>(&'a self, data: &'a Dataset) -> Evaluator<'a> {
        Evaluator::new(self, data)
    }
}

/// An objective bound to its dataset: evaluates L and ∇L at any parameter vector θ (the
/// flat layout of [`Shape`]) over the whole dataset or a minibatch. Holds its scratch so
/// evaluations allocate nothing.
#[derive(Clone, Debug)]
pub struct Evaluator<'a> {
    objective: &'a Objective,
    data: &'a Dataset,
    shape: Shape,
    scores: Vec<f64>,
    dscores: Vec<f64>,
}

impl<'a> Evaluator<'a> {
    /// Binds `objective` to `data`; the model has the dataset's classes and dimension.
    pub fn new(objective: &'a Objective, data: &'a Dataset) -> Self {
        let shape = Shape { classes: data.classes(), dim: data.dim() };
        Evaluator { objective, data, shape, scores: vec![0.0; shape.classes], dscores: vec![0.0; shape.classes] }
    }

    /// The model's shape.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// L(θ) over the examples `batch` (every example when `None`); the data term averages
    /// over the batch and is 0 for an empty one.
    pub fn loss(&mut self, theta: &[f64], batch: Option<&[usize]>) -> Breakdown {
        self.evaluate(theta, batch, None)
    }

    /// L(θ) and ∇_θ L written into `grad`:
    /// ∂L/∂W_k = (1/N) Σ_i (∂L_i/∂s_k) x_i + λ∂R/∂W_k, ∂L/∂b_k = (1/N) Σ_i ∂L_i/∂s_k (+ λ∂R/∂b_k
    /// when biases are regularized).
    ///
    /// ```
    /// use descent::{data::{DatasetKind, DatasetSpec}, model::CS231N_INITIAL, objective::Objective};
    /// let data = DatasetSpec { kind: DatasetKind::Cs231n, ..Default::default() }.generate().unwrap();
    /// let objective = Objective::default();
    /// let mut grad = [0.0; 9];
    /// let l = objective.evaluator(&data).loss_and_gradient(&CS231N_INITIAL, None, &mut grad);
    /// // λR(W) = 0.1 · (1 + 4 + 4 + 16 + 9 + 1) = 3.5
    /// assert!((l.regularization - 3.5).abs() < 1e-12);
    /// ```
    pub fn loss_and_gradient(&mut self, theta: &[f64], batch: Option<&[usize]>, grad: &mut [f64]) -> Breakdown {
        self.evaluate(theta, batch, Some(grad))
    }

    /// L(θ) and ∇_θ L over every example, and how many examples the model classifies
    /// correctly (argmax_k s_k = y_i), in one pass over the data: what a redraw shows.
    pub fn loss_gradient_and_correct(&mut self, theta: &[f64], grad: &mut [f64]) -> (Breakdown, usize) {
        self.pass::<true>(theta, None, Some(grad))
    }

    /// L(θ) over every example and how many the model classifies correctly, in one pass
    /// without the gradient: what the held-out readouts show.
    pub fn loss_and_correct(&mut self, theta: &[f64]) -> (Breakdown, usize) {
        self.pass::<true>(theta, None, None)
    }

    fn evaluate(&mut self, theta: &[f64], batch: Option<&[usize]>, grad: Option<&mut [f64]>) -> Breakdown {
        self.pass::<false>(theta, batch, grad).0
    }

    /// One pass over the examples `batch`: the loss, the gradient when asked, and when
    /// `COUNT`, the number of examples classified correctly.
    fn pass<const COUNT: bool>(
        &mut self,
        theta: &[f64],
        batch: Option<&[usize]>,
        mut grad: Option<&mut [f64]>,
    ) -> (Breakdown, usize) {
        let shape = self.shape;
        if let Some(g) = grad.as_deref_mut() {
            g.fill(0.0);
        }
        let count = batch.map_or(self.data.len(), <[usize]>::len);
        let scale = if count == 0 { 0.0 } else { 1.0 / count as f64 };
        let mut data_loss = 0.0;
        let mut correct = 0;
        for n in 0..count {
            let i = batch.map_or(n, |b| b[n]);
            let x = self.data.point(i);
            let y = self.data.label(i);
            shape.scores(theta, x, &mut self.scores);
            if COUNT && crate::model::predict(&self.scores) == y {
                correct += 1;
            }
            match grad.as_deref_mut() {
                None => data_loss += self.objective.loss.value(&self.scores, y),
                Some(g) => {
                    data_loss += self.objective.loss.value_and_gradient(&self.scores, y, &mut self.dscores);
                    for (k, &ds) in self.dscores.iter().enumerate() {
                        if ds != 0.0 {
                            let row = shape.weight_index(k, 0);
                            for (gw, xl) in g[row..row + shape.dim].iter_mut().zip(x) {
                                *gw += scale * ds * xl;
                            }
                            g[shape.bias_index(k)] += scale * ds;
                        }
                    }
                }
            }
        }
        let objective = self.objective;
        let regularized = objective.regularized(shape, theta);
        if let Some(g) = grad {
            objective.regularizer.add_gradient(regularized, objective.lambda, &mut g[..regularized.len()]);
        }
        (Breakdown { data: scale * data_loss, regularization: objective.regularization(shape, theta) }, correct)
    }
}

crate::named! {
    /// How the numeric gradient differences.
    pub enum Difference: "difference" {
        /// (f(θ + h e_i) − f(θ)) / h, the lecture's slides; error O(h).
        Forward = "forward", "Forward (the slides)";
        /// (f(θ + h e_i) − f(θ − h e_i)) / 2h; error O(h²).
        Centered = "centered", "Centered";
    }
}

/// The numeric gradient of `f` at `theta`, one coordinate at a time with step `h`.
///
/// ```
/// use descent::objective::{numeric_gradient, Difference};
/// let g = numeric_gradient(|p| p[0] * p[0] + 3.0 * p[1], &[2.0, 5.0], 1e-5, Difference::Centered);
/// assert!((g[0] - 4.0).abs() < 1e-8 && (g[1] - 3.0).abs() < 1e-8);
/// ```
pub fn numeric_gradient(mut f: impl FnMut(&[f64]) -> f64, theta: &[f64], h: f64, scheme: Difference) -> Vec<f64> {
    let mut probe = theta.to_vec();
    let base = match scheme {
        Difference::Forward => f(theta),
        Difference::Centered => 0.0,
    };
    (0..theta.len())
        .map(|i| {
            probe[i] = theta[i] + h;
            let plus = f(&probe);
            let derivative = match scheme {
                Difference::Forward => (plus - base) / h,
                Difference::Centered => {
                    probe[i] = theta[i] - h;
                    (plus - f(&probe)) / (2.0 * h)
                }
            };
            probe[i] = theta[i];
            derivative
        })
        .collect()
}

/// Derivatives smaller than this are zero as far as a difference quotient can tell: with
/// losses of order 1, f64 rounding alone puts ~1e-16/h ≈ 1e-10 of noise into each estimate.
pub const ZERO_DERIVATIVE: f64 = 1e-8;

/// The relative error |a − n| / max(|a|, |n|) between an analytic and a numeric derivative,
/// and 0 when both are below [`ZERO_DERIVATIVE`] (e.g. a bias whose hinges cancel exactly,
/// whose estimate is pure rounding noise).
///
/// ```
/// use descent::objective::relative_error;
/// assert_eq!(relative_error(2.0, 1.0), 0.5);
/// assert_eq!(relative_error(0.0, 4e-10), 0.0);
/// assert_eq!(relative_error(0.0, 1e-3), 1.0);
/// ```
pub fn relative_error(analytic: f64, numeric: f64) -> f64 {
    let scale = analytic.abs().max(numeric.abs());
    if scale < ZERO_DERIVATIVE { 0.0 } else { (analytic - numeric).abs() / scale }
}

/// One parameter's line of a gradient check.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradientCheck {
    /// The analytic derivative ∂L/∂θ_i.
    pub analytic: f64,
    /// The centered-difference estimate.
    pub numeric: f64,
    /// Their [`relative_error`].
    pub relative_error: f64,
}

/// Compares the analytic gradient of the full objective at `theta` with centered differences
/// of step `h`, parameter by parameter.
pub fn gradient_check(evaluator: &mut Evaluator<'_>, theta: &[f64], h: f64) -> Vec<GradientCheck> {
    let mut analytic = vec![0.0; theta.len()];
    evaluator.loss_and_gradient(theta, None, &mut analytic);
    let numeric = numeric_gradient(|p| evaluator.loss(p, None).total(), theta, h, Difference::Centered);
    analytic
        .into_iter()
        .zip(numeric)
        .map(|(a, n)| GradientCheck { analytic: a, numeric: n, relative_error: relative_error(a, n) })
        .collect()
}

//! The classifier's own loss as a surface: L(θ) of the classifier lab's model, data and
//! objective, as a function of two chosen parameters of θ = (W, b), every other parameter
//! held at the lab's current value.
//!
//! Along such a slice each score s_k(x) = W_k·x + b_k is affine in the two parameters, so the
//! slice of a softmax or hinge objective with an L2, L1 or elastic-net penalty is convex
//! wherever the full objective is. Its gradient is the two matching entries of ∇L, and its
//! Hessian (softmax with no penalty or L2) the matching 2 × 2 block of ∇²L, so every
//! optimizer, Newton included, races on it unchanged.
//!
//! The racers step on the exact objective ([`LossFn`]). The picture evaluates L on a grid of
//! pixels ([`Field`]) from the scores in affine form instead: each example's scores with the two
//! varied parameters at 0 are computed once per slice, so a pixel costs one copy of those C
//! scores, the two terms the varied parameters add, and the per-example loss.

use crate::data::{Dataset, MAX_CLASSES};
use crate::field::{Field, fill_separable};
use crate::loss::LossKind;
use crate::model::{Param, Shape};
use crate::objective::Objective;
use crate::optim::classifier::ClassifierLoss;
use crate::optim::{LossFn, StepError};
use crate::surface::Domain;

/// The half-width of the slice's view beyond the larger of the base point's two coordinates
/// (so the origin is always in view).
const VIEW_MARGIN: f64 = 2.0;
/// Score evaluations a picture of the slice may cost (about 2.5 ms in WebAssembly in
/// Chromium, at some 3 ns each with the per-example hinge); beyond it the heatmap samples f on
/// a coarser grid and interpolates.
const PICTURE_BUDGET: f64 = 8.0e5;
/// What one score costs under softmax (an exponential) in units of a hinge's score: measured
/// in Chromium, 17 ns against 3 ns.
const SOFTMAX_SCORE_COST: f64 = 6.0;
/// The fewest samples the picture takes along a side of the canvas (its coarsest grid).
const FEWEST_SAMPLES: usize = 9;

/// What the slice is cut from: the lab's data, objective and current parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassifierSource {
    /// The labelled points.
    pub data: Dataset,
    /// Loss, penalty and λ.
    pub objective: Objective,
    /// The lab's current θ = (W, b), the base point of the slice.
    pub theta: Vec<f64>,
}

impl ClassifierSource {
    /// The model's shape.
    pub fn shape(&self) -> Shape {
        Shape { classes: self.data.classes(), dim: self.data.dim() }
    }

    /// The index of the parameter called `name` (`W[0,1]`, `b[2]`, as the lab names them).
    pub fn index(&self, name: &str) -> Option<usize> {
        let shape = self.shape();
        (0..shape.len()).find(|&i| shape.param(i).to_string() == name.trim())
    }
}

/// The slice's scores in affine form: s_i(p) = s_i(0) + p_x·a_i e_{k_x} + p_y·c_i e_{k_y}, where
/// the varied parameters feed the scores of classes k_x and k_y, and a_i (c_i) is example i's
/// input x_l for a weight W[k,l], 1 for a bias.
#[derive(Clone, Debug)]
struct AffineScores {
    /// Each example's C scores with the two varied parameters at 0, row-major.
    base: Vec<f64>,
    /// Each example's label and its coefficients (a_i, c_i).
    examples: Vec<(usize, [f64; 2])>,
    /// The classes (k_x, k_y) whose scores the varied parameters feed.
    classes: [usize; 2],
    /// λR with the two varied parameters at 0.
    penalty: f64,
    /// Whether R covers each varied parameter.
    penalized: [bool; 2],
}

impl AffineScores {
    fn new(source: &ClassifierSource, axes: [usize; 2]) -> Self {
        let shape = source.shape();
        let mut theta = source.theta.clone();
        for &axis in &axes {
            theta[axis] = 0.0;
        }
        let data = &source.data;
        let mut base = vec![0.0; data.len() * shape.classes];
        for (i, scores) in base.chunks_exact_mut(shape.classes.max(1)).enumerate().take(data.len()) {
            shape.scores(&theta, data.point(i), scores);
        }
        let feeds = |axis: usize| match shape.param(axis) {
            Param::Weight { class, input } => (class, Some(input)),
            Param::Bias { class } => (class, None),
        };
        let [(kx, lx), (ky, ly)] = axes.map(feeds);
        let coefficient = |x: &[f64], input: Option<usize>| input.map_or(1.0, |l| x[l]);
        let examples = (0..data.len())
            .map(|i| (data.label(i), [coefficient(data.point(i), lx), coefficient(data.point(i), ly)]))
            .collect();
        let objective = &source.objective;
        let covered = if objective.regularize_bias { shape.len() } else { shape.weights() };
        AffineScores {
            base,
            examples,
            classes: [kx, ky],
            penalty: objective.regularization(shape, &theta),
            penalized: axes.map(|axis| axis < covered),
        }
    }
}

/// A two-parameter slice through the classifier's loss.
#[derive(Clone, Debug)]
pub struct ClassifierSlice {
    source: ClassifierSource,
    axes: [usize; 2],
    /// The scores in affine form, for the picture.
    affine: AffineScores,
    /// θ with the two varied entries overwritten (scratch, to evaluate without allocating).
    theta: Vec<f64>,
    grad: Vec<f64>,
    hessian: Vec<f64>,
}

impl ClassifierSlice {
    /// The slice through `source` along parameters `axes` (distinct indices into θ).
    pub fn new(source: ClassifierSource, axes: [usize; 2]) -> Self {
        let n = source.theta.len();
        ClassifierSlice {
            theta: source.theta.clone(),
            grad: vec![0.0; n],
            hessian: vec![0.0; n * n],
            affine: AffineScores::new(&source, axes),
            source,
            axes,
        }
    }

    /// The source.
    pub fn source(&self) -> &ClassifierSource {
        &self.source
    }

    /// The two varied parameters' indices.
    pub fn axes(&self) -> [usize; 2] {
        self.axes
    }

    /// The names of the two varied parameters.
    pub fn axis_names(&self) -> [String; 2] {
        self.axes.map(|i| self.source.shape().param(i).to_string())
    }

    /// θ with its two varied entries set to p.
    fn full(&self, p: [f64; 2]) -> Vec<f64> {
        let mut theta = self.source.theta.clone();
        theta[self.axes[0]] = p[0];
        theta[self.axes[1]] = p[1];
        theta
    }

    /// L at the point p of the slice.
    pub fn value(&self, p: [f64; 2]) -> f64 {
        let theta = self.full(p);
        self.source.objective.evaluator(&self.source.data).loss(&theta, None).total()
    }

    /// The base point: the lab's current values of the two parameters (the suggested start).
    pub fn start(&self) -> [f64; 2] {
        self.axes.map(|i| self.source.theta[i])
    }

    /// A square around the base point that also contains the origin.
    pub fn domain(&self) -> Domain {
        let [x, y] = self.start();
        let half = VIEW_MARGIN + x.abs().max(y.abs());
        Domain { x: (x - half, x + half), y: (y - half, y + half) }
    }

    /// The spacing in pixels of the grid the picture evaluates L on, for `pixels` pixels,
    /// chosen by the cost of a picture: each sample costs N·C score evaluations (N examples,
    /// C classes; a softmax score counts as [`SOFTMAX_SCORE_COST`] hinge scores), so the cell
    /// is the smallest with (pixels / cell²)·N·C within [`PICTURE_BUDGET`]: 1 (every pixel)
    /// for a handful of points on a small canvas, coarser for more points, but never fewer
    /// than [`FEWEST_SAMPLES`] samples along a side (so a picture of 20,000 points or more
    /// exceeds the budget: such a slice is drawn once, when it is cut).
    ///
    /// ```
    /// use descent::data::{DatasetKind, DatasetSpec};
    /// use descent::objective::Objective;
    /// use descent::race::slice::{ClassifierSlice, ClassifierSource};
    /// let data = DatasetSpec { kind: DatasetKind::Cs231n, ..Default::default() }.generate().unwrap();
    /// let theta = descent::model::CS231N_INITIAL.to_vec();
    /// let slice = ClassifierSlice::new(ClassifierSource { data, objective: Objective::default(), theta }, [0, 1]);
    /// // The SVM on nine points in three classes: 27 scores a sample.
    /// assert_eq!(slice.picture_cell(150 * 150), 1); // 607,500 scores
    /// assert_eq!(slice.picture_cell(1024 * 1024), 6); // ⌈√(28,311,552 / 800,000)⌉ = ⌈5.95⌉
    /// ```
    pub fn picture_cell(&self, pixels: usize) -> usize {
        let data = &self.source.data;
        let per_score = if self.source.objective.loss.kind == LossKind::Softmax { SOFTMAX_SCORE_COST } else { 1.0 };
        let per_sample = (data.len() * data.classes()).max(1) as f64 * per_score;
        let coarsest = ((pixels as f64).sqrt() as usize / (FEWEST_SAMPLES - 1)).max(1);
        ((pixels as f64 * per_sample / PICTURE_BUDGET).sqrt().ceil() as usize).clamp(1, coarsest)
    }
}

/// L on a grid of the slice from the affine scores: per point, each example's C scores copied,
/// the two varied parameters' terms added, and the example's loss; the penalty of the two
/// varied parameters once per column and row. Equal to [`ClassifierSlice::value`] but for
/// rounding (the scores and the penalty are summed in another order).
impl Field for ClassifierSlice {
    fn at(&self, p: [f64; 2]) -> f64 {
        self.value(p)
    }

    fn fill_grid(&self, xs: &[f64], ys: &[f64], out: &mut [f64]) {
        let classes = self.source.data.classes();
        if classes > MAX_CLASSES || classes == 0 {
            // More classes than a dataset can have: point by point.
            for (row, &y) in out.chunks_exact_mut(xs.len().max(1)).zip(ys) {
                for (value, &x) in row.iter_mut().zip(xs) {
                    *value = self.value([x, y]);
                }
            }
            return;
        }
        let AffineScores { base, examples, classes: [kx, ky], penalty, penalized } = &self.affine;
        let objective = &self.source.objective;
        let loss = objective.loss;
        let scale = if examples.is_empty() { 0.0 } else { 1.0 / examples.len() as f64 };
        let penalty_of = |p: f64, covered: bool| {
            if covered { objective.lambda * objective.regularizer.value(&[p]) } else { 0.0 }
        };
        fill_separable(
            xs,
            ys,
            out,
            |x| [x, penalty + penalty_of(x, penalized[0])],
            |y| [y, penalty_of(y, penalized[1])],
            |[x, x_penalty], [y, y_penalty]: [f64; 2]| {
                let mut scratch = [0.0; MAX_CLASSES];
                let scores = &mut scratch[..classes];
                let mut data = 0.0;
                for (base, &(label, [a, c])) in base.chunks_exact(classes).zip(examples) {
                    let (along_x, along_y) = (x * a, y * c);
                    // Not a copy and two updates: a loop the compiler would turn into a call.
                    for (k, (score, &b)) in scores.iter_mut().zip(base).enumerate() {
                        let sx = if k == *kx { b + along_x } else { b };
                        *score = if k == *ky { sx + along_y } else { sx };
                    }
                    data += loss.value(scores, label);
                }
                scale * data + (x_penalty + y_penalty)
            },
        );
    }
}

impl LossFn for ClassifierSlice {
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64 {
        self.theta.copy_from_slice(&self.source.theta);
        self.theta[self.axes[0]] = theta.first().copied().unwrap_or(0.0);
        self.theta[self.axes[1]] = theta.get(1).copied().unwrap_or(0.0);
        let loss = ClassifierLoss::new(&self.source.objective, &self.source.data)
            .loss_and_gradient(&self.theta, &mut self.grad);
        for (g, &axis) in grad.iter_mut().zip(&self.axes) {
            *g = self.grad[axis];
        }
        loss
    }

    fn loss(&mut self, theta: &[f64]) -> f64 {
        self.value([theta.first().copied().unwrap_or(0.0), theta.get(1).copied().unwrap_or(0.0)])
    }

    /// The 2 × 2 block of ∇²L at the two varied parameters.
    fn hessian(&mut self, theta: &[f64], hessian: &mut [f64]) -> Result<(), StepError> {
        self.theta.copy_from_slice(&self.source.theta);
        self.theta[self.axes[0]] = theta.first().copied().unwrap_or(0.0);
        self.theta[self.axes[1]] = theta.get(1).copied().unwrap_or(0.0);
        ClassifierLoss::new(&self.source.objective, &self.source.data).hessian(&self.theta, &mut self.hessian)?;
        let n = self.theta.len();
        let [i, j] = self.axes;
        for (h, (r, c)) in hessian.iter_mut().zip([(i, i), (i, j), (j, i), (j, j)]) {
            *h = self.hessian[r * n + c];
        }
        Ok(())
    }
}

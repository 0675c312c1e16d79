//! The classifier's own loss as a surface: L(θ) of the classifier lab's model, data and
//! objective, as a function of two chosen parameters of θ = (W, b), every other parameter
//! held at the lab's current value.
//!
//! Along such a slice each score s_k(x) = W_k·x + b_k is affine in the two parameters, so the
//! slice of a softmax or hinge objective with an L2, L1 or elastic-net penalty is convex
//! wherever the full objective is. Its gradient is the two matching entries of ∇L, and its
//! Hessian (softmax with no penalty or L2) the matching 2 × 2 block of ∇²L, so every
//! optimizer, Newton included, races on it unchanged.

use crate::data::Dataset;
use crate::model::Shape;
use crate::objective::Objective;
use crate::optim::classifier::ClassifierLoss;
use crate::optim::{LossFn, StepError};
use crate::surface::Domain;

/// The half-width of the slice's view beyond the larger of the base point's two coordinates
/// (so the origin is always in view).
const VIEW_MARGIN: f64 = 2.0;
/// Example evaluations a picture of the slice may cost; beyond it the heatmap samples f on a
/// coarser grid and interpolates.
const PICTURE_BUDGET: f64 = 2.0e6;

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

/// A two-parameter slice through the classifier's loss.
#[derive(Clone, Debug)]
pub struct ClassifierSlice {
    source: ClassifierSource,
    axes: [usize; 2],
    /// θ with the two varied entries overwritten (scratch, to evaluate without allocating).
    theta: Vec<f64>,
    grad: Vec<f64>,
    hessian: Vec<f64>,
}

impl ClassifierSlice {
    /// The slice through `source` along parameters `axes` (distinct indices into θ).
    pub fn new(source: ClassifierSource, axes: [usize; 2]) -> Self {
        let n = source.theta.len();
        ClassifierSlice { theta: source.theta.clone(), grad: vec![0.0; n], hessian: vec![0.0; n * n], source, axes }
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

    /// The spacing in pixels of the grid the picture evaluates L on, for `pixels` pixels: 1
    /// (every pixel) while that costs at most two million example evaluations, coarser for
    /// larger datasets.
    pub fn picture_cell(&self, pixels: usize) -> usize {
        let evaluations = pixels as f64 * self.source.data.len().max(1) as f64;
        ((evaluations / PICTURE_BUDGET).sqrt().ceil() as usize).clamp(1, 32)
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

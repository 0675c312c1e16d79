//! The classifier objective as a [`LossFn`]: full batch or seeded minibatches, and the exact
//! Hessian where the objective has one.

use super::minibatch::Minibatches;
use super::{LossFn, StepError};
use crate::data::Dataset;
use crate::loss::LossKind;
use crate::model::Shape;
use crate::objective::{Breakdown, Evaluator, Objective};
use crate::regularizer::RegularizerKind;

/// L(θ) = (1/|B|) Σ_{i∈B} L_i + λR(W) of the foundation's [`Objective`] on a dataset, over
/// the whole dataset (gradient descent) or over one minibatch B per step (minibatch SGD: the
/// driver's [`LossFn::next_step`] draws the next batch). [`LossFn::loss`], which the
/// trajectory records, is always the full-data objective.
///
/// ```
/// use descent::data::{DatasetKind, DatasetSpec};
/// use descent::objective::Objective;
/// use descent::optim::{LossFn, classifier::ClassifierLoss, minibatch::Minibatches};
/// let data = DatasetSpec { kind: DatasetKind::Cs231n, ..Default::default() }.generate().unwrap();
/// let objective = Objective::default();
/// let mut f = ClassifierLoss::new(&objective, &data).with_minibatches(Minibatches::new(9, 3, true, 1));
/// let theta = descent::model::CS231N_INITIAL;
/// let mut g = [0.0; 9];
/// f.next_step();
/// let batch_loss = f.loss_and_gradient(&theta, &mut g);
/// assert_eq!(f.batch().len(), 3);
/// // The gradient step sees the batch's loss; the trajectory records the full one.
/// assert_eq!(batch_loss, objective.evaluator(&data).loss(&theta, Some(f.batch())).total());
/// assert!((f.loss(&theta) - (2.7666666666666675 + 3.5)).abs() < 1e-12);
/// assert_eq!(f.last_breakdown().unwrap().regularization, 3.5);
/// ```
#[derive(Clone, Debug)]
pub struct ClassifierLoss<'a> {
    objective: &'a Objective,
    data: &'a Dataset,
    evaluator: Evaluator<'a>,
    batches: Option<Minibatches>,
    drawn: bool,
    scores: Vec<f64>,
    last: Option<Breakdown>,
}

impl<'a> ClassifierLoss<'a> {
    /// The full-batch objective.
    pub fn new(objective: &'a Objective, data: &'a Dataset) -> Self {
        let evaluator = objective.evaluator(data);
        let classes = evaluator.shape().classes;
        ClassifierLoss {
            objective,
            data,
            evaluator,
            batches: None,
            drawn: false,
            scores: vec![0.0; classes],
            last: None,
        }
    }

    /// The same objective over minibatches drawn by `batches`.
    pub fn with_minibatches(mut self, batches: Minibatches) -> Self {
        self.batches = Some(batches);
        self.drawn = false;
        self
    }

    /// The model's shape.
    pub fn shape(&self) -> Shape {
        self.evaluator.shape()
    }

    /// The minibatch sampler, if any.
    pub fn minibatches(&self) -> Option<&Minibatches> {
        self.batches.as_ref()
    }

    /// Gives the minibatch sampler back (to resume it in a later `ClassifierLoss`).
    pub fn into_minibatches(self) -> Option<Minibatches> {
        self.batches
    }

    /// The minibatch gradients are taken over right now (empty without minibatches, when
    /// every example counts, and before the first batch is drawn).
    pub fn batch(&self) -> &[usize] {
        match &self.batches {
            Some(b) if self.drawn => b.current(),
            _ => &[],
        }
    }

    /// Fills `hessian` with the Hessian of softmax cross-entropy plus λR over the batch.
    ///
    /// Per example, with p = softmax(s) and x̄ = (x, 1), ∂²L_i/∂s_k∂s_j = p_k[k = j] − p_k p_j
    /// and s_k = W_k·x + b_k, so the block of (W_k, b_k) against (W_j, b_j) is
    /// (p_k[k = j] − p_k p_j) x̄x̄ᵀ. L2 adds 2λ on the diagonal of every regularized
    /// parameter. The Hessian is singular along θ's shift invariances (adding one vector to
    /// every class's template, or one constant to every unregularized bias).
    fn softmax_hessian(&mut self, theta: &[f64], hessian: &mut [f64]) {
        let shape = self.evaluator.shape();
        let (c, d) = (shape.classes, shape.dim);
        let n = shape.len();
        hessian.fill(0.0);
        let index = |k: usize, l: usize| if l < d { shape.weight_index(k, l) } else { shape.bias_index(k) };
        let batch = current_batch(&mut self.batches, &mut self.drawn);
        let count = batch.map_or(self.data.len(), <[usize]>::len);
        let scale = if count == 0 { 0.0 } else { 1.0 / count as f64 };
        for m in 0..count {
            let i = batch.map_or(m, |b| b[m]);
            let x = self.data.point(i);
            shape.scores(theta, x, &mut self.scores);
            let top = self.scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            self.scores.iter_mut().for_each(|s| *s = (*s - top).exp());
            let z: f64 = self.scores.iter().sum();
            self.scores.iter_mut().for_each(|s| *s /= z);
            let feature = |l: usize| if l < d { x[l] } else { 1.0 };
            for k in 0..c {
                for j in 0..c {
                    let a = scale * (if k == j { self.scores[k] } else { 0.0 } - self.scores[k] * self.scores[j]);
                    for l in 0..=d {
                        let row = index(k, l) * n;
                        let al = a * feature(l);
                        for r in 0..=d {
                            hessian[row + index(j, r)] += al * feature(r);
                        }
                    }
                }
            }
        }
        // The sums above round differently on either side of the diagonal: mirror the upper
        // triangle so H is exactly symmetric.
        for i in 0..n {
            for j in 0..i {
                hessian[i * n + j] = hessian[j * n + i];
            }
        }
        if self.objective.regularizer.kind == RegularizerKind::L2 {
            let regularized = if self.objective.regularize_bias { n } else { shape.weights() };
            for p in 0..regularized {
                hessian[p * n + p] += 2.0 * self.objective.lambda;
            }
        }
    }
}

/// The current batch, drawing the first one if none has been drawn; None for full batch.
/// (A free function so that it borrows only the sampler, not the evaluator.)
fn current_batch<'b>(batches: &'b mut Option<Minibatches>, drawn: &mut bool) -> Option<&'b [usize]> {
    let batches = batches.as_mut()?;
    if !*drawn {
        batches.next_batch();
        *drawn = true;
    }
    Some(batches.current())
}

impl LossFn for ClassifierLoss<'_> {
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64 {
        let batch = current_batch(&mut self.batches, &mut self.drawn);
        self.evaluator.loss_and_gradient(theta, batch, grad).total()
    }

    fn loss(&mut self, theta: &[f64]) -> f64 {
        let breakdown = self.evaluator.loss(theta, None);
        self.last = Some(breakdown);
        breakdown.total()
    }

    /// The exact Hessian for softmax with no penalty or L2; hinge losses are piecewise
    /// linear in θ and L1 / elastic net have kinks, so they have none and say so.
    fn hessian(&mut self, theta: &[f64], hessian: &mut [f64]) -> Result<(), StepError> {
        if self.objective.loss.kind != LossKind::Softmax {
            return Err(StepError::NoHessian(format!(
                "the {} loss is piecewise linear in θ (its Hessian is 0 or undefined); use softmax",
                self.objective.loss.kind.name()
            )));
        }
        match self.objective.regularizer.kind {
            RegularizerKind::None | RegularizerKind::L2 => {}
            other => {
                return Err(StepError::NoHessian(format!(
                    "the {} penalty has a kink at 0 and no second derivative there; use none or l2",
                    other.name()
                )));
            }
        }
        let n = self.shape().len();
        if hessian.len() != n * n || theta.len() != n {
            return Err(StepError::Dimension { expected: n, found: theta.len() });
        }
        self.softmax_hessian(theta, hessian);
        Ok(())
    }

    fn next_step(&mut self) {
        if let Some(batches) = &mut self.batches {
            batches.next_batch();
            self.drawn = true;
        }
    }

    /// The full-data objective at the point of the last [`LossFn::loss`] call, split into its
    /// data and regularization terms (None before the first call). A driver that records
    /// [`LossFn::loss`] after each update ([`crate::optim::run::Run`]) thus gives both terms
    /// without evaluating the objective twice.
    fn last_breakdown(&self) -> Option<Breakdown> {
        self.last
    }
}

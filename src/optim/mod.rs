//! Optimizers: one trait every method implements, the loss function it is handed, and the
//! driver that runs it (see [`run`]).
//!
//! # The interface
//!
//! An [`Optimizer`] receives the parameters θ (a flat `&mut [f64]`), this step's learning
//! rate α_t (the driver's [`Schedule`](crate::schedule::Schedule) supplies it) and a
//! [`LossFn`]: anything that evaluates L(θ) and ∇L(θ) at any point. First-order methods call
//! it once per step, Nesterov at its look-ahead point, L-BFGS as often as its line search
//! needs (PyTorch's `step(closure)`). Any closure `FnMut(&[f64], &mut [f64]) -> f64` that
//! writes the gradient and returns the loss is a [`LossFn`].
//!
//! # Newton's Hessian
//!
//! Newton's method also needs ∇²L. Rather than a second closure that every other method
//! would ignore, [`LossFn`] has an optional [`LossFn::hessian`]: the 2D surfaces provide it
//! analytically, the classifier's softmax objective with no penalty or L2 provides its exact
//! analytic Hessian over all C·D + C parameters, and everything else (plain closures, hinge
//! losses, L1 and elastic net, whose kinks have no second derivative) answers with a
//! [`StepError::NoHessian`] that says why, which Newton passes on instead of guessing.
//!
//! ```
//! use descent::optim::{LossFn, Optimizer, sgd::Sgd};
//! // f(x, y) = x² + 10y², ∇f = (2x, 20y).
//! let mut f = |p: &[f64], g: &mut [f64]| {
//!     g[0] = 2.0 * p[0];
//!     g[1] = 20.0 * p[1];
//!     p[0] * p[0] + 10.0 * p[1] * p[1]
//! };
//! let mut theta = [1.0, 1.0];
//! Sgd::default().step(&mut theta, 0.1, &mut f).unwrap();
//! assert_eq!(theta, [0.8, -1.0]);
//! ```

use std::fmt;

use crate::objective::Breakdown;

pub mod adadelta;
pub mod adagrad;
pub mod adam;
pub mod adamax;
pub mod classifier;
pub mod eigen;
mod first_order;
pub mod growth;
pub mod hyper;
pub mod lbfgs;
pub mod line_search;
pub mod method;
pub mod minibatch;
pub mod momentum;
pub mod nadam;
pub mod nesterov;
pub mod newton;
pub mod noise;
pub mod radam;
pub mod random_search;
pub mod record;
pub mod rmsprop;
pub mod rprop;
pub mod run;
pub mod settings;
pub mod sgd;
pub mod table;
pub mod trajectory;

/// What an optimizer minimizes: the loss L(θ) and its gradient at any point, and, where the
/// problem has one, its Hessian.
pub trait LossFn {
    /// L(θ), writing ∇L(θ) into `grad` (same length as `theta`).
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64;

    /// L(θ) as the trajectory records it: the exact objective, without gradient noise and
    /// over the whole dataset. By default the value of [`LossFn::loss_and_gradient`].
    fn loss(&mut self, theta: &[f64]) -> f64 {
        let mut grad = vec![0.0; theta.len()];
        self.loss_and_gradient(theta, &mut grad)
    }

    /// The Hessian ∇²L(θ), written row-major into `hessian` (n × n for n parameters), or why
    /// there is none. By default there is none.
    fn hessian(&mut self, theta: &[f64], hessian: &mut [f64]) -> Result<(), StepError> {
        let _ = (theta, hessian);
        Err(StepError::NoHessian("this loss function provides no Hessian".into()))
    }

    /// Called by the driver before each update: a minibatch loss draws its next batch here.
    fn next_step(&mut self) {}

    /// The value of the last [`LossFn::loss`] call split into the lecture's L = data + λR,
    /// where the loss function has those terms (the classifier's does), so that a record of
    /// the run shows both without evaluating the objective twice. By default there are none.
    fn last_breakdown(&self) -> Option<Breakdown> {
        None
    }
}

impl<F: FnMut(&[f64], &mut [f64]) -> f64> LossFn for F {
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64 {
        self(theta, grad)
    }
}

/// Why an update could not be made.
#[derive(Clone, Debug, PartialEq)]
pub enum StepError {
    /// The parameter vector's length differs from the one the optimizer's state was built for.
    Dimension { expected: usize, found: usize },
    /// A learning rate that is negative or not finite.
    LearningRate(f64),
    /// Newton's method needs a Hessian the loss cannot give; the text says why.
    NoHessian(String),
    /// The Hessian has no usable curvature (all eigenvalues zero or not finite).
    SingularHessian,
}

impl fmt::Display for StepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StepError::Dimension { expected, found } => {
                write!(f, "the optimizer holds state for {expected} parameters, not {found}; reset it first")
            }
            StepError::LearningRate(lr) => write!(f, "the learning rate must be a finite number ≥ 0, not {lr}"),
            StepError::NoHessian(why) => write!(f, "Newton's method needs a Hessian: {why}"),
            StepError::SingularHessian => write!(f, "the Hessian is singular here: Newton's step is undefined"),
        }
    }
}

impl std::error::Error for StepError {}

/// One update rule (the "solver"; the [`run::Run`] driver is the loop that runs it).
pub trait Optimizer: fmt::Debug + CloneOptimizer {
    /// Which method this is.
    fn method(&self) -> method::Method;

    /// Makes one update of `theta` with learning rate `lr`, calling `f` wherever the method
    /// needs L and ∇L.
    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError>;

    /// Works on one update while `go()` says to go on, for a caller with a time budget:
    /// `Ok(true)` when the update is complete, `Ok(false)` when it is still in progress and the
    /// next call resumes it (θ then holds the best point so far). `go` is asked between pieces
    /// of work, after at least one, so every call makes progress. A method whose update is one
    /// piece makes it whole (the default); random search splits its update by candidate. The
    /// pieces add up to exactly [`Optimizer::step`], whatever `go` answers.
    fn step_within(
        &mut self,
        theta: &mut [f64],
        lr: f64,
        f: &mut dyn LossFn,
        go: &mut dyn FnMut() -> bool,
    ) -> Result<bool, StepError> {
        let _ = go;
        self.step(theta, lr, f).map(|()| true)
    }

    /// How far the update in progress has come, as (pieces done, pieces in all), when
    /// [`Optimizer::step_within`] left one unfinished.
    fn progress(&self) -> Option<(usize, usize)> {
        None
    }

    /// Forgets the accumulated state (velocities, moments, history, step count), as a fresh
    /// optimizer would start.
    fn reset(&mut self);
}

/// Cloning boxed optimizers (implemented for every `Optimizer + Clone`), so scenes holding
/// runs can derive `Clone`.
pub trait CloneOptimizer {
    /// A boxed copy, state included.
    fn clone_box(&self) -> Box<dyn Optimizer>;
}

impl<T: Optimizer + Clone + 'static> CloneOptimizer for T {
    fn clone_box(&self) -> Box<dyn Optimizer> {
        Box::new(self.clone())
    }
}

impl Clone for Box<dyn Optimizer> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

/// Checks the learning rate every method accepts: finite and ≥ 0.
pub(crate) fn check_lr(lr: f64) -> Result<(), StepError> {
    if lr.is_finite() && lr >= 0.0 { Ok(()) } else { Err(StepError::LearningRate(lr)) }
}

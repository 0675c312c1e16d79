//! A full-batch update that starts where the last frame's pass over the data was made reuses
//! it: a frame ends with one pass giving L(θ), ∇_θ L and the accuracy for the readouts
//! ([`Measured`]), and the next frame's first update asks for L and ∇L at that same θ. Asked
//! at exactly that θ, the objective answers from the pass instead of making another (the
//! numbers are the same bits: the pass computes the loss and gradient in the same order), so
//! a full-batch frame makes one pass over the points, not two.

use crate::objective::Breakdown;
use crate::optim::{LossFn, StepError};

/// L(θ), ∇_θ L and the number of points classified correctly at one θ, from one pass.
#[derive(Clone, Debug, Default)]
pub(crate) struct Measured {
    pub(crate) theta: Vec<f64>,
    pub(crate) loss: Breakdown,
    pub(crate) grad: Vec<f64>,
    pub(crate) correct: usize,
}

/// `inner`, answering from `measured` at its θ.
pub(super) struct Remembered<'a> {
    pub(super) inner: &'a mut dyn LossFn,
    pub(super) measured: Option<&'a Measured>,
    /// Whether the last evaluation was answered from `measured`.
    answered: bool,
}

impl<'a> Remembered<'a> {
    /// `inner` answering from `measured` (none: `inner` always answers).
    pub(super) fn new(inner: &'a mut dyn LossFn, measured: Option<&'a Measured>) -> Self {
        Remembered { inner, measured, answered: false }
    }

    /// The pass made at `theta`, if there is one.
    fn at(&self, theta: &[f64]) -> Option<&'a Measured> {
        self.measured.filter(|m| m.theta == theta)
    }
}

impl LossFn for Remembered<'_> {
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64 {
        let known = self.at(theta);
        self.answered = known.is_some();
        match known {
            Some(m) => {
                grad.copy_from_slice(&m.grad);
                m.loss.total()
            }
            None => self.inner.loss_and_gradient(theta, grad),
        }
    }

    fn loss(&mut self, theta: &[f64]) -> f64 {
        let known = self.at(theta);
        self.answered = known.is_some();
        match known {
            Some(m) => m.loss.total(),
            None => self.inner.loss(theta),
        }
    }

    fn hessian(&mut self, theta: &[f64], hessian: &mut [f64]) -> Result<(), StepError> {
        self.inner.hessian(theta, hessian)
    }

    fn next_step(&mut self) {
        self.inner.next_step();
    }

    fn last_breakdown(&self) -> Option<Breakdown> {
        match self.measured {
            Some(m) if self.answered => Some(m.loss),
            _ => self.inner.last_breakdown(),
        }
    }
}

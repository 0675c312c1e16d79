//! What a [`Run`](super::run::Run) records, through an observer: each row t (the point after
//! t updates, L there and α_t) and, where the observer keeps them, the points each update
//! evaluated. The [`Trajectory`](super::trajectory::Trajectory) keeps everything (the
//! default); the lab's [`History`](crate::lab::History) keeps an evenly thinned record of a
//! long run with the loss split into its terms.

use crate::objective::Breakdown;

/// Row t of a run, as the driver hands it to its observer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row<'a> {
    /// t: the updates made so far (0 is the start).
    pub step: usize,
    /// The parameters after t updates.
    pub theta: &'a [f64],
    /// [`LossFn::loss`](super::LossFn::loss) there: the exact objective.
    pub loss: f64,
    /// The same loss split into L = data + λR, where the loss function has those terms
    /// ([`LossFn::last_breakdown`](super::LossFn::last_breakdown)).
    pub breakdown: Option<Breakdown>,
    /// α_t, the rate the next update uses.
    pub rate: f64,
}

/// An observer of a run. Recording a row must not allocate once the observer's buffers have
/// grown: the driver calls it on every step.
pub trait Record {
    /// Forgets everything: a new run over `dim` parameters starts.
    fn restart(&mut self, dim: usize);

    /// Records row `row.step`.
    fn row(&mut self, row: &Row<'_>);

    /// A point the update in progress evaluated and the loss the optimizer was told there;
    /// it belongs to the next row. By default not kept.
    fn evaluation(&mut self, point: &[f64], loss: f64) {
        let _ = (point, loss);
    }

    /// The update in progress failed: forget its evaluations.
    fn discard_evaluations(&mut self) {}

    /// The schedule changed before the next update: the last row's α_t becomes `rate`.
    fn set_last_rate(&mut self, rate: f64);
}

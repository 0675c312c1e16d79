//! The record of a run: per row t, the parameters after t updates, the loss there and the
//! rate α_t of the next update, plus every point the update that led there evaluated.
//!
//! Everything is stored flat (one growing buffer per quantity), so recording a step
//! allocates nothing once the buffers have grown, and a renderer can walk the points
//! directly. A long run can drop its oldest rows ([`Trajectory::drop_front`]); rows are then
//! indexed from the oldest kept one, whose update count is [`Trajectory::first_step`].

use super::record::{Record, Row};

/// One point the optimizer evaluated during an update: where, and the loss it saw there
/// (with gradient noise or on a minibatch, that is the noisy or batch loss).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evaluation<'a> {
    /// The point θ.
    pub point: &'a [f64],
    /// The loss the optimizer was told.
    pub loss: f64,
}

/// The recorded trajectory of a run over `dim` parameters: the [`Record`] a
/// [`Run`](super::run::Run) keeps by default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trajectory {
    dim: usize,
    /// With `Some(m)`, the oldest rows are dropped whenever more than 2m are kept.
    max_rows: Option<usize>,
    /// With `Some(k)`, only the last k rows keep their evaluations (see
    /// [`Trajectory::set_evaluation_rows`]).
    evaluation_rows: Option<usize>,
    /// Updates made before the first row kept.
    first: usize,
    points: Vec<f64>,
    losses: Vec<f64>,
    rates: Vec<f64>,
    /// Row t's evaluations are those from `eval_ends[t − 1]` (0 for t = 0) to `eval_ends[t]`.
    eval_ends: Vec<usize>,
    eval_points: Vec<f64>,
    eval_losses: Vec<f64>,
}

impl Trajectory {
    /// An empty trajectory over `dim` parameters.
    pub fn new(dim: usize) -> Self {
        Trajectory { dim, ..Trajectory::default() }
    }

    /// Number of parameters.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Number of rows kept (the start plus one per update, less any dropped).
    pub fn len(&self) -> usize {
        self.losses.len()
    }

    /// True before the start is recorded.
    pub fn is_empty(&self) -> bool {
        self.losses.is_empty()
    }

    /// The update count of row 0: 0 unless older rows were dropped.
    pub fn first_step(&self) -> usize {
        self.first
    }

    /// Forgets every row, keeping the buffers' capacity.
    pub fn clear(&mut self) {
        self.first = 0;
        self.points.clear();
        self.losses.clear();
        self.rates.clear();
        self.eval_ends.clear();
        self.eval_points.clear();
        self.eval_losses.clear();
    }

    /// Records a point evaluated by the update in progress; it belongs to the next row pushed.
    pub fn push_evaluation(&mut self, point: &[f64], loss: f64) {
        debug_assert_eq!(point.len(), self.dim);
        self.eval_points.extend_from_slice(point);
        self.eval_losses.push(loss);
    }

    /// Drops the evaluations recorded since the last row (an update that did not complete).
    pub fn discard_evaluations(&mut self) {
        let end = self.eval_ends.last().copied().unwrap_or(0);
        self.eval_losses.truncate(end);
        self.eval_points.truncate(end * self.dim);
    }

    /// Appends row t = `len()`: the point after t updates, the loss there and the rate α_t of
    /// the next update. The evaluations recorded since the previous row become this row's
    /// (older rows' may be forgotten: [`Trajectory::set_evaluation_rows`]).
    ///
    /// ```
    /// use descent::optim::trajectory::Trajectory;
    /// let mut tr = Trajectory::new(1);
    /// tr.push(&[2.0], 4.0, 0.5);
    /// tr.push_evaluation(&[2.0], 4.0);
    /// tr.push(&[0.0], 0.0, 0.5);
    /// assert_eq!(tr.point(1), &[0.0]);
    /// assert_eq!(tr.evaluations(1).map(|e| e.loss).collect::<Vec<_>>(), vec![4.0]);
    /// assert_eq!(tr.evaluations(0).count(), 0);
    /// ```
    pub fn push(&mut self, point: &[f64], loss: f64, rate: f64) {
        debug_assert_eq!(point.len(), self.dim);
        self.points.extend_from_slice(point);
        self.losses.push(loss);
        self.rates.push(rate);
        self.eval_ends.push(self.eval_losses.len());
        self.bound_evaluations();
    }

    /// Replaces the last row's rate (when the schedule changes before the next update).
    pub fn set_last_rate(&mut self, rate: f64) {
        if let Some(last) = self.rates.last_mut() {
            *last = rate;
        }
    }

    /// Bounds the trajectory for long runs: with `Some(m)` (m ≥ 1) the oldest rows are
    /// dropped whenever more than 2m are kept, leaving the last m (so memory stays bounded
    /// and the cost per row amortized constant); `None` (the default) keeps every row.
    pub fn set_max_rows(&mut self, rows: Option<usize>) {
        self.max_rows = rows.map(|m| m.max(1));
        self.bound();
    }

    /// Bounds the evaluations kept: with `Some(k)` only the last k rows keep theirs (older
    /// rows' are forgotten once they outnumber the kept ones, so memory stays within twice
    /// what k rows hold and the cost per row amortized constant); `None` (the default) keeps
    /// every row's. Random search with thousands of candidates a step would otherwise fill
    /// memory in a long run.
    ///
    /// ```
    /// use descent::optim::trajectory::Trajectory;
    /// let mut tr = Trajectory::new(1);
    /// tr.set_evaluation_rows(Some(2));
    /// tr.push(&[0.0], 0.0, 0.1);
    /// for t in 1..=6 {
    ///     (0..3).for_each(|_| tr.push_evaluation(&[t as f64], 0.0));
    ///     tr.push(&[t as f64], 0.0, 0.1);
    /// }
    /// assert_eq!(tr.evaluations(6).count(), 3);
    /// assert_eq!(tr.evaluations(5).count(), 3);
    /// assert!(tr.evaluation_count() <= 2 * 2 * 3);
    /// ```
    pub fn set_evaluation_rows(&mut self, rows: Option<usize>) {
        self.evaluation_rows = rows;
        self.bound_evaluations();
    }

    /// Forgets the evaluations of rows before the last k once they outnumber the others.
    fn bound_evaluations(&mut self) {
        let Some(k) = self.evaluation_rows else { return };
        let Some(old) = self.len().checked_sub(k + 1) else { return };
        let forgotten = self.eval_ends[old];
        if forgotten == 0 || 2 * forgotten <= self.evaluation_count() {
            return;
        }
        self.eval_ends.iter_mut().for_each(|end| *end = end.saturating_sub(forgotten));
        self.eval_points.drain(..forgotten * self.dim);
        self.eval_losses.drain(..forgotten);
    }

    /// Drops the oldest rows when more than twice [`Trajectory::set_max_rows`]'s bound are kept.
    fn bound(&mut self) {
        if let Some(max) = self.max_rows
            && self.len() > 2 * max
        {
            self.drop_front(self.len() - max);
        }
    }

    /// Drops the oldest `rows` rows (all of them at most) and their evaluations; the row
    /// that was `rows` becomes row 0 and [`Trajectory::first_step`] grows by `rows`.
    ///
    /// ```
    /// use descent::optim::trajectory::Trajectory;
    /// let mut tr = Trajectory::new(1);
    /// for t in 0..5 {
    ///     tr.push_evaluation(&[t as f64], 0.0);
    ///     tr.push(&[t as f64], 0.0, 0.1);
    /// }
    /// tr.drop_front(3);
    /// assert_eq!((tr.len(), tr.first_step(), tr.point(0)), (2, 3, &[3.0][..]));
    /// assert_eq!(tr.evaluations(1).next().unwrap().point, &[4.0]);
    /// ```
    pub fn drop_front(&mut self, rows: usize) {
        let rows = rows.min(self.len());
        if rows == 0 {
            return;
        }
        let evaluations = self.eval_ends[rows - 1];
        self.points.drain(..rows * self.dim);
        self.losses.drain(..rows);
        self.rates.drain(..rows);
        self.eval_ends.drain(..rows);
        self.eval_ends.iter_mut().for_each(|end| *end -= evaluations);
        self.eval_points.drain(..evaluations * self.dim);
        self.eval_losses.drain(..evaluations);
        self.first += rows;
    }

    /// Row t's point: the parameters after t updates (t + [`Trajectory::first_step`] once
    /// rows were dropped).
    pub fn point(&self, t: usize) -> &[f64] {
        &self.points[t * self.dim..(t + 1) * self.dim]
    }

    /// Every row's point, row after row (`len() × dim` values).
    pub fn points(&self) -> &[f64] {
        &self.points
    }

    /// The loss at each row's point.
    pub fn losses(&self) -> &[f64] {
        &self.losses
    }

    /// Each row's α_t: the rate of the update that leaves it.
    pub fn rates(&self) -> &[f64] {
        &self.rates
    }

    /// The points the update that produced row t evaluated, in order (none for row 0).
    pub fn evaluations(&self, t: usize) -> impl Iterator<Item = Evaluation<'_>> {
        let start = if t == 0 { 0 } else { self.eval_ends[t - 1] };
        (start..self.eval_ends[t]).map(move |i| Evaluation {
            point: &self.eval_points[i * self.dim..(i + 1) * self.dim],
            loss: self.eval_losses[i],
        })
    }

    /// The number of evaluations kept (those of every row kept, unless
    /// [`Trajectory::set_evaluation_rows`] bounds them).
    pub fn evaluation_count(&self) -> usize {
        self.eval_ends.last().copied().unwrap_or(0)
    }

    /// The last row's point (None before the start is recorded).
    pub fn last_point(&self) -> Option<&[f64]> {
        self.len().checked_sub(1).map(|t| self.point(t))
    }
}

impl Record for Trajectory {
    /// Forgets every row (keeping the buffers' capacity and the row bound).
    fn restart(&mut self, dim: usize) {
        self.dim = dim;
        self.clear();
    }

    fn row(&mut self, row: &Row<'_>) {
        self.push(row.theta, row.loss, row.rate);
        self.bound();
    }

    fn evaluation(&mut self, point: &[f64], loss: f64) {
        self.push_evaluation(point, loss);
    }

    fn discard_evaluations(&mut self) {
        Trajectory::discard_evaluations(self);
    }

    fn set_last_rate(&mut self, rate: f64) {
        Trajectory::set_last_rate(self, rate);
    }
}

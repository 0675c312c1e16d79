//! The driver: runs an optimizer under a learning-rate schedule, records each step through an
//! observer ([`Record`]: the [`Trajectory`] by default) and stops a run that diverges.
//!
//! ```
//! use descent::optim::{run::Run, sgd::Sgd};
//! use descent::schedule::Schedule;
//! use descent::surface::{Surface, SurfaceKind};
//! let mut surface = Surface::new(SurfaceKind::Booth);
//! let mut run = Run::new(Box::new(Sgd::default()), Schedule::constant(0.05), &[-5.0, -5.0], &mut surface);
//! run.run(200, &mut surface).unwrap();
//! let end = run.theta();
//! assert!((end[0] - 1.0).abs() < 1e-6 && (end[1] - 3.0).abs() < 1e-6);
//! assert_eq!(run.trajectory().len(), 201);
//! ```

use std::fmt;

use super::record::{Record, Row};
use super::trajectory::Trajectory;
use super::{LossFn, Optimizer, StepError};
use crate::objective::Breakdown;
use crate::schedule::{Plateau, Schedule};

/// When a finite run counts as exploded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// The largest |L| a run may reach.
    pub loss: f64,
    /// The largest |θ_i| a run may reach.
    pub param: f64,
}

impl Default for Limits {
    /// |L| ≤ 1e12 and |θ_i| ≤ 1e8: far beyond anything the lab can show, well before
    /// overflow.
    fn default() -> Self {
        Limits { loss: 1e12, param: 1e8 }
    }
}

/// What blew up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Divergence {
    /// The loss became NaN or infinite.
    NonFiniteLoss(f64),
    /// |L| passed the limit.
    LossExploded { loss: f64, limit: f64 },
    /// Parameter `index` became NaN or infinite.
    NonFiniteParameter { index: usize, value: f64 },
    /// |θ_index| passed the limit.
    ParameterExploded { index: usize, value: f64, limit: f64 },
}

impl fmt::Display for Divergence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Divergence::NonFiniteLoss(loss) => write!(f, "the loss became {loss}"),
            Divergence::LossExploded { loss, limit } => write!(f, "the loss {loss:e} exceeds {limit:e}"),
            Divergence::NonFiniteParameter { index, value } => write!(f, "parameter {index} became {value}"),
            Divergence::ParameterExploded { index, value, limit } => {
                write!(f, "parameter {index} = {value:e} exceeds {limit:e} in size")
            }
        }
    }
}

/// Why a run stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum RunError {
    /// Update `step` (counted from 1) led somewhere non-finite or exploded.
    Diverged { step: usize, reason: Divergence },
    /// Update `step` could not be made.
    Step { step: usize, error: StepError },
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Diverged { step: 0, reason } => write!(f, "diverged at the start: {reason}"),
            RunError::Diverged { step, reason } => write!(f, "diverged at step {step}: {reason}"),
            RunError::Step { step, error } => write!(f, "step {step} failed: {error}"),
        }
    }
}

impl std::error::Error for RunError {}

/// Checks a point and its loss against the limits.
pub fn check(theta: &[f64], loss: f64, limits: &Limits) -> Result<(), Divergence> {
    check_parameters(theta, limits)?;
    check_loss(loss, limits)
}

/// Checks a point against the parameter limit.
pub fn check_parameters(theta: &[f64], limits: &Limits) -> Result<(), Divergence> {
    for (index, &value) in theta.iter().enumerate() {
        if !value.is_finite() {
            return Err(Divergence::NonFiniteParameter { index, value });
        }
        if value.abs() > limits.param {
            return Err(Divergence::ParameterExploded { index, value, limit: limits.param });
        }
    }
    Ok(())
}

/// Checks a loss against the loss limit.
pub fn check_loss(loss: f64, limits: &Limits) -> Result<(), Divergence> {
    if !loss.is_finite() {
        return Err(Divergence::NonFiniteLoss(loss));
    }
    if loss.abs() > limits.loss {
        return Err(Divergence::LossExploded { loss, limit: limits.loss });
    }
    Ok(())
}

/// Wraps the loss function an optimizer is handed, showing the observer every point it
/// evaluates.
struct Recorder<'a, R> {
    inner: &'a mut dyn LossFn,
    record: &'a mut R,
}

impl<R: Record> LossFn for Recorder<'_, R> {
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64 {
        let loss = self.inner.loss_and_gradient(theta, grad);
        self.record.evaluation(theta, loss);
        loss
    }

    fn loss(&mut self, theta: &[f64]) -> f64 {
        let loss = self.inner.loss(theta);
        self.record.evaluation(theta, loss);
        loss
    }

    fn hessian(&mut self, theta: &[f64], hessian: &mut [f64]) -> Result<(), StepError> {
        self.inner.hessian(theta, hessian)
    }

    fn next_step(&mut self) {
        self.inner.next_step();
    }

    fn last_breakdown(&self) -> Option<Breakdown> {
        self.inner.last_breakdown()
    }
}

/// A run: an optimizer, its schedule, the current parameters and the observer `R` that
/// records it (the [`Trajectory`] unless [`Run::with_record`] gives another).
///
/// Row t is the point after t updates, [`LossFn::loss`] there and α_t; before each row
/// after the first the observer sees the points its update evaluated. The loss of each new
/// row also goes to the schedule's state ([`Plateau`]), which the plateau schedule reads to
/// decide α_{t+1} (PyTorch's `scheduler.step(loss)` after each `optimizer.step`); every other
/// schedule depends on t alone. A run whose
/// parameters or loss turn non-finite or pass the [`Limits`] stops with
/// [`RunError::Diverged`]; the offending update is not recorded and the parameters go back
/// to the last recorded point. Once stopped, a run refuses further steps with the same error.
#[derive(Clone, Debug)]
pub struct Run<R = Trajectory> {
    optimizer: Box<dyn Optimizer>,
    schedule: Schedule,
    /// What the schedule has learnt from the losses so far (only the plateau schedule reads it).
    plateau: Plateau,
    limits: Limits,
    theta: Vec<f64>,
    /// θ before the update in progress, to go back to if it fails.
    previous: Vec<f64>,
    updates: usize,
    record: R,
    stopped: Option<RunError>,
    /// Whether an update was left in progress by [`Run::update`].
    in_progress: bool,
    /// Whether updates were made since the last recorded row.
    unrecorded: bool,
}

impl Run {
    /// Starts a run at `start` recording its [`Trajectory`], with row 0 (f is evaluated
    /// there once).
    pub fn new(optimizer: Box<dyn Optimizer>, schedule: Schedule, start: &[f64], f: &mut dyn LossFn) -> Self {
        Run::with_record(Trajectory::new(start.len()), optimizer, schedule, start, f)
    }

    /// The recorded trajectory.
    pub fn trajectory(&self) -> &Trajectory {
        &self.record
    }

    /// Bounds the trajectory for long runs ([`Trajectory::set_max_rows`]): with `Some(m)`
    /// (m ≥ 1) the oldest rows are dropped whenever more than 2m are kept, leaving the last
    /// m; `None` (the default) keeps every row.
    pub fn set_max_rows(&mut self, rows: Option<usize>) {
        self.record.set_max_rows(rows);
    }

    /// Keeps the evaluations of the last `rows` rows only
    /// ([`Trajectory::set_evaluation_rows`]).
    pub fn set_evaluation_rows(&mut self, rows: Option<usize>) {
        self.record.set_evaluation_rows(rows);
    }
}

impl<R: Record> Run<R> {
    /// Starts a run at `start` recorded by `record`, with row 0 (f is evaluated there once).
    pub fn with_record(
        record: R,
        optimizer: Box<dyn Optimizer>,
        schedule: Schedule,
        start: &[f64],
        f: &mut dyn LossFn,
    ) -> Self {
        let mut run = Run {
            optimizer,
            plateau: Plateau::new(schedule.lr),
            schedule,
            limits: Limits::default(),
            theta: Vec::new(),
            previous: Vec::new(),
            updates: 0,
            record,
            stopped: None,
            in_progress: false,
            unrecorded: false,
        };
        run.restart(start, f);
        run
    }

    /// Goes back to a fresh start at `start`: the optimizer's state is reset and the
    /// observer restarted with row 0.
    pub fn restart(&mut self, start: &[f64], f: &mut dyn LossFn) {
        self.restart_at(start, 0, f);
    }

    /// Goes on from `theta` as if `step` updates had led there: the optimizer's state is reset
    /// (its moments are not known), the schedule continues at α_step, and the observer
    /// restarts with row `step`. `restart_at(start, 0, f)` is [`Run::restart`].
    pub fn restart_at(&mut self, start: &[f64], step: usize, f: &mut dyn LossFn) {
        self.optimizer.reset();
        self.theta.clear();
        self.theta.extend_from_slice(start);
        self.previous.clear();
        self.previous.extend_from_slice(start);
        self.updates = step;
        self.in_progress = false;
        self.unrecorded = false;
        self.plateau = Plateau::new(self.schedule.lr);
        self.record.restart(start.len());
        let loss = f.loss(start);
        let rate = self.rate();
        self.record.row(&Row { step, theta: start, loss, breakdown: f.last_breakdown(), rate });
        self.stopped = check(start, loss, &self.limits).err().map(|reason| RunError::Diverged { step, reason });
    }

    /// Makes one update with rate α_t = schedule(t), t = updates made so far, and records it.
    pub fn step(&mut self, f: &mut dyn LossFn) -> Result<(), RunError> {
        while !self.update(f, &mut || true)? {}
        let loss = f.loss(&self.theta);
        self.record_row(loss, f.last_breakdown())
    }

    /// Works on the next update while `go()` says to go on, without recording it: `Ok(true)`
    /// once the update is made, `Ok(false)` while it is in progress (an optimizer that splits
    /// its update, [`Optimizer::step_within`]; the next call resumes it, with the same α_t).
    /// The new θ is checked against the parameter limit at once; its loss is checked when a
    /// row is recorded ([`Run::record_row`]), which a caller with a time budget does once
    /// after several updates instead of evaluating the full objective after each.
    pub fn update(&mut self, f: &mut dyn LossFn, go: &mut dyn FnMut() -> bool) -> Result<bool, RunError> {
        if let Some(stopped) = &self.stopped {
            return Err(stopped.clone());
        }
        let t = self.updates;
        let lr = self.rate();
        if !self.in_progress {
            f.next_step();
            self.previous.copy_from_slice(&self.theta);
        }
        let mut recorder = Recorder { inner: &mut *f, record: &mut self.record };
        let error = match self.optimizer.step_within(&mut self.theta, lr, &mut recorder, go) {
            Ok(false) => {
                self.in_progress = true;
                return Ok(false);
            }
            Ok(true) => match check_parameters(&self.theta, &self.limits) {
                Ok(()) => {
                    self.in_progress = false;
                    self.updates = t + 1;
                    self.unrecorded = true;
                    return Ok(true);
                }
                Err(reason) => RunError::Diverged { step: t + 1, reason },
            },
            Err(error) => RunError::Step { step: t + 1, error },
        };
        self.in_progress = false;
        self.fail(error)
    }

    /// Records the row of the current point after the updates made since the last row, with
    /// `loss` the full objective there ([`LossFn::loss`]) and its breakdown, and feeds the
    /// loss to the schedule's state. A loss beyond the limits stops the run at the last
    /// update, which is undone (θ goes back to the point before it). Nothing happens when
    /// every update is recorded already.
    pub fn record_row(&mut self, loss: f64, breakdown: Option<Breakdown>) -> Result<(), RunError> {
        if !self.unrecorded {
            return Ok(());
        }
        self.unrecorded = false;
        let t = self.updates;
        if let Err(reason) = check_loss(loss, &self.limits) {
            self.updates = t - 1;
            return self.fail(RunError::Diverged { step: t, reason }).map(drop);
        }
        self.schedule.observe(&mut self.plateau, t, loss);
        let rate = self.rate();
        self.record.row(&Row { step: t, theta: &self.theta, loss, breakdown, rate });
        Ok(())
    }

    /// Whether updates were made since the last row.
    pub fn unrecorded(&self) -> bool {
        self.unrecorded
    }

    /// How far an update left in progress has come ([`Optimizer::progress`]).
    pub fn progress(&self) -> Option<(usize, usize)> {
        if self.in_progress { self.optimizer.progress() } else { None }
    }

    /// Stops the run with `error`: the evaluations of the failed update are forgotten and θ
    /// goes back to the point before it.
    fn fail(&mut self, error: RunError) -> Result<bool, RunError> {
        self.record.discard_evaluations();
        self.theta.copy_from_slice(&self.previous);
        self.stopped = Some(error.clone());
        Err(error)
    }

    /// Makes up to `steps` updates, stopping at the first error.
    pub fn run(&mut self, steps: usize, f: &mut dyn LossFn) -> Result<(), RunError> {
        (0..steps).try_for_each(|_| self.step(f))
    }

    /// The current parameters (the last recorded point).
    pub fn theta(&self) -> &[f64] {
        &self.theta
    }

    /// Updates made so far.
    pub fn updates(&self) -> usize {
        self.updates
    }

    /// The observer that records the run.
    pub fn record(&self) -> &R {
        &self.record
    }

    /// Why the run stopped, if it did.
    pub fn stopped(&self) -> Option<&RunError> {
        self.stopped.as_ref()
    }

    /// The schedule.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// α_t for the next update: the schedule's at t = updates made so far, given what the
    /// plateau schedule has seen.
    pub fn rate(&self) -> f64 {
        self.schedule.rate_with(self.updates, &self.plateau)
    }

    /// Changes the schedule from the next update on: the last row's α_t becomes the new
    /// schedule's (the rate the next update will use); earlier rows keep theirs. A different
    /// schedule starts the plateau schedule's watch afresh.
    pub fn set_schedule(&mut self, schedule: Schedule) {
        if schedule != self.schedule {
            self.plateau = Plateau::new(schedule.lr);
        }
        self.schedule = schedule;
        self.record.set_last_rate(self.rate());
    }

    /// The optimizer.
    pub fn optimizer(&self) -> &dyn Optimizer {
        self.optimizer.as_ref()
    }

    /// Replaces the optimizer, keeping the parameters and the record; the new optimizer's
    /// own state (fresh when just built from settings) is used as it is.
    pub fn set_optimizer(&mut self, optimizer: Box<dyn Optimizer>) {
        self.optimizer = optimizer;
        self.in_progress = false;
    }

    /// The divergence limits.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Changes the divergence limits for later updates.
    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }
}

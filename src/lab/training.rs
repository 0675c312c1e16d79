//! Training: the optimizer library's methods, schedules and minibatches, stepping the lab's θ.
//!
//! Each update is the library's: this step's rate α_t comes from the
//! [`Schedule`](crate::schedule::Schedule) (t counts the run's updates from 0), the
//! [`Optimizer`] built from the [`Settings`] makes the update through a [`ClassifierLoss`]
//! over the whole dataset or, with a batch size below N, over the next minibatch of a seeded
//! [`Minibatches`] sampler (shuffled by the data seed), and [`check`] with the library's
//! default [`Limits`] decides whether the new point diverged.
//!
//! The lab runs these pieces itself rather than through [`crate::optim::run::Run`]: `Run`
//! keeps every step and every evaluated point, and a lab left playing at hundreds of steps
//! per frame would grow by gigabytes an hour. The lab's [`History`](super::History) keeps a
//! bounded, evenly thinned record instead, with the loss split into its data and
//! regularization terms.
//!
//! When an update fails or diverges, training stops at the last good point (so nothing
//! non-finite is ever drawn), Play pauses, and [`Lab::stopped`] says why until a new run
//! starts (Reset, or any change of the rules in [`crate::lab`]).

use std::fmt;

use super::history::Entry;
use super::{Lab, LabError};
use crate::model::Shape;
use crate::optim::classifier::ClassifierLoss;
use crate::optim::minibatch::Minibatches;
use crate::optim::run::{Divergence, Limits, check};
use crate::optim::settings::{Method, Settings, SettingsError};
use crate::optim::{LossFn, Optimizer, StepError};

/// The most steps one frame may make.
pub const MAX_SPEED: usize = 1000;

/// Why training stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum StopReason {
    /// The point after the update was non-finite or exploded.
    Diverged(Divergence),
    /// The optimizer could not make the update.
    Failed(StepError),
}

/// Training stopped at update `step` (counted from 1); θ stayed at the point after
/// `step − 1` updates.
#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    /// The update that failed.
    pub step: usize,
    /// Why.
    pub reason: StopReason,
    /// The parameters' names, so the message can name the one that blew up.
    shape: Shape,
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let step = self.step;
        let name = |index: usize| self.shape.param(index).to_string();
        match &self.reason {
            StopReason::Diverged(d) => {
                write!(f, "Training diverged at step {step}: ")?;
                match *d {
                    Divergence::NonFiniteLoss(loss) => write!(f, "the total loss became {loss}")?,
                    Divergence::LossExploded { loss, limit } => {
                        write!(f, "the total loss reached {loss:.3e}, beyond {limit:.0e}")?
                    }
                    Divergence::NonFiniteParameter { index, value } => write!(f, "{} became {value}", name(index))?,
                    Divergence::ParameterExploded { index, value, limit } => {
                        write!(f, "{} reached {value:.3e}, beyond ±{limit:.0e}", name(index))?
                    }
                }
                write!(f, ". W and b stay at step {}; lower the learning rate and press Reset.", step - 1)
            }
            StopReason::Failed(e) => write!(f, "Training stopped at step {step}: {e}."),
        }
    }
}

/// A run's optimizer state: the optimizer, the minibatch sampler, the update count and
/// whether it stopped.
#[derive(Clone, Debug)]
pub(crate) struct Training {
    optimizer: Box<dyn Optimizer>,
    batches: Option<Minibatches>,
    /// Which points are in the current minibatch (empty for full batch).
    batch_mask: Vec<bool>,
    step: usize,
    stopped: Option<Stop>,
    /// θ before the update in progress, to return to if it diverges.
    previous: Vec<f64>,
    /// Whether Play is on.
    running: bool,
    speed: usize,
}

impl Training {
    pub(crate) fn new(settings: &Settings) -> Self {
        Training {
            optimizer: settings.build().expect("default settings are valid"),
            batches: None,
            batch_mask: Vec::new(),
            step: 0,
            stopped: None,
            previous: Vec::new(),
            running: false,
            speed: 1,
        }
    }
}

impl Training {
    pub(crate) fn in_batch(&self, i: usize) -> bool {
        self.batch_mask.get(i).copied().unwrap_or(false)
    }
}

impl Lab {
    /// The optimizer's settings: method, hyperparameters and schedule.
    pub fn optimizer(&self) -> &Settings {
        &self.settings
    }

    /// The minibatch size; 0 means the whole dataset (gradient descent).
    pub fn batch_size(&self) -> usize {
        self.batch_size
    }

    /// Updates made in the current run.
    pub fn steps(&self) -> usize {
        self.training.step
    }

    /// α_t, the learning rate the next update uses.
    pub fn learning_rate(&self) -> f64 {
        self.settings.schedule.rate(self.training.step)
    }

    /// Full passes over the data made by the minibatch sampler (0 for full batch).
    pub fn epochs(&self) -> usize {
        self.training.batches.as_ref().map_or(0, Minibatches::epochs)
    }

    /// The epoch the last minibatch belongs to, counted from 1: ⌈t / ⌈N/B⌉⌉ after t updates
    /// (0 before the first update and for full batch).
    pub fn epoch(&self) -> usize {
        self.training.batches.as_ref().map_or(0, |b| self.training.step.div_ceil(b.batches_per_epoch()))
    }

    /// Why training stopped, if it did in this run.
    pub fn stopped(&self) -> Option<&Stop> {
        self.training.stopped.as_ref()
    }

    /// Whether Play is on.
    pub fn running(&self) -> bool {
        self.training.running
    }

    /// Turns Play on or off. A stopped run cannot play until a new run starts.
    pub fn set_running(&mut self, running: bool) {
        self.training.running = running && self.training.stopped.is_none();
        self.dirty = true;
    }

    /// Steps made per frame while playing.
    pub fn speed(&self) -> usize {
        self.training.speed
    }

    /// Whether point `i` is in the current minibatch.
    pub fn in_batch(&self, i: usize) -> bool {
        self.training.in_batch(i)
    }

    /// The points of the current minibatch (none for full batch).
    pub fn batch(&self) -> &[usize] {
        match &self.training.batches {
            Some(b) if self.training.step > 0 => b.current(),
            _ => &[],
        }
    }

    /// Replaces the optimizer settings (rule 2: θ kept, new run). Settings the library
    /// cannot build an optimizer from are refused and change nothing; a decay horizon T ≤ W is
    /// accepted as the library accepts it (the rate is 0 after the warmup), so T and W can be
    /// set in either order.
    pub fn set_optimizer(&mut self, settings: Settings) -> Result<(), LabError> {
        let optimizer = settings.build().map_err(optimizer_error)?;
        self.settings = settings;
        self.training.optimizer = optimizer;
        self.restart_run();
        Ok(())
    }

    /// Sets the minibatch size (0 or ≥ N for the whole dataset; rule 2).
    pub fn set_batch_size(&mut self, size: usize) {
        self.batch_size = size;
        self.restart_run();
    }

    /// Sets the steps per frame, 1 to [`MAX_SPEED`].
    pub fn set_speed(&mut self, speed: usize) -> Result<(), LabError> {
        if !(1..=MAX_SPEED).contains(&speed) {
            let expected = format!("a whole number from 1 to {MAX_SPEED}");
            return Err(LabError::value("speed", &speed.to_string(), expected));
        }
        self.training.speed = speed;
        Ok(())
    }

    /// Resets the optimizer's state and the sampler for a new run from the current θ.
    pub(super) fn restart_training(&mut self) {
        let t = &mut self.training;
        t.optimizer.reset();
        t.step = 0;
        t.stopped = None;
        let n = self.data.len();
        t.batches = (self.batch_size > 0 && self.batch_size < n)
            .then(|| Minibatches::new(n, self.batch_size, true, self.spec.seed));
        t.batch_mask.clear();
        t.batch_mask.resize(if t.batches.is_some() { n } else { 0 }, false);
    }

    /// Makes one update (see the module docs). Returns the stop if training cannot go on.
    pub fn step(&mut self) -> Result<(), Stop> {
        self.advance(1)
    }

    /// Makes up to `steps` updates, stopping at the first failure.
    pub fn advance(&mut self, steps: usize) -> Result<(), Stop> {
        if let Some(stop) = &self.training.stopped {
            return Err(stop.clone());
        }
        let shape = self.shape();
        let limits = Limits::default();
        let schedule = self.settings.schedule;
        let mut evaluator = self.objective.evaluator(&self.data);
        let mut loss = ClassifierLoss::new(&self.objective, &self.data);
        if let Some(batches) = self.training.batches.take() {
            loss = loss.with_minibatches(batches);
        }
        let training = &mut self.training;
        let mut outcome = Ok(());
        for _ in 0..steps {
            let t = training.step;
            training.previous.clone_from(&self.theta);
            loss.next_step();
            let stepped = training.optimizer.step(&mut self.theta, schedule.rate(t), &mut loss);
            let breakdown = evaluator.loss(&self.theta, None);
            let reason = match stepped {
                Err(e) => Some(StopReason::Failed(e)),
                Ok(()) => check(&self.theta, breakdown.total(), &limits).err().map(StopReason::Diverged),
            };
            if let Some(reason) = reason {
                self.theta.clone_from(&training.previous);
                training.running = false;
                let stop = Stop { step: t + 1, reason, shape };
                training.stopped = Some(stop.clone());
                outcome = Err(stop);
                break;
            }
            training.step = t + 1;
            let entry = Entry { step: t + 1, loss: breakdown, lr: schedule.rate(t + 1) };
            self.history.push(entry, &self.theta);
        }
        training.batches = loss.minibatches().cloned();
        if let Some(batches) = &training.batches {
            training.batch_mask.iter_mut().for_each(|m| *m = false);
            for &i in batches.current() {
                training.batch_mask[i] = true;
            }
        }
        self.dirty = true;
        outcome
    }

    /// One animation frame's training: [`Lab::speed`] updates while playing.
    pub fn play_frame(&mut self) {
        if self.training.running {
            // A stop is recorded in the state and shown from there.
            let _ = self.advance(self.training.speed);
        }
    }

    /// The default optimizer of the lab: the cs231n demo's full-batch gradient descent with
    /// step size 0.1.
    pub fn demo_optimizer() -> Settings {
        let mut settings = Settings::new(Method::Sgd);
        settings.schedule.lr = 0.1;
        settings
    }
}

fn optimizer_error(e: SettingsError) -> LabError {
    LabError::Optimizer(e.to_string())
}

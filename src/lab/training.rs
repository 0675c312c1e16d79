//! Training: the optimizer library's driver, methods, schedules and minibatches, stepping the
//! lab's θ.
//!
//! A run is the library's [`Run`]: it makes each update with this step's rate α_t from the
//! [`Schedule`](crate::schedule::Schedule) (t counts the run's updates from 0), through a
//! [`ClassifierLoss`] over the whole dataset or, with a batch size below N, over the next
//! minibatch of a seeded [`Minibatches`] sampler (shuffled by the data seed), with σ of
//! [gradient noise](super::gradient_noise) added to every gradient; it checks every
//! new point against the library's default [`Limits`](crate::optim::run::Limits) and keeps θ
//! at the last good point when an update fails or diverges. It records through the lab's
//! [`History`] (its observer, [`Run::with_record`]): evenly thinned over the whole run and
//! with the loss split into its data and regularization terms (read from
//! [`LossFn::last_breakdown`](crate::optim::LossFn::last_breakdown), so each step evaluates the
//! objective once, as the driver does).
//!
//! When an update fails or diverges, Play pauses and [`Lab::stopped`] says why until a new run
//! starts (Reset, or any change of the rules in [`crate::lab`]); nothing non-finite is ever
//! drawn. A run whose starting point is already beyond the limits (a huge λ, say) is stopped
//! from the start and says so.

use std::fmt;

use super::gradient_noise::{self, MAX_GRADIENT_NOISE};
use super::history::{self, History};
use super::remembered::{Measured, Remembered};
use super::{Lab, LabError};
use crate::data::Dataset;
use crate::features::cache::FeatureCache;
use crate::model::Shape;
use crate::objective::Objective;
use crate::optim::classifier::ClassifierLoss;
use crate::optim::minibatch::Minibatches;
use crate::optim::noise::{GradientNoise, Normals};
use crate::optim::run::{Divergence, Run, RunError};
use crate::optim::settings::{Method, Settings, SettingsError};
use crate::optim::{LossFn, StepError};

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
/// `step − 1` updates. Step 0 means the run could not start: its starting point is already
/// beyond the limits.
#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    /// The update that failed.
    pub step: usize,
    /// Why.
    pub reason: StopReason,
    /// The parameters' names, so the message can name the one that blew up.
    shape: Shape,
}

impl Stop {
    /// The driver's error, with the model's shape to name parameters by.
    fn new(error: &RunError, shape: Shape) -> Self {
        match error {
            RunError::Diverged { step, reason } => Stop { step: *step, reason: StopReason::Diverged(*reason), shape },
            RunError::Step { step, error } => Stop { step: *step, reason: StopReason::Failed(error.clone()), shape },
        }
    }
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let step = self.step;
        let name = |index: usize| self.shape.param(index).to_string();
        match &self.reason {
            StopReason::Diverged(d) => {
                // At the start a quantity *is* beyond its limit; after an update it *became* so.
                let (verb, passed) = if step == 0 {
                    write!(f, "Training cannot start here: ")?;
                    ("is", "is")
                } else {
                    write!(f, "Training diverged at step {step}: ")?;
                    ("became", "reached")
                };
                match *d {
                    Divergence::NonFiniteLoss(loss) => write!(f, "the total loss {verb} {loss}")?,
                    Divergence::LossExploded { loss, limit } => {
                        write!(f, "the total loss {passed} {loss:.3e}, beyond {limit:.0e}")?
                    }
                    Divergence::NonFiniteParameter { index, value } => write!(f, "{} {verb} {value}", name(index))?,
                    Divergence::ParameterExploded { index, value, limit } => {
                        write!(f, "{} {passed} {value:.3e}, beyond ±{limit:.0e}", name(index))?
                    }
                }
                match step.checked_sub(1) {
                    Some(last) => {
                        write!(f, ". W and b stay at step {last}; lower the learning rate and press Reset.")
                    }
                    None => write!(f, ". Make W, b or λ smaller, or press Reset."),
                }
            }
            StopReason::Failed(e) => write!(f, "Training stopped at step {step}: {e}."),
        }
    }
}

/// A run and what the lab adds to it: the minibatch sampler, which points are in the current
/// batch, and Play with its speed.
#[derive(Clone, Debug)]
pub(crate) struct Training {
    run: Run<History>,
    batches: Option<Minibatches>,
    /// Which points are in the current minibatch (empty for full batch).
    batch_mask: Vec<bool>,
    /// Whether Play is on.
    running: bool,
    speed: usize,
    /// The gradient noise σ and its draws ([`super::gradient_noise`]).
    sigma: f64,
    normals: Normals,
    /// The run's dropout and jitter stream.
    pub(super) perturbation: super::perturbation::Perturbation,
    /// Whether a Step left its update in progress for the next frames to finish.
    stepping: bool,
    /// The last full pass over the data, made at the end of a frame's updates (see
    /// [`Lab::readouts`]).
    measured: Option<Measured>,
}

impl Training {
    /// A run of the optimizer `settings` describe from `start` on `f`.
    pub(crate) fn new(settings: &Settings, start: &[f64], f: &mut ClassifierLoss) -> Result<Self, LabError> {
        let optimizer = settings.build().map_err(optimizer_error)?;
        let history = History::new(start.len(), history::CAPACITY);
        let run = Run::with_record(history, optimizer, settings.schedule, start, f);
        let normals = gradient_noise::draws(0);
        let perturbation = super::perturbation::Perturbation::new(0);
        Ok(Training {
            run,
            batches: None,
            batch_mask: Vec::new(),
            running: false,
            speed: 1,
            sigma: 0.0,
            normals,
            perturbation,
            stepping: false,
            measured: None,
        })
    }

    pub(crate) fn sigma(&self) -> f64 {
        self.sigma
    }

    pub(crate) fn set_sigma(&mut self, sigma: f64) {
        self.sigma = sigma;
    }

    pub(crate) fn theta(&self) -> &[f64] {
        self.run.theta()
    }

    pub(crate) fn history(&self) -> &History {
        self.run.record()
    }

    pub(crate) fn in_batch(&self, i: usize) -> bool {
        self.batch_mask.get(i).copied().unwrap_or(false)
    }

    /// The last pass over the data if it was made at θ = `theta`.
    pub(crate) fn measured(&self, theta: &[f64]) -> Option<&Measured> {
        self.measured.as_ref().filter(|m| m.theta == theta)
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
        self.training.run.updates()
    }

    /// α_t, the learning rate the next update uses.
    pub fn learning_rate(&self) -> f64 {
        self.training.run.rate()
    }

    /// Full passes over the data made by the minibatch sampler (0 for full batch).
    pub fn epochs(&self) -> usize {
        self.training.batches.as_ref().map_or(0, Minibatches::epochs)
    }

    /// The epoch the last minibatch belongs to, counted from 1: ⌈t / ⌈N/B⌉⌉ after t updates
    /// (0 before the first update and for full batch).
    pub fn epoch(&self) -> usize {
        self.training.batches.as_ref().map_or(0, |b| self.steps().div_ceil(b.batches_per_epoch()))
    }

    /// A warning when the schedule gives α = 0 for every update from the next one on, so that
    /// Play and Step would not move θ: which step, and what to change.
    pub fn schedule_warning(&self) -> Option<String> {
        let schedule = &self.optimizer().schedule;
        let t = self.steps();
        if !schedule.stalls_from(t) {
            return None;
        }
        let cause = if schedule.kind.uses_total() && schedule.total <= schedule.warmup {
            format!("the horizon T = {} ends before the warmup W = {} does", schedule.total, schedule.warmup)
        } else if t > 0 {
            "the schedule has run its course".to_string()
        } else {
            "of the schedule's settings".to_string()
        };
        Some(format!(
            "The learning rate is 0 from step {t} on, because {cause}: training will not move. \
             Lengthen T, raise γ, or choose another schedule."
        ))
    }

    /// Why training stopped, if it did in this run.
    pub fn stopped(&self) -> Option<Stop> {
        self.training.run.stopped().map(|e| Stop::new(e, self.shape()))
    }

    /// Whether Play is on.
    pub fn running(&self) -> bool {
        self.training.running
    }

    /// Turns Play on or off. A stopped run cannot play until a new run starts.
    pub fn set_running(&mut self, running: bool) {
        self.training.running = running && self.training.run.stopped().is_none();
        self.training.stepping = false;
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
            Some(b) if self.steps() > 0 => b.current(),
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
        self.training.run.set_optimizer(optimizer);
        self.training.run.set_schedule(settings.schedule);
        self.restart_run();
        Ok(())
    }

    /// Sets the minibatch size (0 or ≥ N for the whole dataset; rule 2).
    pub fn set_batch_size(&mut self, size: usize) {
        self.batch_size = size;
        self.restart_run();
    }

    /// σ, the standard deviation of the noise added to each gradient component (0: exact
    /// gradients).
    pub fn gradient_noise(&self) -> f64 {
        self.training.sigma()
    }

    /// Sets σ (a new run from the current θ, like any change of the training's rules).
    ///
    /// ```
    /// let mut lab = descent::lab::Lab::default();
    /// lab.set("gradient-noise", "0.5").unwrap();
    /// assert_eq!(lab.gradient_noise(), 0.5);
    /// assert!(lab.set_gradient_noise(-1.0).is_err());
    /// ```
    pub fn set_gradient_noise(&mut self, sigma: f64) -> Result<(), LabError> {
        if !(0.0..=MAX_GRADIENT_NOISE).contains(&sigma) {
            let expected = format!("a number from 0 to {MAX_GRADIENT_NOISE}");
            return Err(LabError::value("gradient-noise", &sigma.to_string(), expected));
        }
        self.training.set_sigma(sigma);
        self.restart_run();
        Ok(())
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

    /// Starts a new run at `theta`: fresh optimizer state (the driver resets it) and sampler,
    /// no stop unless `theta` is already beyond the limits, and the history's step 0.
    pub(super) fn start_run(&mut self, theta: &[f64]) {
        self.start_run_at(theta, 0);
    }

    /// [`Lab::start_run`] as if `step` updates had led to `theta` (the schedule goes on from
    /// α_step; the optimizer's state and the sampler start afresh).
    pub(super) fn start_run_at(&mut self, theta: &[f64], step: usize) {
        self.refresh_features();
        let training_data = self.cache.training(&self.data);
        let mut loss = ClassifierLoss::new(&self.objective, training_data);
        let t = &mut self.training;
        t.run.restart_at(theta, step, &mut loss);
        t.stepping = false;
        t.measured = None;
        t.running &= t.run.stopped().is_none();
        let n = training_data.len();
        t.batches = (self.batch_size > 0 && self.batch_size < n)
            .then(|| Minibatches::new(n, self.batch_size, true, self.spec.seed));
        t.batch_mask.clear();
        t.batch_mask.resize(if t.batches.is_some() { self.data.len() } else { 0 }, false);
        t.normals = gradient_noise::draws(self.spec.seed);
        t.perturbation = super::perturbation::Perturbation::new(self.spec.seed);
        self.held_curve.clear();
        self.dirty = true;
    }

    /// Makes one update (see the module docs). Returns the stop if training cannot go on.
    pub fn step(&mut self) -> Result<(), Stop> {
        self.advance(1)
    }

    /// Makes up to `steps` updates, stopping at the first failure.
    pub fn advance(&mut self, steps: usize) -> Result<(), Stop> {
        if let Some(stop) = self.stopped() {
            return Err(stop);
        }
        let shape = self.shape();
        let mut loss = ClassifierLoss::new(&self.objective, self.cache.training(&self.data));
        if let Some(batches) = self.training.batches.take() {
            loss = loss.with_minibatches(batches);
        }
        let perturb = perturb(&self.data, &self.cache, &self.objective, self.dropout, self.jitter);
        let training = &mut self.training;
        let mut outcome = Ok(());
        for _ in 0..steps {
            let stepped = with_update_objective(training, perturb, &mut loss, |run, f| run.step(f));
            if let Err(e) = stepped {
                training.running = false;
                outcome = Err(Stop::new(&e, shape));
                break;
            }
        }
        training.batches = loss.into_minibatches();
        if let Some(batches) = &training.batches {
            training.batch_mask.iter_mut().for_each(|m| *m = false);
            for &i in batches.current() {
                training.batch_mask[self.cache.point_index(i)] = true;
            }
        }
        self.dirty = true;
        outcome
    }

    /// One animation frame's training: while playing, up to [`Lab::speed`] updates, as many
    /// as fit while `go()` says time is left (the speed is a maximum); otherwise the rest of
    /// an update a Step left in progress. See [`Lab::work`].
    pub fn play_frame(&mut self, go: &mut dyn FnMut() -> bool) {
        if self.training.running {
            self.work(self.training.speed, go);
        } else if self.training.stepping {
            self.work(1, go);
            self.training.stepping = self.training.run.progress().is_some();
        }
    }

    /// One update as the page's Step makes it: as much of it as fits while `go()` says time
    /// is left; an update left in progress (random search with many candidates over many
    /// points) is finished by the next frames ([`Lab::play_frame`]) with its progress shown
    /// ([`Lab::update_progress`]), unless Pause, Reset or a change stops it first.
    pub fn step_within(&mut self, go: &mut dyn FnMut() -> bool) {
        self.work(1, go);
        self.training.stepping = self.training.run.progress().is_some();
    }

    /// Whether the frames are finishing an update a Step left in progress (Pause stops
    /// them).
    pub fn stepping(&self) -> bool {
        self.training.stepping
    }

    /// How far the update in progress has come, as (candidates evaluated, candidates in
    /// all), while one is.
    pub fn update_progress(&self) -> Option<(usize, usize)> {
        self.training.run.progress()
    }

    /// Makes up to `quota` updates while `go()` says time is left (asked after each update
    /// and between the candidates of a random-search update, so at least one piece of work is
    /// done), finishing first an update left in progress. Every update is the computation
    /// [`Lab::step`] makes; only their number per call depends on the clock.
    ///
    /// Minibatch updates cost in proportion to the batch: the full-data objective is
    /// evaluated once, after the last update of the call, in the pass over the data that also
    /// gives the gradient and the accuracy the readouts show, and that is the history's row
    /// (so one chart point is the full loss at the end of a frame; the plateau schedule,
    /// which reads the loss after every update, still gets it after every update). The
    /// parameters are checked against the divergence limits after every update, the loss at
    /// each row.
    pub(crate) fn work(&mut self, quota: usize, go: &mut dyn FnMut() -> bool) {
        if self.training.run.stopped().is_some() {
            return;
        }
        let every_row = self.settings.schedule.kind.reads_loss();
        let mut loss = ClassifierLoss::new(&self.objective, self.cache.training(&self.data));
        if let Some(batches) = self.training.batches.take() {
            loss = loss.with_minibatches(batches);
        }
        let perturb = perturb(&self.data, &self.cache, &self.objective, self.dropout, self.jitter);
        let training = &mut self.training;
        // The last frame's pass answers a full-batch update at its θ (see `remembered`).
        let memory = training.measured.take();
        let remembered = memory.as_ref().filter(|_| perturb.is_none() && loss.minibatches().is_none());
        let mut made = 0;
        let mut outcome = Ok(());
        while made < quota {
            let update =
                |run: &mut Run<History>, f: &mut dyn LossFn| run.update(&mut Remembered::new(f, remembered), &mut *go);
            match with_update_objective(training, perturb, &mut loss, update) {
                Ok(false) => break,
                Ok(true) => made += 1,
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            }
            if every_row {
                let value = loss.loss(training.run.theta());
                if let Err(e) = training.run.record_row(value, loss.last_breakdown()) {
                    outcome = Err(e);
                    break;
                }
            }
            if made < quota && !go() {
                break;
            }
        }
        training.batches = loss.into_minibatches();
        // The pass is made into the last one's buffers (it is kept while θ stays there).
        let mut measured = memory.unwrap_or_default();
        if outcome.is_ok() && training.run.unrecorded() {
            let Measured { theta, loss, grad, correct } = &mut measured;
            theta.clear();
            theta.extend_from_slice(training.run.theta());
            grad.resize(theta.len(), 0.0);
            (*loss, *correct) =
                self.objective.evaluator(self.cache.training(&self.data)).loss_gradient_and_correct(theta, grad);
            outcome = training.run.record_row(loss.total(), Some(*loss));
        }
        training.measured = Some(measured);
        if outcome.is_err() {
            training.running = false;
            training.stepping = false;
        }
        if let Some(batches) = &training.batches {
            training.batch_mask.iter_mut().for_each(|m| *m = false);
            for &i in batches.current() {
                training.batch_mask[self.cache.point_index(i)] = true;
            }
        }
        self.dirty = true;
    }

    /// The default optimizer of the lab: the cs231n demo's full-batch gradient descent with
    /// step size 0.1 (SGD's [lab rate](super::rate::lab_rate)).
    pub fn demo_optimizer() -> Settings {
        let mut settings = Settings::new(Method::Sgd);
        settings.schedule.lr = super::rate::lab_rate(Method::Sgd);
        settings
    }
}

/// What perturbs the points each update sees: the data, its features, the objective, the
/// dropout probability p and the jitter σ (`None` when both are 0).
type Perturb<'a> = Option<(&'a Dataset, &'a FeatureCache, &'a Objective, f64, f64)>;

/// The [`Perturb`] of these settings (taken from the lab's fields, borrowed apart from its
/// training state).
fn perturb<'a>(
    data: &'a Dataset,
    cache: &'a FeatureCache,
    objective: &'a Objective,
    dropout: f64,
    jitter: f64,
) -> Perturb<'a> {
    (dropout > 0.0 || jitter > 0.0).then_some((data, cache, objective, dropout, jitter))
}

/// Runs `act` on the run with the objective one update sees: `loss` over the training points
/// (a minibatch's when batching), through this update's dropout and jitter draw when either is
/// on, with gradient noise σξ added to the gradient (σ = 0 adds nothing). An update that a
/// frame's budget splits (random search's candidates) draws afresh when it resumes.
fn with_update_objective<R>(
    training: &mut Training,
    perturb: Perturb<'_>,
    loss: &mut ClassifierLoss<'_>,
    act: impl FnOnce(&mut Run<History>, &mut dyn LossFn) -> R,
) -> R {
    let Training { run, perturbation, sigma, normals, .. } = training;
    match perturb {
        Some((data, cache, objective, dropout, jitter)) => {
            let noisy = objective.evaluator(perturbation.draw(data, cache, dropout, jitter));
            let mut perturbed = super::perturbation::PerturbedLoss { clean: loss, noisy };
            act(run, &mut GradientNoise::new(&mut perturbed, *sigma, normals.by_ref()))
        }
        None => act(run, &mut GradientNoise::new(loss, *sigma, normals.by_ref())),
    }
}

fn optimizer_error(e: SettingsError) -> LabError {
    LabError::Optimizer(e.to_string())
}

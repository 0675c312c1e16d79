//! The classifier lab: the cs231n linear-classify demo, rebuilt. A dataset in the plane, a
//! linear classifier θ = (W, b), its objective L(θ) = (1/N) Σ_i L_i + λR(W), an optimizer that
//! trains it, and what the canvas, the parameter grid, the per-point table and the loss chart
//! show of them.
//!
//! # The rules of a setting change
//!
//! A *run* is one optimizer, with its state, training one objective from one starting point;
//! its [`History`] records the losses and parameters after each step. Every change falls in
//! one of four kinds:
//!
//! 1. **New model** — the dataset kind or the number of classes changes, or a CSV file's
//!    points come in or go ([`csv`]) (the shape of W and b may change): θ is re-initialized
//!    to θ₀ ([`init::initial_theta`]: the demo's W and b on the cs231n points with init seed
//!    0, else a seeded N(0, 1) draw) and a new run starts. Randomize (the next init seed),
//!    setting the init seed, and Reset (back to θ₀) do the same.
//! 2. **New problem, same model** — the points change (N, noise, data seed, Regenerate, which
//!    restores a loaded file's points, a point added, moved or removed) or the objective does
//!    (loss, Δ, regularizer, λ, β, regularize-bias) or the optimizer's do (method,
//!    hyperparameters, learning rate, schedule, warmup, batch size): θ is kept and a new run
//!    starts from it, so the history always belongs to the objective and optimizer on
//!    screen. Playing goes on.
//! 3. **θ by hand** — a W or b slider, a ▲▼ nudge, ×2 W: θ changes (θ₀ does not, so Reset
//!    still goes back to the initialization) and a new run starts from the new θ.
//! 4. **Display** — overlays, the log-scale switch, the class new points get, the speed, play
//!    and pause, hovering: nothing else changes.
//!
//! A new run resets the optimizer's state and the minibatch sampler, clears the history and
//! any divergence, and records step 0 at the current θ. Reset also pauses. Training itself
//! ([`training`], through the optimizer library's driver) moves θ, not θ₀.

pub mod csv;
pub mod error;
pub mod export;
pub mod features;
pub mod gradient_noise;
pub mod growth;
pub mod history;
pub mod init;
pub mod loss_chart;
pub mod param;
mod perturbation;
pub mod points;
mod points_layer;
pub mod rate;
mod remembered;
pub mod restore;
pub mod scene;
pub mod schedule_chart;
pub mod snapshot;
pub mod sweep;
pub mod sweep_chart;
pub mod table;
pub mod training;

use crate::data::{Dataset, DatasetKind, DatasetSpec};
use crate::features::FeatureMap;
use crate::features::cache::FeatureCache;
use crate::model::Shape;
use crate::objective::{Breakdown, Evaluator, GradientCheck, Objective, gradient_check};
use crate::optim::classifier::ClassifierLoss;
use crate::optim::settings::Settings;
use crate::render::viewport::Viewport;

use csv::CsvFile;
pub use error::LabError;
pub use history::History;
pub use param::LabParam;
use points::Pointer;
use scene::Picture;
pub use snapshot::Snapshot;
use training::Training;

/// The step of the centered differences in the gradient check.
pub const CHECK_STEP: f64 = 1e-5;
/// The largest |θ_i| a parameter may be given by hand: the optimizer library's divergence
/// limit, so that every loss the lab shows stays finite.
pub const PARAMETER_LIMIT: f64 = 1e8;
/// The noise σ of generated datasets until it is changed.
pub const DEFAULT_NOISE: f64 = 0.2;
/// How far one ▲▼ press moves a parameter.
pub const NUDGE: f64 = 0.1;

/// What the canvas shows besides regions, zero-score lines, W arrows and points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overlays {
    /// Margin lines of the hinge losses (see [`scene`]).
    pub margins: bool,
    /// Regions shaded by the softmax confidence.
    pub confidence: bool,
}

/// Which set each point of a new dataset goes in ([`Lab::replace_data`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sets {
    /// Drawn anew by the held-out ratio and the split's seed.
    Drawn,
    /// As the points' own held-out flags say (a link's or a state file's points).
    Kept,
}

/// The classifier lab's state and its rendering buffers.
#[derive(Clone, Debug)]
pub struct Lab {
    spec: DatasetSpec,
    /// The last CSV file loaded, kept so that the dataset menu can return to it.
    file: Option<CsvFile>,
    /// Whether the points come from `file` rather than from `spec`.
    from_file: bool,
    data: Dataset,
    /// The feature map φ (its frame follows the view).
    features: FeatureMap,
    /// φ of the training and held-out points; rebuilt when `features_stale`.
    cache: FeatureCache,
    features_stale: bool,
    /// The fraction of the points held out, and the seed of the split.
    held_out: f64,
    split_seed: u64,
    /// Whether a click adds held-out points.
    add_held_out: bool,
    /// Dropout probability p on φ(x) and jitter σ of the training points, during training.
    dropout: f64,
    jitter: f64,
    /// The held-out data loss at each recorded step (see [`features`]).
    held_curve: Vec<(f64, f64)>,
    /// The last λ sweep (see [`sweep`]).
    sweep: Option<sweep::Sweep>,
    objective: Objective,
    init_seed: u64,
    start: Vec<f64>,
    settings: Settings,
    batch_size: usize,
    training: Training,
    overlays: Overlays,
    log_y: bool,
    add_class: usize,
    pointer: Pointer,
    hover: Option<usize>,
    picture: Picture,
    dirty: bool,
}

impl Default for Lab {
    /// The cs231n demo: its nine points, W = [[1, 2], [2, −4], [3, −1]], b = [0, 0.5, −0.5],
    /// Weston–Watkins SVM with Δ = 1, L2 with λ = 0.1, full-batch gradient descent with step
    /// size 0.1.
    fn default() -> Self {
        // The generator settings other datasets start from: 100 points, 3 classes where the
        // generator takes a count, and σ = 0.2 so that blobs are clouds, not single points.
        let spec = DatasetSpec { kind: DatasetKind::Cs231n, noise: DEFAULT_NOISE, ..DatasetSpec::default() };
        let data = spec.generate().expect("the cs231n points are valid");
        let shape = Shape { classes: data.classes(), dim: data.dim() };
        let objective = Objective::default();
        let settings = Lab::demo_optimizer();
        let start = init::initial_theta(spec.kind, shape, 0);
        let training = Training::new(&settings, &start, &mut ClassifierLoss::new(&objective, &data))
            .expect("the demo's optimizer settings are valid");
        let features = FeatureMap { degree: 3, ..FeatureMap::default() };
        let cache = FeatureCache::build(features, &data).expect("the identity keeps valid points valid");
        let mut lab = Lab {
            spec,
            file: None,
            from_file: false,
            data,
            features,
            cache,
            features_stale: false,
            held_out: 0.0,
            split_seed: 1,
            add_held_out: false,
            dropout: 0.0,
            jitter: 0.0,
            held_curve: Vec::new(),
            sweep: None,
            objective,
            init_seed: 0,
            start,
            settings,
            batch_size: 0,
            training,
            overlays: Overlays::default(),
            log_y: false,
            add_class: 0,
            pointer: Pointer::default(),
            hover: None,
            picture: Picture::new(spec.kind.view_half_width()),
            dirty: true,
        };
        lab.reinitialize();
        lab
    }
}

impl Lab {
    /// The model's shape: the dataset's classes and the number of features F of φ (the
    /// input dimension for the identity).
    pub fn shape(&self) -> Shape {
        Shape { classes: self.data.classes(), dim: self.features.dim(self.data.dim()) }
    }

    /// The parameters θ = (W, b), flat (see [`crate::model`]).
    pub fn theta(&self) -> &[f64] {
        self.training.theta()
    }

    /// θ₀, where Reset returns.
    pub fn start(&self) -> &[f64] {
        &self.start
    }

    /// The dataset.
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The recipe the dataset was generated from (its points may since have been edited), or,
    /// while a CSV file's points are shown, the one the dataset menu returns to.
    pub fn spec(&self) -> &DatasetSpec {
        &self.spec
    }

    /// The objective's settings.
    pub fn objective(&self) -> &Objective {
        &self.objective
    }

    /// The objective bound to the training points' features φ(x_i), for evaluating L and ∇L
    /// anywhere.
    pub fn evaluator(&self) -> Evaluator<'_> {
        self.objective.evaluator(self.cache.training(&self.data))
    }

    /// The current run's record: losses, learning rates and parameters by step.
    pub fn history(&self) -> &History {
        self.training.history()
    }

    /// The seed of the last initialization.
    pub fn init_seed(&self) -> u64 {
        self.init_seed
    }

    /// The overlays shown.
    pub fn overlays(&self) -> Overlays {
        self.overlays
    }

    /// The point under the pointer or the table's hovered row.
    pub fn hover(&self) -> Option<usize> {
        self.hover
    }

    /// Highlights point `i` (or none); an index past the end clears the highlight.
    pub fn set_hover(&mut self, i: Option<usize>) {
        let i = i.filter(|&i| i < self.data.len());
        if i != self.hover {
            self.hover = i;
            self.dirty = true;
        }
    }

    /// The objective at the current parameters over the whole dataset.
    pub fn breakdown(&self) -> Breakdown {
        self.evaluator().loss(self.theta(), None)
    }

    /// The gradient ∇_θ L at the current parameters over the whole dataset.
    pub fn gradient(&self) -> Vec<f64> {
        let mut grad = vec![0.0; self.theta().len()];
        self.evaluator().loss_and_gradient(self.theta(), None, &mut grad);
        grad
    }

    /// What a redraw shows, in one pass over the training data: L(θ) with its parts, ∇_θ L
    /// written into `grad`, and the accuracy (`None` without points: there is nothing to be
    /// right about). A frame's updates end with that pass ([`Lab::play_frame`]): it is reused
    /// while θ and the run stay the same.
    pub fn readouts(&self, grad: &mut [f64]) -> (Breakdown, Option<f64>) {
        let (loss, correct) = match self.training.measured(self.theta()) {
            Some(m) => {
                grad.iter_mut().zip(&m.grad).for_each(|(g, &m)| *g = m);
                (m.loss, m.correct)
            }
            None => self.evaluator().loss_gradient_and_correct(self.theta(), grad),
        };
        let n = self.cache.training(&self.data).len();
        (loss, (n > 0).then(|| correct as f64 / n as f64))
    }

    /// The fraction of training points whose predicted class is their label (1 for no points).
    pub fn accuracy(&self) -> f64 {
        let training = self.cache.training(&self.data);
        let shape = self.shape();
        let mut scores = vec![0.0; shape.classes];
        let correct = (0..training.len())
            .filter(|&i| {
                shape.scores(self.theta(), training.point(i), &mut scores);
                crate::model::predict(&scores) == training.label(i)
            })
            .count();
        if training.is_empty() { 1.0 } else { correct as f64 / training.len() as f64 }
    }

    /// The analytic gradient against centered differences of step [`CHECK_STEP`], for every
    /// parameter, at the current θ.
    pub fn gradient_check(&self) -> Vec<GradientCheck> {
        gradient_check(&mut self.evaluator(), self.theta(), CHECK_STEP)
    }

    /// Asks for a redraw at the next frame (the chart's canvas changed size, say).
    pub fn request_render(&mut self) {
        self.dirty = true;
    }

    /// True when something changed since the last [`Lab::render`].
    pub fn needs_render(&self) -> bool {
        self.dirty
    }

    /// The view of the data plane.
    pub fn view(&self) -> &Viewport {
        &self.picture.view
    }

    /// Sets the canvas size in device pixels and the device-pixel ratio (for line widths,
    /// point sizes and text, which are specified in CSS pixels).
    pub fn resize(&mut self, width: usize, height: usize, pixel_ratio: f64) {
        self.picture.resize(width, height, pixel_ratio);
        self.dirty = true;
    }

    // The rules (see the module docs).

    /// Rule 1: θ := θ₀ for the current points and init seed, and a new run.
    fn reinitialize(&mut self) {
        self.start = if self.from_file {
            init::random_theta(self.shape(), self.init_seed)
        } else {
            init::initial_theta(self.spec.kind, self.shape(), self.init_seed)
        };
        let start = self.start.clone();
        self.start_run(&start);
    }

    /// Rules 2 and 3: a new run from the current θ (see [`Lab::start_run`]).
    fn restart_run(&mut self) {
        let theta = self.theta().to_vec();
        self.start_run(&theta);
    }

    /// Shows the points generated from `spec`, in place of a CSV file's if one was shown. A
    /// new kind or class count, or leaving a file, re-initializes θ (rule 1); anything else
    /// keeps θ and starts a new run (rule 2).
    pub fn set_spec(&mut self, spec: DatasetSpec) -> Result<(), LabError> {
        let data = spec.generate()?;
        let new_model = self.from_file || spec.kind != self.spec.kind;
        self.spec = spec;
        self.from_file = false;
        self.replace_data(data, new_model, Sets::Drawn);
        Ok(())
    }

    /// Puts `data` on the canvas with the view fitted to it, its points in the training and
    /// held-out sets as `sets` says: rule 1 when `new_model` or the number of classes changes,
    /// rule 2 otherwise.
    fn replace_data(&mut self, data: Dataset, new_model: bool, sets: Sets) {
        let new_model = new_model || data.classes() != self.data.classes();
        self.data = data;
        if sets == Sets::Drawn {
            self.data.split(self.held_out, self.split_seed);
        }
        if self.from_file {
            self.picture.fit_bounds(&self.data);
        } else {
            self.picture.fit(self.spec.kind.view_half_width(), &self.data);
        }
        self.features_stale = true;
        self.add_class = self.add_class.min(self.data.classes() - 1);
        self.hover = None;
        self.pointer = Pointer::default();
        if new_model { self.reinitialize() } else { self.restart_run() }
    }

    /// Regenerates the points from the recipe, or restores the CSV file's, dropping edits
    /// (rule 2).
    pub fn regenerate(&mut self) -> Result<(), LabError> {
        match &self.file {
            Some(file) if self.from_file => {
                let data = file.data.clone();
                self.replace_data(data, false, Sets::Drawn);
                Ok(())
            }
            _ => self.set_spec(self.spec),
        }
    }

    /// Replaces the objective's settings, keeping θ (rule 2).
    pub fn set_objective(&mut self, objective: Objective) {
        if objective != self.objective {
            self.objective = objective;
            self.restart_run();
        }
    }

    /// Sets θ_i by hand (rule 3). |value| must be at most [`PARAMETER_LIMIT`].
    pub fn set_parameter(&mut self, index: usize, value: f64) -> Result<(), LabError> {
        let name = || self.shape().param(index).to_string();
        if index >= self.theta().len() {
            return Err(LabError::NoSuchParameter {
                name: format!("parameter {index}"),
                classes: self.shape().classes,
                dim: self.shape().dim,
            });
        }
        if !(value.is_finite() && value.abs() <= PARAMETER_LIMIT) {
            let expected = format!("a number from {} to {PARAMETER_LIMIT}", -PARAMETER_LIMIT);
            return Err(LabError::value(name(), &value.to_string(), expected));
        }
        let mut theta = self.theta().to_vec();
        theta[index] = value;
        self.start_run(&theta);
        Ok(())
    }

    /// Multiplies every parameter, W and b, by `factor` (rule 3). With the bias folded into W
    /// (the lecture's bias trick) this is the lecture's W → 2W for factor 2: every score
    /// doubles, a hinge loss that was 0 stays 0, and the L2 penalty of W grows fourfold.
    pub fn scale_theta(&mut self, factor: f64) -> Result<(), LabError> {
        let scaled: Vec<f64> = self.theta().iter().map(|t| t * factor).collect();
        if !scaled.iter().all(|t| t.abs() <= PARAMETER_LIMIT) {
            let expected = format!("a factor that keeps every parameter within ±{PARAMETER_LIMIT}");
            return Err(LabError::value("the scale factor", &factor.to_string(), expected));
        }
        self.start_run(&scaled);
        Ok(())
    }

    /// Moves θ_i by ±[`NUDGE`] (▲ for `up`, ▼ otherwise; rule 3).
    pub fn nudge(&mut self, index: usize, up: bool) -> Result<(), LabError> {
        let value = self.theta().get(index).copied().unwrap_or(f64::NAN);
        self.set_parameter(index, if up { value + NUDGE } else { value - NUDGE })
    }

    /// Draws θ₀ from the next init seed and starts there (rule 1).
    pub fn randomize(&mut self) {
        self.init_seed = self.init_seed.wrapping_add(1);
        self.reinitialize();
    }

    /// Draws θ₀ from init seed `seed` and starts there (rule 1).
    pub fn set_init_seed(&mut self, seed: u64) {
        self.init_seed = seed;
        self.reinitialize();
    }

    /// Pauses, returns θ to θ₀ and starts a new run (which also clears a divergence).
    pub fn reset(&mut self) {
        self.set_running(false);
        let start = self.start.clone();
        self.start_run(&start);
    }
}

//! One racer: an optimizer with its settings, colour and noise stream, and its run so far.

use crate::optim::LossFn;
use crate::optim::noise::{GradientNoise, Normals};
use crate::optim::run::{Run, RunError};
use crate::optim::settings::{Method, Settings, SettingsError};
use crate::race::rate::race_settings;
use crate::render::palette::{OKABE_ITO, Rgb};
use crate::schedule::{Schedule, ScheduleKind};

/// The last this many updates keep, and show, their extra evaluated points (line-search
/// trials, random search's candidates).
pub const EVALUATION_HISTORY: usize = 25;

/// Racer colours: Okabe and Ito's colour-blind-safe palette, each drawn over the heatmap with a
/// casing (dark, or light under black) so it shows on every part of viridis.
pub const RACER_COLORS: [Rgb; 8] = OKABE_ITO;

/// What a racer is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Still going.
    Running,
    /// Stopped: its run diverged, or an update could not be made; the error says which.
    Stopped(RunError),
}

/// A racer: its settings and the run they drive.
#[derive(Clone, Debug)]
pub struct Racer {
    color: Rgb,
    enabled: bool,
    own_schedule: bool,
    noise_free: bool,
    settings: Settings,
    run: Run,
    noise: Normals,
}

impl Racer {
    /// A disabled racer with `method`'s race settings (its race rate), started at `start` on `f`.
    pub(crate) fn new(color: Rgb, method: Method, start: [f64; 2], f: &mut dyn LossFn) -> Result<Self, SettingsError> {
        let settings = race_settings(method);
        let mut run = Run::new(settings.build()?, settings.schedule, &start, f);
        // The picture shows the evaluations of the last updates only; older ones would fill
        // memory in a long race of random search with thousands of candidates.
        run.set_evaluation_rows(Some(EVALUATION_HISTORY));
        Ok(Racer {
            color,
            enabled: false,
            own_schedule: false,
            noise_free: false,
            run,
            settings,
            noise: Normals::new(0),
        })
    }

    /// Starts over at `start` with a fresh optimizer built from the settings, the given
    /// schedule and a noise stream seeded with `seed`.
    pub(crate) fn restart(
        &mut self,
        start: [f64; 2],
        schedule: Schedule,
        seed: u64,
        f: &mut dyn LossFn,
    ) -> Result<(), SettingsError> {
        self.run.set_optimizer(self.settings.build()?);
        self.run.set_schedule(schedule);
        self.run.restart(&start, f);
        self.noise = Normals::new(seed);
        Ok(())
    }

    /// Works on the racer's next update on `f` with gradient noise σ, unless noise-free,
    /// while `go()` says time is left (see [`Run::update`]): true once the update is made and
    /// recorded (or the racer has stopped: nothing happens then), false while it is in
    /// progress. The pieces add up to exactly one [`Run::step`].
    pub(crate) fn step_within(&mut self, f: &mut dyn LossFn, sigma: f64, go: &mut dyn FnMut() -> bool) -> bool {
        if self.run.stopped().is_some() {
            return true;
        }
        let mut noisy;
        let f: &mut dyn LossFn = if sigma > 0.0 && !self.noise_free {
            noisy = GradientNoise::new(f, sigma, &mut self.noise);
            &mut noisy
        } else {
            f
        };
        // An error is kept by the run and read back through `status`.
        match self.run.update(f, go) {
            Ok(false) => false,
            Ok(true) => {
                let loss = f.loss(self.run.theta());
                let _ = self.run.record_row(loss, f.last_breakdown());
                true
            }
            Err(_) => true,
        }
    }

    pub fn color(&self) -> Rgb {
        self.color
    }

    /// Whether it races.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    pub(crate) fn set_enabled(&mut self, enabled: bool) {
        self.enabled = enabled;
    }

    /// Whether it follows its own schedule rather than the shared one.
    pub fn own_schedule(&self) -> bool {
        self.own_schedule
    }

    pub(crate) fn set_own_schedule(&mut self, own: bool) {
        self.own_schedule = own;
    }

    /// Whether it ignores the race's gradient noise.
    pub fn noise_free(&self) -> bool {
        self.noise_free
    }

    pub(crate) fn set_noise_free(&mut self, noise_free: bool) {
        self.noise_free = noise_free;
    }

    /// Its optimizer settings (its own schedule included, used when
    /// [`Racer::own_schedule`]).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub(crate) fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    /// The method.
    pub fn method(&self) -> Method {
        self.settings.method
    }

    /// The schedule it runs: its own, or the shared one with its own α₀.
    pub fn schedule(&self, shared: &Schedule) -> Schedule {
        if self.own_schedule { self.settings.schedule } else { Schedule { lr: self.settings.schedule.lr, ..*shared } }
    }

    /// The run so far.
    pub fn run(&self) -> &Run {
        &self.run
    }

    /// Running or stopped, and why.
    pub fn status(&self) -> Status {
        match self.run.stopped() {
            None => Status::Running,
            Some(error) => Status::Stopped(error.clone()),
        }
    }

    /// "SGD+Momentum α=0.01 ρ=0.9, cosine" or "Adam α=0.1 AMSGrad": the method and the
    /// settings that tell racers apart (the schedule shown when the racer has its own).
    pub fn label(&self) -> String {
        let s = &self.settings;
        let h = &s.hyper;
        let mut label = format!("{} α={}", s.method.label(), s.schedule.lr);
        match s.method {
            Method::Momentum | Method::Nesterov => label += &format!(" ρ={}", h.momentum),
            Method::RmsProp => label += &format!(" decay={}", h.decay),
            Method::Adam | Method::AdamW => {
                if h.amsgrad {
                    label += " AMSGrad";
                }
                if !h.bias_correction {
                    label += " (no bias correction)";
                }
            }
            Method::Lbfgs => label += &format!(" m={}", h.history),
            Method::RandomSearch => label += &format!(" K={}", h.samples),
            _ => {}
        }
        let schedule = &s.schedule;
        if self.own_schedule && (schedule.kind != ScheduleKind::Constant || schedule.warmup > 0) {
            label += &format!(", {}", schedule.kind.name());
            if schedule.warmup > 0 {
                label += &format!(" after {} warmup", schedule.warmup);
            }
        }
        if self.noise_free {
            label += ", noise-free";
        }
        label
    }
}

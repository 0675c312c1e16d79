//! The optimizer race: several optimizers on one surface, from one start, on one clock.
//!
//! A [`Race`] holds the terrain (a 2D surface and its parameters), the common start, up to
//! [`MAX_RACERS`] racers (each an optimizer with its own colour, method, learning rate,
//! hyperparameters and, optionally, its own schedule), the gradient noise σ with its seed, the
//! shared schedule, and the clock. Every setting goes through [`Race::set`] by name (see
//! [`param`]), read with its row of the race's settings table ([`table`]: what each value may
//! be and whether it applies now, which the page builds its panel from); every change that
//! alters what the racers would do restarts them all at the start, so they always share one
//! clock. Changing `steps-per-frame` or `target` restarts
//! nothing.
//!
//! ```
//! use descent::race::Race;
//! let mut race = Race::default();
//! race.set("preset", "saddle").unwrap();
//! race.advance(200);
//! assert!(race.claim().unwrap().holds);
//! ```

pub mod charts;
pub mod error;
pub mod export;
pub mod growth;
pub mod leaderboard;
pub mod param;
pub mod picture;
pub mod preset;
pub mod racer;
pub mod rate;
pub mod slice;
pub mod table;
pub mod terrain;
pub mod trails;

use crate::optim::settings::{Method, Setting};
use crate::schedule::Schedule;
use crate::setting::{Kind, SettingError, Spec};
use crate::surface::{Surface, SurfaceKind};
use charts::ChartData;
pub use error::RaceError;
pub use param::MAX_RACERS;
use param::{Param, RaceParam, RacerParam};
use picture::Picture;
use preset::{Claim, Preset};
use racer::{RACER_COLORS, Racer};
use rate::{race_rate, race_settings};
use slice::{ClassifierSlice, ClassifierSource};
use terrain::{CLASSIFIER, Terrain};

/// The longest race: the clock stops (and play pauses) after this many updates.
pub const MAX_STEPS: usize = 10_000;

/// The race's state and its picture.
#[derive(Clone, Debug)]
pub struct Race {
    /// The test surface's settings, kept while the classifier slice is shown.
    surface: Surface,
    terrain: Terrain,
    /// Bumped whenever the terrain changes, so the picture knows to redraw the heatmap.
    version: u64,
    /// Bumped at every restart, so the picture knows to redraw the trails from the start.
    epoch: u64,
    /// The classifier lab's model and data, once handed over.
    classifier: Option<ClassifierSource>,
    /// The two classifier parameters the slice varies.
    axes: [usize; 2],
    start: [f64; 2],
    shared: Schedule,
    racers: Vec<Racer>,
    sigma: f64,
    seed: u64,
    steps_per_frame: usize,
    target: f64,
    preset: Option<Preset>,
    /// The preset loaded last (kept after a setting changes: the race is that preset, modified).
    based_on: Preset,
    clock: usize,
    playing: bool,
    /// The racer the current tick is at (0 between ticks).
    next_racer: usize,
    /// Whether a Step left its tick in progress for the next frames to finish.
    stepping: bool,
    picture: Picture,
    charts: ChartData,
}

impl Default for Race {
    /// The first preset, paused at the start.
    fn default() -> Self {
        let mut terrain = Terrain::default();
        let start = terrain.start();
        // SGD's defaults always build.
        let racers =
            RACER_COLORS.iter().filter_map(|&color| Racer::new(color, Method::Sgd, start, &mut terrain).ok()).collect();
        let mut race = Race {
            surface: Surface::new(SurfaceKind::Quadratic),
            terrain,
            version: 0,
            epoch: 0,
            classifier: None,
            axes: [0, 1],
            start,
            shared: Schedule::default(),
            racers,
            sigma: 0.0,
            seed: 0,
            steps_per_frame: 1,
            target: 1e-6,
            preset: None,
            based_on: Preset::ALL[0],
            clock: 0,
            playing: false,
            next_racer: 0,
            stepping: false,
            picture: Picture::default(),
            charts: ChartData::default(),
        };
        // Every preset loads (a test checks), so this cannot fail.
        let _ = race.load(Preset::ALL[0]);
        race
    }
}

impl Race {
    /// Changes one setting by name (see [`param`]), its value read with its row of the
    /// settings table ([`Race::setting_spec`]); a refused value changes nothing. Every setting
    /// but `steps-per-frame` and `target` restarts the race, and every one but those and
    /// `preset` makes the race a custom one.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), RaceError> {
        let param: Param = name.parse()?;
        let Spec { name, kind, .. } = self.setting_spec(param);
        match param {
            Param::Race(RaceParam::Preset) => return self.load(Kind::parse_named(value)?),
            Param::Race(RaceParam::StepsPerFrame) => {
                self.steps_per_frame = kind.parse_whole(&name, value)? as usize;
                return Ok(());
            }
            Param::Race(RaceParam::Target) => {
                self.target = kind.parse_number(&name, value)?;
                return Ok(());
            }
            Param::Race(RaceParam::Surface) if value.trim() == CLASSIFIER => {
                let source = self.classifier.clone().ok_or(RaceError::NoClassifier)?;
                self.terrain = Terrain::Classifier(Box::new(ClassifierSlice::new(source, self.axes)));
                self.terrain_changed();
                self.start = self.terrain.start();
            }
            Param::Race(RaceParam::Surface) => {
                self.surface.kind = Kind::parse_named(value)?;
                self.terrain = Terrain::Surface(self.surface);
                self.terrain_changed();
                self.start = self.terrain.start();
            }
            Param::Race(RaceParam::Kappa) => {
                self.surface.kappa = kind.parse_number(&name, value)?;
                self.surface_changed();
            }
            Param::Race(RaceParam::Angle) => {
                self.surface.angle = kind.parse_number(&name, value)?;
                self.surface_changed();
            }
            Param::Race(RaceParam::SliceAxis(axis)) => {
                let source = self.classifier.as_ref().ok_or(RaceError::NoClassifier)?;
                let index = kind.parse_option(&name, value).ok().and_then(|p| source.index(p)).ok_or_else(|| {
                    RaceError::SliceAxis {
                        value: value.into(),
                        names: (0..source.shape().len()).map(|i| source.shape().param(i).to_string()).collect(),
                    }
                })?;
                // Giving one axis the other's parameter swaps them.
                if index == self.axes[1 - axis] {
                    self.axes[1 - axis] = self.axes[axis];
                }
                self.axes[axis] = index;
                if let Terrain::Classifier(_) = self.terrain {
                    self.terrain = Terrain::Classifier(Box::new(ClassifierSlice::new(source.clone(), self.axes)));
                    self.terrain_changed();
                    self.start = self.terrain.start();
                }
            }
            Param::Race(RaceParam::Noise) => self.sigma = kind.parse_number(&name, value)?,
            Param::Race(RaceParam::Seed) => self.seed = kind.parse_whole(&name, value)?,
            Param::Race(RaceParam::Start) => self.start = parse_point(&kind, value)?,
            Param::Race(RaceParam::Schedule(p)) => self.shared.set(p.name(), value)?,
            Param::Racer { index, param } => self.set_racer(index, param, value)?,
        }
        self.preset = None;
        self.restart()
    }

    /// Changes racer `index`'s setting `param` (atomically: a refused value changes nothing).
    fn set_racer(&mut self, index: usize, param: RacerParam, value: &str) -> Result<(), RaceError> {
        let Spec { name, kind, .. } = param.spec(&format!("racer{index}."));
        let racer = &mut self.racers[index];
        match param {
            RacerParam::Enabled => racer.set_enabled(kind.parse_switch(&name, value)?),
            RacerParam::OwnSchedule => racer.set_own_schedule(kind.parse_switch(&name, value)?),
            RacerParam::NoiseFree => racer.set_noise_free(kind.parse_switch(&name, value)?),
            RacerParam::Optimizer(setting) => {
                racer.settings_mut().set(setting.name(), value).map_err(|error| RaceError::Racer { index, error })?;
                if setting == Setting::Method {
                    racer.settings_mut().schedule.lr = race_rate(racer.method());
                }
            }
        }
        Ok(())
    }

    /// One setting's current value as text.
    pub fn get(&self, name: &str) -> Result<String, RaceError> {
        let param: Param = name.parse()?;
        Ok(match param {
            Param::Race(p) => match p {
                RaceParam::Preset => self.preset.map_or("custom", Preset::name).to_string(),
                RaceParam::Surface => self.terrain.name().to_string(),
                RaceParam::Kappa => self.surface.kappa.to_string(),
                RaceParam::Angle => self.surface.angle.to_string(),
                RaceParam::Noise => self.sigma.to_string(),
                RaceParam::Seed => self.seed.to_string(),
                RaceParam::StepsPerFrame => self.steps_per_frame.to_string(),
                RaceParam::Start => format!("{},{}", self.start[0], self.start[1]),
                RaceParam::Target => self.target.to_string(),
                RaceParam::Schedule(p) => self.shared.get(p.name())?,
                RaceParam::SliceAxis(axis) => match &self.classifier {
                    Some(source) => source.shape().param(self.axes[axis]).to_string(),
                    None => String::new(),
                },
            },
            Param::Racer { index, param } => {
                let racer = &self.racers[index];
                match param {
                    RacerParam::Enabled => racer.enabled().to_string(),
                    RacerParam::OwnSchedule => racer.own_schedule().to_string(),
                    RacerParam::NoiseFree => racer.noise_free().to_string(),
                    RacerParam::Optimizer(setting) => {
                        racer.settings().get(setting.name()).map_err(|error| RaceError::Racer { index, error })?
                    }
                }
            }
        })
    }

    /// The test surface's settings (shown unless the classifier slice is).
    fn surface(&self) -> &Surface {
        &self.surface
    }

    /// After a change of the surface's κ or θ: the terrain follows if it shows the surface.
    fn surface_changed(&mut self) {
        if let Terrain::Surface(_) = self.terrain {
            self.terrain = Terrain::Surface(self.surface);
            self.terrain_changed();
        }
    }

    /// Marks the terrain as changed, for the picture.
    fn terrain_changed(&mut self) {
        self.version += 1;
    }

    /// Takes the classifier lab's data, objective and current parameters for the classifier
    /// slice. When the slice is showing and they changed, it is cut again at the new values
    /// and every racer restarts at them. Axes that no longer fit the model (fewer classes)
    /// fall back to its first two parameters.
    pub fn set_classifier(&mut self, source: ClassifierSource) -> Result<(), RaceError> {
        let n = source.shape().len();
        if n < 2 || source.theta.len() != n {
            let value = format!("{} parameters", source.theta.len());
            let expected = "a model with at least two parameters, θ of its length";
            return Err(SettingError::invalid(CLASSIFIER, &value, expected).into());
        }
        if self.classifier.as_ref() == Some(&source) {
            return Ok(());
        }
        if self.axes.iter().any(|&a| a >= n) {
            self.axes = [0, 1];
        }
        self.classifier = Some(source.clone());
        if let Terrain::Classifier(_) = self.terrain {
            self.terrain = Terrain::Classifier(Box::new(ClassifierSlice::new(source, self.axes)));
            self.terrain_changed();
            self.start = self.terrain.start();
            self.preset = None;
            self.restart()?;
        }
        Ok(())
    }

    /// Loads a preset: its surface, start, noise, schedule and racers; paused at step 0.
    pub fn load(&mut self, preset: Preset) -> Result<(), RaceError> {
        let spec = preset.spec();
        self.surface = Surface { kind: spec.surface, kappa: spec.kappa, angle: spec.angle };
        self.terrain = Terrain::Surface(self.surface);
        self.terrain_changed();
        self.start = spec.start;
        self.sigma = spec.noise;
        self.seed = spec.seed;
        self.shared = Schedule::default();
        self.steps_per_frame = spec.steps_per_frame;
        for (k, racer) in self.racers.iter_mut().enumerate() {
            *racer.settings_mut() = race_settings(Method::Sgd);
            racer.set_own_schedule(false);
            racer.set_noise_free(false);
            racer.set_enabled(k < spec.racers.len());
        }
        for (index, settings) in spec.racers.iter().enumerate() {
            for &(name, value) in settings.iter() {
                self.set_racer(index, name.parse()?, value)?;
            }
        }
        self.preset = Some(preset);
        self.based_on = preset;
        self.playing = false;
        self.restart()
    }

    /// Puts every racer back at the start with fresh state, and the clock at 0.
    fn restart(&mut self) -> Result<(), RaceError> {
        for (index, racer) in self.racers.iter_mut().enumerate() {
            let schedule = racer.schedule(&self.shared);
            racer
                .restart(self.start, schedule, self.seed, &mut self.terrain)
                .map_err(|error| RaceError::Racer { index, error })?;
        }
        self.clock = 0;
        self.next_racer = 0;
        self.stepping = false;
        self.epoch += 1;
        self.charts.restart(&self.racers, &self.shared, self.terrain.floor(), self.clock);
        Ok(())
    }

    /// Restarts the race (Reset), keeping every setting.
    pub fn reset(&mut self) {
        // The settings were valid when set, so they build again.
        let _ = self.restart();
    }

    /// Moves the start to `p` and restarts every racer there.
    pub fn set_start(&mut self, p: [f64; 2]) -> Result<(), RaceError> {
        self.set("start", &format!("{},{}", p[0], p[1]))
    }

    /// Moves the start to the data point under device pixel `pixel` of the canvas (a click or
    /// a drag) and restarts every racer there.
    pub fn place_start(&mut self, pixel: [f64; 2]) -> Result<(), RaceError> {
        let p = self.picture.view().to_data(pixel);
        self.set_start(p)
    }

    /// One tick of the clock: every enabled, running racer makes one update. Nothing happens
    /// once the clock reaches [`MAX_STEPS`].
    pub fn tick(&mut self) {
        while !self.tick_within(&mut || true) {}
    }

    /// Works on the current tick while `go()` says time is left (asked after each racer's
    /// update and between a random-search racer's candidates): true once every enabled racer
    /// has made its update and the clock has moved, false while the tick is in progress (the
    /// next call resumes it where it stopped). The pieces add up to exactly [`Race::tick`].
    pub fn tick_within(&mut self, go: &mut dyn FnMut() -> bool) -> bool {
        if self.clock >= MAX_STEPS {
            self.playing = false;
            self.stepping = false;
            return true;
        }
        while self.next_racer < self.racers.len() {
            let racer = &mut self.racers[self.next_racer];
            if racer.enabled() {
                if !racer.step_within(&mut self.terrain, self.sigma, go) {
                    return false;
                }
                if self.next_racer + 1 < self.racers.len() && !go() {
                    self.next_racer += 1;
                    return false;
                }
            }
            self.next_racer += 1;
        }
        self.next_racer = 0;
        self.clock += 1;
        self.charts.extend(&self.racers, &self.shared, self.terrain.floor(), self.clock);
        true
    }

    /// `steps` ticks.
    pub fn advance(&mut self, steps: usize) {
        for _ in 0..steps {
            self.tick();
        }
    }

    /// An animation frame: while playing, up to `steps-per-frame` ticks, as many as fit while
    /// `go()` says time is left (the setting is a maximum); otherwise the rest of a tick a
    /// Step left in progress.
    pub fn frame(&mut self, go: &mut dyn FnMut() -> bool) {
        if self.playing {
            for made in 1..=self.steps_per_frame {
                if !self.tick_within(go) || made == self.steps_per_frame || !go() {
                    break;
                }
            }
        } else if self.stepping {
            self.stepping = !self.tick_within(go);
        }
    }

    /// One tick as the page's Step makes it: as much as fits while `go()` says time is left,
    /// the rest in the next frames ([`Race::frame`]) unless Pause or a change stops it.
    pub fn step_within(&mut self, go: &mut dyn FnMut() -> bool) {
        self.stepping = !self.tick_within(go);
    }

    /// How far the update in progress of the racer the current tick is at has come, as
    /// (candidates done, in all).
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.racers.get(self.next_racer).and_then(|r| r.run().progress())
    }

    /// Whether the frames are finishing a tick a Step left in progress.
    pub fn stepping(&self) -> bool {
        self.stepping
    }

    /// Starts or stops the clock's automatic ticking (and stops a Step's tick in progress,
    /// which the next Step or Play resumes).
    pub fn set_playing(&mut self, playing: bool) {
        self.playing = playing && self.clock < MAX_STEPS;
        self.stepping = false;
    }

    /// Whether the clock ticks each frame.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Ticks since the last restart.
    pub fn clock(&self) -> usize {
        self.clock
    }

    /// The terrain.
    pub fn terrain(&self) -> &Terrain {
        &self.terrain
    }

    /// The classifier lab's model and data, once handed over.
    pub fn classifier(&self) -> Option<&ClassifierSource> {
        self.classifier.as_ref()
    }

    /// The common start.
    pub fn start(&self) -> [f64; 2] {
        self.start
    }

    /// Every racer slot (enabled or not), in order.
    pub fn racers(&self) -> &[Racer] {
        &self.racers
    }

    /// The shared schedule (its `lr` unused: each racer brings its own α₀).
    pub fn shared_schedule(&self) -> &Schedule {
        &self.shared
    }

    /// The leaderboard's ε.
    pub fn target(&self) -> f64 {
        self.target
    }

    /// The loaded preset, unless a setting has changed since.
    pub fn preset(&self) -> Option<Preset> {
        self.preset
    }

    /// The preset loaded last, whether or not a setting has changed since.
    pub fn based_on(&self) -> Preset {
        self.based_on
    }

    /// The loaded preset's claim, evaluated on the race so far.
    pub fn claim(&self) -> Option<Claim> {
        self.preset.map(|p| p.claim(self))
    }

    /// The picture: its heatmap and marks, for rendering.
    pub fn picture(&self) -> &Picture {
        &self.picture
    }

    /// Sizes the picture to `width × height` device pixels at `pixel_ratio` device pixels per
    /// CSS pixel.
    pub fn resize(&mut self, width: usize, height: usize, pixel_ratio: f64) {
        self.picture.resize(width, height, pixel_ratio);
    }

    /// Redraws: the heatmap only if the terrain or the size changed, the marks always.
    /// Returns whether the heatmap was redrawn.
    pub fn render(&mut self) -> bool {
        self.picture.render(&self.terrain, self.version, self.epoch, &self.racers, self.start)
    }
}

/// The largest |coordinate| a start may have.
const START_LIMIT: f64 = 1e6;

/// Reads a point `x,y` for the start, whose row of the table is `kind`.
fn parse_point(kind: &Kind, value: &str) -> Result<[f64; 2], SettingError> {
    let bad = || SettingError::invalid(RaceParam::Start.name(), value, &kind.expected());
    let (x, y) = value.split_once(',').ok_or_else(bad)?;
    let coordinate = |s: &str| match s.trim().parse::<f64>() {
        Ok(v) if v.abs() <= START_LIMIT => Ok(v),
        _ => Err(bad()),
    };
    Ok([coordinate(x)?, coordinate(y)?])
}

//! The optimizer race in links: the preset, the terrain, the start, the noise, the shared
//! schedule and every racer's settings. Not the clock: a link opens the race at step 0, and
//! Play replays it exactly (the gradient noise is seeded).

use super::{Linkable, Pair};
use crate::data::Dataset;
use crate::optim::settings::Setting;
use crate::race::param::RaceParam;
use crate::race::preset::Preset;
use crate::race::slice::ClassifierSource;
use crate::race::{MAX_RACERS, Race};
use crate::schedule::ScheduleParam;

/// The scene-wide settings in link order: the classifier slice's axes (which a preset
/// keeps), the preset, the terrain (a surface change moves the start, and so does a slice
/// axis while the classifier slice shows), the start, then what changes nothing else.
const SCENE: [RaceParam; 29] = [
    RaceParam::SliceAxis(0),
    RaceParam::SliceAxis(1),
    RaceParam::Preset,
    RaceParam::Surface,
    RaceParam::Kappa,
    RaceParam::Angle,
    RaceParam::Start,
    RaceParam::Noise,
    RaceParam::Seed,
    RaceParam::StepsPerFrame,
    RaceParam::Target,
    RaceParam::Schedule(ScheduleParam::Kind),
    RaceParam::Schedule(ScheduleParam::StepSize),
    RaceParam::Schedule(ScheduleParam::Gamma),
    RaceParam::Schedule(ScheduleParam::Total),
    RaceParam::Schedule(ScheduleParam::Warmup),
    RaceParam::Schedule(ScheduleParam::Milestones),
    RaceParam::Schedule(ScheduleParam::Power),
    RaceParam::Schedule(ScheduleParam::MinLr),
    RaceParam::Schedule(ScheduleParam::Periodic),
    RaceParam::Schedule(ScheduleParam::RestartPeriod),
    RaceParam::Schedule(ScheduleParam::RestartMult),
    RaceParam::Schedule(ScheduleParam::PctStart),
    RaceParam::Schedule(ScheduleParam::DivFactor),
    RaceParam::Schedule(ScheduleParam::FinalDivFactor),
    RaceParam::Schedule(ScheduleParam::WarmupStart),
    RaceParam::Schedule(ScheduleParam::Patience),
    RaceParam::Schedule(ScheduleParam::Threshold),
    RaceParam::Schedule(ScheduleParam::Cooldown),
];

impl Linkable for Race {
    /// The scene's settings, then each racer's: whether it races, its optimizer settings (the
    /// method first: it resets the learning rate and the method's defaults), its own-schedule
    /// and noise-free switches.
    fn link_names(&self) -> Vec<String> {
        let mut names: Vec<String> = SCENE.iter().map(|p| p.name().to_string()).collect();
        for k in 0..MAX_RACERS {
            let own = ["enabled"].into_iter().chain(Setting::names()).chain(["own-schedule", "noise-free"]);
            names.extend(own.map(|name| format!("racer{k}.{name}")));
        }
        names
    }

    fn link_value(&self, name: &str) -> Result<String, String> {
        self.get(name).map_err(|e| e.to_string())
    }

    fn link_set(&mut self, name: &str, value: &str) -> Result<(), String> {
        self.set(name, value).map_err(|e| e.to_string())
    }

    /// A fresh race (the first preset) with the classifier lab's model this one was handed,
    /// on a handful of its points: no setting's value depends on the points, and every
    /// setting replayed on the blank restarts all racers, which evaluates the loss over all
    /// of them (tens of milliseconds per setting for eight racers on 100,000 points).
    fn blank(&self) -> Self {
        let mut race = Race::default();
        if let Some(source) = self.classifier() {
            // This race took the same model, so the fresh one takes its stand-in.
            let _ = race.set_classifier(stand_in(source));
        }
        race
    }

    fn presets(&self) -> Vec<Pair> {
        Preset::ALL.iter().map(|p| Pair::new(RaceParam::Preset.name(), p.name())).collect()
    }
}

/// How many of the lab's points a blank race's classifier slice keeps.
const STAND_IN_POINTS: usize = 8;

/// The lab's model (objective, θ, shape) on its first few points.
fn stand_in(source: &ClassifierSource) -> ClassifierSource {
    let data = &source.data;
    let n = data.len().min(STAND_IN_POINTS);
    let x = data.coordinates()[..n * data.dim()].to_vec();
    let y = data.labels()[..n].to_vec();
    // A prefix of a valid dataset is valid.
    let few = Dataset::new(data.dim(), data.classes(), x, y).unwrap_or_else(|_| data.clone());
    ClassifierSource { data: few, objective: source.objective, theta: source.theta.clone() }
}

//! The optimizer race in links: the preset, the terrain, the start, the noise, the shared
//! schedule, every racer's settings, and the clock (`clock=N`, last). The race is
//! deterministic from its settings (the gradient noise is seeded), so opening the clock
//! replays the race to step N: every racer's trail, state and charts are the sender's, and
//! Play goes on as the sender's would. A replay is at most [`MAX_STEPS`] ticks, and at most
//! [`REPLAY_BUDGET`] loss evaluations per point on the classifier slice (ticks × racers × N):
//! a longer one is refused with a notice, and the race opens at step 0.

use super::{Linkable, Pair};
use crate::data::Dataset;
use crate::lab::restore::REPLAY_BUDGET;
use crate::race::param::RaceParam;
use crate::race::preset::Preset;
use crate::race::slice::ClassifierSource;
use crate::race::terrain::Terrain;
use crate::race::{MAX_STEPS, Race};
use crate::setting::Table;

impl Linkable for Race {
    /// The settings table's names, in its order ([`Param::table`](crate::race::param::Param::table)):
    /// the scene's settings, then each racer's.
    fn link_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.specs().into_iter().map(|spec| spec.name).collect();
        names.push(CLOCK.to_string());
        names
    }

    fn link_value(&self, name: &str) -> Result<String, String> {
        if name == CLOCK {
            return Ok(self.clock().to_string());
        }
        self.get(name).map_err(|e| e.to_string())
    }

    /// As `set`; the clock replays the race from its start (or goes on, if it is before the
    /// step named).
    fn link_set(&mut self, name: &str, value: &str) -> Result<(), String> {
        if name != CLOCK {
            return self.set(name, value).map_err(|e| e.to_string());
        }
        let refused = || format!("clock must be a whole number from 0 to {MAX_STEPS}, not \"{value}\"");
        let clock: usize = value.trim().parse().map_err(|_| refused())?;
        if clock > MAX_STEPS {
            return Err(refused());
        }
        // On the classifier slice each tick evaluates every racer's loss over the lab's points.
        let points = match self.terrain() {
            Terrain::Classifier(_) => self.classifier().map_or(1, |source| source.data.len().max(1)),
            Terrain::Surface(_) => 1,
        };
        let racers = self.racers().iter().filter(|r| r.enabled()).count().max(1);
        if clock.saturating_sub(self.clock()).saturating_mul(racers * points) > REPLAY_BUDGET {
            return Err(format!(
                "replaying {clock} steps of {racers} racers on {points} points would take too long, \
                 so the race opens at step {}: press Play",
                self.clock()
            ));
        }
        if clock < self.clock() {
            self.reset();
        }
        self.advance(clock - self.clock());
        Ok(())
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

/// The link's name of the race's clock.
pub const CLOCK: &str = "clock";

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

//! The optimizer race in links: the preset, the terrain, the start, the noise, the shared
//! schedule and every racer's settings. Not the clock: a link opens the race at step 0, and
//! Play replays it exactly (the gradient noise is seeded).

use super::{Linkable, Pair};
use crate::data::Dataset;
use crate::race::Race;
use crate::race::param::RaceParam;
use crate::race::preset::Preset;
use crate::race::slice::ClassifierSource;
use crate::setting::Table;

impl Linkable for Race {
    /// The settings table's names, in its order ([`Param::table`](crate::race::param::Param::table)):
    /// the scene's settings, then each racer's.
    fn link_names(&self) -> Vec<String> {
        self.specs().into_iter().map(|spec| spec.name).collect()
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

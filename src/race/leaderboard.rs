//! The leaderboard: for each racer, how many steps it took to get within ε of the global
//! minimum, where it is now, its mean loss over its last steps, and whether it is still
//! running.
//!
//! Racers that have not reached ε rank by their mean loss over the last [`RECENT_STEPS`]
//! recorded points, not by the loss at this very step: under gradient noise the iterates
//! jitter around the noise floor, and the current loss would rank them by luck (constant-rate
//! SGD "beating" the decaying schedule that settles lower on average).

use crate::race::Race;
use crate::race::racer::Status;
use crate::render::palette::Rgb;

/// How many of the last recorded points the mean loss covers.
pub const RECENT_STEPS: usize = 25;

/// One racer's standing.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The racer's slot.
    pub index: usize,
    /// Method and settings, in words.
    pub label: String,
    /// The racer's colour.
    pub color: Rgb,
    /// The first step t with f(θ_t) − f* < ε (None if not yet, or if f* is unknown).
    pub reached: Option<usize>,
    /// f at the current point.
    pub loss: f64,
    /// The mean of f over the last [`RECENT_STEPS`] recorded points (fewer early on).
    pub recent: f64,
    /// Updates made.
    pub steps: usize,
    /// "running", or why it stopped ("diverged at step 16: …").
    pub status: String,
    /// Whether it stopped because its run diverged.
    pub diverged: bool,
    /// Whether it still runs but its loss keeps far above its start ([`Race::overshoot`]):
    /// the page marks it "diverging".
    pub diverging: bool,
}

/// The standings of the enabled racers, best first: those that reached ε by how soon, then
/// the rest by their recent mean loss, stopped racers last.
pub fn standings(race: &Race) -> Vec<Standing> {
    let floor = race.terrain().floor();
    let mut rows: Vec<Standing> = race
        .racers()
        .iter()
        .enumerate()
        .filter(|(_, racer)| racer.enabled())
        .map(|(index, racer)| {
            let tr = racer.run().trajectory();
            let reached = floor.and_then(|f| tr.losses().iter().position(|&loss| loss - f < race.target()));
            let (status, diverged) = match racer.status() {
                Status::Running => ("running".to_string(), false),
                Status::Stopped(error) => {
                    let diverged = matches!(error, crate::optim::run::RunError::Diverged { .. });
                    (error.to_string(), diverged)
                }
            };
            let losses = tr.losses();
            let window = &losses[losses.len().saturating_sub(RECENT_STEPS)..];
            Standing {
                index,
                label: racer.label(),
                color: racer.color(),
                reached,
                loss: losses.last().copied().unwrap_or(f64::NAN),
                recent: window.iter().sum::<f64>() / window.len().max(1) as f64,
                steps: racer.run().updates(),
                status,
                diverged,
                diverging: race.overshoot(racer).is_some(),
            }
        })
        .collect();
    let rank = |s: &Standing| (s.status != "running", s.reached.is_none(), s.reached.unwrap_or(0));
    rows.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.recent.total_cmp(&b.recent)));
    rows
}

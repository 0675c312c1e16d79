//! The leaderboard: for each racer, how many steps it took to get within ε of the global
//! minimum, where it is now, and whether it is still running.

use crate::race::Race;
use crate::race::racer::Status;
use crate::render::palette::Rgb;

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
    /// Updates made.
    pub steps: usize,
    /// "running", or why it stopped ("diverged at step 16: …").
    pub status: String,
    /// Whether it stopped because its run diverged.
    pub diverged: bool,
}

/// The standings of the enabled racers, best first: those that reached ε by how soon, then
/// the rest by loss, stopped racers last.
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
            Standing {
                index,
                label: racer.label(),
                color: racer.color(),
                reached,
                loss: tr.losses().last().copied().unwrap_or(f64::NAN),
                steps: racer.run().updates(),
                status,
                diverged,
            }
        })
        .collect();
    let rank = |s: &Standing| (s.status != "running", s.reached.is_none(), s.reached.unwrap_or(0));
    rows.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.loss.total_cmp(&b.loss)));
    rows
}

//! Racers that overshoot: a racer whose loss keeps growing, or swings, far above where it
//! started (its learning rate too large for the surface's curvature) has not diverged to the
//! limits, so it races on, but it minimizes nothing. The leaderboard marks it "diverging" and
//! the race's notice names it with what to change. The rule is the lab's
//! ([`crate::optim::growth::overshoot`]), on the racer's losses above the surface's floor f*
//! (where f* is known; the classifier slice's losses are ≥ 0 already), one per step.

use super::Race;
use super::racer::{Racer, Status};
use crate::optim::growth::{GROWTH_FACTOR, GROWTH_POINTS, Overshoot, overshoot};

impl Race {
    /// Whether `racer`, still running, overshoots, and by how much (the losses above f*).
    pub fn overshoot(&self, racer: &Racer) -> Option<Overshoot> {
        if racer.status() != Status::Running {
            return None;
        }
        let floor = self.terrain().floor().unwrap_or(0.0);
        let losses = racer.run().trajectory().losses();
        let (&start, rest) = losses.split_first()?;
        // The start and the last values are all the rule reads.
        let recent = &rest[rest.len().saturating_sub(GROWTH_POINTS)..];
        // On the stack: the page asks every frame.
        let mut series = [0.0; GROWTH_POINTS + 1];
        for (above, f) in series.iter_mut().zip(std::iter::once(&start).chain(recent)) {
            *above = f - floor;
        }
        overshoot(&series[..=recent.len()])
    }

    /// The notice naming every racing racer that overshoots (as "racer k", counted from 1, with
    /// its label), with the figures and what to change; `None` when none does.
    ///
    /// ```
    /// use descent::race::Race;
    /// let mut race = Race::default();
    /// for (name, value) in [("surface", "quadratic"), ("kappa", "10"), ("start", "-1.5,1"), ("noise", "0")] {
    ///     race.set(name, value).unwrap();
    /// }
    /// race.set("racer0.method", "sgd").unwrap();
    /// race.set("racer0.lr", "0.25").unwrap();
    /// assert_eq!(race.growth_warning(), None);
    /// race.advance(10);
    /// assert!(race.growth_warning().unwrap().starts_with("Racer 1 (SGD α=0.25) is diverging"));
    /// ```
    pub fn growth_warning(&self) -> Option<String> {
        let floor = self.terrain().floor().unwrap_or(0.0);
        let named: Vec<String> = (self.racers().iter().enumerate())
            .filter(|(_, racer)| racer.enabled())
            .filter_map(|(k, racer)| {
                let Overshoot { above, highest, .. } = self.overshoot(racer)?;
                Some(format!(
                    "Racer {} ({}) is diverging: its loss has been above {GROWTH_FACTOR} × its start at {above} \
                     of its last {GROWTH_POINTS} steps (highest {:.3e}).",
                    k + 1,
                    racer.label(),
                    highest + floor,
                ))
            })
            .collect();
        let advice = match named.len() {
            0 => return None,
            1 => "Its steps overshoot: give it a smaller learning rate, then press Reset.",
            _ => "Their steps overshoot: give them smaller learning rates, then press Reset.",
        };
        Some(format!("{} {advice}", named.join(" ")))
    }
}

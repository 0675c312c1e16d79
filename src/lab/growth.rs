//! The notice for a run whose loss has grown far above where it started and stays there
//! (too large a learning rate, or a huge λ with L1, swinging across the kinks): training has
//! not diverged to the limits, so it goes on, but it is not minimizing anything.
//!
//! The rule is [`overshoot`]'s (shared with the race's racers), on the run's history: its
//! chart points, one per frame while playing. A loss that turns non-finite or passes the
//! limits stops the run instead ([`super::training::Stop`]).

use super::Lab;
pub use crate::optim::growth::{GROWTH_FACTOR, GROWTH_POINTS};
use crate::optim::growth::{Overshoot, overshoot};

impl Lab {
    /// The notice when the loss has been above [`GROWTH_FACTOR`] × its starting value at half
    /// or more of the last [`GROWTH_POINTS`] chart points, with the values and what to change.
    ///
    /// ```
    /// use descent::lab::Lab;
    /// let mut lab = Lab::default();
    /// lab.set("regularizer", "l1").unwrap();
    /// lab.set("lambda", "1e6").unwrap();
    /// assert!(lab.growth_warning().is_none());
    /// lab.advance(20).unwrap();
    /// let warning = lab.growth_warning().unwrap();
    /// assert!(warning.starts_with("The loss has been above 10 × its start (1.300e7) at 5 of the last 10 chart points (highest 6.000e11)"), "{warning}");
    /// ```
    pub fn growth_warning(&self) -> Option<String> {
        let Overshoot { start, above, highest } = overshoot(self.history().total())?;
        Some(format!(
            "The loss has been above {GROWTH_FACTOR} × its start ({start:.3e}) at {above} of the last \
             {GROWTH_POINTS} chart points (highest {highest:.3e}): the steps overshoot. Lower the learning \
             rate or λ, or choose another method, then press Reset."
        ))
    }
}

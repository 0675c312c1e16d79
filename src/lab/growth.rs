//! The notice for a run whose loss has grown far above where it started and stays there
//! (too large a learning rate, or a huge λ with L1, swinging across the kinks): training has
//! not diverged to the limits, so it goes on, but it is not minimizing anything.
//!
//! The rule, on the run's history (its chart points, one per frame while playing): at least
//! half of the last [`GROWTH_POINTS`] chart points after the start exceed [`GROWTH_FACTOR`]
//! times the loss at step 0. Half, not all, so that a loss swinging between near its start
//! and far above it (L1 with λ = 10⁶ and step 0.1 alternates between 1.3·10⁷ and 6·10¹¹) is
//! named too, while one spike in a run that settles is not. A loss that turns non-finite or passes the limits stops the run instead
//! ([`super::training::Stop`]).

use super::Lab;

/// How many times its starting value the loss must exceed.
pub const GROWTH_FACTOR: f64 = 10.0;
/// For how many consecutive chart points.
pub const GROWTH_POINTS: usize = 10;

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
        let total = self.history().total();
        let (&start, rest) = total.split_first()?;
        let recent = rest.get(rest.len().checked_sub(GROWTH_POINTS)?..)?;
        let threshold = GROWTH_FACTOR * start;
        let above = recent.iter().filter(|&&loss| loss > threshold).count();
        if 2 * above < GROWTH_POINTS {
            return None;
        }
        let highest = recent.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Some(format!(
            "The loss has been above {GROWTH_FACTOR} × its start ({start:.3e}) at {above} of the last \
             {GROWTH_POINTS} chart points (highest {highest:.3e}): the steps overshoot. Lower the learning \
             rate or λ, or choose another method, then press Reset."
        ))
    }
}

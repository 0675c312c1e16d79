//! Overshooting: a loss that has grown far above where it started and stays there (too large
//! a learning rate, or a huge λ with L1, swinging across the kinks). The run has not diverged
//! to the limits, so it goes on, but it is not minimizing anything. The lab's notice
//! (`crate::lab::growth`) and the race's diverging racers read the same rule.
//!
//! The rule, on a series of losses f₀, f₁, …, f_n (measured from the floor f* where one is
//! known, so that f₀ − f* > 0): at least half of the last [`GROWTH_POINTS`] values after the
//! start exceed [`GROWTH_FACTOR`] × f₀. Half, not all, so that a loss swinging between near
//! its start and far above it (L1 with λ = 10⁶ and step 0.1 alternates between 1.3·10⁷ and
//! 6·10¹¹) is named too, while one spike in a run that settles is not.

/// How many times its starting value the loss must exceed.
pub const GROWTH_FACTOR: f64 = 10.0;
/// Over how many of the last values.
pub const GROWTH_POINTS: usize = 10;

/// A series found overshooting: its start, how many of its last [`GROWTH_POINTS`] values are
/// above [`GROWTH_FACTOR`] × the start, and the highest of them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overshoot {
    pub start: f64,
    pub above: usize,
    pub highest: f64,
}

/// Whether the losses `series` (f₀ first, each ≥ 0 above its floor) overshoot by the rule
/// above; `None` while fewer than [`GROWTH_POINTS`] values follow the start, or when the
/// start is not a positive finite number (a run starting at its minimum cannot overshoot it
/// by a factor).
///
/// ```
/// use descent::optim::growth::{Overshoot, overshoot};
/// let swinging = [1.0, 50.0, 2.0, 60.0, 1.5, 70.0, 2.0, 80.0, 1.0, 90.0, 3.0];
/// assert_eq!(overshoot(&swinging), Some(Overshoot { start: 1.0, above: 5, highest: 90.0 }));
/// assert_eq!(overshoot(&swinging[..10]), None);
/// let settling = [1.0, 50.0, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.0, 0.0, 0.0];
/// assert_eq!(overshoot(&settling), None);
/// ```
pub fn overshoot(series: &[f64]) -> Option<Overshoot> {
    let (&start, rest) = series.split_first()?;
    if !(start > 0.0 && start.is_finite()) {
        return None;
    }
    let recent = rest.get(rest.len().checked_sub(GROWTH_POINTS)?..)?;
    let threshold = GROWTH_FACTOR * start;
    let above = recent.iter().filter(|&&loss| loss > threshold).count();
    if 2 * above < GROWTH_POINTS {
        return None;
    }
    let highest = recent.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some(Overshoot { start, above, highest })
}

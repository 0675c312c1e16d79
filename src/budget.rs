//! A frame's time budget: work that could take longer than a frame (many updates, a long
//! update, a slice over many points) asks the budget between pieces and stops when it is
//! spent, so that no frame of any scene takes much longer than [`FRAME_BUDGET_MS`] plus one
//! piece and the drawing.
//!
//! The clock is handed in (the page's `performance.now()`, or a counter in the tests), so the
//! work itself stays deterministic: a budget decides only how many equal pieces one frame
//! makes, never what a piece computes.
//!
//! ```
//! use descent::budget::Budget;
//! // A clock that advances 1 ms each time it is read.
//! let mut now = 0.0;
//! let mut budget = Budget::new(move || { now += 1.0; now }, 3.0);
//! assert!(budget.left() && budget.left());
//! assert!(!budget.left());
//! ```

/// The milliseconds of work a frame may spend on updates and slices; the readouts and the
/// drawing come on top, and the whole frame stays near 50 ms on a slow machine.
pub const FRAME_BUDGET_MS: f64 = 25.0;

/// A deadline on a clock in milliseconds.
pub struct Budget<C: FnMut() -> f64> {
    clock: C,
    deadline: f64,
}

impl<C: FnMut() -> f64> Budget<C> {
    /// A budget of `millis` from now on `clock`.
    pub fn new(mut clock: C, millis: f64) -> Self {
        let deadline = clock() + millis;
        Budget { clock, deadline }
    }

    /// Whether time is left: the clock reads before the deadline.
    pub fn left(&mut self) -> bool {
        (self.clock)() < self.deadline
    }
}

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

/// The milliseconds of work a frame may spend on updates and slices. The lab's frames fit
/// their drawing inside it ([`work_ms`]: its drawing grows with the points); elsewhere the
/// readouts and the drawing come on top.
pub const FRAME_BUDGET_MS: f64 = 25.0;

/// The least a frame gives to updates, however long its drawing takes: training goes on even
/// when drawing alone fills a frame (a million points).
pub const MIN_WORK_MS: f64 = 4.0;

/// The milliseconds of updates a frame may spend when its drawing takes `drawing_ms` (as long
/// as the last frame's did): what the drawing leaves of [`FRAME_BUDGET_MS`], at least
/// [`MIN_WORK_MS`], so that updates and drawing together stay near the budget at any N.
///
/// ```
/// use descent::budget::work_ms;
/// assert_eq!(work_ms(5.0), 20.0);
/// assert_eq!(work_ms(24.0), 4.0);
/// assert_eq!(work_ms(f64::NAN), 25.0);
/// ```
pub fn work_ms(drawing_ms: f64) -> f64 {
    let drawing = if drawing_ms.is_finite() { drawing_ms.max(0.0) } else { 0.0 };
    (FRAME_BUDGET_MS - drawing).max(MIN_WORK_MS)
}

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

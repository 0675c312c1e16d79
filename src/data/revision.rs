//! Which version of a point set a picture was drawn from: every dataset, and every change
//! of its points, labels or held-out flags, takes a new revision number, unique in the
//! process, so that a cache of something drawn from the points (the lab's points layer) can
//! tell in O(1) whether they are still the same. Equal datasets may have different
//! revisions; a clone has its original's.

use std::sync::atomic::{AtomicU64, Ordering};

use super::Dataset;

/// The last revision handed out.
static LAST: AtomicU64 = AtomicU64::new(0);

/// A fresh revision number, never handed out before.
pub(super) fn next() -> u64 {
    LAST.fetch_add(1, Ordering::Relaxed) + 1
}

impl Dataset {
    /// The revision of the points, labels and held-out flags: it changes with each of them
    /// (see the module docs).
    ///
    /// ```
    /// let mut d = descent::data::Dataset::new(2, 2, vec![0.0, 1.0], vec![0]).unwrap();
    /// let before = d.revision();
    /// assert_eq!(d.clone().revision(), before);
    /// d.move_point(0, &[2.0, 3.0]).unwrap();
    /// assert_ne!(d.revision(), before);
    /// ```
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Marks a change of the points, labels or flags.
    pub(super) fn touch(&mut self) {
        self.revision = next();
    }
}

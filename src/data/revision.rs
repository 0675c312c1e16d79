//! Which version of a point set a picture was drawn from: every dataset, and every change
//! of its points, labels or held-out flags, takes a new revision number, unique in the
//! process, so that a cache of something drawn from the points (the lab's points layer) can
//! tell in O(1) whether they are still the same. Equal datasets may have different
//! revisions; a clone has its original's.

use std::sync::atomic::{AtomicU64, Ordering};

/// The last revision handed out.
static LAST: AtomicU64 = AtomicU64::new(0);

/// A fresh revision number, never handed out before.
pub(super) fn next() -> u64 {
    LAST.fetch_add(1, Ordering::Relaxed) + 1
}

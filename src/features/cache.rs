//! The expanded points φ(x_i), computed once per point set and feature map (rebuilt only when
//! the points, their split or φ change), split into the training and the held-out set.
//!
//! Memory: F·8 bytes (plus 8 for the label) per point, F ≤ 54 ([`super::polynomial`] at
//! degree 9; radial stops at 51, sin/cos at 38), so at most about 50 MB for the lab's
//! 100,000 points. With the identity and nothing held out no copy is made at all: the
//! training set is the point set itself.

use super::FeatureMap;
use crate::data::{DataError, Dataset};

/// φ(x_i) of the training and of the held-out points.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureCache {
    map: FeatureMap,
    /// φ of the training points, in order; `None` when that is the point set itself.
    training: Option<Dataset>,
    /// Index into the point set of each training row (empty with `training` None).
    training_rows: Vec<usize>,
    /// φ of the held-out points, in order.
    held_out: Dataset,
}

impl FeatureCache {
    /// Expands the points of `data` by `map`.
    ///
    /// ```
    /// use descent::data::Dataset;
    /// use descent::features::{FeatureKind, FeatureMap, cache::FeatureCache};
    /// let mut data = Dataset::new(2, 2, vec![1.0, 0.0, 0.0, 1.0, 0.5, 0.5], vec![0, 1, 1]).unwrap();
    /// data.set_held_out(1, true).unwrap();
    /// let map = FeatureMap { kind: FeatureKind::Polynomial, degree: 2, ..Default::default() };
    /// let cache = FeatureCache::build(map, &data).unwrap();
    /// assert_eq!(cache.training(&data).coordinates(), &[1.0, 0.0, 1.0, 0.0, 0.0, 0.5, 0.5, 0.25, 0.25, 0.25]);
    /// assert_eq!(cache.held_out().labels(), &[1]);
    /// assert_eq!(cache.point_index(1), 2);
    /// ```
    pub fn build(map: FeatureMap, data: &Dataset) -> Result<Self, DataError> {
        let held_out_rows = data.rows(true);
        let (training, training_rows) = if map.is_identity() && held_out_rows.is_empty() {
            (None, Vec::new())
        } else {
            let rows = data.rows(false);
            (Some(map.expand_rows(data, &rows)?), rows)
        };
        let held_out = map.expand_rows(data, &held_out_rows)?;
        Ok(FeatureCache { map, training, training_rows, held_out })
    }

    /// The map the points were expanded by.
    pub fn map(&self) -> &FeatureMap {
        &self.map
    }

    /// φ of the training points: `data` itself when nothing needed expanding (`data` must be
    /// the point set the cache was built from).
    pub fn training<'a>(&'a self, data: &'a Dataset) -> &'a Dataset {
        self.training.as_ref().unwrap_or(data)
    }

    /// φ of the held-out points (none, with the training set's F, when nothing is held out).
    pub fn held_out(&self) -> &Dataset {
        &self.held_out
    }

    /// The point-set index of training row `row`.
    pub fn point_index(&self, row: usize) -> usize {
        if self.training.is_some() { self.training_rows[row] } else { row }
    }
}

//! Held-out points: each point carries a flag saying whether it is held out of training
//! (a per-point flag, so that an edited point set keeps its split and a saved one can carry it).

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::{DataError, Dataset, MAX_HELD_OUT};

impl Dataset {
    /// Whether point `i` is held out of training.
    pub fn is_held_out(&self, i: usize) -> bool {
        self.held_out[i]
    }

    /// Puts point `i` in the held-out set (`true`) or the training set.
    pub fn set_held_out(&mut self, i: usize, held_out: bool) -> Result<(), DataError> {
        self.check_index(i)?;
        self.held_out[i] = held_out;
        self.touch();
        Ok(())
    }

    /// The number of held-out points.
    pub fn held_out_count(&self) -> usize {
        self.held_out.iter().filter(|&&h| h).count()
    }

    /// The indices of the training points (`false`) or of the held-out ones (`true`), in order.
    pub fn rows(&self, held_out: bool) -> Vec<usize> {
        (0..self.len()).filter(|&i| self.held_out[i] == held_out).collect()
    }

    /// Holds out ⌊ratio · N⌋ points (ratio in [0, [`MAX_HELD_OUT`]], clamped), chosen by a
    /// shuffle of the indices with a ChaCha8 stream seeded with `seed`: the first ⌊ratio · N⌋
    /// indices of the shuffled order are held out, the rest train. Ratio 0 holds none out.
    ///
    /// ```
    /// use descent::data::{DatasetKind, DatasetSpec};
    /// let mut d = DatasetSpec { kind: DatasetKind::Blobs, points: 10, ..Default::default() }.generate().unwrap();
    /// d.split(0.3, 7);
    /// assert_eq!(d.held_out_count(), 3);
    /// let held = d.rows(true);
    /// d.split(0.3, 7);
    /// assert_eq!(d.rows(true), held);
    /// d.split(0.0, 7);
    /// assert_eq!(d.held_out_count(), 0);
    /// ```
    pub fn split(&mut self, ratio: f64, seed: u64) {
        let ratio = if ratio.is_finite() { ratio.clamp(0.0, MAX_HELD_OUT) } else { 0.0 };
        let held = (ratio * self.len() as f64).floor() as usize;
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
        self.held_out.iter_mut().for_each(|h| *h = false);
        for &i in &order[..held] {
            self.held_out[i] = true;
        }
        self.touch();
    }
}

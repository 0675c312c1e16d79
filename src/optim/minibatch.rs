//! Seeded minibatches: epochs over a shuffled order of the examples.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// Draws minibatches of example indices, epoch after epoch: each epoch visits every example
/// once, in an order shuffled by an owned ChaCha8 stream seeded from `seed` (or in index
/// order without shuffling), in consecutive batches of `batch_size`; the last batch of an
/// epoch holds the remainder (PyTorch's `DataLoader` with `drop_last=False`).
///
/// ```
/// use descent::optim::minibatch::Minibatches;
/// let mut b = Minibatches::new(5, 2, false, 0);
/// assert_eq!(b.next_batch(), &[0, 1]);
/// assert_eq!(b.next_batch(), &[2, 3]);
/// assert_eq!(b.next_batch(), &[4]);
/// assert_eq!(b.epochs(), 1);
/// assert_eq!(b.next_batch(), &[0, 1]);
/// ```
#[derive(Clone, Debug)]
pub struct Minibatches {
    order: Vec<usize>,
    batch_size: usize,
    shuffle: bool,
    rng: ChaCha8Rng,
    position: usize,
    batch: std::ops::Range<usize>,
    epochs: usize,
}

impl Minibatches {
    /// Batches of `batch_size` (at least 1, at most `n`) over `n` examples.
    pub fn new(n: usize, batch_size: usize, shuffle: bool, seed: u64) -> Self {
        Minibatches {
            order: (0..n).collect(),
            batch_size: batch_size.clamp(1, n.max(1)),
            shuffle,
            rng: ChaCha8Rng::seed_from_u64(seed),
            position: 0,
            batch: 0..0,
            epochs: 0,
        }
    }

    /// The next batch of example indices (empty only when there are no examples).
    pub fn next_batch(&mut self) -> &[usize] {
        let n = self.order.len();
        if self.position == 0 && self.shuffle {
            self.order.shuffle(&mut self.rng);
        }
        let end = (self.position + self.batch_size).min(n);
        self.batch = self.position..end;
        if end == n {
            self.position = 0;
            self.epochs += 1;
        } else {
            self.position = end;
        }
        &self.order[self.batch.clone()]
    }

    /// The batch the last [`Minibatches::next_batch`] returned.
    pub fn current(&self) -> &[usize] {
        &self.order[self.batch.clone()]
    }

    /// Full passes over the data completed so far.
    pub fn epochs(&self) -> usize {
        self.epochs
    }

    /// The batch size.
    pub fn batch_size(&self) -> usize {
        self.batch_size
    }

    /// Batches per epoch, ⌈N / B⌉.
    pub fn batches_per_epoch(&self) -> usize {
        self.order.len().div_ceil(self.batch_size)
    }
}

//! The record of one training run: the losses, the learning rate and the parameters after each
//! step, in bounded memory however long the run. It is the observer the lab's
//! [`Run`](crate::optim::run::Run) records through ([`Record`]).
//!
//! While the record holds at most `capacity` entries it keeps every step. When it would
//! overflow it drops every other entry and from then on keeps only steps that are multiples
//! of the doubled stride (1, 2, 4, … steps apart), so an hour of training still fits in a few
//! thousand entries spread evenly over the run. The latest step is always the last entry,
//! even when it falls between strides (it is then replaced by the next step).

use crate::objective::Breakdown;
use crate::optim::record::{Record, Row};

/// One recorded step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    /// Updates made so far (0 is the start).
    pub step: usize,
    /// The objective at the parameters after `step` updates, over the whole dataset.
    pub loss: Breakdown,
    /// The learning rate the next update uses.
    pub lr: f64,
}

/// A thinned record of a run.
#[derive(Clone, Debug)]
pub struct History {
    capacity: usize,
    stride: usize,
    /// Whether the last entry is off the stride (to be replaced by the next one).
    tail: bool,
    params: usize,
    entries: Vec<Entry>,
    /// The parameters of each entry, `params` values each.
    thetas: Vec<f64>,
    /// The entries' columns, kept for charts: steps and the three losses.
    columns: [Vec<f64>; 4],
}

/// The default number of entries a history keeps.
pub const CAPACITY: usize = 2048;

impl History {
    /// An empty history for `params` parameters keeping at most `capacity` (≥ 2) entries.
    pub fn new(params: usize, capacity: usize) -> Self {
        History {
            capacity: capacity.max(2),
            stride: 1,
            tail: false,
            params,
            entries: Vec::new(),
            thetas: Vec::new(),
            columns: Default::default(),
        }
    }

    /// Forgets every entry and starts again with stride 1 for `params` parameters.
    pub fn clear(&mut self, params: usize) {
        self.params = params;
        self.stride = 1;
        self.tail = false;
        self.entries.clear();
        self.thetas.clear();
        self.columns.iter_mut().for_each(Vec::clear);
        // Room for the most entries ever held (one past the capacity, before thinning), so a
        // run's frames allocate nothing as it grows.
        let most = self.capacity + 1;
        self.entries.reserve(most);
        self.thetas.reserve(most * params);
        self.columns.iter_mut().for_each(|c| c.reserve(most));
    }

    /// Records the state after `entry.step` updates, with parameters `theta`.
    ///
    /// ```
    /// use descent::lab::history::{Entry, History};
    /// use descent::objective::Breakdown;
    /// let mut h = History::new(1, 4);
    /// for step in 0..=9 {
    ///     let loss = Breakdown { data: step as f64, regularization: 0.0 };
    ///     h.push(Entry { step, loss, lr: 0.1 }, &[step as f64]);
    /// }
    /// // Four entries at most: every 4th step, and the latest.
    /// assert_eq!(h.steps(), &[0.0, 4.0, 8.0, 9.0]);
    /// assert_eq!(h.theta(3), &[9.0]);
    /// ```
    pub fn push(&mut self, entry: Entry, theta: &[f64]) {
        debug_assert_eq!(theta.len(), self.params);
        if self.tail {
            self.pop();
        }
        self.tail = entry.step % self.stride != 0;
        self.entries.push(entry);
        self.thetas.extend_from_slice(theta);
        let [steps, total, data, regularization] = &mut self.columns;
        steps.push(entry.step as f64);
        total.push(entry.loss.total());
        data.push(entry.loss.data);
        regularization.push(entry.loss.regularization);
        if self.entries.len() > self.capacity {
            self.thin();
        }
    }

    fn pop(&mut self) {
        self.entries.pop();
        self.thetas.truncate(self.entries.len() * self.params);
        self.columns.iter_mut().for_each(|c| {
            c.pop();
        });
    }

    /// Doubles the stride, keeping the entries on it and the latest one.
    fn thin(&mut self) {
        self.stride *= 2;
        let last = self.entries.len() - 1;
        let keep: Vec<bool> =
            self.entries.iter().enumerate().map(|(n, e)| e.step % self.stride == 0 || n == last).collect();
        self.tail = self.entries[last].step % self.stride != 0;
        let mut n = 0;
        self.entries.retain(|_| {
            n += 1;
            keep[n - 1]
        });
        for column in &mut self.columns {
            let mut n = 0;
            column.retain(|_| {
                n += 1;
                keep[n - 1]
            });
        }
        let params = self.params;
        let mut kept = 0;
        for (n, &k) in keep.iter().enumerate() {
            if k {
                self.thetas.copy_within(n * params..(n + 1) * params, kept * params);
                kept += 1;
            }
        }
        self.thetas.truncate(kept * params);
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True before the first entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The latest entry.
    pub fn last(&self) -> Option<&Entry> {
        self.entries.last()
    }

    /// The parameters of entry `n`.
    pub fn theta(&self, n: usize) -> &[f64] {
        &self.thetas[n * self.params..(n + 1) * self.params]
    }

    /// Steps apart of the kept entries (1 until the first thinning).
    pub fn stride(&self) -> usize {
        self.stride
    }

    /// The entries' steps, as a chart's x values.
    pub fn steps(&self) -> &[f64] {
        &self.columns[0]
    }

    /// The entries' total losses.
    pub fn total(&self) -> &[f64] {
        &self.columns[1]
    }

    /// The entries' data losses.
    pub fn data(&self) -> &[f64] {
        &self.columns[2]
    }

    /// The entries' regularization losses.
    pub fn regularization(&self) -> &[f64] {
        &self.columns[3]
    }
}

impl Record for History {
    fn restart(&mut self, dim: usize) {
        self.clear(dim);
    }

    /// Records the row as an entry; a loss function without the data/regularization split
    /// counts its whole loss as data.
    fn row(&mut self, row: &Row<'_>) {
        let loss = row.breakdown.unwrap_or(Breakdown { data: row.loss, regularization: 0.0 });
        self.push(Entry { step: row.step, loss, lr: row.rate }, row.theta);
    }

    fn set_last_rate(&mut self, rate: f64) {
        if let Some(last) = self.entries.last_mut() {
            last.lr = rate;
        }
    }
}

//! The per-point table: x₀, x₁, y, the scores s₀…s_{C−1} and the loss L_i of each point,
//! computed only for the rows on screen so that a thousand points scroll as smoothly as nine.

use super::Lab;
use crate::model::predict;

/// Row flag: the point is in the current minibatch.
pub const IN_BATCH: f64 = 1.0;
/// Row flag: the point is highlighted (hovered on the canvas or in the table).
pub const HOVERED: f64 = 2.0;
/// Row flag: the classifier predicts another class than the point's label.
pub const MISCLASSIFIED: f64 = 4.0;
/// Row flag: the point is held out of training.
pub const HELD_OUT: f64 = 8.0;

impl Lab {
    /// Numbers per table row: D coordinates, y, C scores, L_i and the flags.
    pub fn row_width(&self) -> usize {
        self.data.dim() + 1 + self.shape().classes + 2
    }

    /// Writes the rows of points `start .. start + count` (clipped to the dataset) into
    /// `out`, [`Lab::row_width`] numbers each: x₀ … x_{D−1}, y, s₀ … s_{C−1} (of Wφ(x) + b),
    /// L_i, and the sum of the row's flags ([`IN_BATCH`], [`HOVERED`], [`MISCLASSIFIED`],
    /// [`HELD_OUT`]).
    ///
    /// ```
    /// let lab = descent::lab::Lab::default();
    /// let mut rows = Vec::new();
    /// lab.table_rows(0, 1, &mut rows);
    /// // The demo's first point (0.5, 0.4) of class 0: scores (1.3, −0.1, 0.6), SVM loss 0.3.
    /// let want = [0.5, 0.4, 0.0, 1.3, -0.1, 0.6, 0.3, 0.0];
    /// for (got, want) in rows.iter().zip(want) {
    ///     assert!((got - want).abs() < 1e-12, "{rows:?}");
    /// }
    /// ```
    pub fn table_rows(&self, start: usize, count: usize, out: &mut Vec<f64>) {
        out.clear();
        let shape = self.shape();
        let end = start.saturating_add(count).min(self.data.len());
        let mut scores = vec![0.0; shape.classes];
        let loss = self.objective.loss;
        for i in start.min(end)..end {
            let x = self.data.point(i);
            let y = self.data.label(i);
            self.scores_at(x, &mut scores);
            out.extend_from_slice(x);
            out.push(y as f64);
            out.extend_from_slice(&scores);
            out.push(loss.value(&scores, y));
            let mut flags = 0.0;
            if self.in_batch(i) {
                flags += IN_BATCH;
            }
            if self.hover == Some(i) {
                flags += HOVERED;
            }
            if predict(&scores) != y {
                flags += MISCLASSIFIED;
            }
            if self.data.is_held_out(i) {
                flags += HELD_OUT;
            }
            out.push(flags);
        }
    }
}

//! The lab's loss history as CSV, for a spreadsheet or a plot elsewhere.

use super::Lab;
use crate::model::predict;

/// The CSV header of [`Lab::history_csv`].
pub const HISTORY_HEADER: &str = "step,data_loss,regularization_loss,total_loss,accuracy";

impl Lab {
    /// The current run's recorded steps (thinned evenly on long runs, see
    /// [`History`](super::History)) as CSV: for each, the step t, the data loss
    /// (1/N) Σ_i L_i, the regularization loss λR(W), the total L = data + regularization,
    /// and the accuracy (the fraction of points whose highest score is their class; empty
    /// without points) at θ_t. Numbers are written in full (Rust's shortest round-trip
    /// form).
    ///
    /// ```
    /// let mut lab = descent::lab::Lab::default();
    /// lab.step().unwrap();
    /// let csv = lab.history_csv();
    /// let rows: Vec<&str> = csv.lines().collect();
    /// assert_eq!(rows[0], "step,data_loss,regularization_loss,total_loss,accuracy");
    /// assert_eq!(rows.len(), 3);
    /// assert!(rows[2].starts_with("1,"));
    /// ```
    pub fn history_csv(&self) -> String {
        let history = self.history();
        let shape = self.shape();
        let mut scores = vec![0.0; shape.classes];
        let mut out = String::from(HISTORY_HEADER);
        out.push('\n');
        for (n, entry) in history.entries().iter().enumerate() {
            let theta = history.theta(n);
            let correct = (0..self.data.len())
                .filter(|&i| {
                    shape.scores(theta, self.data.point(i), &mut scores);
                    predict(&scores) == self.data.label(i)
                })
                .count();
            let accuracy = if self.data.is_empty() {
                String::new()
            } else {
                (correct as f64 / self.data.len() as f64).to_string()
            };
            let loss = entry.loss;
            out.push_str(&format!(
                "{},{},{},{},{accuracy}\n",
                entry.step,
                loss.data,
                loss.regularization,
                loss.total()
            ));
        }
        out
    }
}

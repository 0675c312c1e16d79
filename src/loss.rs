//! Per-example losses L_i(s, y) of a score vector s against the true class y, and their
//! gradients ∂L_i/∂s.
//!
//! Hinges use max(0, z) with subgradient 0 at the kink z = 0; where a max over classes ties,
//! the lowest class index wins. Softmax subtracts the largest score before exponentiating
//! (log-sum-exp), so no score overflows.

crate::named! {
    /// Which loss.
    pub enum LossKind: "loss" {
        /// Weston–Watkins multiclass SVM: L_i = Σ_{j≠y} max(0, s_j − s_y + Δ).
        MulticlassSvm = "svm", "Weston–Watkins SVM";
        /// One-vs-All hinge: L_i = max(0, Δ − s_y) + Σ_{j≠y} max(0, Δ + s_j).
        OneVsAll = "ova", "One-vs-All SVM";
        /// Crammer–Singer structured SVM: L_i = max(0, max_{j≠y} s_j − s_y + Δ).
        StructuredSvm = "structured", "Structured SVM";
        /// Softmax cross-entropy: L_i = −log(e^{s_y} / Σ_j e^{s_j}).
        Softmax = "softmax", "Softmax";
    }
}

impl LossKind {
    /// True for the hinge losses, which use the margin Δ.
    pub fn uses_margin(self) -> bool {
        self != LossKind::Softmax
    }
}

/// A loss with its margin Δ (unused by softmax).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Loss {
    /// Which loss.
    pub kind: LossKind,
    /// The hinge margin Δ.
    pub margin: f64,
}

impl Default for Loss {
    fn default() -> Self {
        Loss { kind: LossKind::MulticlassSvm, margin: 1.0 }
    }
}

fn hinge(z: f64) -> f64 {
    z.max(0.0)
}

/// Index of the largest score other than `label` (lowest index on ties).
fn best_rival(scores: &[f64], label: usize) -> usize {
    let mut best = if label == 0 { 1 } else { 0 };
    for (j, &s) in scores.iter().enumerate() {
        if j != label && s > scores[best] {
            best = j;
        }
    }
    best
}

/// The largest score m and Z = Σ_j e^{s_j − m}, so that log Σ_j e^{s_j} = m + log Z with no
/// overflow (1 ≤ Z ≤ C).
fn shifted_partition(scores: &[f64]) -> (f64, f64) {
    let m = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (m, scores.iter().map(|s| (s - m).exp()).sum())
}

/// log Σ_j e^{s_j}, computed as m + log Σ_j e^{s_j − m} with m = max_j s_j.
pub fn log_sum_exp(scores: &[f64]) -> f64 {
    let (m, z) = shifted_partition(scores);
    m + z.ln()
}

/// Softmax cross-entropy as log Z − (s_y − m), which keeps full precision when the scores are
/// large.
fn cross_entropy(scores: &[f64], label: usize) -> f64 {
    let (m, z) = shifted_partition(scores);
    z.ln() - (scores[label] - m)
}

impl Loss {
    /// L_i(s, y).
    ///
    /// The lecture's cat column, scores (3.2, 5.1, −1.7) with y = cat:
    /// ```
    /// use descent::loss::{Loss, LossKind};
    /// let svm = Loss { kind: LossKind::MulticlassSvm, margin: 1.0 };
    /// assert!((svm.value(&[3.2, 5.1, -1.7], 0) - 2.9).abs() < 1e-12);
    /// ```
    pub fn value(&self, scores: &[f64], label: usize) -> f64 {
        let sy = scores[label];
        let delta = self.margin;
        match self.kind {
            LossKind::MulticlassSvm => {
                scores.iter().enumerate().filter(|&(j, _)| j != label).map(|(_, &sj)| hinge(sj - sy + delta)).sum()
            }
            LossKind::OneVsAll => scores
                .iter()
                .enumerate()
                .map(|(j, &sj)| if j == label { hinge(delta - sj) } else { hinge(delta + sj) })
                .sum(),
            LossKind::StructuredSvm => hinge(scores[best_rival(scores, label)] - sy + delta),
            LossKind::Softmax => cross_entropy(scores, label),
        }
    }

    /// L_i(s, y), writing ∂L_i/∂s into `dscores` (same length as `scores`).
    ///
    /// ```
    /// use descent::loss::{Loss, LossKind};
    /// let softmax = Loss { kind: LossKind::Softmax, margin: 1.0 };
    /// let mut ds = [0.0; 2];
    /// let l = softmax.value_and_gradient(&[0.0, 0.0], 1, &mut ds);
    /// assert!((l - 2f64.ln()).abs() < 1e-15);
    /// assert!((ds[0] - 0.5).abs() < 1e-15 && (ds[1] + 0.5).abs() < 1e-15);
    /// ```
    pub fn value_and_gradient(&self, scores: &[f64], label: usize, dscores: &mut [f64]) -> f64 {
        let sy = scores[label];
        let delta = self.margin;
        dscores.fill(0.0);
        match self.kind {
            LossKind::MulticlassSvm => {
                let mut loss = 0.0;
                for (j, &sj) in scores.iter().enumerate() {
                    let z = sj - sy + delta;
                    if j != label && z > 0.0 {
                        loss += z;
                        dscores[j] += 1.0;
                        dscores[label] -= 1.0;
                    }
                }
                loss
            }
            LossKind::OneVsAll => {
                let mut loss = 0.0;
                for (j, &sj) in scores.iter().enumerate() {
                    let (z, sign) = if j == label { (delta - sj, -1.0) } else { (delta + sj, 1.0) };
                    if z > 0.0 {
                        loss += z;
                        dscores[j] = sign;
                    }
                }
                loss
            }
            LossKind::StructuredSvm => {
                let rival = best_rival(scores, label);
                let z = scores[rival] - sy + delta;
                if z > 0.0 {
                    dscores[rival] = 1.0;
                    dscores[label] = -1.0;
                    z
                } else {
                    0.0
                }
            }
            LossKind::Softmax => {
                // ∂L/∂s_j = p_j − [j = y] with p_j = e^{s_j − m} / Z; each e^{s_j − m} is
                // computed once, kept in `dscores` while Z sums them (in the same order as
                // `shifted_partition`, so L_i is the same to the last bit).
                let m = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                for (d, &s) in dscores.iter_mut().zip(scores) {
                    *d = (s - m).exp();
                }
                let z: f64 = dscores.iter().sum();
                for d in dscores.iter_mut() {
                    *d /= z;
                }
                dscores[label] -= 1.0;
                z.ln() - (sy - m)
            }
        }
    }
}

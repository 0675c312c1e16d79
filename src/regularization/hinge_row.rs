//! The hinge part of a slice row: the data-loss sum Σ_i L_i at every point of a row along
//! which the scores are affine, for the three hinge losses.
//!
//! Along the row each hinge's argument is affine in the point's index k: c + k·δ. The row's
//! terms (c, δ) are gathered once, then each point sums max(0, c + k·δ) over all of them
//! (multiclass SVM, One-vs-All) or, per example, max(0, max_t (c_t + k·δ_t)) (structured
//! SVM), in four independent partial sums so the additions do not wait on each other.

use crate::data::MAX_CLASSES;
use crate::loss::LossKind;

/// The scores of every example at a row's first point and their change per point, N × C.
pub(crate) struct Row<'a> {
    pub classes: usize,
    pub labels: &'a [usize],
    pub start: &'a [f64],
    pub step: &'a [f64],
}

/// The terms (c, δ) of one row, reused from row to row.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scratch {
    offsets: Vec<f64>,
    slopes: Vec<f64>,
}

/// Adds Σ_i L_i(s_i(α_k)) to `sums[k]` for each of the row's points; `kind` is a hinge loss
/// with margin `margin`.
pub(crate) fn add_hinge_losses(kind: LossKind, margin: f64, row: &Row, sums: &mut [f64], scratch: &mut Scratch) {
    let c = row.classes;
    scratch.offsets.clear();
    scratch.slopes.clear();
    for (i, &y) in row.labels.iter().enumerate() {
        let (a, b) = (&row.start[i * c..(i + 1) * c], &row.step[i * c..(i + 1) * c]);
        for j in (0..c).filter(|&j| j != y) {
            let (offset, slope) = match kind {
                LossKind::OneVsAll => (margin + a[j], b[j]),
                _ => (a[j] - a[y] + margin, b[j] - b[y]),
            };
            scratch.offsets.push(offset);
            scratch.slopes.push(slope);
        }
        if kind == LossKind::OneVsAll {
            scratch.offsets.push(margin - a[y]);
            scratch.slopes.push(-b[y]);
        }
    }
    let (offsets, slopes) = (&scratch.offsets[..], &scratch.slopes[..]);
    for (k, sum) in sums.iter_mut().enumerate() {
        let kf = k as f64;
        *sum += match kind {
            LossKind::StructuredSvm => match c - 1 {
                0 => 0.0,
                1 => worst_margins::<1>(offsets, slopes, kf),
                2 => worst_margins::<2>(offsets, slopes, kf),
                3 => worst_margins::<3>(offsets, slopes, kf),
                4 => worst_margins::<4>(offsets, slopes, kf),
                _ => worst_margins::<{ MAX_CLASSES - 1 }>(offsets, slopes, kf),
            },
            _ => hinge_sum(offsets, slopes, kf),
        };
    }
}

/// Σ_t max(0, c_t + k·δ_t).
fn hinge_sum(offsets: &[f64], slopes: &[f64], k: f64) -> f64 {
    let mut partial = [0.0; 4];
    let (offset_chunks, slope_chunks) = (offsets.chunks_exact(4), slopes.chunks_exact(4));
    let (offset_rest, slope_rest) = (offset_chunks.remainder(), slope_chunks.remainder());
    for (o, s) in offset_chunks.zip(slope_chunks) {
        for lane in 0..4 {
            partial[lane] += (o[lane] + k * s[lane]).max(0.0);
        }
    }
    let rest: f64 = offset_rest.iter().zip(slope_rest).map(|(o, s)| (o + k * s).max(0.0)).sum();
    (partial[0] + partial[1]) + (partial[2] + partial[3]) + rest
}

/// Σ_i max(0, max_t (c_it + k·δ_it)) with T terms per example.
fn worst_margins<const T: usize>(offsets: &[f64], slopes: &[f64], k: f64) -> f64 {
    let mut partial = [0.0; 4];
    let (offset_chunks, slope_chunks) = (offsets.chunks_exact(4 * T), slopes.chunks_exact(4 * T));
    let (offset_rest, slope_rest) = (offset_chunks.remainder(), slope_chunks.remainder());
    let worst = |o: &[f64], s: &[f64]| (0..T).map(|t| o[t] + k * s[t]).fold(0.0, f64::max);
    for (o, s) in offset_chunks.zip(slope_chunks) {
        for lane in 0..4 {
            partial[lane] += worst(&o[lane * T..(lane + 1) * T], &s[lane * T..(lane + 1) * T]);
        }
    }
    let rest: f64 = offset_rest.chunks_exact(T).zip(slope_rest.chunks_exact(T)).map(|(o, s)| worst(o, s)).sum();
    (partial[0] + partial[1]) + (partial[2] + partial[3]) + rest
}

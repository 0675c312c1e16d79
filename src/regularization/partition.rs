//! The softmax part of a slice row: Σ_i log Σ_j e^{s_ij} at every point of a row along which
//! the scores are affine, s_ij(α_k) = a_ij + k·h·b_ij, with few transcendental calls.
//!
//! Each example gets a shift m_i, the largest of its scores at the row's two ends, so every
//! term e^{s_ij − m_i} is at most 1 along the row; the terms advance from point to point by
//! one multiplication with e^{h·b_ij}. Then Σ_i log Z_i = log Π_i Z_i: the product is
//! accumulated with its binary exponent split off whenever it leaves [2⁻¹⁰⁰, 2¹⁰⁰], which
//! leaves one logarithm per point. Examples go four at a time (four independent chains of
//! multiplications keep the processor busy) when each one's scores span at most
//! `GROUP_SPREAD` along the row, so that the product of four partition functions stays above
//! e^{−600}; alone when they span at most `SINGLE_SPREAD`; and point by point with
//! [`log_sum_exp`] beyond that, where a shifted term could underflow and later matter.

use crate::data::MAX_CLASSES;
use crate::loss::log_sum_exp;

/// Largest spread of an example's scores along a row for the grouped path.
const GROUP_SPREAD: f64 = 150.0;
/// Largest spread for the single path (e^{−600} is far above the smallest normal f64).
const SINGLE_SPREAD: f64 = 600.0;
/// The running products are renormalized outside [2⁻¹⁰⁰, 2¹⁰⁰]; a factor of at least
/// e^{−600} ≈ 2⁻⁸⁶⁶ and at most 6⁴ then keeps them normal.
const PRODUCT_LOW: f64 = 7.888609052210118e-31; // 2⁻¹⁰⁰
const PRODUCT_HIGH: f64 = 1.2676506002282294e30; // 2¹⁰⁰

/// The scores of every example at a row's first point (`start`, N × C) and their change from
/// one point to the next (`step`, N × C).
pub(crate) struct Row<'a> {
    pub classes: usize,
    pub start: &'a [f64],
    pub step: &'a [f64],
}

/// Scratch space for one row: per point, the running product and its exponent; per example,
/// its shift and spread.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scratch {
    products: Vec<f64>,
    exponents: Vec<i64>,
    shifts: Vec<f64>,
    spreads: Vec<f64>,
    scores: Vec<f64>,
}

/// Adds Σ_i log Σ_j e^{s_ij(α_k)} to `sums[k]` for each of the row's `sums.len()` points.
pub(crate) fn add_log_partitions(row: &Row, sums: &mut [f64], scratch: &mut Scratch) {
    match row.classes {
        1 => add::<1>(row, sums, scratch),
        2 => add::<2>(row, sums, scratch),
        3 => add::<3>(row, sums, scratch),
        4 => add::<4>(row, sums, scratch),
        5 => add::<5>(row, sums, scratch),
        _ => add::<MAX_CLASSES>(row, sums, scratch),
    }
}

fn add<const C: usize>(row: &Row, sums: &mut [f64], scratch: &mut Scratch) {
    let count = sums.len();
    let examples = row.start.len() / C;
    let last = (count - 1) as f64;
    scratch.products.clear();
    scratch.products.resize(count, 1.0);
    scratch.exponents.clear();
    scratch.exponents.resize(count, 0);
    scratch.shifts.clear();
    scratch.spreads.clear();
    for i in 0..examples {
        let (a, b) = (&row.start[i * C..(i + 1) * C], &row.step[i * C..(i + 1) * C]);
        let (mut high, mut low) = (f64::NEG_INFINITY, f64::INFINITY);
        for j in 0..C {
            let end = a[j] + last * b[j];
            high = high.max(a[j].max(end));
            low = low.min(a[j].min(end));
        }
        scratch.shifts.push(high);
        scratch.spreads.push(high - low);
    }
    let mut shift_sum = 0.0;
    let mut i = 0;
    while i < examples {
        if i + 4 <= examples && scratch.spreads[i..i + 4].iter().all(|&s| s <= GROUP_SPREAD) {
            shift_sum += scratch.shifts[i..i + 4].iter().sum::<f64>();
            grouped::<C>(row, i, scratch);
            i += 4;
        } else if scratch.spreads[i] <= SINGLE_SPREAD {
            shift_sum += scratch.shifts[i];
            single::<C>(row, i, scratch);
            i += 1;
        } else {
            direct::<C>(row, i, sums, scratch);
            i += 1;
        }
    }
    for (k, sum) in sums.iter_mut().enumerate() {
        *sum += shift_sum + scratch.products[k].ln() + scratch.exponents[k] as f64 * std::f64::consts::LN_2;
    }
}

/// e^{a − m} and e^{b} for one example's C classes.
fn terms<const C: usize>(row: &Row, i: usize, shift: f64) -> ([f64; C], [f64; C]) {
    let (a, b) = (&row.start[i * C..(i + 1) * C], &row.step[i * C..(i + 1) * C]);
    (std::array::from_fn(|j| (a[j] - shift).exp()), std::array::from_fn(|j| b[j].exp()))
}

#[inline]
fn renormalize(product: &mut f64, exponent: &mut i64) {
    if !(*product > PRODUCT_LOW && *product < PRODUCT_HIGH) {
        let (mantissa, e) = split_exponent(*product);
        *product = mantissa;
        *exponent += e;
    }
}

fn single<const C: usize>(row: &Row, i: usize, scratch: &mut Scratch) {
    let (mut exps, ratios) = terms::<C>(row, i, scratch.shifts[i]);
    for (product, exponent) in scratch.products.iter_mut().zip(&mut scratch.exponents) {
        let mut z = 0.0;
        for j in 0..C {
            z += exps[j];
            exps[j] *= ratios[j];
        }
        *product *= z;
        renormalize(product, exponent);
    }
}

fn grouped<const C: usize>(row: &Row, i: usize, scratch: &mut Scratch) {
    let mut group: [([f64; C], [f64; C]); 4] = std::array::from_fn(|g| terms::<C>(row, i + g, scratch.shifts[i + g]));
    for (product, exponent) in scratch.products.iter_mut().zip(&mut scratch.exponents) {
        let mut z = [0.0; 4];
        for (zg, (exps, ratios)) in z.iter_mut().zip(group.iter_mut()) {
            for j in 0..C {
                *zg += exps[j];
                exps[j] *= ratios[j];
            }
        }
        *product *= (z[0] * z[1]) * (z[2] * z[3]);
        renormalize(product, exponent);
    }
}

/// log Σ_j e^{s_ij} point by point, for scores too spread out to shift.
fn direct<const C: usize>(row: &Row, i: usize, sums: &mut [f64], scratch: &mut Scratch) {
    let (a, b) = (&row.start[i * C..(i + 1) * C], &row.step[i * C..(i + 1) * C]);
    scratch.scores.resize(C, 0.0);
    for (k, sum) in sums.iter_mut().enumerate() {
        for j in 0..C {
            scratch.scores[j] = a[j] + k as f64 * b[j];
        }
        *sum += log_sum_exp(&scratch.scores);
    }
}

/// Splits a positive finite x into m·2^e with m in [1, 2).
fn split_exponent(x: f64) -> (f64, i64) {
    let (x, bias) = if x < f64::MIN_POSITIVE { (x * 2f64.powi(64), -64) } else { (x, 0) };
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64 - 1023;
    (f64::from_bits((bits & !(0x7ff << 52)) | (1023 << 52)), e + bias)
}

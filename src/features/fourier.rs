//! Sine and cosine features: the scaled coordinates u₀, u₁ and, for each frequency
//! f = 1 … d, sin(ω_f u₀), cos(ω_f u₀), sin(ω_f u₁), cos(ω_f u₁) with ω_f = fπ/2, so the
//! lowest frequency makes half a period across the view and the d-th d/2 periods.

use std::f64::consts::FRAC_PI_2;

use super::names::subscript;

/// 2 + 4d features.
pub fn count(d: usize) -> usize {
    2 + 4 * d
}

/// The features of `u` into `out`.
///
/// ```
/// let mut out = [0.0; 6];
/// descent::features::fourier::expand([1.0, 0.0], 1, &mut out);
/// let want = [1.0, 0.0, 1.0, 0.0, 0.0, 1.0];
/// assert!(out.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-15));
/// ```
pub fn expand(u: [f64; 2], d: usize, out: &mut [f64]) {
    out[0] = u[0];
    out[1] = u[1];
    for f in 1..=d {
        let w = f as f64 * FRAC_PI_2;
        let (s0, c0) = (w * u[0]).sin_cos();
        let (s1, c1) = (w * u[1]).sin_cos();
        out[4 * f - 2..4 * f + 2].copy_from_slice(&[s0, c0, s1, c1]);
    }
}

/// "x₀", "x₁", "sin 1·x₀", "cos 1·x₀", … (the frequency in units of π/2).
pub fn names(d: usize) -> Vec<String> {
    let mut names = vec![format!("x{}", subscript(0)), format!("x{}", subscript(1))];
    for f in 1..=d {
        for l in 0..2 {
            names.push(format!("sin {f}·x{}", subscript(l)));
            names.push(format!("cos {f}·x{}", subscript(l)));
        }
    }
    names
}

//! Polynomial features: every monomial u₀^a u₁^b of the scaled coordinates with
//! 1 ≤ a + b ≤ d, by total degree t = a + b, then by falling a: u₀, u₁, u₀², u₀u₁, u₁², u₀³, …

use super::names::{subscript, superscript};

/// The largest degree (polynomial) or number of frequencies (sin/cos).
pub const MAX_DEGREE: usize = 9;

/// The number of monomials of degree 1 to d in two variables: (d + 1)(d + 2)/2 − 1.
pub fn count(d: usize) -> usize {
    (d + 1) * (d + 2) / 2 - 1
}

/// The monomials of `u` up to degree `d` (d ≤ [`MAX_DEGREE`]) into `out`, from the
/// powers u₀^a and u₁^b computed once.
///
/// ```
/// let mut out = [0.0; 5];
/// descent::features::polynomial::expand([2.0, 3.0], 2, &mut out);
/// assert_eq!(out, [2.0, 3.0, 4.0, 6.0, 9.0]);
/// ```
pub fn expand(u: [f64; 2], d: usize, out: &mut [f64]) {
    let mut p0 = [1.0; MAX_DEGREE + 1];
    let mut p1 = [1.0; MAX_DEGREE + 1];
    for a in 1..=d {
        p0[a] = p0[a - 1] * u[0];
        p1[a] = p1[a - 1] * u[1];
    }
    let mut n = 0;
    for t in 1..=d {
        for a in (0..=t).rev() {
            out[n] = p0[a] * p1[t - a];
            n += 1;
        }
    }
}

/// The monomials' names: "x₀", "x₁", "x₀²", "x₀x₁", …
pub fn names(d: usize) -> Vec<String> {
    let power = |l: usize, e: usize| match e {
        0 => String::new(),
        _ => format!("x{}{}", subscript(l), superscript(e)),
    };
    (1..=d).flat_map(|t| (0..=t).rev().map(move |a| format!("{}{}", power(0, a), power(1, t - a)))).collect()
}

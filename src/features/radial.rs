//! Radial features: the scaled coordinates u₀, u₁ and one Gaussian bump
//! exp(−‖u − c_{ab}‖² / 2σ²) per centre of a g × g grid: c_{ab} = (−1 + (2a + 1)/g,
//! −1 + (2b + 1)/g), the centres of the cells of the view's square cut g × g, with σ = 2/g,
//! their spacing, so neighbouring bumps overlap by about e^{−1/2} halfway between centres.

use super::names::subscript;

/// The largest grid side: 7 × 7 = 49 bumps (the feature count stays below the polynomial's 54,
/// which bounds the cache).
pub const MAX_GRID: usize = 7;

/// 2 + g² features.
pub fn count(g: usize) -> usize {
    2 + g * g
}

/// The centre coordinate of cell `a` of `g` along one axis: −1 + (2a + 1)/g.
pub fn centre(a: usize, g: usize) -> f64 {
    -1.0 + (2 * a + 1) as f64 / g as f64
}

/// The features of `u` into `out`; bump (a, b) sits at index 2 + a·g + b.
///
/// ```
/// let mut out = [0.0; 3];
/// descent::features::radial::expand([0.0, 0.0], 1, &mut out);
/// assert_eq!(out, [0.0, 0.0, 1.0]);
/// ```
pub fn expand(u: [f64; 2], g: usize, out: &mut [f64]) {
    out[0] = u[0];
    out[1] = u[1];
    let sigma = 2.0 / g as f64;
    let k = -1.0 / (2.0 * sigma * sigma);
    // exp(k(u₀ − c_a)²) · exp(k(u₁ − c_b)²): g + g exponentials instead of g².
    let mut e0 = [0.0; MAX_GRID];
    let mut e1 = [0.0; MAX_GRID];
    for a in 0..g {
        let c = centre(a, g);
        e0[a] = (k * (u[0] - c) * (u[0] - c)).exp();
        e1[a] = (k * (u[1] - c) * (u[1] - c)).exp();
    }
    for a in 0..g {
        for b in 0..g {
            out[2 + a * g + b] = e0[a] * e1[b];
        }
    }
}

/// "x₀", "x₁", "rbf(a,b)" for each centre.
pub fn names(g: usize) -> Vec<String> {
    let mut names = vec![format!("x{}", subscript(0)), format!("x{}", subscript(1))];
    names.extend((0..g).flat_map(|a| (0..g).map(move |b| format!("rbf({a},{b})"))));
    names
}

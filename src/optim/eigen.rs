//! Symmetric eigendecomposition by cyclic Jacobi rotations, and the minimum-norm solve of
//! H d = g it gives (what Newton's method needs when H may be singular).

/// Diagonalizes the symmetric n × n matrix `a` (row-major) in place: on return its diagonal
/// holds the eigenvalues and the columns of `vectors` the orthonormal eigenvectors, so
/// H = V diag(λ) Vᵀ. Cyclic Jacobi (as in Numerical Recipes' `jacobi`): each rotation zeroes
/// one off-diagonal pair exactly; after a few sweeps, pairs too small to change either
/// diagonal entry are set to zero, and the sweeps stop once every off-diagonal entry is zero
/// (convergence is quadratic: a handful of sweeps for the sizes Newton sees here).
pub fn jacobi_eigen(a: &mut [f64], vectors: &mut [f64], n: usize) {
    vectors.fill(0.0);
    for i in 0..n {
        vectors[i * n + i] = 1.0;
    }
    for sweep in 0..64 {
        let off_diagonal_zero = (0..n).all(|p| (p + 1..n).all(|q| a[p * n + q] == 0.0));
        if off_diagonal_zero {
            return;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                let negligible = 100.0 * apq.abs();
                let (app, aqq) = (a[p * n + p], a[q * n + q]);
                if apq == 0.0
                    || (sweep > 3 && app.abs() + negligible == app.abs() && aqq.abs() + negligible == aqq.abs())
                {
                    a[p * n + q] = 0.0;
                    a[q * n + p] = 0.0;
                    continue;
                }
                // tan of the rotation angle that zeroes a_pq, the smaller root for stability.
                let theta = (aqq - app) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + theta.hypot(1.0));
                let c = 1.0 / t.hypot(1.0);
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[k * n + p], a[k * n + q]);
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[p * n + k], a[q * n + k]);
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                a[p * n + q] = 0.0;
                a[q * n + p] = 0.0;
                for k in 0..n {
                    let (vkp, vkq) = (vectors[k * n + p], vectors[k * n + q]);
                    vectors[k * n + p] = c * vkp - s * vkq;
                    vectors[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
}

/// Eigenvalues at most this fraction of the largest |λ| count as zero curvature.
pub const RELATIVE_CUTOFF: f64 = 1e-12;

/// The minimum-norm solution d = H⁺g of H d = g for symmetric H (row-major, destroyed),
/// written into `d`: d = Σ_i (v_iᵀg / λ_i) v_i over the eigenpairs with
/// |λ_i| > [`RELATIVE_CUTOFF`]·max|λ|. `vectors` is n × n scratch. Returns false when H has
/// no usable curvature (all eigenvalues zero, or an entry not finite) or the buffers' sizes
/// do not fit n = `g.len()`.
///
/// ```
/// use descent::optim::eigen::pseudo_solve;
/// // Singular along (1, −1)/√2: the solution keeps only the (1, 1) part of g.
/// let mut h = [1.0, 1.0, 1.0, 1.0];
/// let (mut v, mut d) = ([0.0; 4], [0.0; 2]);
/// assert!(pseudo_solve(&mut h, &mut v, &[4.0, 2.0], &mut d));
/// assert!((d[0] - 1.5).abs() < 1e-12 && (d[1] - 1.5).abs() < 1e-12);
/// ```
pub fn pseudo_solve(h: &mut [f64], vectors: &mut [f64], g: &[f64], d: &mut [f64]) -> bool {
    let n = g.len();
    if h.len() != n * n || vectors.len() != n * n || d.len() != n || h.iter().any(|x| !x.is_finite()) {
        return false;
    }
    jacobi_eigen(h, vectors, n);
    let largest = (0..n).map(|i| h[i * n + i].abs()).fold(0.0, f64::max);
    if largest == 0.0 {
        return false;
    }
    d.fill(0.0);
    for i in 0..n {
        let lambda = h[i * n + i];
        if lambda.abs() <= RELATIVE_CUTOFF * largest {
            continue;
        }
        let coefficient = (0..n).map(|k| vectors[k * n + i] * g[k]).sum::<f64>() / lambda;
        for (k, dk) in d.iter_mut().enumerate() {
            *dk += coefficient * vectors[k * n + i];
        }
    }
    true
}

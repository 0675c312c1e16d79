//! The symmetric eigensolver behind Newton's method: reconstruction, orthogonality, and the
//! minimum-norm solve on singular matrices.

use descent::optim::eigen::{jacobi_eigen, pseudo_solve};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn random_symmetric(n: usize, rng: &mut ChaCha8Rng) -> Vec<f64> {
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let v = rng.random_range(-3.0..3.0);
            a[i * n + j] = v;
            a[j * n + i] = v;
        }
    }
    a
}

#[test]
fn eigenpairs_reconstruct_the_matrix() {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    for n in [1, 2, 3, 5, 9, 20] {
        let a = random_symmetric(n, &mut rng);
        let mut d = a.clone();
        let mut v = vec![0.0; n * n];
        jacobi_eigen(&mut d, &mut v, n);
        for i in 0..n {
            for j in 0..n {
                if i != j {
                    assert_eq!(d[i * n + j], 0.0);
                }
                let rebuilt: f64 = (0..n).map(|k| v[i * n + k] * d[k * n + k] * v[j * n + k]).sum();
                assert!((rebuilt - a[i * n + j]).abs() < 1e-12, "n = {n}: A[{i}][{j}]");
                let gram: f64 = (0..n).map(|k| v[k * n + i] * v[k * n + j]).sum();
                assert!((gram - if i == j { 1.0 } else { 0.0 }).abs() < 1e-12, "n = {n}: VᵀV[{i}][{j}]");
            }
        }
    }
}

#[test]
fn the_solve_is_exact_for_invertible_matrices() {
    let mut rng = ChaCha8Rng::seed_from_u64(2);
    for n in [2, 4, 9] {
        let a = random_symmetric(n, &mut rng);
        let g: Vec<f64> = (0..n).map(|_| rng.random_range(-1.0..1.0)).collect();
        let (mut h, mut v, mut d) = (a.clone(), vec![0.0; n * n], vec![0.0; n]);
        assert!(pseudo_solve(&mut h, &mut v, &g, &mut d));
        for i in 0..n {
            let residual: f64 = (0..n).map(|j| a[i * n + j] * d[j]).sum::<f64>() - g[i];
            assert!(residual.abs() < 1e-9, "n = {n}: residual {residual}");
        }
    }
}

#[test]
fn singular_matrices_get_the_minimum_norm_solution() {
    // H = u uᵀ + 2 w wᵀ with u ⟂ w in 3D: rank 2, null direction u × w.
    let u = [1.0, 2.0, 2.0].map(|x: f64| x / 3.0);
    let w = [2.0, 1.0, -2.0].map(|x: f64| x / 3.0);
    let mut h = [0.0; 9];
    for i in 0..3 {
        for j in 0..3 {
            h[i * 3 + j] = u[i] * u[j] + 2.0 * w[i] * w[j];
        }
    }
    // g = u + w + (null direction): the solution is u + w/2, ignoring the null part.
    let null = [u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]];
    let g: Vec<f64> = (0..3).map(|i| u[i] + w[i] + 5.0 * null[i]).collect();
    let (mut v, mut d) = ([0.0; 9], [0.0; 3]);
    assert!(pseudo_solve(&mut h, &mut v, &g, &mut d));
    for i in 0..3 {
        assert!((d[i] - (u[i] + 0.5 * w[i])).abs() < 1e-12, "{d:?}");
    }
    // No curvature at all, or a non-finite entry: no solution.
    assert!(!pseudo_solve(&mut [0.0; 4], &mut [0.0; 4], &[1.0, 0.0], &mut [0.0; 2]));
    assert!(!pseudo_solve(&mut [f64::NAN, 0.0, 0.0, 1.0], &mut [0.0; 4], &[1.0, 0.0], &mut [0.0; 2]));
}

//! The ridge polynomial fit behind "prefer simpler models", against independent references:
//! 60-digit solutions of the normal equations (tests/fixtures/ridge_reference.py, mpmath) and
//! a Cholesky solve of the normal equations written here.

use descent::regularization::polyfit::{FitError, MAX_DEGREE, ridge_fit};
use descent::regularization::simpler::{LAMBDA_RANGE, Simpler};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const FIXTURE: &str = include_str!("../fixtures/ridge_reference.txt");

fn numbers(line: &str) -> Vec<f64> {
    line.split_whitespace().map(|v| v.parse().unwrap()).collect()
}

#[test]
fn fits_match_sixty_digit_references_even_at_degree_15() {
    let mut lines = FIXTURE.lines().filter(|l| !l.starts_with('#'));
    let xs = numbers(lines.next().unwrap().strip_prefix("x ").unwrap());
    let ys = numbers(lines.next().unwrap().strip_prefix("y ").unwrap());
    let mut cases = 0;
    for line in lines {
        let fields: Vec<&str> = line.strip_prefix("fit ").unwrap().split_whitespace().collect();
        let degree: usize = fields[0].parse().unwrap();
        let lambda: f64 = fields[1].parse().unwrap();
        let want: Vec<f64> = fields[2..].iter().map(|v| v.parse().unwrap()).collect();
        let got = ridge_fit(&xs, &ys, degree, lambda).unwrap().coefficients;
        assert_eq!(got.len(), degree + 1);
        let scale = want.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let error = got.iter().zip(&want).fold(0.0f64, |m, (g, w)| m.max((g - w).abs())) / scale;
        // Householder QR on the stacked system: error ~ cond(A)·ε, far below the squared
        // condition number the normal equations would pay.
        assert!(error < 2e-12, "degree {degree}, λ = {lambda}: relative error {error:e}");
        cases += 1;
    }
    assert_eq!(cases, 6);
}

/// Solves (ΦᵀΦ/N + λE) c = Φᵀy/N by Cholesky: the normal equations, a different method.
fn normal_equations(xs: &[f64], ys: &[f64], degree: usize, lambda: f64) -> Vec<f64> {
    let n = degree + 1;
    let count = xs.len() as f64;
    let mut gram = vec![vec![0.0; n]; n];
    let mut rhs = vec![0.0; n];
    for (&x, &y) in xs.iter().zip(ys) {
        let powers: Vec<f64> = (0..n).map(|j| x.powi(j as i32)).collect();
        for j in 0..n {
            rhs[j] += powers[j] * y / count;
            for k in 0..n {
                gram[j][k] += powers[j] * powers[k] / count;
            }
        }
    }
    for (k, row) in gram.iter_mut().enumerate().skip(1) {
        row[k] += lambda;
    }
    // G = L Lᵀ, then L z = rhs, Lᵀ c = z.
    let mut l = vec![vec![0.0; n]; n];
    for j in 0..n {
        for k in 0..=j {
            let sum: f64 = (0..k).map(|m| l[j][m] * l[k][m]).sum();
            l[j][k] = if j == k { (gram[j][j] - sum).sqrt() } else { (gram[j][k] - sum) / l[k][k] };
        }
    }
    let mut z = vec![0.0; n];
    for j in 0..n {
        z[j] = (rhs[j] - (0..j).map(|m| l[j][m] * z[m]).sum::<f64>()) / l[j][j];
    }
    let mut c = vec![0.0; n];
    for j in (0..n).rev() {
        c[j] = (z[j] - (j + 1..n).map(|m| l[m][j] * c[m]).sum::<f64>()) / l[j][j];
    }
    c
}

#[test]
fn fits_match_the_normal_equations_where_those_are_well_conditioned() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    for trial in 0..40 {
        let count = rng.random_range(3..30);
        let xs: Vec<f64> = (0..count).map(|_| rng.random_range(-1.0..=1.0)).collect();
        let ys: Vec<f64> = xs.iter().map(|x| x * x * x - x + rng.random_range(-0.3..0.3)).collect();
        let degree = rng.random_range(0..=MAX_DEGREE);
        // λ ≥ 10⁻³ keeps cond(ΦᵀΦ/N + λE) below ~10⁴, where Cholesky loses few digits.
        let lambda = 10f64.powf(rng.random_range(-3.0..1.0));
        let got = ridge_fit(&xs, &ys, degree, lambda).unwrap().coefficients;
        let want = normal_equations(&xs, &ys, degree, lambda);
        for (k, (g, w)) in got.iter().zip(&want).enumerate() {
            assert!(
                (g - w).abs() < 1e-10 * (1.0 + w.abs()),
                "trial {trial}, degree {degree}, λ {lambda}: c{k} {g} vs {w}"
            );
        }
    }
}

#[test]
fn the_constant_is_not_regularized() {
    // Strong λ flattens the polynomial to the mean of y, not to 0.
    let xs = [-0.5, 0.1, 0.7, 0.9];
    let ys = [2.0, 3.0, 5.0, 6.0];
    let p = ridge_fit(&xs, &ys, 6, 1e9).unwrap();
    assert!((p.coefficients[0] - 4.0).abs() < 1e-6, "{:?}", p.coefficients);
    assert!(p.coefficients[1..].iter().all(|c| c.abs() < 1e-6));
    assert!(p.penalty() < 1e-11);
}

#[test]
fn bad_input_gets_a_clear_error() {
    let xs = [-0.5, 0.0, 0.5];
    let ys = [1.0, 2.0, 3.0];
    assert_eq!(ridge_fit(&xs, &ys, 16, 1.0), Err(FitError::Degree(16)));
    assert_eq!(ridge_fit(&xs, &ys[..2], 2, 1.0), Err(FitError::Points { xs: 3, ys: 2 }));
    assert_eq!(ridge_fit(&[], &[], 2, 1.0), Err(FitError::Points { xs: 0, ys: 0 }));
    assert!(matches!(ridge_fit(&xs, &ys, 2, -1.0), Err(FitError::Lambda(_))));
    assert!(matches!(ridge_fit(&xs, &ys, 2, f64::NAN), Err(FitError::Lambda(_))));
    assert!(matches!(ridge_fit(&[0.0, 2.0, 0.5], &ys, 2, 1.0), Err(FitError::Coordinate(_))));
    assert!(matches!(ridge_fit(&xs, &[1.0, f64::INFINITY, 0.0], 2, 1.0), Err(FitError::Coordinate(_))));
    // Without λ, three points cannot pin down a cubic, nor two distinct x values a parabola.
    let e = ridge_fit(&xs, &ys, 3, 0.0).unwrap_err();
    assert_eq!(e, FitError::Underdetermined { degree: 3, points: 3 });
    assert!(e.to_string().contains("raise λ"));
    assert!(matches!(ridge_fit(&[0.5, 0.5, -0.5], &ys, 2, 0.0), Err(FitError::Underdetermined { points: 2, .. })));
    // With any λ > 0 the same problems have a unique answer.
    assert!(ridge_fit(&xs, &ys, 15, 1e-12).is_ok());
}

#[test]
fn regularization_trades_training_error_for_test_error() {
    let view = Simpler::default();
    // The default (degree 9, ten points, λ = 10⁻⁸) nearly interpolates: tiny training error,
    // large held-out error.
    assert!(view.train_error() < 1e-3, "train {}", view.train_error());
    assert!(view.test_error() > 10.0 * view.train_error());
    let curve = view.error_curve();
    assert_eq!(curve.first().unwrap().lambda, LAMBDA_RANGE.0);
    assert!((curve.last().unwrap().lambda - LAMBDA_RANGE.1).abs() < 1e-12);
    // Training error only grows with λ; the held-out error has an interior minimum below
    // both ends (the U of the bias–variance trade-off).
    for pair in curve.windows(2) {
        assert!(pair[1].train >= pair[0].train - 1e-12);
    }
    let best = curve.iter().min_by(|a, b| a.test.total_cmp(&b.test)).unwrap();
    assert!(best.lambda > LAMBDA_RANGE.0 && best.lambda < LAMBDA_RANGE.1);
    assert!(best.test < 0.5 * curve[0].test && best.test < 0.5 * curve.last().unwrap().test);
}

#[test]
fn the_view_validates_settings_and_keeps_its_state_on_error() {
    let mut view = Simpler::default();
    let before = view.fit().clone();
    for (name, value) in [
        ("degree", "16"),
        ("degree", "-1"),
        ("lambda", "0"),
        ("lambda", "1e9"),
        ("points", "1"),
        ("noise", "NaN"),
        ("seed", "x"),
    ] {
        let e = view.set(name, value).unwrap_err();
        assert!(e.to_string().contains("must be"), "{name}={value}: {e}");
    }
    assert!(view.set("colour", "red").unwrap_err().to_string().contains("no setting \"colour\""));
    assert_eq!(view.fit(), &before);
    view.set("degree", "15").unwrap();
    view.set("lambda", "1e-10").unwrap();
    assert_eq!(view.fit().coefficients.len(), 16);
    assert_eq!(view.get("degree").unwrap(), "15");
    assert_eq!(view.get("lambda").unwrap(), "0.0000000001");
    // A dragged point refits; a non-finite drag is refused.
    let (xs, ys) = view.train();
    let (x0, y0) = (xs[0], ys[0]);
    view.move_point(0, x0, y0 + 0.5).unwrap();
    assert_eq!(view.train().1[0], y0 + 0.5);
    let want = ridge_fit(view.train().0, view.train().1, 15, 1e-10).unwrap();
    assert_eq!(view.fit(), &want);
    assert!(view.move_point(0, f64::NAN, 0.0).is_err());
    assert!(view.move_point(99, 0.0, 0.0).is_err());
}

//! The 2D surfaces: gradients and Hessians against centered differences, the listed minima
//! against the first- and second-order conditions, names, domains and starts.

use descent::objective::{Difference, numeric_gradient};
use descent::optim::LossFn;
use descent::surface::{Surface, SurfaceKind};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Every surface, the quadratic also turned and badly conditioned.
fn surfaces() -> Vec<Surface> {
    let mut all: Vec<Surface> = SurfaceKind::ALL.into_iter().map(Surface::new).collect();
    all.push(Surface { kind: SurfaceKind::Quadratic, kappa: 50.0, angle: 30.0 });
    all.push(Surface { kind: SurfaceKind::Quadratic, kappa: 0.5, angle: -120.0 });
    all
}

fn random_points(surface: &Surface, count: usize, seed: u64) -> Vec<[f64; 2]> {
    let d = surface.domain();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..count).map(|_| [rng.random_range(d.x.0..d.x.1), rng.random_range(d.y.0..d.y.1)]).collect()
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn gradients_match_centered_differences() {
    for s in surfaces() {
        for p in random_points(&s, 50, 1) {
            let numeric = numeric_gradient(|q| s.value([q[0], q[1]]), &p, 1e-6, Difference::Centered);
            let analytic = s.gradient(p);
            for k in 0..2 {
                assert!(close(analytic[k], numeric[k], 1e-6), "{:?} at {p:?}: {analytic:?} vs {numeric:?}", s.kind);
            }
        }
    }
}

#[test]
fn hessians_match_differences_of_the_gradient() {
    for s in surfaces() {
        for p in random_points(&s, 50, 2) {
            let h = s.hessian(p);
            assert_eq!(h[0][1], h[1][0], "{:?} Hessian not symmetric", s.kind);
            for (k, row) in h.iter().enumerate() {
                let numeric = numeric_gradient(|q| s.gradient([q[0], q[1]])[k], &p, 1e-6, Difference::Centered);
                for (j, (&a, &n)) in row.iter().zip(&numeric).enumerate() {
                    assert!(close(a, n, 1e-6), "{:?} H[{k}][{j}] at {p:?}: {a} vs {n}", s.kind);
                }
            }
        }
    }
}

#[test]
fn listed_minima_are_stationary_with_positive_curvature() {
    for s in surfaces() {
        for m in s.minima() {
            let g = s.gradient(m.at);
            assert!(g[0].abs() < 1e-9 && g[1].abs() < 1e-9, "{:?} gradient {g:?} at {:?}", s.kind, m.at);
            let [[a, b], [_, c]] = s.hessian(m.at);
            assert!(a > 0.0 && a * c - b * b > 0.0, "{:?} Hessian not positive definite at {:?}", s.kind, m.at);
            assert!((s.value(m.at) - m.value).abs() < 1e-12, "{:?} value {} vs {}", s.kind, s.value(m.at), m.value);
            assert!(s.domain().contains(m.at));
        }
        let globals: Vec<f64> = s.minima().iter().filter(|m| m.global).map(|m| m.value).collect();
        for m in s.minima() {
            assert!(globals.iter().all(|&g| g <= m.value + 1e-12), "{:?}: a local minimum below a global one", s.kind);
        }
    }
}

#[test]
fn global_minima_are_lowest_on_a_grid() {
    for s in surfaces() {
        let Some(best) = s.minima().iter().filter(|m| m.global).map(|m| m.value).reduce(f64::min) else {
            continue;
        };
        let d = s.domain();
        for i in 0..=200 {
            for j in 0..=200 {
                let p = [d.x.0 + (d.x.1 - d.x.0) * i as f64 / 200.0, d.y.0 + (d.y.1 - d.y.0) * j as f64 / 200.0];
                assert!(s.value(p) >= best - 1e-12, "{:?} at {p:?} is below the global minimum", s.kind);
            }
        }
    }
}

#[test]
fn known_values() {
    let rosenbrock = Surface::new(SurfaceKind::Rosenbrock);
    assert_eq!(rosenbrock.value([-1.2, 1.0]), 24.199999999999996);
    // The lecture's saddle: ∂/∂x (x² − y²) = 2x, ∂/∂y = −2y, both 0 at the origin.
    let saddle = Surface::new(SurfaceKind::Saddle);
    assert_eq!(saddle.gradient([0.0, 0.0]), [0.0, 0.0]);
    assert_eq!(saddle.hessian([0.3, 0.4]), [[2.0, 0.0], [0.0, -2.0]]);
    assert_eq!(Surface::new(SurfaceKind::MonkeySaddle).hessian([0.0, 0.0]), [[0.0, 0.0], [0.0, 0.0]]);
    // Beale's Hessian on the line y = 0 (where y^(i−2) is 1/0 for its first term).
    let beale = Surface::new(SurfaceKind::Beale).hessian([2.0, 0.0]);
    assert!(beale.iter().flatten().all(|h| h.is_finite()), "{beale:?}");
    // Rastrigin at (1, 1): 20 + 2(1 − 10) = 2.
    assert!((Surface::new(SurfaceKind::Rastrigin).value([1.0, 1.0]) - 2.0).abs() < 1e-12);
    // The quadratic's Hessian has eigenvalues 1 and κ whatever the angle.
    let q = Surface { kind: SurfaceKind::Quadratic, kappa: 25.0, angle: 37.0 };
    let [[a, b], [_, c]] = q.hessian([0.0, 0.0]);
    assert!((a + c - 26.0).abs() < 1e-12 && (a * c - b * b - 25.0).abs() < 1e-12);
    // At θ = 90° the steep direction is x.
    let turned = Surface { kind: SurfaceKind::Quadratic, kappa: 10.0, angle: 90.0 };
    assert!((turned.value([1.0, 0.0]) - 5.0).abs() < 1e-12);
}

#[test]
fn names_round_trip_and_unknown_names_list_the_choices() {
    for kind in SurfaceKind::ALL {
        assert_eq!(kind.name().parse::<SurfaceKind>().unwrap(), kind);
    }
    let err = "rosenbrok".parse::<SurfaceKind>().unwrap_err().to_string();
    assert!(err.contains("rosenbrok") && err.contains("six-hump-camel"), "{err}");
}

#[test]
fn starts_lie_in_the_domain_and_are_not_stationary() {
    for s in surfaces() {
        let p = s.start();
        assert!(s.domain().contains(p), "{:?}", s.kind);
        let g = s.gradient(p);
        assert!(g[0].hypot(g[1]) > 1e-3, "{:?} starts at a stationary point", s.kind);
    }
}

#[test]
fn a_surface_is_a_loss_function_with_a_hessian() {
    let mut s = Surface::new(SurfaceKind::Himmelblau);
    let mut g = [0.0; 2];
    let l = s.loss_and_gradient(&[1.0, -1.0], &mut g);
    assert_eq!(l, s.value([1.0, -1.0]));
    assert_eq!(g, s.gradient([1.0, -1.0]));
    let mut h = [0.0; 4];
    LossFn::hessian(&mut s, &[1.0, -1.0], &mut h).unwrap();
    let expected = s.hessian([1.0, -1.0]);
    assert_eq!(h, [expected[0][0], expected[0][1], expected[1][0], expected[1][1]]);
    assert_eq!(s.loss(&[3.0, 2.0]), 0.0);
}

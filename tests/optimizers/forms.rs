//! The lecture's equivalent formulations give the same iterates: momentum's two forms at a
//! constant rate, Nesterov's change of variables against its look-ahead form.

use descent::optim::Optimizer;
use descent::optim::momentum::{Momentum, MomentumForm};
use descent::optim::nesterov::Nesterov;
use descent::surface::{Surface, SurfaceKind};

fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() <= tol * x.abs().max(1.0))
}

#[test]
fn both_momentum_forms_give_the_same_iterates_at_a_constant_rate() {
    for kind in [SurfaceKind::Quadratic, SurfaceKind::Rosenbrock, SurfaceKind::Himmelblau, SurfaceKind::Beale] {
        let mut s = Surface { kind, kappa: 20.0, angle: 25.0 };
        let lr = if kind == SurfaceKind::Rosenbrock { 5e-4 } else { 5e-3 };
        let (mut a, mut b) = (s.start().to_vec(), s.start().to_vec());
        let mut gradient_form = Momentum::new(0.9, MomentumForm::Gradient, 0.0);
        let mut velocity_form = Momentum::new(0.9, MomentumForm::Velocity, 0.0);
        for t in 0..200 {
            gradient_form.step(&mut a, lr, &mut s).unwrap();
            velocity_form.step(&mut b, lr, &mut s).unwrap();
            assert!(close(&a, &b, 1e-10), "{kind:?} step {t}: {a:?} vs {b:?}");
        }
        // And v = −α·buffer.
        for (v, b) in velocity_form.velocity().iter().zip(gradient_form.velocity()) {
            assert!((v + lr * b).abs() < 1e-10);
        }
    }
}

#[test]
fn the_forms_differ_once_the_rate_changes() {
    let mut s = Surface::new(SurfaceKind::Quadratic);
    let (mut a, mut b) = (s.start().to_vec(), s.start().to_vec());
    let mut gradient_form = Momentum::new(0.9, MomentumForm::Gradient, 0.0);
    let mut velocity_form = Momentum::new(0.9, MomentumForm::Velocity, 0.0);
    for lr in [0.01, 0.1] {
        gradient_form.step(&mut a, lr, &mut s).unwrap();
        velocity_form.step(&mut b, lr, &mut s).unwrap();
    }
    // Second step: x −= 0.1(0.9 g₀ + g₁) against x += 0.9(−0.01 g₀) − 0.1 g₁.
    assert!(!close(&a, &b, 1e-6));
}

#[test]
fn nesterov_iterates_are_the_look_ahead_points_of_the_lecture_form() {
    for kind in [SurfaceKind::Quadratic, SurfaceKind::Rosenbrock, SurfaceKind::SixHumpCamel] {
        let mut s = Surface { kind, kappa: 20.0, angle: -40.0 };
        let (lr, rho) = (if kind == SurfaceKind::Rosenbrock { 5e-4 } else { 1e-2 }, 0.9);
        // The lecture: v ← ρv − α∇f(x + ρv), x ← x + v.
        let mut x = s.start().to_vec();
        let mut v = [0.0; 2];
        let mut tilde = s.start().to_vec();
        let mut nesterov = Nesterov::new(rho, 0.0);
        for t in 0..200 {
            let ahead = [x[0] + rho * v[0], x[1] + rho * v[1]];
            let g = s.gradient(ahead);
            for k in 0..2 {
                v[k] = rho * v[k] - lr * g[k];
                x[k] += v[k];
            }
            nesterov.step(&mut tilde, lr, &mut s).unwrap();
            // x̃ = x + ρv.
            let expected = [x[0] + rho * v[0], x[1] + rho * v[1]];
            assert!(close(&tilde, &expected, 1e-10), "{kind:?} step {t}: {tilde:?} vs {expected:?}");
        }
    }
}

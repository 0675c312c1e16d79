//! Properties no input may break: no method panics or returns NaN on finite input, a run that
//! diverges stops and says so, schedules stay in range, settings never panic.

use descent::optim::noise::{GradientNoise, Normals};
use descent::optim::run::{Limits, Run, RunError};
use descent::optim::settings::{Method, Settings};
use descent::optim::{LossFn, StepError};
use descent::schedule::{Schedule, ScheduleKind};
use descent::surface::{Surface, SurfaceKind};
use proptest::prelude::*;

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(Method::ALL.to_vec())
}

fn surface() -> impl Strategy<Value = Surface> {
    (prop::sample::select(SurfaceKind::ALL.to_vec()), 0.01f64..1000.0, -360.0f64..360.0)
        .prop_map(|(kind, kappa, angle)| Surface { kind, kappa, angle })
}

fn schedule() -> impl Strategy<Value = Schedule> {
    (prop::sample::select(ScheduleKind::ALL.to_vec()), 1usize..20, 0.0f64..2.0, 0usize..60, 0usize..10).prop_map(
        |(kind, step_size, gamma, total, warmup)| Schedule {
            kind,
            lr: 1.0,
            step_size,
            gamma,
            total,
            warmup,
            ..Schedule::default()
        },
    )
}

/// A point in the surface's domain stretched threefold.
fn start(s: &Surface, u: f64, v: f64) -> [f64; 2] {
    let d = s.domain();
    let (cx, cy) = ((d.x.0 + d.x.1) / 2.0, (d.y.0 + d.y.1) / 2.0);
    [cx + 1.5 * (d.x.1 - d.x.0) * u, cy + 1.5 * (d.y.1 - d.y.0) * v]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn runs_never_panic_and_record_only_finite_points(
        method in method(),
        mut surface in surface(),
        mut schedule in schedule(),
        log_lr in -6.0f64..1.5,
        (u, v) in (-0.5f64..0.5, -0.5f64..0.5),
        sigma in prop_oneof![Just(0.0), 0.0f64..5.0],
        seed in any::<u64>(),
        steps in 1usize..25,
    ) {
        schedule.lr = 10f64.powf(log_lr);
        let mut settings = Settings::new(method);
        settings.schedule = schedule;
        settings.hyper.seed = seed;
        settings.hyper.history = 1 + (seed % 7) as usize;
        let start = start(&surface, u, v);
        let mut noisy = GradientNoise::new(&mut surface, sigma, Normals::new(seed));
        let mut run = Run::new(settings.build().unwrap(), schedule, &start, &mut noisy);
        let outcome = run.run(steps, &mut noisy);
        let tr = run.trajectory();
        let limits = Limits::default();
        for t in 0..tr.len() {
            prop_assert!(tr.point(t).iter().all(|x| x.is_finite() && x.abs() <= limits.param));
            prop_assert!(tr.losses()[t].is_finite() && tr.losses()[t].abs() <= limits.loss);
            prop_assert!(tr.rates()[t].is_finite() && tr.rates()[t] >= 0.0);
        }
        match outcome {
            Ok(()) => prop_assert_eq!(tr.len(), steps + 1),
            Err(RunError::Diverged { step, .. }) => prop_assert_eq!(step, tr.len()),
            // Newton may meet a Hessian with no curvature (the monkey saddle's origin).
            Err(RunError::Step { error, .. }) => {
                prop_assert_eq!(method, Method::Newton);
                prop_assert_eq!(error, StepError::SingularHessian);
            }
        }
        prop_assert_eq!(run.theta(), tr.point(tr.len() - 1));
    }

    #[test]
    fn one_step_on_finite_input_gives_finite_parameters(
        method in method(),
        mut surface in surface(),
        lr in 0.0f64..2.0,
        (u, v) in (-0.3f64..0.3, -0.3f64..0.3),
    ) {
        let mut theta = start(&surface, u, v);
        let mut optimizer = Settings::new(method).build().unwrap();
        match optimizer.step(&mut theta, lr, &mut surface) {
            Ok(()) => prop_assert!(theta.iter().all(|x| x.is_finite()), "{method}: {theta:?}"),
            Err(e) => prop_assert_eq!(e, StepError::SingularHessian),
        }
    }

    #[test]
    fn gradient_descent_past_its_stable_rate_is_reported_as_diverged(
        curvature in 0.1f64..100.0,
        factor in 1.2f64..50.0,
        x0 in prop_oneof![-10.0f64..-0.1, 0.1f64..10.0],
    ) {
        // f = c x²/2: GD multiplies x by (1 − αc) per step, unstable for α > 2/c.
        let lr = factor * 2.0 / curvature;
        let mut f = |p: &[f64], g: &mut [f64]| {
            g[0] = curvature * p[0];
            0.5 * curvature * p[0] * p[0]
        };
        let mut run = Run::new(Settings::new(Method::Sgd).build().unwrap(), Schedule::constant(lr), &[x0], &mut f);
        let err = run.run(100_000, &mut f).unwrap_err();
        let is_diverged = matches!(err, RunError::Diverged { .. });
        prop_assert!(is_diverged);
        prop_assert!(err.to_string().starts_with("diverged at step"));
        prop_assert!(run.trajectory().losses().iter().all(|l| l.is_finite()));
    }

    #[test]
    fn schedules_stay_between_zero_and_the_base_rate(schedule in schedule(), lr in 0.0f64..10.0, t in 0usize..1000) {
        let s = Schedule { lr, gamma: schedule.gamma.min(1.0), ..schedule };
        let rate = s.rate(t);
        prop_assert!(rate.is_finite() && rate >= 0.0 && rate <= lr, "{s:?} at {t}: {rate}");
    }

    #[test]
    fn settings_never_panic(name in "[a-z0-9\\-]{0,16}", value in "[a-z0-9.\\-e]{0,12}") {
        let mut s = Settings::default();
        let before = s;
        match s.set(&name, &value) {
            Ok(()) => prop_assert!(s.build().is_ok()),
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert_eq!(s, before);
            }
        }
        let _ = s.get(&name);
    }

    #[test]
    fn noise_leaves_values_exact(seed in any::<u64>(), sigma in 0.0f64..10.0, x in -3.0f64..3.0, y in -3.0f64..3.0) {
        let mut surface = Surface::new(SurfaceKind::Himmelblau);
        let exact = surface.value([x, y]);
        let mut noisy = GradientNoise::new(&mut surface, sigma, Normals::new(seed));
        let mut g = [0.0; 2];
        prop_assert_eq!(noisy.loss_and_gradient(&[x, y], &mut g), exact);
        prop_assert_eq!(noisy.loss(&[x, y]), exact);
        prop_assert!(g.iter().all(|v| v.is_finite()));
    }
}

//! The driver: what it records, how it applies the schedule, and how it stops a run that
//! diverges or fails.

use descent::optim::run::{Divergence, Limits, Run, RunError};
use descent::optim::settings::{Method, Settings};
use descent::optim::sgd::Sgd;
use descent::optim::{LossFn, StepError};
use descent::schedule::{Schedule, ScheduleKind};
use descent::surface::{Surface, SurfaceKind};

#[test]
fn rows_hold_the_point_after_t_updates_its_loss_and_the_next_rate() {
    let mut s = Surface { kind: SurfaceKind::Quadratic, kappa: 4.0, angle: 0.0 };
    let schedule = Schedule { kind: ScheduleKind::Step, lr: 0.1, step_size: 2, gamma: 0.5, ..Schedule::default() };
    let mut run = Run::new(Box::new(Sgd::default()), schedule, &[1.0, 1.0], &mut s);
    run.run(3, &mut s).unwrap();
    let tr = run.trajectory();
    assert_eq!(tr.len(), 4);
    assert_eq!(run.updates(), 3);
    // ∇f = (x, 4y): x ← x(1 − α), y ← y(1 − 4α) with α = 0.1, 0.1, 0.05.
    let expected = [[1.0, 1.0], [0.9, 0.6], [0.81, 0.36], [0.7695, 0.288]];
    for (t, e) in expected.iter().enumerate() {
        assert!((tr.point(t)[0] - e[0]).abs() < 1e-15 && (tr.point(t)[1] - e[1]).abs() < 1e-15, "row {t}");
        assert_eq!(tr.losses()[t], s.value([tr.point(t)[0], tr.point(t)[1]]));
    }
    assert_eq!(tr.rates(), [0.1, 0.1, 0.05, 0.05]);
    // Each update evaluated exactly once, at the point it left.
    assert_eq!(tr.evaluations(0).count(), 0);
    for t in 1..4 {
        let evals: Vec<_> = tr.evaluations(t).collect();
        assert_eq!(evals.len(), 1);
        assert_eq!(evals[0].point, tr.point(t - 1));
        assert_eq!(evals[0].loss, tr.losses()[t - 1]);
    }
    assert_eq!(tr.evaluation_count(), 3);
    assert_eq!(run.theta(), tr.point(3));
}

#[test]
fn an_exploding_run_stops_and_says_why() {
    // GD on x² diverges for α > 1: |x| grows by |1 − 2α| = 3 per step.
    let mut f = |p: &[f64], g: &mut [f64]| {
        g[0] = 2.0 * p[0];
        p[0] * p[0]
    };
    let mut run = Run::new(Box::new(Sgd::default()), Schedule::constant(2.0), &[1.0], &mut f);
    let err = run.run(1000, &mut f).unwrap_err();
    // 3^k > 1e6 = √1e12 first at k = 13.
    assert_eq!(run.updates(), 12);
    let RunError::Diverged { step: 13, reason: Divergence::LossExploded { .. } } = err else { panic!("{err:?}") };
    assert!(err.to_string().starts_with("diverged at step 13: the loss"), "{err}");
    // The parameters stay at the last recorded point and further steps are refused.
    assert_eq!(run.theta(), run.trajectory().point(12));
    assert_eq!(run.step(&mut f), Err(err));
    assert_eq!(run.trajectory().len(), 13);
    assert_eq!(run.trajectory().evaluation_count(), 12);
}

#[test]
fn non_finite_values_stop_a_run() {
    // A loss that turns NaN after x drops below 0.5.
    let mut f = |p: &[f64], g: &mut [f64]| {
        g[0] = 1.0;
        if p[0] < 0.5 { f64::NAN } else { p[0] }
    };
    let mut run = Run::new(Box::new(Sgd::default()), Schedule::constant(0.3), &[1.0], &mut f);
    let err = run.run(10, &mut f).unwrap_err();
    assert!(
        matches!(err, RunError::Diverged { step: 2, reason: Divergence::NonFiniteLoss(l) } if l.is_nan()),
        "{err:?}"
    );
    // An infinite gradient makes the parameters non-finite.
    let mut g = |p: &[f64], g: &mut [f64]| {
        g[0] = f64::INFINITY;
        p[0]
    };
    let mut run = Run::new(Box::new(Sgd::default()), Schedule::constant(0.3), &[1.0], &mut g);
    let err = run.step(&mut g).unwrap_err();
    assert!(matches!(err, RunError::Diverged { step: 1, reason: Divergence::NonFiniteParameter { index: 0, .. } }));
    // Exploding parameters, with tighter limits.
    let mut run =
        Run::new(Box::new(Sgd::default()), Schedule::constant(1.0), &[1.0], &mut |p: &[f64], g: &mut [f64]| {
            g[0] = -10.0;
            0.0 * p[0]
        });
    run.set_limits(Limits { loss: 1e12, param: 50.0 });
    let err = run.run(10, &mut |p: &[f64], g: &mut [f64]| {
        g[0] = -10.0;
        0.0 * p[0]
    });
    assert!(
        matches!(err, Err(RunError::Diverged { step: 5, reason: Divergence::ParameterExploded { index: 0, .. } })),
        "{err:?}"
    );
}

#[test]
fn a_start_that_is_already_bad_is_reported_at_step_zero() {
    let mut f = |_: &[f64], _: &mut [f64]| f64::INFINITY;
    let mut run = Run::new(Box::new(Sgd::default()), Schedule::constant(0.1), &[0.0], &mut f);
    assert!(matches!(run.stopped(), Some(RunError::Diverged { step: 0, .. })));
    assert!(run.step(&mut f).unwrap_err().to_string().starts_with("diverged at the start"));
}

#[test]
fn a_refused_step_is_reported_with_its_number() {
    let mut s = Surface::new(SurfaceKind::Booth);
    let bad = Schedule { kind: ScheduleKind::Constant, lr: -1.0, ..Schedule::default() };
    let mut run = Run::new(Box::new(Sgd::default()), bad, &[0.0, 0.0], &mut s);
    let err = run.step(&mut s).unwrap_err();
    assert_eq!(err, RunError::Step { step: 1, error: StepError::LearningRate(-1.0) });
    assert_eq!(err.to_string(), "step 1 failed: the learning rate must be a finite number ≥ 0, not -1");
    assert_eq!(run.theta(), [0.0, 0.0]);
    assert_eq!(run.trajectory().evaluation_count(), 0);
}

#[test]
fn restart_resets_state_and_trajectory() {
    let mut s = Surface::new(SurfaceKind::Rosenbrock);
    let optimizer = Settings::new(Method::Adam).build().unwrap();
    let mut run = Run::new(optimizer, Schedule::constant(0.01), &s.start(), &mut s);
    run.run(5, &mut s).unwrap();
    let first: Vec<f64> = run.trajectory().points().to_vec();
    run.restart(&s.start(), &mut s);
    assert_eq!(run.trajectory().len(), 1);
    run.run(5, &mut s).unwrap();
    assert_eq!(run.trajectory().points(), first.as_slice(), "a restart must forget Adam's moments");
}

#[test]
fn the_loss_recorded_is_the_exact_one() {
    // A loss function whose gradient evaluations report a different (noisy) value.
    struct Noisy(f64);
    impl LossFn for Noisy {
        fn loss_and_gradient(&mut self, p: &[f64], g: &mut [f64]) -> f64 {
            g[0] = 2.0 * p[0];
            self.0 += 1.0;
            p[0] * p[0] + self.0
        }
        fn loss(&mut self, p: &[f64]) -> f64 {
            p[0] * p[0]
        }
    }
    let mut f = Noisy(0.0);
    let mut run = Run::new(Box::new(Sgd::default()), Schedule::constant(0.25), &[2.0], &mut f);
    run.run(2, &mut f).unwrap();
    assert_eq!(run.trajectory().losses(), [4.0, 1.0, 0.25]);
    let seen: Vec<f64> =
        (1..3).flat_map(|t| run.trajectory().evaluations(t).map(|e| e.loss).collect::<Vec<_>>()).collect();
    assert_eq!(seen, [5.0, 3.0]);
}

#[test]
fn a_new_schedule_applies_from_the_next_update() {
    let mut s = Surface::new(SurfaceKind::Booth);
    let mut run = Run::new(Box::new(Sgd::default()), Schedule::constant(0.01), &[0.0, 0.0], &mut s);
    run.run(2, &mut s).unwrap();
    run.set_schedule(Schedule { kind: ScheduleKind::InverseSqrt, ..Schedule::constant(0.03) });
    // Row 2's α₂ now reads the new schedule's rate, the one update 3 uses: 0.03/√3.
    let expected = 0.03 * (1.0 / 3f64.sqrt());
    assert_eq!(run.trajectory().rates(), [0.01, 0.01, expected]);
    let before = run.theta().to_vec();
    run.step(&mut s).unwrap();
    let g = s.gradient([before[0], before[1]]);
    assert!((run.theta()[0] - (before[0] - expected * g[0])).abs() < 1e-15);
    // Restarting keeps the new schedule and records only the start.
    run.restart(&[1.0, 1.0], &mut s);
    assert_eq!((run.trajectory().len(), run.trajectory().rates()[0]), (1, 0.03));
}

#[test]
fn a_bounded_run_keeps_its_last_rows_and_counts_every_update() {
    let mut s = Surface::new(SurfaceKind::Rosenbrock);
    let schedule = Schedule { kind: ScheduleKind::Linear, lr: 1e-3, total: 100, ..Schedule::default() };
    let settings = Settings::new(Method::Lbfgs);
    let mut full = Run::new(settings.build().unwrap(), schedule, &[-1.2, 1.0], &mut s);
    let mut bounded = Run::new(settings.build().unwrap(), schedule, &[-1.2, 1.0], &mut s);
    bounded.set_max_rows(Some(10));
    for _ in 0..57 {
        full.step(&mut s).unwrap();
        bounded.step(&mut s).unwrap();
        let tr = bounded.trajectory();
        assert!(tr.len() <= 20 && tr.len() >= (bounded.updates() + 1).min(10), "{} rows", tr.len());
        assert_eq!(bounded.updates(), full.updates());
    }
    let (tr, all) = (bounded.trajectory(), full.trajectory());
    let first = tr.first_step();
    assert_eq!(first + tr.len(), all.len());
    for t in 0..tr.len() {
        assert_eq!(tr.point(t), all.point(first + t));
        assert_eq!(tr.losses()[t], all.losses()[first + t]);
        assert_eq!(tr.rates()[t], all.rates()[first + t]);
        let (a, b): (Vec<_>, Vec<_>) = (tr.evaluations(t).collect(), all.evaluations(first + t).collect());
        assert_eq!(a, b, "row {t}");
    }
    assert_eq!(bounded.theta(), full.theta());
    bounded.restart(&[0.0, 0.0], &mut s);
    assert_eq!((bounded.updates(), bounded.trajectory().first_step()), (0, 0));
}

//! Training in the lab: the optimizer library's methods, schedules and minibatches driving θ,
//! divergence, and what a setting change does to a run.

use descent::lab::Lab;
use descent::lab::training::StopReason;
use descent::model::CS231N_INITIAL;
use descent::optim::run::Divergence;
use descent::optim::settings::{Method, Setting};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1.0)
}

#[test]
fn the_default_step_is_the_demos_gradient_descent_step() {
    let mut lab = Lab::default();
    let grad = lab.gradient();
    lab.step().unwrap();
    // θ₁ = θ₀ − 0.1 ∇L(θ₀), full batch.
    for i in 0..9 {
        assert!(close(lab.theta()[i], CS231N_INITIAL[i] - 0.1 * grad[i]), "θ_{i}");
    }
    assert_eq!(lab.steps(), 1);
    assert_eq!(lab.history().len(), 2);
    assert!(close(lab.history().total()[1], lab.breakdown().total()));
    assert!(lab.batch().is_empty(), "gradient descent has no minibatch");
    assert_eq!(lab.start(), CS231N_INITIAL, "training moves θ, not θ₀");
}

#[test]
fn a_hundred_steps_of_every_method_lower_the_loss() {
    for method in Method::ALL {
        let mut lab = Lab::default();
        // Newton needs a twice-differentiable objective: softmax with L2.
        lab.set("loss", "softmax").unwrap();
        lab.set("method", method.name()).unwrap();
        let before = lab.breakdown().total();
        lab.advance(100).unwrap_or_else(|stop| panic!("{method}: {stop}"));
        let after = lab.breakdown().total();
        assert!(after < before, "{method}: {before} → {after}");
        assert_eq!(lab.steps(), 100, "{method}");
        assert!(lab.theta().iter().all(|t| t.is_finite()));
        assert_eq!(lab.history().steps().last(), Some(&100.0));
    }
}

#[test]
fn minibatches_are_seeded_highlighted_and_cover_the_data_each_epoch() {
    let mut lab = Lab::default();
    lab.set("dataset", "blobs").unwrap();
    lab.set("batch-size", "10").unwrap();
    lab.set("lr", "0.05").unwrap();
    let mut seen = vec![0; 100];
    for _ in 0..10 {
        lab.step().unwrap();
        let batch = lab.batch().to_vec();
        assert_eq!(batch.len(), 10);
        for i in 0..100 {
            assert_eq!(lab.in_batch(i), batch.contains(&i), "point {i}");
        }
        batch.iter().for_each(|&i| seen[i] += 1);
    }
    assert!(seen.iter().all(|&n| n == 1), "one epoch visits every point once");
    assert_eq!((lab.epochs(), lab.epoch()), (1, 1));
    lab.step().unwrap();
    assert_eq!((lab.epochs(), lab.epoch()), (1, 2));
    // The same settings replay the same batches; the table flags the batch's rows.
    let first = lab.batch().to_vec();
    let mut again = Lab::default();
    for (name, value) in [("dataset", "blobs"), ("batch-size", "10"), ("lr", "0.05")] {
        again.set(name, value).unwrap();
    }
    again.advance(11).unwrap();
    assert_eq!(again.batch(), first);
    assert_eq!(again.theta(), lab.theta());
    let mut rows = Vec::new();
    lab.table_rows(0, 100, &mut rows);
    let width = lab.row_width();
    let flagged: Vec<usize> = (0..100).filter(|&i| rows[i * width + width - 1] as u32 & 1 == 1).collect();
    let mut sorted = first.clone();
    sorted.sort_unstable();
    assert_eq!(flagged, sorted);
    // Batch size 0, or N and more, is full-batch gradient descent.
    lab.set("batch-size", "100").unwrap();
    lab.step().unwrap();
    assert!(lab.batch().is_empty());
}

#[test]
fn a_diverging_run_stops_at_the_last_finite_point_and_reset_recovers() {
    let mut lab = Lab::default();
    lab.set("lr", "100").unwrap();
    lab.set_running(true);
    let mut frames = 0;
    while lab.stopped().is_none() && frames < 1000 {
        lab.play_frame(&mut || true);
        frames += 1;
    }
    let stop = lab.stopped().expect("lr = 100 diverges").clone();
    assert!(!lab.running(), "Play turns off");
    assert!(lab.theta().iter().all(|t| t.is_finite() && t.abs() <= 1e8), "{:?}", lab.theta());
    assert!(lab.breakdown().total().is_finite());
    assert_eq!(lab.steps(), stop.step - 1, "θ stays after the last good update");
    assert!(matches!(
        stop.reason,
        StopReason::Diverged(Divergence::LossExploded { .. } | Divergence::ParameterExploded { .. })
    ));
    let message = stop.to_string();
    assert!(message.starts_with(&format!("Training diverged at step {}: ", stop.step)), "{message}");
    assert!(message.contains("beyond"), "{message}");
    // Stopped runs refuse to go on…
    assert!(lab.step().is_err());
    lab.set_running(true);
    assert!(!lab.running());
    // …until Reset: θ₀, step 0, no stop.
    lab.reset();
    assert!(lab.stopped().is_none());
    assert_eq!(lab.theta(), CS231N_INITIAL);
    assert_eq!(lab.steps(), 0);
    // A sane learning rate trains again.
    lab.set("lr", "0.1").unwrap();
    lab.advance(10).unwrap();
}

#[test]
fn theta_set_by_hand_stays_within_the_divergence_limit() {
    assert_eq!(descent::lab::PARAMETER_LIMIT, descent::optim::run::Limits::default().param);
    let mut lab = Lab::default();
    lab.set("W[0,0]", "1e8").unwrap();
    assert!(lab.set("W[0,0]", "1.5e8").is_err());
    assert!(lab.scale_theta(2.0).is_err(), "2e8 would pass the limit");
    assert!(lab.breakdown().total().is_finite());
}

#[test]
fn an_update_the_method_cannot_make_stops_with_its_reason() {
    let mut lab = Lab::default();
    lab.set("method", "newton").unwrap();
    let stop = lab.step().unwrap_err();
    assert!(matches!(stop.reason, StopReason::Failed(_)));
    let message = stop.to_string();
    assert!(message.contains("Training stopped at step 1") && message.contains("softmax"), "{message}");
    assert_eq!(lab.theta(), CS231N_INITIAL);
}

#[test]
fn optimizer_settings_keep_theta_and_start_a_new_run() {
    let mut lab = Lab::default();
    lab.advance(5).unwrap();
    let theta = lab.theta().to_vec();
    for (name, value) in [
        ("method", "adam"),
        ("lr", "0.05"),
        ("beta1", "0.8"),
        ("schedule", "cosine"),
        ("total", "50"),
        ("warmup", "5"),
        ("batch-size", "3"),
    ] {
        lab.set(name, value).unwrap();
        assert_eq!(lab.get(name).unwrap(), value);
        assert_eq!(lab.theta(), theta, "{name} keeps θ");
        assert_eq!(lab.steps(), 0, "{name} starts a new run");
        assert_eq!(lab.history().len(), 1);
    }
    // Refused settings change nothing.
    for (name, value) in
        [("beta1", "1.5"), ("method", "sgdd"), ("lr", "-1"), ("schedule", "exp"), ("speed", "0"), ("history", "0")]
    {
        let e = lab.set(name, value).unwrap_err().to_string();
        assert!(e.contains(name) || e.contains(value), "{name} = {value}: {e}");
    }
    assert_eq!(lab.get("beta1").unwrap(), "0.8");
    // The schedule: linear warmup over 5 updates to α₀ = 0.05, then cosine decay to T = 50.
    assert_eq!(lab.learning_rate(), 0.0);
    lab.advance(5).unwrap();
    assert!(close(lab.learning_rate(), 0.05));
    lab.advance(22).unwrap();
    let expected = 0.05 * 0.5 * (1.0 + (std::f64::consts::PI * 22.0 / 45.0).cos());
    assert!(close(lab.learning_rate(), expected), "{} vs {expected}", lab.learning_rate());
    assert!(close(lab.history().entries().last().unwrap().lr, expected));
}

#[test]
fn every_optimizer_setting_is_reachable_by_name_and_applies_to_its_method() {
    let mut lab = Lab::default();
    for name in Setting::names() {
        lab.get(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let applies = |lab: &Lab, name: &str| lab.applies(name.parse().unwrap());
    assert!(!applies(&lab, "momentum") && !applies(&lab, "beta1") && applies(&lab, "weight-decay"));
    lab.set("method", "momentum").unwrap();
    assert!(applies(&lab, "momentum") && applies(&lab, "form"));
    lab.set("method", "lbfgs").unwrap();
    assert!(applies(&lab, "history") && !applies(&lab, "momentum"));
    assert!(!applies(&lab, "gamma") && !applies(&lab, "total") && applies(&lab, "warmup"));
    lab.set("schedule", "step").unwrap();
    assert!(applies(&lab, "gamma") && applies(&lab, "step-size") && !applies(&lab, "total"));
    // Switching methods takes the lab's rate for the new one (PyTorch's 0.001 barely moves).
    lab.set("method", "adam").unwrap();
    assert_eq!(lab.get("lr").unwrap(), "0.1");
}

#[test]
fn play_makes_speed_steps_per_frame_and_a_long_run_stays_bounded() {
    let mut lab = Lab::default();
    lab.set("speed", "50").unwrap();
    lab.play_frame(&mut || true);
    assert_eq!(lab.steps(), 0, "paused: no steps");
    lab.set_running(true);
    lab.play_frame(&mut || true);
    assert_eq!(lab.steps(), 50);
    for _ in 0..100 {
        lab.play_frame(&mut || true);
    }
    assert_eq!(lab.steps(), 5050);
    // One chart point per frame: the full loss after the frame's last update.
    let frames: Vec<f64> = (0..=101).map(|f| 50.0 * f as f64).collect();
    assert_eq!(lab.history().steps(), frames.as_slice());
    // Steps (one row per update) thin the history evenly.
    lab.advance(5000).unwrap();
    let history = lab.history();
    assert!(history.len() <= descent::lab::history::CAPACITY, "{}", history.len());
    assert_eq!(history.steps()[0], 0.0);
    assert_eq!(*history.steps().last().unwrap(), 10050.0);
    assert!(history.stride() >= 4);
    assert_eq!(history.theta(history.len() - 1), lab.theta());
}

#[test]
fn a_start_beyond_the_limits_is_stopped_from_the_start_with_its_reason() {
    let mut lab = Lab::default();
    lab.set_running(true);
    // λ R(W) = 10⁶ · (10⁸)² passes the loss limit 10¹² before any update.
    lab.set("lambda", "1e6").unwrap();
    lab.set("W[0,0]", "1e8").unwrap();
    let stop = lab.stopped().expect("the start is beyond the limits");
    assert_eq!(stop.step, 0);
    assert!(matches!(stop.reason, StopReason::Diverged(Divergence::LossExploded { .. })));
    let message = stop.to_string();
    assert!(message.starts_with("Training cannot start here: the total loss is 1.000e22, beyond 1e12"), "{message}");
    assert!(message.ends_with("Make W, b or λ smaller, or press Reset."), "{message}");
    assert!(!lab.running(), "Play turns off");
    assert_eq!(lab.step().unwrap_err(), stop);
    assert_eq!(lab.theta()[0], 1e8, "θ stays where it was set");
    // A smaller W starts a run that trains.
    lab.set("W[0,0]", "1").unwrap();
    assert!(lab.stopped().is_none());
    lab.set("lambda", "0.1").unwrap();
    lab.advance(3).unwrap();
}

#[test]
fn a_schedule_that_gives_a_zero_rate_for_the_steps_ahead_is_named() {
    let mut lab = Lab::default();
    assert_eq!(lab.schedule_warning(), None, "a constant rate moves");
    // Cosine with T = 1 after a warmup of 5: the warmup moves, then α = 0 for good.
    for (name, value) in [("schedule", "cosine"), ("total", "1"), ("warmup", "5")] {
        lab.set(name, value).unwrap();
    }
    assert_eq!(lab.schedule_warning(), None, "the warmup's steps move");
    lab.advance(5).unwrap();
    let warning = lab.schedule_warning().expect("α = 0 from step 5");
    assert!(
        warning.starts_with(
            "The learning rate is 0 from step 5 on, because the horizon T = 1 ends before the warmup W = 5 does"
        ),
        "{warning}"
    );
    // Linear decay to T = 3 runs its course after three updates.
    let mut lab = Lab::default();
    for (name, value) in [("schedule", "linear"), ("total", "3")] {
        lab.set(name, value).unwrap();
    }
    lab.advance(2).unwrap();
    assert_eq!(lab.schedule_warning(), None);
    lab.advance(1).unwrap();
    assert!(lab.schedule_warning().unwrap().contains("the schedule has run its course"));
    // γ = 0 stops the step schedule at its first decay, and says so from the start of that.
    let mut lab = Lab::default();
    for (name, value) in [("schedule", "step"), ("step-size", "2"), ("gamma", "0")] {
        lab.set(name, value).unwrap();
    }
    lab.advance(2).unwrap();
    assert!(lab.schedule_warning().unwrap().starts_with("The learning rate is 0 from step 2 on"));
}

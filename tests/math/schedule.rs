//! Learning-rate schedules: closed forms at hand-computed points, warmup, settings.

use descent::schedule::{Schedule, ScheduleError, ScheduleKind};

fn schedule(kind: ScheduleKind) -> Schedule {
    Schedule { kind, lr: 0.1, step_size: 3, gamma: 0.5, total: 8, warmup: 0, ..Schedule::default() }
}

#[test]
fn each_schedule_at_hand_computed_steps() {
    let rates = |s: Schedule, ts: &[usize]| ts.iter().map(|&t| s.rate(t)).collect::<Vec<_>>();
    assert_eq!(rates(schedule(ScheduleKind::Constant), &[0, 1, 100]), [0.1, 0.1, 0.1]);
    // α₀·γ^⌊t/3⌋
    assert_eq!(rates(schedule(ScheduleKind::Step), &[0, 2, 3, 5, 6, 9]), [0.1, 0.1, 0.05, 0.05, 0.025, 0.0125]);
    // α₀(1 + cos(πt/8))/2: t = 4 is half way, t ≥ 8 is 0.
    let cosine = rates(schedule(ScheduleKind::Cosine), &[0, 4, 8, 20]);
    assert_eq!(cosine[0], 0.1);
    assert!((cosine[1] - 0.05).abs() < 1e-16);
    assert_eq!(&cosine[2..], [0.0, 0.0]);
    let two = schedule(ScheduleKind::Cosine).rate(2);
    assert!((two - 0.1 * (1.0 + std::f64::consts::FRAC_1_SQRT_2) / 2.0).abs() < 1e-16);
    // α₀(1 − t/8)
    let linear = rates(schedule(ScheduleKind::Linear), &[0, 2, 8, 9]);
    assert_eq!(linear, [0.1, 0.1 * 0.75, 0.0, 0.0]);
    // α₀/√(t + 1)
    for (r, e) in rates(schedule(ScheduleKind::InverseSqrt), &[0, 3, 99]).iter().zip([0.1, 0.05, 0.01]) {
        assert!((r - e).abs() < 1e-17, "{r} vs {e}");
    }
}

#[test]
fn warmup_ramps_linearly_then_runs_the_schedule_on_the_rest() {
    let s = Schedule { warmup: 4, ..schedule(ScheduleKind::Linear) };
    // α₀·t/4 for t < 4, then α₀(1 − (t − 4)/4).
    let rates: Vec<f64> = (0..10).map(|t| s.rate(t)).collect();
    let expected = [0.0, 0.025, 0.05, 0.075, 0.1, 0.075, 0.05, 0.025, 0.0, 0.0];
    for (r, e) in rates.iter().zip(expected) {
        assert!((r - e).abs() < 1e-16, "{rates:?}");
    }
    let step = Schedule { warmup: 2, ..schedule(ScheduleKind::Step) };
    assert_eq!([step.rate(1), step.rate(2), step.rate(4), step.rate(5)], [0.05, 0.1, 0.1, 0.05]);
    let inv = Schedule { warmup: 2, ..schedule(ScheduleKind::InverseSqrt) };
    assert!(inv.rate(2) == 0.1 && (inv.rate(5) - 0.05).abs() < 1e-17);
}

#[test]
fn a_horizon_inside_the_warmup_is_reported_but_well_defined() {
    let s = Schedule { warmup: 8, ..schedule(ScheduleKind::Cosine) };
    assert_eq!(s.validate(), Err(ScheduleError::Horizon { total: 8, warmup: 8 }));
    assert_eq!(s.rate(8), 0.0);
    assert!(Schedule { warmup: 8, ..schedule(ScheduleKind::Step) }.validate().is_ok());
}

#[test]
fn settings_parse_and_refuse_bad_values_by_name() {
    let mut s = Schedule::default();
    for (name, value) in
        [("schedule", "cosine"), ("lr", "0.5"), ("total", "50"), ("warmup", "5"), ("step-size", "7"), ("gamma", "0.3")]
    {
        s.set(name, value).unwrap();
        assert_eq!(s.get(name).unwrap(), value);
    }
    assert_eq!(
        s,
        Schedule {
            kind: ScheduleKind::Cosine,
            lr: 0.5,
            step_size: 7,
            gamma: 0.3,
            total: 50,
            warmup: 5,
            ..Schedule::default()
        }
    );
    for (name, value) in [
        ("lr", "-1"),
        ("lr", "fast"),
        ("lr", "inf"),
        ("step-size", "0"),
        ("gamma", "NaN"),
        ("warmup", "-2"),
        ("schedule", "exp"),
    ] {
        let before = s;
        let err = s.set(name, value).unwrap_err().to_string();
        let named = if name == "schedule" { "exp" } else { name };
        assert!(err.contains(named), "{name}={value}: {err}");
        assert_eq!(s, before, "a refused value changed the schedule");
    }
    assert!(s.set("warm-up", "1").unwrap_err().to_string().contains("warmup"));
    for kind in ScheduleKind::ALL {
        assert_eq!(kind.name().parse::<ScheduleKind>().unwrap(), kind);
    }
}

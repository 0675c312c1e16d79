//! The trajectory tool's command-line contract (`main.rs` is a thin wrapper around `cli.rs`).

use crate::cli::{Cli, HELP, TrajectoryArgs, parse};
use descent::optim::run::RunError;
use descent::optim::settings::Method;
use descent::schedule::ScheduleKind;
use descent::surface::SurfaceKind;

fn run_args(args: &[&str]) -> TrajectoryArgs {
    match parse(args.iter().copied()).unwrap_or_else(|e| panic!("{args:?}: {e}")) {
        Cli::Run(a) => *a,
        Cli::Help => panic!("{args:?} asked for help"),
    }
}

fn csv(args: &[&str]) -> (Vec<Vec<f64>>, Option<RunError>) {
    let mut out = Vec::new();
    let stopped = run_args(args).write_csv(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("step,x,y,loss,lr"));
    (lines.map(|l| l.split(',').map(|v| v.parse().unwrap()).collect()).collect(), stopped)
}

#[test]
fn adam_on_booth_prints_its_csv_from_the_surfaces_start() {
    let Cli::Run(args) = parse(["--surface", "booth", "--optimizer", "adam", "--lr", "0.1"]).unwrap() else {
        unreachable!()
    };
    let mut csv = Vec::new();
    args.write_csv(&mut csv).unwrap();
    assert!(String::from_utf8(csv).unwrap().starts_with("step,x,y,loss,lr\n0,-5,-5,"));
    assert_eq!(
        parse(["--lr", "fast"]).unwrap_err().to_string(),
        "--lr: lr must be a number from 1e-5 to 100, not \"fast\""
    );
}

#[test]
fn help_lists_every_option() {
    assert_eq!(parse(["--help"]), Ok(Cli::Help));
    assert_eq!(parse(["--surface", "booth", "--help"]), Ok(Cli::Help));
    for option in [
        "--surface",
        "--kappa",
        "--angle",
        "--optimizer",
        "--lr",
        "--momentum",
        "--decay",
        "--beta1",
        "--beta2",
        "--eps",
        "--weight-decay",
        "--no-bias-correction",
        "--history",
        "--schedule",
        "--step-size",
        "--gamma",
        "--total",
        "--warmup",
        "--start",
        "--steps",
        "--noise",
        "--seed",
    ] {
        assert!(HELP.contains(option), "{option}");
    }
    for name in SurfaceKind::ALL.map(SurfaceKind::name).iter().chain(Method::ALL.map(Method::name).iter()) {
        assert!(HELP.contains(name), "{name}");
    }
    for name in ScheduleKind::ALL.map(ScheduleKind::name) {
        assert!(HELP.contains(name), "{name}");
    }
}

#[test]
fn defaults_are_pytorchs() {
    let a = run_args(&[]);
    assert_eq!(
        (a.surface.kind, a.settings.method, a.steps, a.noise, a.start),
        (SurfaceKind::Quadratic, Method::Sgd, 100, 0.0, None)
    );
    assert_eq!(a.settings.schedule.lr, 1e-3);
    let adam = run_args(&["--optimizer", "adam"]).settings;
    assert_eq!((adam.schedule.lr, adam.hyper.beta1, adam.hyper.beta2, adam.hyper.eps), (1e-3, 0.9, 0.999, 1e-8));
    assert!(adam.hyper.bias_correction);
    assert_eq!(run_args(&["--optimizer", "adagrad"]).settings.hyper.eps, 1e-10);
    assert_eq!(run_args(&["--optimizer", "rmsprop"]).settings.hyper.decay, 0.99);
    assert_eq!(run_args(&["--optimizer", "adamw"]).settings.hyper.weight_decay, 0.01);
    assert_eq!(run_args(&["--optimizer", "lbfgs"]).settings.hyper.history, 100);
    // The optimizer's defaults apply whatever the order of the options.
    assert_eq!(run_args(&["--lr", "0.5", "--optimizer", "adagrad"]).settings.schedule.lr, 0.5);
}

#[test]
fn every_option_reaches_its_setting() {
    let a = run_args(&[
        "--surface",
        "quadratic",
        "--kappa",
        "25",
        "--angle=-30",
        "--optimizer",
        "adam",
        "--lr",
        "0.2",
        "--beta1",
        "0.8",
        "--beta2",
        "0.99",
        "--eps",
        "1e-7",
        "--weight-decay",
        "0.1",
        "--no-bias-correction",
        "--schedule",
        "cosine",
        "--total",
        "50",
        "--warmup",
        "5",
        "--start",
        "0.5,-1.25",
        "--steps",
        "7",
        "--noise",
        "0.3",
        "--seed",
        "42",
    ]);
    assert_eq!((a.surface.kappa, a.surface.angle), (25.0, -30.0));
    let h = a.settings.hyper;
    assert_eq!((h.beta1, h.beta2, h.eps, h.weight_decay, h.bias_correction, h.seed), (0.8, 0.99, 1e-7, 0.1, false, 42));
    let s = a.settings.schedule;
    assert_eq!((s.kind, s.lr, s.total, s.warmup), (ScheduleKind::Cosine, 0.2, 50, 5));
    assert_eq!((a.start, a.steps, a.noise, a.seed), (Some([0.5, -1.25]), 7, 0.3, 42));
    let b = run_args(&[
        "--optimizer",
        "momentum",
        "--momentum",
        "0.5",
        "--form",
        "velocity",
        "--schedule",
        "step",
        "--step-size",
        "4",
        "--gamma",
        "0.3",
    ]);
    assert_eq!((b.settings.hyper.momentum, b.settings.hyper.form.name()), (0.5, "velocity"));
    assert_eq!((b.settings.schedule.step_size, b.settings.schedule.gamma), (4, 0.3));
    let c = run_args(&["--optimizer", "rmsprop", "--decay", "0.9"]);
    assert_eq!(c.settings.hyper.decay, 0.9);
    let d = run_args(&["--optimizer", "lbfgs", "--history", "7"]);
    assert_eq!(d.settings.hyper.history, 7);
    let e = run_args(&["--optimizer", "random", "--samples", "12"]);
    assert_eq!(e.settings.hyper.samples, 12);
}

#[test]
fn mistakes_exit_with_a_message_naming_the_option() {
    let cases: [(&[&str], &str); 16] = [
        (&["--surface", "rosenbrok"], "--surface: unknown surface \"rosenbrok\""),
        (&["--optimizer", "adamm"], "--optimizer: unknown optimizer \"adamm\""),
        (&["--schedule", "exp"], "--schedule: unknown schedule \"exp\""),
        (&["--lr"], "--lr: needs a value"),
        (&["--lr", "--steps", "3"], "--lr: needs a value"),
        (&["--lr", "fast"], "--lr: lr must be a number from 1e-5 to 100, not \"fast\""),
        (&["--beta1", "1.5"], "--beta1: beta1 must be a number in [0, 1), not \"1.5\""),
        (&["--kappa", "0"], "--kappa: expected a finite number > 0, not \"0\""),
        (&["--angle", "north"], "--angle: expected a finite number of degrees"),
        (&["--start", "1"], "--start: expected two finite numbers X,Y, not \"1\""),
        (&["--start", "1,y"], "--start: expected two finite numbers X,Y"),
        (&["--steps", "-1"], "--steps: expected a whole number"),
        (&["--noise", "-0.1"], "--noise: expected a finite number ≥ 0"),
        (&["--seed", "1.5"], "--seed: expected a whole number"),
        (&["--speed", "1"], "--speed: unknown option"),
        (
            &["--schedule", "linear", "--total", "5", "--warmup", "5"],
            "--total: the total steps T = 5 must exceed the warmup W = 5",
        ),
    ];
    for (args, message) in cases {
        let err = parse(args.iter().copied()).unwrap_err().to_string();
        assert!(err.starts_with(message), "{args:?}: {err}");
    }
    assert!(parse(["rosenbrock"]).unwrap_err().to_string().starts_with("rosenbrock: unexpected argument"));
    assert!(parse(["--help=yes"]).unwrap_err().to_string().starts_with("--help: takes no value"));
}

#[test]
fn the_csv_holds_row_t_after_t_updates_with_f_and_the_next_rate() {
    // f = ½(x² + 4y²), GD with α = 0.1: x ← 0.9x, y ← 0.6y; step schedule halves α at t = 2.
    let (rows, stopped) = csv(&[
        "--kappa",
        "4",
        "--start",
        "1,1",
        "--lr",
        "0.1",
        "--steps",
        "3",
        "--schedule",
        "step",
        "--step-size",
        "2",
        "--gamma",
        "0.5",
    ]);
    assert!(stopped.is_none());
    let expected = [
        [0.0, 1.0, 1.0, 2.5, 0.1],
        [1.0, 0.9, 0.6, 1.125, 0.1],
        [2.0, 0.81, 0.36, 0.58725, 0.05],
        [3.0, 0.7695, 0.288, 0.461_953_125, 0.05],
    ];
    assert_eq!(rows.len(), 4);
    for (row, want) in rows.iter().zip(expected) {
        for (a, b) in row.iter().zip(want) {
            assert!((a - b).abs() < 1e-15, "{row:?} vs {want:?}");
        }
    }
}

#[test]
fn defaults_start_at_the_surfaces_suggestion_and_nesterov_prints_its_iterate() {
    let (rows, _) = csv(&["--surface", "rosenbrock", "--steps", "0"]);
    assert_eq!(rows, vec![vec![0.0, -1.2, 1.0, 24.199999999999996, 0.001]]);
    // Nesterov's first step from x̃₀: x̃₁ = x̃₀ − α(g + ρg) with b₁ = g.
    let (rows, _) =
        csv(&["--surface", "booth", "--optimizer", "nesterov", "--lr", "0.01", "--steps", "1", "--start", "0,0"]);
    // ∇f(0, 0) = (2·(−7) + 4·(−5), 4·(−7) + 2·(−5)) = (−34, −38).
    assert!((rows[1][1] - 0.01 * 34.0 * 1.9).abs() < 1e-15 && (rows[1][2] - 0.01 * 38.0 * 1.9).abs() < 1e-15);
}

#[test]
fn a_run_that_stops_prints_its_rows_and_says_why() {
    let (rows, stopped) = csv(&["--surface", "quadratic", "--lr", "2.5", "--steps", "100"]);
    assert!(matches!(stopped, Some(RunError::Diverged { .. })), "{stopped:?}");
    assert!(rows.len() > 1 && rows.len() < 101);
    let (rows, stopped) = csv(&["--surface", "monkey-saddle", "--optimizer", "newton", "--start", "0,0"]);
    assert_eq!(rows.len(), 1);
    assert!(stopped.unwrap().to_string().contains("singular"));
}

#[test]
fn noise_is_seeded() {
    let noisy = |seed: &str| csv(&["--noise", "0.5", "--lr", "0.1", "--steps", "5", "--seed", seed]).0;
    assert_eq!(noisy("1"), noisy("1"));
    assert_ne!(noisy("1"), noisy("2"));
    assert_ne!(noisy("1"), csv(&["--lr", "0.1", "--steps", "5"]).0);
}

#[test]
fn every_optimizer_setting_is_an_option() {
    use descent::optim::settings::{Method, Setting, Settings};
    let defaults = Settings::new(Method::Lbfgs);
    for name in Setting::names().filter(|n| *n != "method") {
        let value = defaults.get(name).unwrap();
        let args = ["--optimizer".to_string(), "lbfgs".into(), format!("--{name}"), value.clone()];
        assert!(matches!(parse(args), Ok(Cli::Run(_))), "--{name} {value}");
    }
}

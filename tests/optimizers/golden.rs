//! Golden trajectories: every optimizer replayed against `tests/fixtures/golden.json`, made by
//! `tests/fixtures/generate.py` from torch.optim (float64, foreach=False), numpy (Newton and
//! the lecture's "Adam (almost)") and scipy (softmax regression's optimum). Every iterate
//! must agree to 1e-9 (L-BFGS to 1e-8), with the same schedules, warmups and gradient noise
//! (the stored draws are replayed).

use std::sync::OnceLock;

use descent::data::Dataset;
use descent::loss::{Loss, LossKind};
use descent::objective::Objective;
use descent::optim::LossFn;
use descent::optim::classifier::ClassifierLoss;
use descent::optim::noise::GradientNoise;
use descent::optim::run::Run;
use descent::optim::settings::{Method, Settings};
use descent::regularizer::{Regularizer, RegularizerKind};
use descent::schedule::Schedule;
use descent::surface::Surface;
use serde_json::Value;

fn golden() -> &'static Value {
    static GOLDEN: OnceLock<Value> = OnceLock::new();
    GOLDEN.get_or_init(|| serde_json::from_str(include_str!("../fixtures/golden.json")).expect("golden.json parses"))
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array().expect("an array").iter().map(|x| x.as_f64().expect("a number")).collect()
}

fn rows(v: &Value) -> Vec<Vec<f64>> {
    v.as_array().expect("an array of rows").iter().map(numbers).collect()
}

fn surface(v: &Value) -> Surface {
    let mut s = Surface::new(v["kind"].as_str().unwrap().parse().unwrap());
    if let Some(k) = v.get("kappa") {
        s.kappa = k.as_f64().unwrap();
    }
    if let Some(a) = v.get("angle") {
        s.angle = a.as_f64().unwrap();
    }
    s
}

/// The case's settings through the settings layer, names and values as the fixture has them.
fn settings(case: &Value) -> Settings {
    let mut s = Settings::new(case["method"].as_str().unwrap().parse().unwrap());
    for (name, value) in case["settings"].as_object().unwrap() {
        s.set(name, value.as_str().unwrap()).unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
    }
    for (name, value) in case["schedule"].as_object().unwrap() {
        let text = value.as_str().map_or_else(|| value.to_string(), str::to_string);
        s.set(name, &text).unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
    }
    s
}

fn assert_close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() <= tol * w.abs().max(1.0), "{what}: {got:?} vs {want:?} (tolerance {tol:e})");
    }
}

/// Replays every trajectory of `method`, returning how many there were.
fn replay(method: Method, tol: f64) -> usize {
    let cases: Vec<&Value> = golden()["trajectories"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["method"].as_str() == Some(method.name()))
        .collect();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let settings = settings(case);
        let mut surface = surface(&case["surface"]);
        let sigma = case.get("noise").map_or(0.0, |s| s.as_f64().unwrap());
        let draws = case.get("draws").map(numbers).unwrap_or_default();
        // A replay that runs out of draws turns NaN, which fails loudly.
        let mut noisy =
            GradientNoise::new(&mut surface, sigma, draws.iter().copied().chain(std::iter::repeat(f64::NAN)));
        let f: &mut dyn LossFn = &mut noisy;
        let start = numbers(&case["start"]);
        let mut run = Run::new(settings.build().unwrap(), settings.schedule, &start, f);
        let steps = case["steps"].as_u64().unwrap() as usize;
        run.run(steps, f).unwrap_or_else(|e| panic!("{name}: {e}"));
        let tr = run.trajectory();
        let want = rows(&case["points"]);
        assert_eq!(tr.len(), want.len(), "{name}");
        for (t, w) in want.iter().enumerate() {
            assert_close(tr.point(t), w, tol, &format!("{name}, row {t}"));
        }
        assert_close(tr.rates(), &numbers(&case["rates"]), 1e-15, &format!("{name}, rates"));
        if let Some(evaluations) = case.get("evaluations") {
            let want = rows(evaluations);
            let got: Vec<&[f64]> = (0..tr.len()).flat_map(|t| tr.evaluations(t).map(|e| e.point)).collect();
            assert_eq!(got.len(), want.len(), "{name}: number of evaluations");
            for (i, (g, w)) in got.iter().zip(&want).enumerate() {
                assert_close(g, w, tol, &format!("{name}, evaluation {i}"));
            }
        }
    }
    cases.len()
}

#[test]
fn sgd_matches_torch() {
    assert!(replay(Method::Sgd, 1e-9) >= 17);
}

#[test]
fn momentum_matches_torch() {
    assert!(replay(Method::Momentum, 1e-9) >= 25);
}

#[test]
fn nesterov_matches_torch() {
    assert!(replay(Method::Nesterov, 1e-9) >= 18);
}

#[test]
fn adagrad_matches_torch() {
    assert!(replay(Method::AdaGrad, 1e-9) >= 24);
}

#[test]
fn rmsprop_matches_torch() {
    assert!(replay(Method::RmsProp, 1e-9) >= 25);
}

#[test]
fn adam_matches_torch_and_adam_almost_matches_the_lecture_in_numpy() {
    assert!(replay(Method::Adam, 1e-9) >= 42);
}

#[test]
fn adamw_matches_torch() {
    assert!(replay(Method::AdamW, 1e-9) >= 20);
}

#[test]
fn nadam_matches_torch() {
    assert!(replay(Method::NAdam, 1e-9) >= 20);
}

#[test]
fn radam_matches_torch() {
    assert!(replay(Method::RAdam, 1e-9) >= 20);
}

#[test]
fn adamax_matches_torch() {
    assert!(replay(Method::Adamax, 1e-9) >= 19);
}

#[test]
fn adadelta_matches_torch() {
    assert!(replay(Method::Adadelta, 1e-9) >= 20);
}

#[test]
fn rprop_matches_torch() {
    assert!(replay(Method::Rprop, 1e-9) >= 18);
}

#[test]
fn newton_matches_numpy() {
    assert!(replay(Method::Newton, 1e-9) >= 8);
}

#[test]
fn lbfgs_matches_torch_iterates_and_trial_points() {
    assert!(replay(Method::Lbfgs, 1e-8) >= 34);
}

#[test]
fn surfaces_match_autograd() {
    for case in golden()["surfaces"].as_array().unwrap() {
        let s = surface(&case["surface"]);
        let points = rows(&case["points"]);
        let values = numbers(&case["values"]);
        let gradients = rows(&case["gradients"]);
        let hessians = case["hessians"].as_array().unwrap();
        for (i, p) in points.iter().enumerate() {
            let p = [p[0], p[1]];
            let what = format!("{:?} at {p:?}", s.kind);
            assert_close(&[s.value(p)], &[values[i]], 1e-13, &what);
            assert_close(&s.gradient(p), &gradients[i], 1e-12, &what);
            let h = rows(&hessians[i]);
            let mine = s.hessian(p);
            assert_close(&mine[0], &h[0], 1e-12, &what);
            assert_close(&mine[1], &h[1], 1e-12, &what);
        }
    }
}

#[test]
fn schedules_match_torch_builtin_schedulers() {
    for case in golden()["schedules"].as_array().unwrap() {
        let mut schedule = Schedule::default();
        for (name, value) in case["schedule"].as_object().unwrap() {
            schedule.set(name, &value.as_str().map_or_else(|| value.to_string(), str::to_string)).unwrap();
        }
        let want = numbers(&case["rates"]);
        let got: Vec<f64> = (0..want.len()).map(|t| schedule.rate(t)).collect();
        assert_close(&got, &want, 1e-14, &format!("{schedule:?}"));
    }
}

/// The fixture's softmax-regression problem: its data, softmax with L2 on W.
fn softmax_problem() -> (Dataset, Objective, Vec<f64>, f64) {
    let case = &golden()["softmax_regression"];
    let x: Vec<f64> = rows(&case["points"]).concat();
    let y: Vec<usize> = case["labels"].as_array().unwrap().iter().map(|l| l.as_u64().unwrap() as usize).collect();
    let data = Dataset::new(2, case["classes"].as_u64().unwrap() as usize, x, y).unwrap();
    let objective = Objective {
        loss: Loss { kind: LossKind::Softmax, margin: 1.0 },
        regularizer: Regularizer { kind: RegularizerKind::L2, beta: 0.0 },
        lambda: case["lambda"].as_f64().unwrap(),
        regularize_bias: false,
    };
    (data, objective, numbers(&case["optimum"]), case["optimum_loss"].as_f64().unwrap())
}

/// W exactly; b up to the constant every softmax ignores (both sides keep Σb = 0 in theory).
fn assert_same_optimum(theta: &[f64], optimum: &[f64], tol: f64, what: &str) {
    let weights = 6;
    assert_close(&theta[..weights], &optimum[..weights], tol, what);
    let centre = |b: &[f64]| b.iter().map(|v| v - b.iter().sum::<f64>() / b.len() as f64).collect::<Vec<_>>();
    assert_close(&centre(&theta[weights..]), &centre(&optimum[weights..]), tol, what);
}

#[test]
fn lbfgs_finds_scipys_softmax_regression_optimum() {
    let (data, objective, optimum, optimum_loss) = softmax_problem();
    let mut f = ClassifierLoss::new(&objective, &data);
    let mut settings = Settings::new(Method::Lbfgs);
    settings.set("history", "20").unwrap();
    let mut run = Run::new(settings.build().unwrap(), settings.schedule, &[0.0; 9], &mut f);
    run.run(100, &mut f).unwrap();
    assert_same_optimum(run.theta(), &optimum, 1e-6, "L-BFGS");
    assert!((f.loss(run.theta()) - optimum_loss).abs() < 1e-12);
}

#[test]
fn newton_finds_the_same_optimum_with_the_exact_softmax_hessian() {
    let (data, objective, optimum, _) = softmax_problem();
    let mut f = ClassifierLoss::new(&objective, &data);
    let mut theta = [0.0; 9];
    let mut newton = Settings::new(Method::Newton).build().unwrap();
    for _ in 0..12 {
        newton.step(&mut theta, 1.0, &mut f).unwrap();
    }
    assert_same_optimum(&theta, &optimum, 1e-9, "Newton");
}

#[test]
fn every_schedule_kind_and_method_has_golden_trajectories() {
    let cases = golden()["trajectories"].as_array().unwrap();
    for kind in descent::schedule::ScheduleKind::ALL {
        let n = cases.iter().filter(|c| c["schedule"]["schedule"].as_str() == Some(kind.name())).count();
        assert!(n >= 4, "{kind}: {n} cases");
    }
    for method in Method::ALL.into_iter().filter(|m| *m != Method::RandomSearch) {
        let n = cases.iter().filter(|c| c["method"].as_str() == Some(method.name())).count();
        assert!(n >= 8, "{method}: {n} cases");
    }
}

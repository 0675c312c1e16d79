//! The weight-space view's solver and path against independent references: the core's
//! softmax, the optimality (KKT) conditions, a proximal-gradient solver and a direct
//! computation of where L1 first zeroes a weight.

use descent::data::{Dataset, DatasetKind, DatasetSpec};
use descent::loss::{Loss, LossKind};
use descent::regularization::path::{PathError, TwoWeights, log_grid, path, solve, zero_crossing};
use descent::regularization::weight_space::{LAMBDA_RANGE, PATH_POINTS, WeightSpace, level_set_outline};
use descent::regularizer::{Regularizer, RegularizerKind};

fn dataset(seed: u64, angle: f64) -> Dataset {
    let d = DatasetSpec { kind: DatasetKind::Blobs, points: 80, classes: 2, noise: 0.8, seed }.generate().unwrap();
    let (s, c) = angle.to_radians().sin_cos();
    let x = (0..d.len()).flat_map(|i| {
        let p = d.point(i);
        [c * p[0] - s * p[1], s * p[0] + c * p[1]]
    });
    Dataset::new(2, 2, x.collect(), d.labels().to_vec()).unwrap()
}

fn regularizer(kind: RegularizerKind) -> Regularizer {
    Regularizer { kind, beta: 0.4 }
}

#[test]
fn the_data_loss_is_the_two_class_softmax() {
    let data = dataset(1, 200.0);
    let problem = TwoWeights::new(&data).unwrap();
    let softmax = Loss { kind: LossKind::Softmax, margin: 1.0 };
    for w in [[0.0, 0.0], [1.5, -2.0], [-30.0, 12.0]] {
        let want: f64 = (0..data.len())
            .map(|i| {
                let x = data.point(i);
                softmax.value(&[0.0, w[0] * x[0] + w[1] * x[1]], data.label(i))
            })
            .sum::<f64>()
            / data.len() as f64;
        let got = problem.data_loss(w);
        assert!((got - want).abs() < 1e-14 * want.max(1.0), "{w:?}: {got} vs {want}");
        // And the gradient against centered differences.
        let g = problem.gradient(w);
        for k in 0..2 {
            let h = 1e-6;
            let mut plus = w;
            let mut minus = w;
            plus[k] += h;
            minus[k] -= h;
            let numeric = (problem.data_loss(plus) - problem.data_loss(minus)) / (2.0 * h);
            assert!((g[k] - numeric).abs() < 1e-8, "{w:?} ∂{k}: {} vs {numeric}", g[k]);
        }
    }
}

/// The largest violation of the optimality conditions of f + λ(a‖w‖² + b‖w‖₁) at w:
/// ∂_k f + 2λa w_k + λb sign(w_k) = 0 where w_k ≠ 0, |∂_k f| ≤ λb where w_k = 0.
fn kkt_violation(problem: &TwoWeights, kind: RegularizerKind, lambda: f64, w: [f64; 2]) -> f64 {
    let (a, b) = match kind {
        RegularizerKind::L2 => (1.0, 0.0),
        RegularizerKind::L1 => (0.0, 1.0),
        _ => (0.4, 1.0),
    };
    let g = problem.gradient(w);
    (0..2)
        .map(|k| {
            if w[k] != 0.0 {
                (g[k] + 2.0 * lambda * a * w[k] + lambda * b * w[k].signum()).abs()
            } else {
                (g[k].abs() - lambda * b).max(0.0)
            }
        })
        .fold(0.0, f64::max)
}

#[test]
fn every_path_point_is_optimal() {
    for (seed, angle) in [(1, 200.0), (2, 250.0), (3, 100.0)] {
        let problem = TwoWeights::new(&dataset(seed, angle)).unwrap();
        let lambdas = log_grid(LAMBDA_RANGE.0, LAMBDA_RANGE.1, PATH_POINTS);
        for kind in [RegularizerKind::L2, RegularizerKind::L1, RegularizerKind::ElasticNet] {
            for point in path(&problem, &regularizer(kind), &lambdas) {
                let v = kkt_violation(&problem, kind, point.lambda, point.w);
                assert!(v < 1e-12, "seed {seed} {kind:?} λ = {}: violation {v:e} at {:?}", point.lambda, point.w);
            }
        }
    }
}

#[test]
fn l1_zeroes_weights_exactly_and_l2_never_does() {
    let problem = TwoWeights::new(&dataset(1, 200.0)).unwrap();
    let lambdas = log_grid(LAMBDA_RANGE.0, LAMBDA_RANGE.1, PATH_POINTS);
    let l2 = path(&problem, &regularizer(RegularizerKind::L2), &lambdas);
    assert!(l2.iter().all(|p| p.w[0] != 0.0 && p.w[1] != 0.0));
    // L2 shrinks: ‖w*‖ decreases along λ.
    for pair in l2.windows(2) {
        assert!(pair[1].w[0].hypot(pair[1].w[1]) < pair[0].w[0].hypot(pair[0].w[1]));
    }
    let l1 = path(&problem, &regularizer(RegularizerKind::L1), &lambdas);
    assert!(l1[0].w.iter().all(|&w| w != 0.0), "both weights live at the smallest λ");
    assert_eq!(l1.last().unwrap().w, [0.0, 0.0], "λ = 10 zeroes everything");
    let zeros = l1.iter().filter(|p| p.w.contains(&0.0) && !p.w.iter().all(|&w| w == 0.0)).count();
    assert!(zeros >= 10, "a stretch of the path has exactly one zero weight ({zeros} points)");
    assert_eq!(zero_crossing(&problem, &regularizer(RegularizerKind::L2), &l2, 0), None);
}

/// w_j(λ) minimizing f(t e_j) + λ(a t² + b|t|) over t (the other weight 0), by bisection on
/// the derivative: a one-dimensional solver unrelated to the coordinate descent.
fn one_weight(problem: &TwoWeights, j: usize, lambda: f64, a: f64, b: f64) -> f64 {
    let derivative = |t: f64| {
        let mut w = [0.0; 2];
        w[j] = t;
        problem.gradient(w)[j] + 2.0 * lambda * a * t
    };
    let d0 = derivative(0.0);
    if d0.abs() <= lambda * b {
        return 0.0;
    }
    let side = -d0.signum();
    let (mut lo, mut hi) = (0.0, 1.0);
    while side * (derivative(side * hi) + side * lambda * b) < 0.0 {
        hi *= 2.0;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if side * (derivative(side * mid) + side * lambda * b) < 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    side * 0.5 * (lo + hi)
}

/// The λ* at which weight k becomes 0: with w_k = 0 and w_j = w_j(λ), zero is optimal for w_k
/// iff |∂_k f| ≤ λb, so λ* solves |∂_k f(w_j(λ*) e_j)| = λ*·b. Bisection on λ.
fn independent_crossing(problem: &TwoWeights, k: usize, a: f64, b: f64, mut lo: f64, mut hi: f64) -> f64 {
    let j = 1 - k;
    let excess = |lambda: f64| {
        let mut w = [0.0; 2];
        w[j] = one_weight(problem, j, lambda, a, b);
        problem.gradient(w)[k].abs() - lambda * b
    };
    assert!(excess(lo) > 0.0 && excess(hi) < 0.0, "bracket");
    for _ in 0..200 {
        let mid = (0.5 * (lo.ln() + hi.ln())).exp();
        if excess(mid) > 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

#[test]
fn the_l1_zero_crossing_matches_an_independent_solver() {
    for (seed, angle, kind) in [
        (1, 200.0, RegularizerKind::L1),
        (2, 250.0, RegularizerKind::L1),
        (3, 100.0, RegularizerKind::L1),
        (1, 200.0, RegularizerKind::ElasticNet),
    ] {
        let problem = TwoWeights::new(&dataset(seed, angle)).unwrap();
        let r = regularizer(kind);
        let (a, b) = if kind == RegularizerKind::L1 { (0.0, 1.0) } else { (0.4, 1.0) };
        let p = path(&problem, &r, &log_grid(LAMBDA_RANGE.0, LAMBDA_RANGE.1, PATH_POINTS));
        let crossings = [zero_crossing(&problem, &r, &p, 0).unwrap(), zero_crossing(&problem, &r, &p, 1).unwrap()];
        // The weight that dies last does so at λ_max = |∂_k f(0)|/b: both weights 0 is optimal
        // exactly when the gradient at 0 fits in the box [−λb, λb]².
        let g0 = problem.gradient([0.0, 0.0]);
        let last = if crossings[0] > crossings[1] { 0 } else { 1 };
        assert!((crossings[last] - g0[last].abs() / b).abs() < 1e-12 * crossings[last], "{kind:?} seed {seed}: last");
        let first = 1 - last;
        let want = independent_crossing(&problem, first, a, b, LAMBDA_RANGE.0, crossings[last] * (1.0 - 1e-9));
        let got = crossings[first];
        assert!((got - want).abs() < 1e-10 * want, "{kind:?} seed {seed}: {got} vs {want}");
        assert!(got < crossings[last]);
    }
}

/// FISTA on f + λa‖w‖² with the prox of λb‖w‖₁: a different algorithm for the same optimum.
fn fista(problem: &TwoWeights, lambda: f64, a: f64, b: f64, data: &Dataset) -> [f64; 2] {
    // L = ¼·λ_max(XᵀX/N) + 2λa bounds the smooth part's curvature.
    let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..data.len() {
        let x = data.point(i);
        sxx += x[0] * x[0];
        sxy += x[0] * x[1];
        syy += x[1] * x[1];
    }
    let n = data.len() as f64;
    let (sxx, sxy, syy) = (sxx / n, sxy / n, syy / n);
    let top = 0.5 * (sxx + syy) + (0.25 * (sxx - syy).powi(2) + sxy * sxy).sqrt();
    let step = 1.0 / (0.25 * top + 2.0 * lambda * a);
    let soft = |v: f64, t: f64| v.signum() * (v.abs() - t).max(0.0);
    let (mut w, mut y, mut t) = ([0.0; 2], [0.0; 2], 1.0f64);
    for _ in 0..200_000 {
        let g = problem.gradient(y);
        let next = [0, 1].map(|k| soft(y[k] - step * (g[k] + 2.0 * lambda * a * y[k]), step * lambda * b));
        let t_next = 0.5 * (1.0 + (1.0 + 4.0 * t * t).sqrt());
        y = [0, 1].map(|k| next[k] + (t - 1.0) / t_next * (next[k] - w[k]));
        w = next;
        t = t_next;
    }
    w
}

#[test]
fn optima_match_proximal_gradient() {
    let data = dataset(2, 250.0);
    let problem = TwoWeights::new(&data).unwrap();
    for (kind, a, b) in
        [(RegularizerKind::L2, 1.0, 0.0), (RegularizerKind::L1, 0.0, 1.0), (RegularizerKind::ElasticNet, 0.4, 1.0)]
    {
        for lambda in [0.003, 0.05, 0.2] {
            let got = solve(&problem, &regularizer(kind), lambda, [0.0, 0.0]);
            let want = fista(&problem, lambda, a, b, &data);
            for k in 0..2 {
                assert!(
                    (got[k] - want[k]).abs() < 1e-9 * (1.0 + want[k].abs()),
                    "{kind:?} λ {lambda}: {got:?} vs {want:?}"
                );
            }
        }
    }
}

#[test]
fn the_view_shows_the_solver_and_validates_settings() {
    let mut view = WeightSpace::default();
    let w = view.optimum();
    assert!(kkt_violation(view.problem(), RegularizerKind::L1, view.lambda(), w) < 1e-12);
    let (data, penalty, total) = view.losses();
    assert_eq!(data, view.problem().data_loss(w));
    assert!((penalty - view.lambda() * (w[0].abs() + w[1].abs())).abs() < 1e-15);
    assert_eq!(total, data + penalty);
    // The image's grid is the data loss: the two-class softmax sliced along (w₁, w₂).
    let h = view.half_width();
    let at = |i: usize| -h + 2.0 * h * i as f64 / 128.0;
    for (i, j) in [(0, 0), (64, 64), (100, 20), (128, 128)] {
        let want = view.problem().data_loss([at(i), at(j)]);
        assert!((view.grid_value(i, j) - want).abs() < 1e-13 * want.max(1.0), "({i}, {j})");
    }
    view.set("lambda", "5").unwrap();
    assert_eq!(view.optimum(), [0.0, 0.0]);
    view.set("penalty", "l2").unwrap();
    assert!(view.optimum().iter().all(|&w| w != 0.0));
    assert!(view.crossing_text(1).contains("never"));
    view.set("penalty", "l1").unwrap();
    view.set("lambda", "0.001").unwrap();
    let c = view.zero_crossing(1).unwrap();
    assert!(view.crossing_text(1).starts_with("w₂ = 0 exactly for λ ≥ "));
    view.set("lambda", &(c * 1.001).to_string()).unwrap();
    assert_eq!(view.optimum()[1], 0.0);
    view.set("lambda", &(c * 0.999).to_string()).unwrap();
    assert_ne!(view.optimum()[1], 0.0);
    for (name, value, fragment) in [
        ("lambda", "0", "λ must be"),
        ("penalty", "none", "l2, l1 or elastic-net"),
        ("penalty", "l3", "unknown regularizer"),
        ("dataset", "cs231n", "two classes"),
        ("dataset", "moons", "unknown dataset"),
        ("points", "5", "from 10 to 1000"),
        ("noise", "-1", "noise σ must be"),
        ("angle", "north", "angle must be"),
        ("gamma", "1", "no setting"),
    ] {
        let before = view.optimum();
        let e = view.set(name, value).unwrap_err().to_string();
        assert!(e.contains(fragment), "{name}={value}: {e}");
        assert_eq!(view.optimum(), before);
    }
    view.set("dataset", "xor").unwrap();
    assert_eq!(view.get("dataset").unwrap(), "xor");
    assert_eq!(view.data().len(), 100);
}

#[test]
fn level_sets_are_circles_diamonds_and_between() {
    let l2 = Regularizer { kind: RegularizerKind::L2, beta: 0.0 };
    for w in level_set_outline(&l2, 4.0) {
        assert!((w[0].hypot(w[1]) - 2.0).abs() < 1e-12);
    }
    let l1 = Regularizer { kind: RegularizerKind::L1, beta: 0.0 };
    let diamond = level_set_outline(&l1, 3.0);
    assert!(diamond.iter().all(|w| (w[0].abs() + w[1].abs() - 3.0).abs() < 1e-12));
    // The corners, on the axes, are on the outline exactly.
    assert!(diamond.contains(&[3.0, 0.0]));
    assert!(level_set_outline(&l1, 0.0).is_empty());
}

#[test]
fn a_three_class_dataset_is_refused() {
    let data = DatasetSpec { kind: DatasetKind::Cs231n, ..Default::default() }.generate().unwrap();
    let e = TwoWeights::new(&data).unwrap_err();
    assert_eq!(e, PathError::Shape { classes: 3, dim: 2, points: 9 });
}

//! The seeded random parts: gradient noise has the stated distribution and replays, random
//! search keeps the best of its draws, which scatter around the start with the rate as scale.

use descent::optim::noise::{GradientNoise, Normals};
use descent::optim::random_search::RandomSearch;
use descent::optim::run::Run;
use descent::optim::settings::{Method, Settings};
use descent::optim::{LossFn, Optimizer};
use descent::schedule::Schedule;
use descent::surface::{Surface, SurfaceKind};

/// Mean and standard deviation.
fn moments(v: &[f64]) -> (f64, f64) {
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    (mean, (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt())
}

#[test]
fn gradient_noise_is_gaussian_with_the_stated_sigma_around_the_gradient() {
    let mut surface = Surface::new(SurfaceKind::Rosenbrock);
    let exact = surface.gradient([0.5, 0.5]);
    let sigma = 3.0;
    let mut noisy = GradientNoise::new(&mut surface, sigma, Normals::new(17));
    let n = 20_000;
    let mut samples = [Vec::with_capacity(n), Vec::with_capacity(n)];
    let mut g = [0.0; 2];
    for _ in 0..n {
        noisy.loss_and_gradient(&[0.5, 0.5], &mut g);
        samples[0].push(g[0]);
        samples[1].push(g[1]);
    }
    for k in 0..2 {
        let (mean, sd) = moments(&samples[k]);
        // Standard errors: σ/√n ≈ 0.021 for the mean, σ/√(2n) ≈ 0.015 for the deviation.
        assert!((mean - exact[k]).abs() < 5.0 * sigma / (n as f64).sqrt(), "mean {mean} vs {}", exact[k]);
        assert!((sd - sigma).abs() < 5.0 * sigma / (2.0 * n as f64).sqrt(), "sd {sd}");
    }
    // The two components are independent draws.
    let (m0, s0) = moments(&samples[0]);
    let (m1, s1) = moments(&samples[1]);
    let correlation =
        samples[0].iter().zip(&samples[1]).map(|(a, b)| (a - m0) * (b - m1)).sum::<f64>() / ((n - 1) as f64 * s0 * s1);
    assert!(correlation.abs() < 5.0 / (n as f64).sqrt(), "correlation {correlation}");
}

#[test]
fn a_seeded_noisy_run_is_reproducible() {
    let trajectory = |seed| {
        let mut surface = Surface::new(SurfaceKind::Quadratic);
        let mut noisy = GradientNoise::new(&mut surface, 0.5, Normals::new(seed));
        let s = Settings::new(Method::Momentum);
        let mut run = Run::new(s.build().unwrap(), Schedule::constant(0.05), &[-1.5, 1.0], &mut noisy);
        run.run(50, &mut noisy).unwrap();
        run.trajectory().points().to_vec()
    };
    assert_eq!(trajectory(1), trajectory(1));
    assert_ne!(trajectory(1), trajectory(2));
}

#[test]
fn random_search_keeps_the_best_of_its_draws() {
    let mut surface = Surface::new(SurfaceKind::Himmelblau);
    let mut settings = Settings::new(Method::RandomSearch);
    settings.set("samples", "5").unwrap();
    settings.set("seed", "8").unwrap();
    let mut run = Run::new(settings.build().unwrap(), Schedule::constant(2.0), &[0.0, 0.0], &mut surface);
    run.run(40, &mut surface).unwrap();
    let tr = run.trajectory();
    assert_eq!(tr.evaluation_count(), 200);
    // After each step θ is the lowest of all the candidates drawn so far.
    let mut best = (f64::INFINITY, vec![]);
    for t in 1..tr.len() {
        for e in tr.evaluations(t) {
            assert_eq!(e.loss, surface.value([e.point[0], e.point[1]]));
            if e.loss < best.0 {
                best = (e.loss, e.point.to_vec());
            }
        }
        assert_eq!(tr.point(t), best.1.as_slice(), "row {t}");
        assert!(t == 1 || tr.losses()[t] <= tr.losses()[t - 1]);
    }
}

#[test]
fn random_search_draws_scatter_around_the_start_with_the_rate_as_scale() {
    let mut surface = Surface::new(SurfaceKind::Booth);
    let (centre, scale, n) = ([1.5, -2.0], 0.7, 20_000);
    let mut search = RandomSearch::new(n, 3);
    let mut points = Vec::with_capacity(n);
    let mut recorder = |p: &[f64], g: &mut [f64]| {
        points.push([p[0], p[1]]);
        surface.loss_and_gradient(p, g)
    };
    let mut theta = centre;
    search.step(&mut theta, scale, &mut recorder).unwrap();
    assert_eq!(search.centre(), centre);
    for k in 0..2 {
        let coordinate: Vec<f64> = points.iter().map(|p| p[k]).collect();
        let (mean, sd) = moments(&coordinate);
        assert!((mean - centre[k]).abs() < 5.0 * scale / (n as f64).sqrt(), "mean {mean}");
        assert!((sd - scale).abs() < 5.0 * scale / (2.0 * n as f64).sqrt(), "sd {sd}");
    }
    // A reset replays the same draws.
    let first = theta;
    search.reset();
    let mut again = centre;
    search.step(&mut again, scale, &mut surface).unwrap();
    assert_eq!(again, first);
}

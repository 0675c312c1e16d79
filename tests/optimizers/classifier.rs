//! The classifier objective as a loss function: every optimizer trains softmax regression on
//! three blobs, minibatches behave, the exact Hessian matches differences of the gradient,
//! and Newton refuses losses without one.

use descent::data::{Dataset, DatasetKind, DatasetSpec};
use descent::loss::{Loss, LossKind};
use descent::model::{Shape, predict};
use descent::objective::{Difference, Objective, numeric_gradient};
use descent::optim::classifier::ClassifierLoss;
use descent::optim::minibatch::Minibatches;
use descent::optim::noise::{GradientNoise, Normals};
use descent::optim::run::{Run, RunError};
use descent::optim::settings::{Method, Settings};
use descent::optim::{LossFn, StepError};
use descent::regularizer::{Regularizer, RegularizerKind};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn blobs() -> Dataset {
    DatasetSpec { kind: DatasetKind::Blobs, points: 150, classes: 3, noise: 0.3, seed: 5 }.generate().unwrap()
}

fn objective(loss: LossKind, regularizer: RegularizerKind, lambda: f64) -> Objective {
    Objective {
        loss: Loss { kind: loss, margin: 1.0 },
        regularizer: Regularizer { kind: regularizer, beta: 0.5 },
        lambda,
        regularize_bias: false,
    }
}

fn accuracy(data: &Dataset, theta: &[f64]) -> f64 {
    let shape = Shape { classes: data.classes(), dim: data.dim() };
    let mut scores = vec![0.0; shape.classes];
    let correct = (0..data.len())
        .filter(|&i| {
            shape.scores(theta, data.point(i), &mut scores);
            predict(&scores) == data.label(i)
        })
        .count();
    correct as f64 / data.len() as f64
}

/// Trains from θ = 0 with the method's settings (`lr` and others by name) for `steps`.
fn train(method: Method, settings: &[(&str, &str)], steps: usize, batch: Option<usize>) -> (f64, f64) {
    let data = blobs();
    let objective = objective(LossKind::Softmax, RegularizerKind::L2, 1e-3);
    let mut f = ClassifierLoss::new(&objective, &data);
    if let Some(size) = batch {
        f = f.with_minibatches(Minibatches::new(data.len(), size, true, 3));
    }
    let mut s = Settings::new(method);
    for (name, value) in settings {
        s.set(name, value).unwrap();
    }
    let start = vec![0.0; 9];
    let mut run = Run::new(s.build().unwrap(), s.schedule, &start, &mut f);
    run.run(steps, &mut f).unwrap_or_else(|e| panic!("{method}: {e}"));
    (accuracy(&data, run.theta()), f.loss(run.theta()))
}

/// A method, its settings by name, the steps and the minibatch size (None: full batch).
type TrainingCase = (Method, &'static [(&'static str, &'static str)], usize, Option<usize>);

#[test]
fn every_optimizer_trains_softmax_regression_on_three_blobs() {
    let cases: [TrainingCase; 12] = [
        (Method::RandomSearch, &[("lr", "2"), ("samples", "50"), ("seed", "1")], 40, None),
        (Method::Sgd, &[("lr", "0.5")], 200, None),
        (Method::Sgd, &[("lr", "0.2")], 200, Some(16)),
        (Method::Momentum, &[("lr", "0.1")], 100, None),
        (Method::Momentum, &[("lr", "0.05"), ("form", "velocity")], 100, Some(32)),
        (Method::Nesterov, &[("lr", "0.1")], 100, None),
        (Method::AdaGrad, &[("lr", "0.5")], 100, None),
        (Method::RmsProp, &[("lr", "0.01")], 100, None),
        (Method::Adam, &[("lr", "0.05")], 100, None),
        (Method::AdamW, &[("lr", "0.05")], 100, None),
        (Method::Newton, &[], 10, None),
        (Method::Lbfgs, &[("history", "10")], 20, None),
    ];
    for (method, settings, steps, batch) in cases {
        let (acc, loss) = train(method, settings, steps, batch);
        assert!(acc >= 0.95, "{method} {settings:?} batch {batch:?}: accuracy {acc}, loss {loss}");
    }
}

#[test]
fn noisy_gradients_of_the_classifier_still_train_it() {
    let data = blobs();
    let objective = objective(LossKind::Softmax, RegularizerKind::L2, 1e-3);
    let mut f = ClassifierLoss::new(&objective, &data);
    let mut noisy = GradientNoise::new(&mut f, 0.5, Normals::new(4));
    let s = Settings::new(Method::Momentum);
    let mut run = Run::new(s.build().unwrap(), descent::schedule::Schedule::constant(0.05), &[0.0; 9], &mut noisy);
    run.run(200, &mut noisy).unwrap();
    assert!(accuracy(&data, run.theta()) >= 0.95);
    // The recorded loss is the exact objective: noise touches gradients only.
    let exact = objective.evaluator(&data).loss(run.theta(), None).total();
    assert_eq!(*run.trajectory().losses().last().unwrap(), exact);
}

#[test]
fn newton_and_lbfgs_reach_the_same_optimum() {
    let (_, newton) = train(Method::Newton, &[], 15, None);
    let (_, lbfgs) = train(Method::Lbfgs, &[("history", "10")], 60, None);
    assert!((newton - lbfgs).abs() < 1e-12, "{newton} vs {lbfgs}");
}

#[test]
fn minibatches_cover_each_epoch_once_and_are_seeded() {
    let mut b = Minibatches::new(10, 4, true, 9);
    assert_eq!(b.batches_per_epoch(), 3);
    for epoch in 0..3 {
        let mut seen: Vec<usize> = (0..3).flat_map(|_| b.next_batch().to_vec()).collect();
        assert_eq!(b.epochs(), epoch + 1);
        seen.sort_unstable();
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
    }
    let order = |seed| {
        let mut b = Minibatches::new(10, 10, true, seed);
        b.next_batch().to_vec()
    };
    assert_eq!(order(1), order(1));
    assert_ne!(order(1), order(2));
    assert_ne!(order(1), (0..10).collect::<Vec<_>>());
    // Batch sizes are clamped to 1..=N.
    assert_eq!(Minibatches::new(5, 0, false, 0).batch_size(), 1);
    assert_eq!(Minibatches::new(5, 99, false, 0).next_batch(), &[0, 1, 2, 3, 4]);
}

#[test]
fn one_unshuffled_batch_of_everything_is_gradient_descent() {
    let data = blobs();
    let objective = objective(LossKind::Softmax, RegularizerKind::L2, 0.01);
    let run_with = |batches: Option<Minibatches>| {
        let mut f = ClassifierLoss::new(&objective, &data);
        if let Some(b) = batches {
            f = f.with_minibatches(b);
        }
        let s = Settings::new(Method::Momentum);
        let mut run = Run::new(s.build().unwrap(), descent::schedule::Schedule::constant(0.1), &[0.0; 9], &mut f);
        run.run(20, &mut f).unwrap();
        run.theta().to_vec()
    };
    assert_eq!(run_with(None), run_with(Some(Minibatches::new(data.len(), data.len(), false, 0))));
}

#[test]
fn minibatch_gradients_average_over_the_batch_only() {
    let data = blobs();
    let objective = objective(LossKind::Softmax, RegularizerKind::None, 0.0);
    let mut f = ClassifierLoss::new(&objective, &data).with_minibatches(Minibatches::new(data.len(), 7, true, 4));
    let theta: Vec<f64> = (0..9).map(|i| 0.1 * i as f64 - 0.3).collect();
    f.next_step();
    let batch = f.batch().to_vec();
    assert_eq!(batch.len(), 7);
    let mut g = vec![0.0; 9];
    let batch_loss = f.loss_and_gradient(&theta, &mut g);
    // The same loss from a dataset holding only the batch's points.
    let x: Vec<f64> = batch.iter().flat_map(|&i| data.point(i).to_vec()).collect();
    let y: Vec<usize> = batch.iter().map(|&i| data.label(i)).collect();
    let subset = Dataset::new(2, 3, x, y).unwrap();
    let mut h = vec![0.0; 9];
    let subset_loss = objective.evaluator(&subset).loss_and_gradient(&theta, None, &mut h).total();
    assert!((batch_loss - subset_loss).abs() < 1e-14);
    for (a, b) in g.iter().zip(&h) {
        assert!((a - b).abs() < 1e-14);
    }
    // The recorded loss is the full-data one.
    assert_eq!(f.loss(&theta), objective.evaluator(&data).loss(&theta, None).total());
}

#[test]
fn the_softmax_hessian_matches_differences_of_the_gradient() {
    let data =
        DatasetSpec { kind: DatasetKind::Blobs, points: 40, classes: 4, noise: 0.5, seed: 2 }.generate().unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    for (regularizer, lambda, regularize_bias) in
        [(RegularizerKind::None, 0.0, false), (RegularizerKind::L2, 0.1, false), (RegularizerKind::L2, 0.1, true)]
    {
        let objective = Objective { regularize_bias, ..objective(LossKind::Softmax, regularizer, lambda) };
        let mut f = ClassifierLoss::new(&objective, &data);
        let n = f.shape().len();
        for _ in 0..5 {
            let theta: Vec<f64> = (0..n).map(|_| rng.random_range(-2.0..2.0)).collect();
            let mut h = vec![0.0; n * n];
            f.hessian(&theta, &mut h).unwrap();
            for i in 0..n {
                let numeric = numeric_gradient(
                    |p| {
                        let mut g = vec![0.0; n];
                        objective.evaluator(&data).loss_and_gradient(p, None, &mut g);
                        g[i]
                    },
                    &theta,
                    1e-5,
                    Difference::Centered,
                );
                for j in 0..n {
                    assert!(
                        (h[i * n + j] - numeric[j]).abs() < 1e-8,
                        "{regularizer:?} H[{i}][{j}]: {} vs {}",
                        h[i * n + j],
                        numeric[j]
                    );
                    assert_eq!(h[i * n + j], h[j * n + i]);
                }
            }
        }
    }
}

#[test]
fn newton_says_why_hinge_losses_and_kinked_penalties_have_no_hessian() {
    let data = blobs();
    for (loss, regularizer, says) in [
        (LossKind::MulticlassSvm, RegularizerKind::L2, "svm loss is piecewise linear"),
        (LossKind::StructuredSvm, RegularizerKind::None, "structured loss is piecewise linear"),
        (LossKind::Softmax, RegularizerKind::L1, "l1 penalty has a kink"),
        (LossKind::Softmax, RegularizerKind::ElasticNet, "elastic-net penalty has a kink"),
    ] {
        let objective = objective(loss, regularizer, 0.1);
        let mut f = ClassifierLoss::new(&objective, &data);
        let s = Settings::new(Method::Newton);
        let mut run = Run::new(s.build().unwrap(), s.schedule, &[0.1; 9], &mut f);
        let err = run.step(&mut f).unwrap_err();
        assert!(matches!(&err, RunError::Step { step: 1, error: StepError::NoHessian(_) }), "{err:?}");
        let text = err.to_string();
        assert!(text.contains("Newton's method needs a Hessian") && text.contains(says), "{text}");
        assert_eq!(run.theta(), [0.1; 9], "a refused step must not move θ");
    }
}

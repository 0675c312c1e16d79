//! The full objective: the cs231n demo's numbers and gradient checks for every loss ×
//! regularizer.

use descent::data::{Dataset, DatasetKind, DatasetSpec};
use descent::loss::{Loss, LossKind};
use descent::model::{CS231N_INITIAL, Shape};
use descent::objective::{Difference, Objective, gradient_check, numeric_gradient};
use descent::regularizer::{Regularizer, RegularizerKind};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn cs231n() -> Dataset {
    DatasetSpec { kind: DatasetKind::Cs231n, ..DatasetSpec::default() }.generate().unwrap()
}

#[test]
fn cs231n_initial_losses() {
    let data = cs231n();
    let objective = Objective::default();
    let l = objective.evaluator(&data).loss(&CS231N_INITIAL, None);
    // Python: the nine points' Σ_{j≠y} max(0, s_j − s_y + 1), averaged: 24.9 / 9.
    assert!((l.data - 2.7666666666666675).abs() < 1e-12, "{}", l.data);
    // 0.1 · (1 + 4 + 4 + 16 + 9 + 1): the biases are not regularized.
    assert!((l.regularization - 3.5).abs() < 1e-12);
    let with_bias = Objective { regularize_bias: true, ..objective };
    // + 0.1 · (0 + 0.25 + 0.25)
    assert!((with_bias.evaluator(&data).loss(&CS231N_INITIAL, None).regularization - 3.55).abs() < 1e-12);
}

#[test]
fn l2_gradient_is_two_lambda_w() {
    // The original demo's regularization gradient is 4× too small; ours is 2λW.
    let data = cs231n();
    let objective = Objective {
        loss: Loss { kind: LossKind::MulticlassSvm, margin: 1.0 },
        regularizer: Regularizer { kind: RegularizerKind::L2, beta: 0.0 },
        lambda: 0.1,
        regularize_bias: false,
    };
    let without = Objective { lambda: 0.0, ..objective };
    let (mut g, mut g0) = ([0.0; 9], [0.0; 9]);
    objective.evaluator(&data).loss_and_gradient(&CS231N_INITIAL, None, &mut g);
    without.evaluator(&data).loss_and_gradient(&CS231N_INITIAL, None, &mut g0);
    for i in 0..9 {
        let expected = if i < 6 { 2.0 * 0.1 * CS231N_INITIAL[i] } else { 0.0 };
        assert!((g[i] - g0[i] - expected).abs() < 1e-12, "parameter {i}");
    }
}

/// The smallest distance of any hinge argument, or of any regularized weight, from its kink.
fn distance_to_kinks(objective: &Objective, data: &Dataset, theta: &[f64]) -> f64 {
    let shape = Shape { classes: data.classes(), dim: data.dim() };
    let mut scores = vec![0.0; shape.classes];
    let mut nearest = f64::INFINITY;
    let delta = objective.loss.margin;
    for i in 0..data.len() {
        shape.scores(theta, data.point(i), &mut scores);
        let y = data.label(i);
        let mut rivals: Vec<f64> = Vec::new();
        for (j, &s) in scores.iter().enumerate() {
            match objective.loss.kind {
                LossKind::MulticlassSvm if j != y => rivals.push(s - scores[y] + delta),
                LossKind::OneVsAll => rivals.push(if j == y { delta - s } else { delta + s }),
                LossKind::StructuredSvm if j != y => rivals.push(s - scores[y] + delta),
                _ => {}
            }
        }
        if objective.loss.kind == LossKind::StructuredSvm {
            // Kinks: the hinge of the best rival, and ties between rivals.
            rivals.sort_by(f64::total_cmp);
            let n = rivals.len();
            nearest = nearest.min(rivals[n - 1].abs());
            if n > 1 {
                nearest = nearest.min(rivals[n - 1] - rivals[n - 2]);
            }
        } else {
            nearest = rivals.iter().fold(nearest, |m, z| m.min(z.abs()));
        }
    }
    if objective.regularizer.kind != RegularizerKind::None && objective.regularizer.kind != RegularizerKind::L2 {
        nearest = theta.iter().fold(nearest, |m, w| m.min(w.abs()));
    }
    nearest
}

#[test]
fn every_loss_and_regularizer_passes_the_gradient_check() {
    let mut rng = ChaCha8Rng::seed_from_u64(2024);
    let mut checked = 0;
    for classes in [2, 3, 5] {
        let spec = DatasetSpec { kind: DatasetKind::Blobs, points: 40, classes, noise: 0.5, seed: classes as u64 };
        let data = spec.generate().unwrap();
        let shape = Shape { classes, dim: 2 };
        for loss in LossKind::ALL {
            for regularizer in RegularizerKind::ALL {
                for regularize_bias in [false, true] {
                    let objective = Objective {
                        loss: Loss { kind: loss, margin: 1.0 },
                        regularizer: Regularizer { kind: regularizer, beta: 0.7 },
                        lambda: 0.3,
                        regularize_bias,
                    };
                    // Seeded random points, redrawn until every kink is well away.
                    let theta = loop {
                        let theta: Vec<f64> = (0..shape.len()).map(|_| rng.random_range(-2.0..2.0)).collect();
                        if distance_to_kinks(&objective, &data, &theta) > 1e-3 {
                            break theta;
                        }
                    };
                    let mut evaluator = objective.evaluator(&data);
                    for (i, check) in gradient_check(&mut evaluator, &theta, 1e-5).iter().enumerate() {
                        assert!(
                            check.relative_error < 1e-6,
                            "{} + {} (bias {regularize_bias}), C = {classes}, {}: analytic {} numeric {} error {}",
                            loss.name(),
                            regularizer.name(),
                            shape.param(i),
                            check.analytic,
                            check.numeric,
                            check.relative_error
                        );
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 3 * 4 * 4 * 2);
}

#[test]
fn minibatch_loss_averages_over_the_batch() {
    let data = cs231n();
    let objective = Objective::default();
    let mut evaluator = objective.evaluator(&data);
    let batch = [0, 4, 8];
    let l = evaluator.loss(&CS231N_INITIAL, Some(&batch));
    let svm = objective.loss;
    let shape = evaluator.shape();
    let mut s = [0.0; 3];
    let mean: f64 = batch
        .iter()
        .map(|&i| {
            shape.scores(&CS231N_INITIAL, data.point(i), &mut s);
            svm.value(&s, data.label(i))
        })
        .sum::<f64>()
        / 3.0;
    assert!((l.data - mean).abs() < 1e-15);
    assert_eq!(evaluator.loss(&CS231N_INITIAL, Some(&[])).data, 0.0);
}

#[test]
fn forward_difference_is_the_lectures_formula() {
    // (L(W + h) − L(W)) / h, one dimension at a time.
    let g = numeric_gradient(|p| p[0] * p[0] * p[0] + p[1], &[2.0, 1.0], 1e-4, Difference::Forward);
    let expected = ((2.0001f64).powi(3) - 8.0) / 1e-4;
    assert!((g[0] - expected).abs() < 1e-6);
    assert!((g[1] - 1.0).abs() < 1e-9);
}

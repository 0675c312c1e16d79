//! Feature maps φ: each map's features equal an explicit expansion written out here
//! independently, the classifier's scores Wφ(x) + b equal the scores of that expansion, the
//! objective's analytic gradient over the features matches centered differences of the loss
//! computed from the raw points through the explicit expansion, and inverted dropout leaves
//! every score's expectation unchanged (exactly, summed over every mask).

use std::f64::consts::PI;

use descent::data::{Dataset, DatasetKind, DatasetSpec};
use descent::features::{FeatureKind, FeatureMap, Frame};
use descent::loss::{Loss, LossKind};
use descent::model::Shape;
use descent::objective::{Difference, Objective, numeric_gradient, relative_error};
use descent::regularizer::{Regularizer, RegularizerKind};
use proptest::prelude::*;

/// φ(x) written out from the module docs' definitions, one formula per feature.
fn explicit(kind: FeatureKind, d: usize, frame: Frame, x: [f64; 2]) -> Vec<f64> {
    let u = [(x[0] - frame.center[0]) / frame.half_width, (x[1] - frame.center[1]) / frame.half_width];
    match kind {
        FeatureKind::Identity => x.to_vec(),
        FeatureKind::Polynomial => {
            let mut out = Vec::new();
            for t in 1..=d as i32 {
                for a in (0..=t).rev() {
                    out.push(u[0].powi(a) * u[1].powi(t - a));
                }
            }
            out
        }
        FeatureKind::Fourier => {
            let mut out = vec![u[0], u[1]];
            for f in 1..=d {
                let w = f as f64 * PI / 2.0;
                out.extend([(w * u[0]).sin(), (w * u[0]).cos(), (w * u[1]).sin(), (w * u[1]).cos()]);
            }
            out
        }
        FeatureKind::Radial => {
            let mut out = vec![u[0], u[1]];
            let g = d as f64;
            let sigma = 2.0 / g;
            for a in 0..d {
                for b in 0..d {
                    let c = [-1.0 + (2 * a + 1) as f64 / g, -1.0 + (2 * b + 1) as f64 / g];
                    let r2 = (u[0] - c[0]).powi(2) + (u[1] - c[1]).powi(2);
                    out.push((-r2 / (2.0 * sigma * sigma)).exp());
                }
            }
            out
        }
    }
}

fn map(kind: FeatureKind, degree: usize) -> FeatureMap {
    FeatureMap { kind, degree, frame: Frame { center: [0.3, -0.2], half_width: 1.7 } }
}

#[test]
fn every_map_equals_its_explicit_expansion() {
    for kind in FeatureKind::ALL {
        for d in 1..=kind.max_degree() {
            let m = map(kind, d);
            for x in [[0.5, -1.2], [-2.0, 0.7], [1.7, 1.5]] {
                let want = explicit(kind, d, m.frame, x);
                let mut got = vec![0.0; m.dim(2)];
                m.expand(&x, &mut got);
                assert_eq!(got.len(), want.len(), "{kind} d={d}");
                assert_eq!(m.names(2).len(), want.len(), "{kind} d={d}");
                for (g, w) in got.iter().zip(&want) {
                    assert!((g - w).abs() <= 1e-12 * w.abs().max(1.0), "{kind} d={d} {x:?}: {got:?} vs {want:?}");
                }
            }
        }
    }
}

#[test]
fn polynomial_features_are_named_by_their_monomials() {
    let names = map(FeatureKind::Polynomial, 2).names(2);
    assert_eq!(names, ["x₀", "x₁", "x₀²", "x₀x₁", "x₁²"]);
    assert_eq!(map(FeatureKind::Polynomial, 9).dim(2), 54);
}

/// Data loss plus λR of θ over `data`, computed from the raw points through the explicit
/// expansion (nothing of the library's objective but the per-example loss and the penalty).
fn explicit_objective(objective: &Objective, m: &FeatureMap, data: &Dataset, theta: &[f64]) -> f64 {
    let c = data.classes();
    let f = m.dim(2);
    let mut total = 0.0;
    for i in 0..data.len() {
        let p = data.point(i);
        let phi = explicit(m.kind, m.degree, m.frame, [p[0], p[1]]);
        let scores: Vec<f64> =
            (0..c).map(|k| (0..f).map(|l| theta[k * f + l] * phi[l]).sum::<f64>() + theta[c * f + k]).collect();
        total += objective.loss.value(&scores, data.label(i));
    }
    total / data.len() as f64 + objective.lambda * objective.regularizer.value(&theta[..c * f])
}

#[test]
fn the_gradient_over_every_map_matches_numeric_differences_of_the_explicit_objective() {
    let data =
        DatasetSpec { kind: DatasetKind::Blobs, points: 24, classes: 3, noise: 0.5, seed: 4 }.generate().unwrap();
    for kind in FeatureKind::ALL {
        for loss in [LossKind::Softmax, LossKind::MulticlassSvm] {
            let m = map(kind, 3);
            let rows: Vec<usize> = (0..data.len()).collect();
            let features = m.expand_rows(&data, &rows).unwrap();
            let objective = Objective {
                loss: Loss { kind: loss, ..Loss::default() },
                regularizer: Regularizer { kind: RegularizerKind::L2, ..Regularizer::default() },
                lambda: 0.05,
                regularize_bias: false,
            };
            let shape = Shape { classes: 3, dim: m.dim(2) };
            let theta: Vec<f64> = (0..shape.len()).map(|i| ((i * 7919) % 13) as f64 / 13.0 - 0.45).collect();
            let mut analytic = vec![0.0; shape.len()];
            let value = objective.evaluator(&features).loss_and_gradient(&theta, None, &mut analytic).total();
            let want = explicit_objective(&objective, &m, &data, &theta);
            assert!((value - want).abs() < 1e-12, "{kind} {loss:?}: {value} vs {want}");
            let numeric =
                numeric_gradient(|t| explicit_objective(&objective, &m, &data, t), &theta, 1e-6, Difference::Centered);
            for (i, (a, n)) in analytic.iter().zip(&numeric).enumerate() {
                // Hinge kinks aside (none is this close at this θ), centered differences agree
                // to about h² and rounding.
                assert!(relative_error(*a, *n) < 1e-6, "{kind} {loss:?} θ[{i}]: {a} vs {n}");
            }
        }
    }
}

#[test]
fn dropout_leaves_the_expected_score_unchanged_exactly() {
    // E over all 2^F masks, each with probability (1−p)^kept p^dropped, of
    // Σ_l W_l m_l φ_l / (1 − p) + b equals Wφ + b.
    let m = map(FeatureKind::Polynomial, 2);
    let mut phi = vec![0.0; m.dim(2)];
    m.expand(&[0.4, -0.9], &mut phi);
    let w = [0.3, -1.2, 0.8, 2.5, -0.6];
    let b = 0.7;
    let undropped: f64 = w.iter().zip(&phi).map(|(w, x)| w * x).sum::<f64>() + b;
    for p in [0.1f64, 0.5, 0.8] {
        let f = phi.len();
        let mut expected = 0.0;
        for mask in 0u32..(1 << f) {
            let kept = mask.count_ones() as i32;
            let probability = (1.0 - p).powi(kept) * p.powi(f as i32 - kept);
            let score: f64 =
                (0..f).filter(|l| mask & (1 << l) != 0).map(|l| w[l] * phi[l] / (1.0 - p)).sum::<f64>() + b;
            expected += probability * score;
        }
        assert!((expected - undropped).abs() < 1e-12, "p = {p}: {expected} vs {undropped}");
    }
}

#[test]
fn dropout_applied_many_times_averages_to_the_features() {
    use rand::SeedableRng;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
    let phi = [0.5, -1.5, 2.0];
    let trials = 200_000;
    let mut mean = [0.0; 3];
    for _ in 0..trials {
        let mut x = phi;
        descent::features::dropout::apply(&mut x, 0.5, &mut rng);
        mean.iter_mut().zip(x).for_each(|(m, v)| *m += v / trials as f64);
    }
    // Each entry is 0 or 2φ_l with probability ½: standard deviation |φ_l|/√trials ≈ 0.0045|φ_l|.
    for (m, x) in mean.iter().zip(phi) {
        assert!((m - x).abs() < 5.0 * x.abs() / (trials as f64).sqrt(), "{mean:?}");
    }
}

proptest! {
    #[test]
    fn features_are_finite_and_scores_match_the_explicit_expansion(
        kind in prop::sample::select(FeatureKind::ALL.to_vec()),
        degree in 1usize..=9,
        x in prop::array::uniform2(-50.0f64..50.0),
        center in prop::array::uniform2(-3.0f64..3.0),
        half_width in 0.1f64..10.0,
        weights in prop::collection::vec(-3.0f64..3.0, 2 * 54 + 2),
    ) {
        let m = FeatureMap { kind, degree: degree.min(kind.max_degree()), frame: Frame { center, half_width } };
        let f = m.dim(2);
        let mut phi = vec![0.0; f];
        m.expand(&x, &mut phi);
        prop_assert!(phi.iter().all(|v| v.is_finite()));
        let want = explicit(kind, m.degree, m.frame, x);
        let shape = Shape { classes: 2, dim: f };
        let theta: Vec<f64> = weights[..shape.len()].to_vec();
        let mut scores = [0.0; 2];
        shape.scores(&theta, &phi, &mut scores);
        for k in 0..2 {
            let explicit_score: f64 = (0..f).map(|l| theta[k * f + l] * want[l]).sum::<f64>() + theta[2 * f + k];
            let scale: f64 = (0..f).map(|l| (theta[k * f + l] * want[l]).abs()).sum::<f64>() + 1.0;
            prop_assert!((scores[k] - explicit_score).abs() <= 1e-12 * scale);
        }
    }
}

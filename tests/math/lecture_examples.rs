//! The lecture's worked examples, number for number.

use descent::loss::{Loss, LossKind};
use descent::regularizer::{Regularizer, RegularizerKind};

/// The slide's scores f(x, W) = Wx for three images (columns) and three classes (rows):
/// cat image (3.2, 5.1, −1.7), car image (1.3, 4.9, 2.0), frog image (2.2, 2.5, −3.1).
const SCORES: [[f64; 3]; 3] = [[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]];
const LABELS: [usize; 3] = [0, 1, 2];

fn svm() -> Loss {
    Loss { kind: LossKind::MulticlassSvm, margin: 1.0 }
}

#[test]
fn svm_losses_are_the_slides() {
    let losses: Vec<f64> = SCORES.iter().zip(LABELS).map(|(s, y)| svm().value(s, y)).collect();
    // cat: max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9
    // car: max(0, 1.3 − 4.9 + 1) + max(0, 2.0 − 4.9 + 1) = 0
    // frog: max(0, 2.2 + 3.1 + 1) + max(0, 2.5 + 3.1 + 1) = 6.3 + 6.6 = 12.9
    for (got, want) in losses.iter().zip([2.9, 0.0, 12.9]) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
    let mean = losses.iter().sum::<f64>() / 3.0;
    assert_eq!(format!("{mean:.2}"), "5.27");
    assert!((mean - 15.8 / 3.0).abs() < 1e-12);
}

#[test]
fn doubling_w_keeps_the_car_loss_at_zero() {
    let doubled: Vec<f64> = SCORES[1].iter().map(|s| 2.0 * s).collect();
    // max(0, 2.6 − 9.8 + 1) + max(0, 4.0 − 9.8 + 1) = 0 + 0
    assert_eq!(svm().value(&SCORES[1], 1), 0.0);
    assert_eq!(svm().value(&doubled, 1), 0.0);
    // The margins behind those zeros grow: −2.6 and −1.9 become −6.2 and −4.8.
    assert!((doubled[0] - doubled[1] + 1.0 - (-6.2)).abs() < 1e-12);
    assert!((doubled[2] - doubled[1] + 1.0 - (-4.8)).abs() < 1e-12);
    // The L2 penalty, by contrast, grows fourfold: R(2W) = 4R(W).
    let l2 = Regularizer { kind: RegularizerKind::L2, beta: 0.0 };
    let w = [0.34, -1.11, 0.78, 0.12];
    let w2: Vec<f64> = w.iter().map(|v| 2.0 * v).collect();
    assert!((l2.value(&w2) - 4.0 * l2.value(&w)).abs() < 1e-12);
}

#[test]
fn softmax_losses_match_an_independent_computation() {
    // Python 3.11: -math.log(math.exp(s[y]) / sum(math.exp(v) for v in s)), no max shift.
    let reference = [2.04035515280017, 0.07913177829134894, 6.156477201664211];
    let softmax = Loss { kind: LossKind::Softmax, margin: 1.0 };
    for ((s, y), want) in SCORES.iter().zip(LABELS).zip(reference) {
        let got = softmax.value(s, y);
        assert!((got - want).abs() < 1e-13, "{got} vs {want}");
    }
}

#[test]
fn softmax_is_stable_for_huge_scores() {
    let softmax = Loss { kind: LossKind::Softmax, margin: 1.0 };
    let mut ds = [0.0; 3];
    let l = softmax.value_and_gradient(&[1000.0, 999.0, -1000.0], 0, &mut ds);
    // −log(1 / (1 + e^{−1})) = log(1 + e^{−1})
    assert!((l - (1.0 + (-1.0f64).exp()).ln()).abs() < 1e-12);
    assert!(ds.iter().all(|d| d.is_finite()));
    assert!(ds.iter().sum::<f64>().abs() < 1e-14);
}

#[test]
fn regularizers_express_the_lectures_preferences() {
    // x = [1, 1, 1, 1], w₁ = [1, 0, 0, 0], w₂ = [¼, ¼, ¼, ¼]: w₁ᵀx = w₂ᵀx = 1.
    let w1 = [1.0, 0.0, 0.0, 0.0];
    let w2 = [0.25; 4];
    let penalty = |kind, beta| {
        let r = Regularizer { kind, beta };
        (r.value(&w1), r.value(&w2))
    };
    // L2 prefers the spread-out w₂ (1 vs 0.25).
    assert_eq!(penalty(RegularizerKind::L2, 0.0), (1.0, 0.25));
    // L1 is indifferent here (1 vs 1).
    assert_eq!(penalty(RegularizerKind::L1, 0.0), (1.0, 1.0));
    // Elastic net with β = 0.5: 0.5 + 1 = 1.5 vs 4 · (0.5/16 + 0.25) = 1.125.
    assert_eq!(penalty(RegularizerKind::ElasticNet, 0.5), (1.5, 1.125));
}

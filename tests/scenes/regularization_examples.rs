//! The lecture's worked examples as the regularization scene's views show them: the cat/car/
//! frog loss table, the preference example and the numeric gradient by hand.

use descent::data::{DatasetKind, DatasetSpec};
use descent::loss::{Loss, LossKind};
use descent::model::Shape;
use descent::objective::{Difference, Objective, numeric_gradient, relative_error};
use descent::regularization::calculator::Calculator;
use descent::regularization::numeric_gradient::{LECTURE_H, LECTURE_W, NumericGradient};
use descent::regularization::preferences::{Preference, Preferences};
use descent::regularizer::{Regularizer, RegularizerKind};

#[test]
fn the_calculator_shows_the_slides_svm_losses_term_by_term() {
    let c = Calculator::default();
    for (i, want) in [2.9, 0.0, 12.9].into_iter().enumerate() {
        assert!((c.svm_loss(i) - want).abs() < 1e-12, "example {i}: {}", c.svm_loss(i));
    }
    assert_eq!(
        c.svm_steps(1),
        ["max(0, 1.3 − 4.9 + 1) + max(0, 2 − 4.9 + 1)", "= max(0, −2.6) + max(0, −1.9)", "= 0 + 0", "= 0"]
    );
    // The frog's true score is negative, so the slide writes it in parentheses.
    assert_eq!(
        c.svm_steps(2),
        ["max(0, 2.2 − (−3.1) + 1) + max(0, 2.5 − (−3.1) + 1)", "= max(0, 6.3) + max(0, 6.6)", "= 6.3 + 6.6", "= 12.9"]
    );
    assert!((c.mean_svm_loss() - 15.8 / 3.0).abs() < 1e-12);
    assert_eq!(c.mean_svm_steps(), "(1/3)(2.9 + 0 + 12.9) = 5.2667");
}

#[test]
fn the_calculator_softmax_losses_match_an_independent_computation() {
    // Python 3.11: -math.log(math.exp(s[y]) / sum(math.exp(v) for v in s)).
    let reference = [2.04035515280017, 0.07913177829134894, 6.156477201664211];
    let c = Calculator::default();
    for (i, want) in reference.into_iter().enumerate() {
        assert!((c.softmax_loss(i) - want).abs() < 1e-13);
    }
    assert_eq!(c.softmax_steps(2).last().unwrap(), "= 6.1565");
    let mean = reference.iter().sum::<f64>() / 3.0;
    assert!((c.mean_softmax_loss() - mean).abs() < 1e-13);
}

#[test]
fn doubling_the_scores_keeps_the_car_loss_at_zero() {
    let mut c = Calculator::default();
    c.set("scale", "2").unwrap();
    assert_eq!(c.svm_loss(1), 0.0);
    assert_eq!(c.svm_steps(1)[1], "= max(0, −6.2) + max(0, −4.8)");
    // The cat's loss does not simply double: 2·(5.1 − 3.2) + 1 = 4.8 and the frog term stays 0.
    assert!((c.svm_loss(0) - 4.8).abs() < 1e-12);
}

#[test]
fn the_calculator_edits_validate_and_resize() {
    let mut c = Calculator::default();
    c.set("label.0", "car").unwrap();
    assert_eq!(c.label(0), 1);
    // With y = car for the cat column: max(0, 3.2 − 5.1 + 1) + max(0, −1.7 − 5.1 + 1) = 0.
    assert_eq!(c.svm_loss(0), 0.0);
    c.set("label.0", "0").unwrap();
    assert_eq!(c.label(0), 0);
    for (name, value, fragment) in [
        ("score.0.0", "abc", "must be a number"),
        ("score.0.0", "1e5", "between -10000 and 10000"),
        ("score.3.0", "1", "outside the table"),
        ("label.1", "dog", "one of the classes (cat, car, frog)"),
        ("margin", "-1", "the margin Δ must be"),
        ("classes", "7", "from 2 to 6"),
        ("class.0", "  ", "1 to 20 characters"),
        ("scores.0.0", "1", "no setting \"scores.0.0\""),
        ("score.0", "1", "no setting \"score.0\""),
    ] {
        let e = c.set(name, value).unwrap_err().to_string();
        assert!(e.contains(fragment), "{name}={value}: {e}");
    }
    assert_eq!(c, {
        let mut d = Calculator::default();
        d.set("label.0", "0").unwrap();
        d
    });
    c.set("examples", "4").unwrap();
    c.set("classes", "4").unwrap();
    assert_eq!((c.examples(), c.classes()), (4, 4));
    assert_eq!(c.class_name(3), "class 4");
    assert_eq!(c.scores(3), [0.0; 4]);
    // An all-zero column with Δ = 1: three rivals each contribute max(0, 0 − 0 + 1) = 1.
    assert_eq!(c.svm_loss(3), 3.0);
    c.set("classes", "2").unwrap();
    assert!(c.label(2) < 2, "labels follow the classes down");
    assert_eq!(c.get("score.1.0").unwrap(), "5.1");
    assert_eq!(c.get("class.1").unwrap(), "car");
}

#[test]
fn huge_scores_are_written_with_shifted_exponents() {
    let mut c = Calculator::default();
    c.set("score.0.0", "1000").unwrap();
    let steps = c.softmax_steps(0);
    assert!(steps[1].contains("exponents minus m = 1000"), "{steps:?}");
    assert!(steps.iter().all(|s| !s.contains("∞") && !s.contains("NaN")), "{steps:?}");
    assert_eq!(steps.last().unwrap(), "= 0");
}

#[test]
fn preferences_follow_the_lecture() {
    let p = Preferences::default();
    assert_eq!((p.score(0), p.score(1)), (1.0, 1.0));
    assert!(p.same_score());
    assert_eq!(p.preference(RegularizerKind::L2), Preference::Second);
    assert_eq!(p.preference(RegularizerKind::L1), Preference::Neither);
    assert_eq!(p.preference(RegularizerKind::ElasticNet), Preference::Second);
    assert_eq!(p.verdict(RegularizerKind::L2), "L2 prefers w₂: R(w₂) = 0.25 < R(w₁) = 1");
    assert_eq!(p.verdict(RegularizerKind::L1), "L1 has no preference: R(w₁) = R(w₂) = 1");
    // The penalties are the core's regularizer values.
    let en = Regularizer { kind: RegularizerKind::ElasticNet, beta: 0.5 };
    assert_eq!(p.penalty(1, RegularizerKind::ElasticNet), en.value(&[0.25; 4]));
}

#[test]
fn sparse_weights_win_under_l1_once_they_are_cheaper() {
    let mut p = Preferences::default();
    // w₂ = (0.5, 0.5, 0, 0) still scores 1 but costs R_L1 = 1 too; w₁ = (1, 0, 0, 0) with
    // x = (1, 2, 2, 2) and w₂ = (0.25, …) score 1 and 1.75: no longer the same score.
    p.set("x.1", "2").unwrap();
    assert!(!p.same_score());
    p.set("x.1", "1").unwrap();
    p.set("w1.0", "0.9").unwrap();
    assert_eq!(p.preference(RegularizerKind::L1), Preference::First);
    assert!(p.set("w1.4", "1").unwrap_err().to_string().contains("no setting"));
    assert!(p.set("beta", "-1").unwrap_err().to_string().contains("β must be"));
    assert!(p.set("x.0", "inf").is_err());
    assert_eq!(p.get("w1.0").unwrap(), "0.9");
}

fn cs231n_objective(kind: LossKind) -> Objective {
    Objective {
        loss: Loss { kind, margin: 1.0 },
        regularizer: Regularizer { kind: RegularizerKind::L2, beta: 0.0 },
        lambda: 0.1,
        regularize_bias: false,
    }
}

#[test]
fn numeric_gradient_by_hand_reproduces_the_slides_arithmetic() {
    // The slides' losses at W and at W + h·e_k for the first three entries give −2.5, 0.6, 0:
    // the core's forward difference with the slides' numbers.
    let slides = [1.25322, 1.25353, 1.25347];
    let g = numeric_gradient(
        |p| {
            let nudged = p.iter().zip(&LECTURE_W[..3]).position(|(a, b)| a != b);
            nudged.map_or(1.25347, |k| slides[k])
        },
        &LECTURE_W[..3],
        LECTURE_H,
        Difference::Forward,
    );
    for (got, want) in g.iter().zip([-2.5, 0.6, 0.0]) {
        assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    }
}

#[test]
fn numeric_gradient_by_hand_fills_the_cores_numbers() {
    let data = DatasetSpec { kind: DatasetKind::Cs231n, ..Default::default() }.generate().unwrap();
    for (kind, scheme, name, bound) in [
        (LossKind::MulticlassSvm, Difference::Forward, "forward", 0.1 * LECTURE_H + 1e-10),
        (LossKind::Softmax, Difference::Forward, "forward", 1e-4),
        (LossKind::Softmax, Difference::Centered, "centered", 1e-8),
    ] {
        let mut view = NumericGradient::default();
        view.set("loss", kind.name()).unwrap();
        view.set("difference", name).unwrap();
        let objective = cs231n_objective(kind);
        let mut evaluator = objective.evaluator(&data);
        let base = evaluator.loss(&LECTURE_W, None).total();
        assert_eq!(view.loss(), base);
        let numeric = numeric_gradient(|p| evaluator.loss(p, None).total(), &LECTURE_W, LECTURE_H, scheme);
        let mut analytic = [0.0; 9];
        evaluator.loss_and_gradient(&LECTURE_W, None, &mut analytic);
        assert_eq!(view.numeric(), numeric);
        assert_eq!(view.analytic(), analytic);
        assert_eq!(view.filled(), 0);
        for k in 0..9 {
            let entry = view.entry(k);
            let mut probe = LECTURE_W;
            probe[k] += LECTURE_H;
            assert_eq!(entry.plus, evaluator.loss(&probe, None).total());
            if scheme == Difference::Forward {
                assert_eq!(entry.quotient, (entry.plus - base) / LECTURE_H);
                assert!(entry.minus.is_none());
            } else {
                assert_eq!(entry.quotient, (entry.plus - entry.minus.unwrap()) / (2.0 * LECTURE_H));
            }
            assert_eq!(view.relative_error(k), relative_error(analytic[k], numeric[k]));
            // Forward differences err by O(h) wherever the objective curves (on the hinge's
            // linear pieces only the penalty's λ(w + h)² does, by λh); centered ones by O(h²).
            let error = (numeric[k] - analytic[k]).abs();
            assert!(error <= bound, "{kind:?} {name} entry {k}: |n − a| = {error:e}");
            view.step();
        }
        assert!(view.complete());
    }
    let shape = Shape { classes: 3, dim: 2 };
    assert_eq!(shape.param(6).to_string(), "b[0]");
}

#[test]
fn numeric_gradient_texts_and_steps() {
    let mut view = NumericGradient::default();
    assert_eq!(view.nudged_text(0), "0.34 + 0.0001");
    let text = view.quotient_text(0);
    assert!(
        text.starts_with('(')
            && text.ends_with(&format!("= {}", descent::regularization::display::significant(view.numeric()[0], 6))),
        "{text}"
    );
    view.fill_all();
    assert!(view.complete());
    view.back();
    assert_eq!(view.filled(), 8);
    view.reset();
    assert_eq!(view.filled(), 0);
    view.step();
    // Changing anything starts over.
    view.set("w.0", "0.5").unwrap();
    assert_eq!(view.filled(), 0);
    assert_eq!(view.theta()[0], 0.5);
    for (name, value) in
        [("h", "0"), ("h", "2"), ("lambda", "-1"), ("difference", "backward"), ("w.9", "1"), ("w.0", "1e3")]
    {
        assert!(view.set(name, value).is_err(), "{name}={value}");
    }
    assert_eq!(view.theta()[0], 0.5);
}

//! Properties of the core that no input may break: generators and the CSV reader answer every
//! request with a dataset or an error (never a panic), and losses, gradients and the
//! objective stay finite on finite input.

use descent::data::{DatasetKind, DatasetSpec, parse_csv};
use descent::loss::{Loss, LossKind};
use descent::objective::Objective;
use descent::regularizer::{Regularizer, RegularizerKind};
use proptest::prelude::*;

fn kind() -> impl Strategy<Value = DatasetKind> {
    prop::sample::select(DatasetKind::ALL.to_vec())
}

proptest! {
    #[test]
    fn generators_return_a_dataset_or_a_reason(
        kind in kind(),
        points in 0usize..400,
        classes in 0usize..9,
        noise in prop_oneof![-1.0..3.0, Just(f64::NAN), Just(f64::INFINITY)],
        seed in any::<u64>(),
    ) {
        let spec = DatasetSpec { kind, points, classes, noise, seed };
        match spec.generate() {
            Ok(d) => {
                prop_assert!(d.coordinates().iter().all(|v| v.is_finite()));
                prop_assert_eq!(d.class_counts().iter().sum::<usize>(), d.len());
                if kind != DatasetKind::Cs231n {
                    prop_assert_eq!(d.len(), points);
                }
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn csv_never_panics(text in "[0-9a-z.,\\-# \\n]{0,200}") {
        if let Ok(d) = parse_csv(&text) {
            prop_assert!(!d.is_empty() && d.classes() >= 2);
        }
    }

    #[test]
    fn losses_and_gradients_are_finite(
        scores in prop::collection::vec(-1e100f64..1e100, 2..7),
        label_seed in any::<usize>(),
        kind in prop::sample::select(LossKind::ALL.to_vec()),
        margin in 0.0f64..10.0,
    ) {
        let label = label_seed % scores.len();
        let loss = Loss { kind, margin };
        let mut ds = vec![0.0; scores.len()];
        let l = loss.value_and_gradient(&scores, label, &mut ds);
        prop_assert!(l.is_finite() && l >= 0.0);
        prop_assert_eq!(l, loss.value(&scores, label));
        prop_assert!(ds.iter().all(|d| d.is_finite()));
    }

    #[test]
    fn the_objective_and_its_gradient_are_finite(
        theta in prop::collection::vec(-5.0f64..5.0, 9),
        kind in prop::sample::select(LossKind::ALL.to_vec()),
        regularizer in prop::sample::select(RegularizerKind::ALL.to_vec()),
        lambda in 0.0f64..1.0,
    ) {
        let data = DatasetSpec { kind: DatasetKind::Cs231n, ..DatasetSpec::default() }.generate().unwrap();
        let objective = Objective {
            loss: Loss { kind, margin: 1.0 },
            regularizer: Regularizer { kind: regularizer, beta: 0.5 },
            lambda,
            regularize_bias: false,
        };
        let mut evaluator = objective.evaluator(&data);
        let mut grad = vec![0.0; 9];
        let l = evaluator.loss_and_gradient(&theta, None, &mut grad);
        prop_assert!(l.total().is_finite());
        prop_assert_eq!(l, evaluator.loss(&theta, None));
        prop_assert!(grad.iter().all(|g| g.is_finite()));
    }
}

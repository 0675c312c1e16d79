//! The landscape slice: every grid value against the core objective evaluated directly, the
//! progressive levels, and bad input.

use descent::data::{Dataset, DatasetKind, DatasetSpec};
use descent::loss::{Loss, LossKind};
use descent::objective::Objective;
use descent::regularization::slice::{COARSE_STRIDE, Plane, Slice, SliceError};
use descent::regularizer::{Regularizer, RegularizerKind};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn blobs(points: usize, classes: usize) -> Dataset {
    DatasetSpec { kind: DatasetKind::Blobs, points, classes, noise: 0.6, seed: 5 }.generate().unwrap()
}

fn random_vector(rng: &mut ChaCha8Rng, len: usize, scale: f64) -> Vec<f64> {
    (0..len).map(|_| rng.random_range(-scale..scale)).collect()
}

/// The largest |slice − direct| / max(1, |direct|) over every grid point.
fn worst_error(slice: &Slice, data: &Dataset, objective: &Objective) -> f64 {
    let mut evaluator = objective.evaluator(data);
    let mut theta = vec![0.0; slice.plane().center.len()];
    let mut worst = 0.0f64;
    for j in 0..slice.size() {
        for i in 0..slice.size() {
            slice.plane().point(slice.alpha(i), slice.beta(j), &mut theta);
            let want = evaluator.loss(&theta, None).total();
            let got = slice.value(i, j);
            assert!(got.is_finite(), "({i}, {j}) is {got}");
            worst = worst.max((got - want).abs() / want.abs().max(1.0));
        }
    }
    worst
}

#[test]
fn every_value_is_the_core_objective_for_every_loss_and_penalty() {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    for classes in [2, 3, 5] {
        let data = blobs(90, classes);
        let len = 3 * classes;
        for kind in LossKind::ALL {
            for regularizer in RegularizerKind::ALL {
                for regularize_bias in [false, true] {
                    let objective = Objective {
                        loss: Loss { kind, margin: rng.random_range(0.5..2.0) },
                        regularizer: Regularizer { kind: regularizer, beta: 0.7 },
                        lambda: 0.3,
                        regularize_bias,
                    };
                    let plane = Plane {
                        center: random_vector(&mut rng, len, 3.0),
                        directions: [random_vector(&mut rng, len, 1.0), random_vector(&mut rng, len, 1.0)],
                        range: rng.random_range(0.5..3.0),
                    };
                    let mut slice = Slice::new(&data, &objective, plane, 17).unwrap();
                    slice.complete();
                    let worst = worst_error(&slice, &data, &objective);
                    assert!(worst < 1e-13, "{classes} classes, {kind:?}, {regularizer:?}: {worst:e}");
                }
            }
        }
    }
}

#[test]
fn the_centre_is_the_objective_at_theta() {
    let data = blobs(1000, 3);
    let mut rng = ChaCha8Rng::seed_from_u64(2);
    for kind in LossKind::ALL {
        let objective = Objective { loss: Loss { kind, margin: 1.0 }, ..Objective::default() };
        let center = random_vector(&mut rng, 9, 2.0);
        let plane = Plane {
            center: center.clone(),
            directions: [random_vector(&mut rng, 9, 1.0), random_vector(&mut rng, 9, 1.0)],
            range: 1.0,
        };
        let mut slice = Slice::new(&data, &objective, plane, 129).unwrap();
        slice.complete();
        assert_eq!((slice.alpha(64), slice.beta(64)), (0.0, 0.0));
        let want = objective.evaluator(&data).loss(&center, None).total();
        let got = slice.value(64, 64);
        assert!((got - want).abs() < 1e-13 * want.abs().max(1.0), "{kind:?}: {got} vs {want}");
    }
}

#[test]
fn extreme_scores_stay_exact() {
    // Scores in the hundreds and thousands: softmax's shifted exponentials would underflow,
    // so those examples go the single or the direct way; every value still matches.
    let data = blobs(60, 3);
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    for scale in [40.0, 200.0, 2000.0] {
        let objective = Objective { loss: Loss { kind: LossKind::Softmax, margin: 1.0 }, ..Objective::default() };
        let plane = Plane {
            center: random_vector(&mut rng, 9, scale),
            directions: [random_vector(&mut rng, 9, scale), random_vector(&mut rng, 9, scale)],
            range: 1.0,
        };
        let mut slice = Slice::new(&data, &objective, plane, 17).unwrap();
        slice.complete();
        let worst = worst_error(&slice, &data, &objective);
        assert!(worst < 1e-13, "scale {scale}: {worst:e}");
    }
}

#[test]
fn levels_refine_without_recomputing_and_work_is_bounded() {
    let data = blobs(100, 3);
    let objective = Objective::default();
    let mut rng = ChaCha8Rng::seed_from_u64(4);
    let plane = Plane {
        center: random_vector(&mut rng, 9, 2.0),
        directions: [random_vector(&mut rng, 9, 1.0), random_vector(&mut rng, 9, 1.0)],
        range: 2.0,
    };
    let n = 65;
    let mut slice = Slice::new(&data, &objective, plane.clone(), n).unwrap();
    assert_eq!(slice.finished_stride(), None);
    assert!(slice.values().iter().all(|v| v.is_nan()));
    let mut computed = 0;
    let mut strides = Vec::new();
    let mut coarse: Option<Vec<f64>> = None;
    // A budget of one row: each call computes exactly one row (≤ n points).
    while slice.advance(1) {
        let now = slice.values().iter().filter(|v| !v.is_nan()).count();
        assert!(now > computed && now - computed <= n, "one row per call: {computed} → {now}");
        computed = now;
        if let Some(s) = slice.finished_stride()
            && strides.last() != Some(&s)
        {
            strides.push(s);
            // At the end of a level every point of its grid is known, and no other.
            for j in 0..n {
                for i in 0..n {
                    assert_eq!(!slice.value(i, j).is_nan(), i % s == 0 && j % s == 0, "stride {s} at ({i}, {j})");
                }
            }
            if s == COARSE_STRIDE {
                coarse = Some(slice.values().to_vec());
            }
        }
    }
    assert!(slice.is_complete());
    assert_eq!(strides, [8, 4, 2]);
    assert!(!slice.advance(1_000_000), "nothing left to do");
    // Points computed at the coarse level keep their values: nothing is computed twice.
    for (before, after) in coarse.unwrap().iter().zip(slice.values()) {
        if !before.is_nan() {
            assert_eq!(before, after);
        }
    }
    // The same slice computed in one go is identical.
    let mut whole = Slice::new(&data, &objective, plane, n).unwrap();
    whole.complete();
    assert_eq!(whole.values(), slice.values());
    // A budget covering many rows stops after the row that exceeds it.
    let mut budgeted = Slice::new(&data, &objective, whole.plane().clone(), n).unwrap();
    budgeted.advance(2500 * 100);
    let done = budgeted.values().iter().filter(|v| !v.is_nan()).count();
    assert!((2500..2500 + n).contains(&done), "{done} points for a budget of 2500 points × 100 examples");
}

#[test]
fn bad_slices_are_refused_with_a_reason() {
    let data = blobs(30, 3);
    let objective = Objective::default();
    let plane = Plane { center: vec![0.0; 9], directions: [vec![1.0; 9], vec![0.5; 9]], range: 1.0 };
    let with = |f: &dyn Fn(&mut Plane)| {
        let mut p = plane.clone();
        f(&mut p);
        p
    };
    assert_eq!(
        Slice::new(&data, &objective, with(&|p| p.center.truncate(6)), 17).unwrap_err(),
        SliceError::Length { expected: 9, found: 6 }
    );
    assert_eq!(
        Slice::new(&data, &objective, with(&|p| p.directions[1][2] = f64::NAN), 17).unwrap_err(),
        SliceError::NotFinite
    );
    assert_eq!(Slice::new(&data, &objective, with(&|p| p.range = 0.0), 17).unwrap_err(), SliceError::NotFinite);
    assert_eq!(Slice::new(&data, &objective, plane.clone(), 16).unwrap_err(), SliceError::Size(16));
    assert_eq!(Slice::new(&data, &objective, plane.clone(), 5).unwrap_err(), SliceError::Size(5));
    let empty = Dataset::new(2, 3, vec![], vec![]).unwrap();
    assert_eq!(Slice::new(&empty, &objective, plane, 17).unwrap_err(), SliceError::NoData);
    assert!(SliceError::Size(16).to_string().contains("2^k + 1"));
}

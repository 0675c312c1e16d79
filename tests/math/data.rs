//! Datasets: counts per class, determinism under a seed, and the property each is named for.

use descent::data::{
    DataError, Dataset, DatasetKind, DatasetSpec, MAX_CLASSES, THREE_MODE_CENTRES, THREE_MODE_CLEARANCE,
    THREE_MODE_RADIUS, parse_csv,
};
use proptest::prelude::*;

fn spec(kind: DatasetKind, points: usize, classes: usize, noise: f64, seed: u64) -> DatasetSpec {
    DatasetSpec { kind, points, classes, noise, seed }
}

#[test]
fn cs231n_is_the_demos_nine_points() {
    let d = spec(DatasetKind::Cs231n, 500, 5, 0.3, 9).generate().unwrap();
    assert_eq!(d.len(), 9);
    assert_eq!(d.class_counts(), vec![3, 3, 3]);
    assert_eq!(d.point(0), &[0.5, 0.4]);
    assert_eq!(d.point(8), &[-0.4, -0.5]);
    assert_eq!(d.labels(), &[0, 0, 0, 1, 1, 1, 2, 2, 2]);
}

#[test]
fn counts_split_n_evenly_with_the_remainder_first() {
    for kind in [DatasetKind::Blobs, DatasetKind::Spiral] {
        for classes in 2..=6 {
            let d = spec(kind, 101, classes, 0.1, 3).generate().unwrap();
            let counts = d.class_counts();
            assert_eq!(counts.iter().sum::<usize>(), 101);
            for (k, &c) in counts.iter().enumerate() {
                assert_eq!(c, 101 / classes + usize::from(k < 101 % classes), "{kind:?} C={classes}");
            }
        }
    }
    for kind in [DatasetKind::Ring, DatasetKind::ThreeModes, DatasetKind::Xor] {
        assert_eq!(spec(kind, 99, 6, 0.0, 1).generate().unwrap().class_counts(), vec![50, 49]);
    }
}

#[test]
fn the_same_seed_gives_the_same_points_and_another_does_not() {
    for kind in DatasetKind::ALL.into_iter().filter(|k| *k != DatasetKind::Cs231n) {
        let a = spec(kind, 200, 3, 0.1, 42).generate().unwrap();
        assert_eq!(a, spec(kind, 200, 3, 0.1, 42).generate().unwrap(), "{kind:?}");
        assert_ne!(a, spec(kind, 200, 3, 0.1, 43).generate().unwrap(), "{kind:?}");
    }
}

#[test]
fn blob_means_sit_on_the_unit_circle() {
    let sigma = 0.3;
    let d = spec(DatasetKind::Blobs, 6000, 4, sigma, 5).generate().unwrap();
    for k in 0..4 {
        let members: Vec<&[f64]> = (0..d.len()).filter(|&i| d.label(i) == k).map(|i| d.point(i)).collect();
        let n = members.len() as f64;
        let mean = [members.iter().map(|p| p[0]).sum::<f64>() / n, members.iter().map(|p| p[1]).sum::<f64>() / n];
        let angle = std::f64::consts::TAU * k as f64 / 4.0;
        // The sample mean of n Gaussian draws is within 4σ/√n of the centre.
        let tolerance = 4.0 * sigma / n.sqrt();
        assert!((mean[0] - angle.cos()).abs() < tolerance && (mean[1] - angle.sin()).abs() < tolerance);
        // And the spread is σ.
        let var = members.iter().map(|p| (p[0] - mean[0]).powi(2)).sum::<f64>() / (n - 1.0);
        assert!((var.sqrt() - sigma).abs() < 0.03, "std {}", var.sqrt());
    }
}

#[test]
fn ring_class_zero_is_the_annulus_and_class_one_is_everything_else() {
    let d = spec(DatasetKind::Ring, 2000, 2, 0.0, 11).generate().unwrap();
    let (mut inner, mut outer) = (0, 0);
    for i in 0..d.len() {
        let r = d.point(i)[0].hypot(d.point(i)[1]);
        if d.label(i) == 0 {
            assert!((1.0..=2.0).contains(&r), "ring point at radius {r}");
        } else {
            assert!(r < 1.0 || (r > 2.0 && r <= 3.0), "other point at radius {r}");
            if r < 1.0 { inner += 1 } else { outer += 1 }
        }
    }
    assert!(inner > 400 && outer > 400, "both parts of 'everything else' are sampled");
}

#[test]
fn three_modes_class_zero_lies_in_the_modes_and_class_one_keeps_clear() {
    let d = spec(DatasetKind::ThreeModes, 3000, 2, 0.0, 4).generate().unwrap();
    let distance = |p: &[f64], c: &[f64; 2]| (p[0] - c[0]).hypot(p[1] - c[1]);
    let mut per_mode = [0; 3];
    for i in 0..d.len() {
        let p = d.point(i);
        if d.label(i) == 0 {
            let mode = (0..3).find(|&m| distance(p, &THREE_MODE_CENTRES[m]) <= THREE_MODE_RADIUS);
            per_mode[mode.expect("every class-0 point is inside a mode")] += 1;
        } else {
            assert!(THREE_MODE_CENTRES.iter().all(|c| distance(p, c) >= THREE_MODE_CLEARANCE));
            assert!(p.iter().all(|v| v.abs() <= 3.0));
        }
    }
    assert!(per_mode.iter().all(|&n| n > 400), "three modes: {per_mode:?}");
}

#[test]
fn xor_labels_follow_the_sign_of_the_product() {
    let d = spec(DatasetKind::Xor, 1000, 2, 0.0, 8).generate().unwrap();
    let mut quadrants = [0; 4];
    for i in 0..d.len() {
        let p = d.point(i);
        assert!(p.iter().all(|v| (0.1..=1.0).contains(&v.abs())));
        assert_eq!(d.label(i), usize::from(p[0] * p[1] < 0.0));
        quadrants[usize::from(p[0] < 0.0) * 2 + usize::from(p[1] < 0.0)] += 1;
    }
    assert!(quadrants.iter().all(|&n| n > 150), "all four quadrants: {quadrants:?}");
}

#[test]
fn spiral_points_lie_on_their_arms() {
    let classes = 3;
    let d = spec(DatasetKind::Spiral, 300, classes, 0.0, 2).generate().unwrap();
    let tau = std::f64::consts::TAU;
    for i in 0..d.len() {
        let p = d.point(i);
        let r = p[0].hypot(p[1]);
        if r < 1e-9 {
            continue;
        }
        // x = r(sin θ, cos θ) with θ = 2πk/C + 4r, so atan2(x₀, x₁) ≡ θ (mod 2π).
        let theta = tau * d.label(i) as f64 / classes as f64 + 4.0 * r;
        let diff = (p[0].atan2(p[1]) - theta).rem_euclid(tau);
        assert!(diff.min(tau - diff) < 1e-9, "point {i} is off its arm by {diff}");
    }
}

#[test]
fn noise_jitters_points_by_sigma() {
    let clean = spec(DatasetKind::Spiral, 3000, 3, 0.0, 6).generate().unwrap();
    let noisy = spec(DatasetKind::Spiral, 3000, 3, 0.2, 6).generate().unwrap();
    let n = clean.len() as f64;
    let msd: f64 = (0..clean.len())
        .map(|i| (noisy.point(i)[0] - clean.point(i)[0]).powi(2) + (noisy.point(i)[1] - clean.point(i)[1]).powi(2))
        .sum::<f64>()
        / (2.0 * n);
    assert!((msd.sqrt() - 0.2).abs() < 0.01, "jitter std {}", msd.sqrt());
}

#[test]
fn bad_specs_are_refused_with_a_reason() {
    let err = spec(DatasetKind::Blobs, 100, 7, 0.1, 1).generate().unwrap_err();
    assert_eq!(err.to_string(), "blobs takes 2 to 6 classes, not 7");
    assert!(matches!(spec(DatasetKind::Ring, 1, 2, 0.0, 1).generate(), Err(DataError::Points { .. })));
    assert!(matches!(spec(DatasetKind::Xor, 10, 2, f64::NAN, 1).generate(), Err(DataError::Noise(_))));
    assert!(matches!(spec(DatasetKind::Xor, 10, 2, -1.0, 1).generate(), Err(DataError::Noise(_))));
    assert!("moons".parse::<DatasetKind>().unwrap_err().to_string().contains("three-modes"));
    for kind in DatasetKind::ALL {
        assert_eq!(kind.name().parse::<DatasetKind>().unwrap(), kind);
    }
}

#[test]
fn csv_reads_points_and_names_the_line_of_a_problem() {
    let d = parse_csv("# the demo\nx0,x1,y\n0.5, 0.4, 0\n\n-0.4,0.3,2\n").unwrap();
    assert_eq!((d.len(), d.dim(), d.classes()), (2, 2, 3));
    assert_eq!(d.point(1), &[-0.4, 0.3]);
    let problem = |text: &str| parse_csv(text).unwrap_err().to_string();
    assert_eq!(problem("1,2,0\n1,2\n"), "CSV line 2: 2 fields where the first data line had 3");
    assert_eq!(problem("1,2,0\n1,abc,1\n"), "CSV line 2: \"abc\" is not a number");
    assert_eq!(problem("1,2,0\n1,inf,1\n"), "CSV line 2: \"inf\" is not a finite number");
    assert!(problem("1,2,9\n").starts_with("CSV line 1: label 9 is too large"));
    assert!(problem("1,2,-1\n").starts_with("CSV line 1: label \"-1\""));
    assert_eq!(problem(""), "CSV line 1: no points found");
    assert_eq!(problem("x,y,label\n"), "CSV line 1: no points found");
}

#[test]
fn editing_points_checks_its_input() {
    let mut d = spec(DatasetKind::Cs231n, 0, 3, 0.0, 0).generate().unwrap();
    d.push(&[0.1, 0.2], 2).unwrap();
    assert_eq!((d.len(), d.label(9)), (10, 2));
    assert!(d.push(&[0.1, 0.2], 3).is_err());
    assert!(d.push(&[f64::NAN, 0.2], 0).is_err());
    d.move_point(0, &[0.9, 0.9]).unwrap();
    assert_eq!(d.point(0), &[0.9, 0.9]);
    assert_eq!(d.nearest_within(&[0.88, 0.9], 0.05), Some(0));
    assert_eq!(d.nearest_within(&[0.0, 0.0], 0.05), None);
    d.remove(0).unwrap();
    assert_eq!(d.point(0), &[0.8, 0.3]);
    assert!(matches!(d.remove(99), Err(DataError::Index { index: 99, len: 9 })));
}

#[test]
fn csv_classes_comment_sets_the_class_count_and_is_checked() {
    let d = parse_csv("# classes: 5\nx0,x1,label\n1,2,0\n3,4,1\n").unwrap();
    assert_eq!((d.classes(), d.class_counts()), (5, vec![1, 1, 0, 0, 0]));
    let problem = |text: &str| parse_csv(text).unwrap_err().to_string();
    assert_eq!(
        problem("# classes: 2\n1,2,0\n1,2,3\n1,2,3\n"),
        "CSV line 3: label 3 is beyond the 2 classes the file gives"
    );
    assert_eq!(problem("#classes: 9\n1,2,0\n"), "CSV line 1: \"classes: 9\" must give 1 to 6 classes");
    assert_eq!(problem("# classes: two\n1,2,0\n"), "CSV line 1: \"classes: two\" must give 1 to 6 classes");
    assert_eq!(problem("# classes: 3\n# classes: 3\n1,2,0\n"), "CSV line 2: the number of classes is given twice");
    // Any other comment is only a comment.
    assert_eq!(parse_csv("# classes of fruit\n1,2,0\n").unwrap().classes(), 2);
}

#[test]
fn csv_writes_a_comment_a_header_and_one_line_per_point() {
    let d = spec(DatasetKind::Cs231n, 0, 3, 0.0, 0).generate().unwrap();
    let text = d.to_csv();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2 + 9);
    assert_eq!(&lines[..4], ["# classes: 3", "x0,x1,label", "0.5,0.4,0", "0.8,0.3,0"]);
    assert_eq!(lines[10], "-0.4,-0.5,2");
    assert_eq!(parse_csv(&text).unwrap(), d);
    let extreme = Dataset::new(1, 2, vec![1e300, -5e-324, 123456789012345680.0, -0.0], vec![1, 0, 1, 0]).unwrap();
    assert_eq!(extreme.to_csv(), "# classes: 2\nx0,label\n1e300,1\n-5e-324,0\n1.2345678901234568e17,1\n-0,0\n");
}

fn finite() -> impl Strategy<Value = f64> {
    prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO
}

proptest! {
    #[test]
    fn csv_round_trips_every_nonempty_dataset(
        dim in 1usize..4,
        classes in 1usize..=MAX_CLASSES,
        rows in prop::collection::vec((prop::collection::vec(finite(), 3), 0usize..MAX_CLASSES), 1..40),
    ) {
        let x: Vec<f64> = rows.iter().flat_map(|(p, _)| p[..dim].to_vec()).collect();
        let y: Vec<usize> = rows.iter().map(|&(_, label)| label % classes).collect();
        let d = Dataset::new(dim, classes, x, y).unwrap();
        let back = parse_csv(&d.to_csv()).unwrap();
        prop_assert_eq!((back.dim(), back.classes(), back.labels()), (dim, classes, d.labels()));
        let bits = |d: &Dataset| d.coordinates().iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        prop_assert_eq!(bits(&back), bits(&d), "every coordinate to the bit, the sign of zero included");
    }
}

//! The classifier lab's state and the rules of a setting change: what each change resets and
//! what it keeps.

use descent::data::{DatasetKind, DatasetSpec};
use descent::lab::init::initial_theta;
use descent::lab::{Lab, LabError, LabParam};
use descent::loss::LossKind;
use descent::model::{CS231N_INITIAL, Param, Shape};
use descent::regularizer::RegularizerKind;

/// A θ under which every cs231n point clears its SVM margin: W = [[3, 3], [−4, 2], [1, −5]],
/// b = [0, 0, 0.5] (the smallest margin is 1.4), with ΣW² = 64.
const SEPARATING: [f64; 9] = [3.0, 3.0, -4.0, 2.0, 1.0, -5.0, 0.0, 0.0, 0.5];

fn set_theta(lab: &mut Lab, theta: &[f64]) {
    for (i, v) in theta.iter().enumerate() {
        let name = lab.shape().param(i).to_string();
        lab.set(&name, &v.to_string()).unwrap();
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1.0)
}

#[test]
fn the_lab_opens_as_the_cs231n_demo() {
    let lab = Lab::default();
    assert_eq!(lab.spec().kind, DatasetKind::Cs231n);
    assert_eq!(lab.data().len(), 9);
    assert_eq!(lab.theta(), CS231N_INITIAL);
    assert_eq!(lab.get("loss").unwrap(), "svm");
    assert_eq!(lab.get("margin").unwrap(), "1");
    assert_eq!(lab.get("regularizer").unwrap(), "l2");
    assert_eq!(lab.get("lambda").unwrap(), "0.1");
    // The demo's losses at its initial W and b: 24.9/9 data, 0.1 · 35 regularization.
    let l = lab.breakdown();
    assert!(close(l.data, 24.9 / 9.0) && close(l.regularization, 3.5), "{l:?}");
    let history = lab.history();
    assert_eq!(history.len(), 1);
    assert_eq!(history.entries()[0].step, 0);
    assert!(close(history.total()[0], 24.9 / 9.0 + 3.5));
}

#[test]
fn every_setting_name_round_trips_and_reads_back() {
    let lab = Lab::default();
    for param in LabParam::table() {
        assert_eq!(param.name().parse::<LabParam>().unwrap(), param);
        lab.get(&param.name()).unwrap_or_else(|e| panic!("{param}: {e}"));
    }
    for i in 0..lab.theta().len() {
        let name = lab.shape().param(i).to_string();
        assert_eq!(lab.get(&name).unwrap().parse::<f64>().unwrap(), lab.theta()[i], "{name}");
    }
    assert_eq!("W[0,1]".parse::<LabParam>().unwrap(), LabParam::Parameter(Param::Weight { class: 0, input: 1 }));
}

#[test]
fn bad_names_and_values_are_refused_with_a_clear_message_and_change_nothing() {
    let mut lab = Lab::default();
    let before = (lab.theta().to_vec(), *lab.objective(), *lab.spec());
    let cases = [
        ("lamda", "1", "no setting named \"lamda\""),
        ("lambda", "-0.5", "lambda must be a number from 0 to"),
        ("lambda", "abc", "lambda must be"),
        ("lambda", "NaN", "lambda must be"),
        ("loss", "hinge", "unknown loss \"hinge\""),
        ("dataset", "moons", "unknown dataset \"moons\""),
        ("regularizer", "l3", "unknown regularizer"),
        ("W[0,0]", "inf", "W[0,0] must be a number from -100000000 to 100000000"),
        ("W[0,0]", "1e300", "W[0,0] must be a number from"),
        ("W[3,0]", "1", "W[3,0] does not exist"),
        ("b[7]", "1", "b[7] does not exist"),
        ("classes", "4", "classes must be a whole number from 3 to 3"),
        ("regularize-bias", "yes", "true or false"),
        ("add-class", "3", "from 0 to 2"),
        ("points", "0", "points must be a whole number from 1"),
    ];
    for (name, value, message) in cases {
        let e = lab.set(name, value).unwrap_err();
        assert!(e.to_string().contains(message), "{name} = {value}: \"{e}\" lacks \"{message}\"");
    }
    assert_eq!((lab.theta().to_vec(), *lab.objective(), *lab.spec()), before);
    assert!(matches!(lab.set("W[9,9]", "0"), Err(LabError::NoSuchParameter { .. })));
}

#[test]
fn a_new_dataset_kind_or_class_count_reinitializes_theta() {
    let mut lab = Lab::default();
    lab.set("dataset", "blobs").unwrap();
    let shape = Shape { classes: 3, dim: 2 };
    assert_eq!(lab.theta(), initial_theta(DatasetKind::Blobs, shape, 0));
    assert_eq!(lab.start(), lab.theta());
    assert_eq!(lab.history().len(), 1);
    lab.set("classes", "5").unwrap();
    assert_eq!(lab.theta().len(), 5 * 2 + 5);
    assert_eq!(lab.theta(), initial_theta(DatasetKind::Blobs, Shape { classes: 5, dim: 2 }, 0));
    assert_eq!(lab.get("W[4,1]").unwrap(), lab.theta()[9].to_string());
    // XOR takes two classes only: the class count follows.
    lab.set("dataset", "xor").unwrap();
    assert_eq!(lab.get("classes").unwrap(), "2");
    assert_eq!(lab.theta().len(), 6);
    // Back to the demo's points: the demo's W and b again.
    lab.set("dataset", "cs231n").unwrap();
    assert_eq!(lab.theta(), CS231N_INITIAL);
}

#[test]
fn new_points_or_a_new_objective_keep_theta_and_restart_the_run() {
    let mut lab = Lab::default();
    lab.set("dataset", "blobs").unwrap();
    set_theta(&mut lab, &[0.5, -1.0, 2.0, 0.25, -0.75, 1.5, 0.1, 0.2, 0.3]);
    let theta = lab.theta().to_vec();
    let start = lab.start().to_vec();
    for (name, value) in [
        ("points", "300"),
        ("noise", "0.4"),
        ("data-seed", "9"),
        ("loss", "softmax"),
        ("margin", "2"),
        ("regularizer", "elastic-net"),
        ("lambda", "0.01"),
        ("beta", "0.3"),
        ("regularize-bias", "true"),
    ] {
        lab.set(name, value).unwrap();
        assert_eq!(lab.theta(), theta, "{name} keeps θ");
        assert_eq!(lab.start(), start, "{name} keeps θ₀");
        assert_eq!(lab.history().len(), 1, "{name} starts a new run");
        assert!(close(lab.history().total()[0], lab.breakdown().total()), "{name}: step 0 is the new objective");
        assert_eq!(lab.get(name).unwrap(), value);
    }
    assert_eq!(lab.data().len(), 300);
    let before = lab.data().clone();
    lab.regenerate().unwrap();
    assert_eq!(lab.data(), &before, "regenerating the same recipe gives the same points");
    assert_eq!(lab.theta(), theta);
}

#[test]
fn theta_by_hand_moves_theta_but_not_its_start_and_reset_returns() {
    let mut lab = Lab::default();
    lab.set("W[1,0]", "-2.5").unwrap();
    lab.set("b[2]", "0.75").unwrap();
    assert_eq!(lab.theta()[lab.shape().index(Param::Weight { class: 1, input: 0 })], -2.5);
    assert_eq!(lab.theta()[8], 0.75);
    assert_eq!(lab.start(), CS231N_INITIAL);
    assert_eq!(lab.history().len(), 1);
    lab.reset();
    assert_eq!(lab.theta(), CS231N_INITIAL);
}

#[test]
fn randomize_draws_from_the_next_seed_and_a_seed_reproduces_its_draw() {
    let mut lab = Lab::default();
    lab.randomize();
    assert_eq!(lab.init_seed(), 1);
    let first = lab.theta().to_vec();
    assert_eq!(first, initial_theta(DatasetKind::Cs231n, lab.shape(), 1));
    assert_ne!(first, CS231N_INITIAL);
    lab.randomize();
    assert_ne!(lab.theta(), first);
    lab.set("init-seed", "1").unwrap();
    assert_eq!(lab.theta(), first);
    assert_eq!(lab.start(), first);
    lab.set("init-seed", "0").unwrap();
    assert_eq!(lab.theta(), CS231N_INITIAL, "seed 0 on the demo's points is the demo's start");
}

#[test]
fn doubling_w_keeps_a_zero_svm_loss_and_quadruples_the_l2_penalty() {
    let mut lab = Lab::default();
    set_theta(&mut lab, &SEPARATING);
    let before = lab.breakdown();
    assert_eq!(before.data, 0.0);
    assert!(close(before.regularization, 6.4));
    lab.scale_theta(2.0).unwrap();
    let after = lab.breakdown();
    assert_eq!(after.data, 0.0);
    assert!(close(after.regularization, 25.6));
    assert!(close(after.regularization, 4.0 * before.regularization));
    // A factor that would overflow θ is refused and changes nothing.
    let theta = lab.theta().to_vec();
    assert!(lab.scale_theta(1e308).is_err());
    assert_eq!(lab.theta(), theta);
}

#[test]
fn the_gradient_check_passes_and_the_l2_gradient_is_two_lambda_w() {
    let mut lab = Lab::default();
    for row in lab.gradient_check() {
        assert!(row.relative_error < 1e-7, "{row:?}");
    }
    // The original demo's regularization gradient is 4× too small; ours is ∂(λΣW²)/∂W = 2λW.
    let with = lab.gradient();
    lab.set("lambda", "0").unwrap();
    let without = lab.gradient();
    for i in 0..6 {
        assert!(close(with[i] - without[i], 2.0 * 0.1 * CS231N_INITIAL[i]), "W entry {i}");
    }
    for i in 6..9 {
        assert_eq!(with[i], without[i], "b is not regularized");
    }
    for loss in ["ova", "structured", "softmax"] {
        lab.set("loss", loss).unwrap();
        lab.set("lambda", "0.3").unwrap();
        lab.set("regularizer", "l1").unwrap();
        for row in lab.gradient_check() {
            assert!(row.relative_error < 1e-6, "{loss}: {row:?}");
        }
    }
}

#[test]
fn the_table_rows_are_the_scores_and_losses_of_the_points() {
    let mut lab = Lab::default();
    let mut rows = Vec::new();
    lab.table_rows(0, 100, &mut rows);
    let width = lab.row_width();
    assert_eq!(width, 2 + 1 + 3 + 2);
    assert_eq!(rows.len(), 9 * width);
    // Independently: s = Wx + b with the demo's W and b, and the Weston–Watkins loss.
    let w = [[1.0, 2.0], [2.0, -4.0], [3.0, -1.0]];
    let b = [0.0, 0.5, -0.5];
    let mut sum = 0.0;
    for (i, row) in rows.chunks(width).enumerate() {
        let (x, y) = (lab.data().point(i), lab.data().label(i));
        assert_eq!(&row[..2], x);
        assert_eq!(row[2], y as f64);
        let s: Vec<f64> = (0..3).map(|k| w[k][0] * x[0] + w[k][1] * x[1] + b[k]).collect();
        let l: f64 = (0..3).filter(|&j| j != y).map(|j| (s[j] - s[y] + 1.0).max(0.0)).sum();
        for k in 0..3 {
            assert!(close(row[3 + k], s[k]), "s{k} of point {i}");
        }
        assert!(close(row[6], l), "L of point {i}");
        let misclassified = (0..3).any(|k| s[k] > s[y]);
        assert_eq!(row[7], if misclassified { 4.0 } else { 0.0 }, "flags of point {i}");
        sum += l;
    }
    assert!(close(sum / 9.0, lab.breakdown().data), "the mean row is the data loss");
    // A window: rows 7.. clipped to the end; the hovered row is flagged.
    lab.set_hover(Some(8));
    lab.table_rows(7, 5, &mut rows);
    assert_eq!(rows.len(), 2 * width);
    assert_eq!(rows[width + 7] as u32 & 2, 2);
    lab.table_rows(20, 5, &mut rows);
    assert!(rows.is_empty());
}

#[test]
fn settings_that_mean_nothing_in_the_current_state_say_so() {
    let mut lab = Lab::default();
    let applies = |lab: &Lab, name: &str| lab.applies(name.parse().unwrap());
    assert!(!applies(&lab, "points") && !applies(&lab, "noise") && !applies(&lab, "classes"));
    assert!(applies(&lab, "margin") && applies(&lab, "lambda") && !applies(&lab, "beta"));
    lab.set("dataset", "spiral").unwrap();
    assert!(applies(&lab, "points") && applies(&lab, "classes"));
    lab.set("dataset", "ring").unwrap();
    assert!(!applies(&lab, "classes"));
    lab.set("loss", "softmax").unwrap();
    assert!(!applies(&lab, "margin") && !applies(&lab, "show-margins"));
    lab.set("regularizer", "elastic-net").unwrap();
    assert!(applies(&lab, "beta"));
    lab.set("regularizer", "none").unwrap();
    assert!(!applies(&lab, "lambda") && !applies(&lab, "regularize-bias"));
}

#[test]
fn display_settings_change_nothing_else() {
    let mut lab = Lab::default();
    lab.set("W[0,0]", "1.5").unwrap();
    let theta = lab.theta().to_vec();
    let history = lab.history().entries().to_vec();
    for (name, value) in [("show-margins", "true"), ("show-confidence", "true"), ("log-y", "true"), ("add-class", "2")]
    {
        lab.set(name, value).unwrap();
        assert_eq!(lab.get(name).unwrap(), value);
        assert_eq!(lab.theta(), theta);
        assert_eq!(lab.history().entries(), history);
    }
    assert!(lab.overlays().margins && lab.overlays().confidence && lab.log_y());
    assert_eq!(lab.add_class(), 2);
}

#[test]
fn a_dataset_change_that_fails_changes_nothing() {
    let mut lab = Lab::default();
    lab.set("dataset", "blobs").unwrap();
    let spec = *lab.spec();
    assert!(lab.set("points", "1000001").is_err());
    assert!(lab.set("noise", "-1").is_err());
    assert_eq!(*lab.spec(), spec);
    assert_eq!(spec, DatasetSpec { kind: DatasetKind::Blobs, noise: 0.2, ..DatasetSpec::default() });
    assert_eq!(lab.objective().loss.kind, LossKind::MulticlassSvm);
    assert_eq!(lab.objective().regularizer.kind, RegularizerKind::L2);
}

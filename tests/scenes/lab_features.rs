//! The lab with feature maps, held-out points, dropout, jitter and the λ sweep: today's lab is
//! unchanged by default, the settings refuse bad values, and with few points, degree 9 and a
//! tiny λ the classifier overfits while the λ the sweep picks narrows the gap.

use descent::lab::Lab;

/// The overfitting demonstration: two overlapping blobs, 60 points of which two thirds are held
/// out (20 train), degree-9 polynomial features, softmax with L2, L-BFGS.
fn overfitting_lab(lambda: &str) -> Lab {
    let mut lab = Lab::default();
    for (name, value) in [
        ("dataset", "blobs"),
        ("classes", "2"),
        ("points", "60"),
        ("noise", "0.7"),
        ("data-seed", "3"),
        ("held-out", "0.667"),
        ("features", "polynomial"),
        ("degree", "9"),
        ("loss", "softmax"),
        ("regularizer", "l2"),
        ("lambda", lambda),
        ("method", "lbfgs"),
    ] {
        lab.set(name, value).unwrap_or_else(|e| panic!("{name}={value}: {e}"));
    }
    lab
}

#[test]
fn by_default_nothing_is_held_out_and_phi_is_the_identity() {
    let lab = Lab::default();
    assert_eq!(lab.get("features").unwrap(), "identity");
    assert_eq!(lab.get("held-out").unwrap(), "0");
    assert_eq!(lab.shape().dim, 2);
    assert!(lab.held_out().is_none());
    // The cache holds no copy: the training set is the point set itself.
    assert!(std::ptr::eq(lab.feature_cache().training(lab.data()), lab.data()));
}

#[test]
fn bad_values_are_refused_with_the_settings_messages() {
    let mut lab = Lab::default();
    let refused = |lab: &mut Lab, name: &str, value: &str| lab.set(name, value).unwrap_err().to_string();
    assert_eq!(refused(&mut lab, "held-out", "0.95"), "held-out must be a number from 0 to 0.9, not \"0.95\"");
    assert_eq!(refused(&mut lab, "dropout", "1"), "dropout must be a number from 0 to 0.9, not \"1\"");
    assert_eq!(refused(&mut lab, "jitter", "-0.1"), "jitter must be a number from 0 to 0.5, not \"-0.1\"");
    assert!(refused(&mut lab, "features", "cubic").contains("unknown feature map \"cubic\""));
    lab.set("features", "radial").unwrap();
    assert_eq!(refused(&mut lab, "degree", "8"), "degree must be a whole number from 1 to 7, not \"8\"");
    lab.set("features", "polynomial").unwrap();
    lab.set("degree", "9").unwrap();
    assert_eq!(lab.shape().dim, 54);
    assert_eq!(lab.theta().len(), 3 * 54 + 3);
}

#[test]
fn the_split_holds_out_the_ratio_and_training_uses_only_the_rest() {
    let lab = overfitting_lab("0.01");
    assert_eq!(lab.data().held_out_count(), 40);
    assert_eq!(lab.feature_cache().training(lab.data()).len(), 20);
    assert_eq!(lab.held_out().unwrap().points, 40);
}

#[test]
fn a_tiny_lambda_overfits_and_the_sweeps_best_lambda_narrows_the_gap() {
    let mut lab = overfitting_lab("0.000001");
    lab.advance(300).unwrap();
    let train = lab.accuracy();
    let held = lab.held_out().unwrap();
    assert_eq!(train, 1.0, "training accuracy");
    assert!(held.accuracy < 0.85, "held-out accuracy {}", held.accuracy);
    let gap = train - held.accuracy;

    let best = lab.run_sweep().best().unwrap();
    assert!(best > 1e-5, "the held-out curve's bottom at λ = {best}");
    lab.set("lambda", &best.to_string()).unwrap();
    lab.reset();
    lab.advance(300).unwrap();
    let narrowed = lab.accuracy() - lab.held_out().unwrap().accuracy;
    assert!(narrowed < gap - 0.1, "gap {gap} → {narrowed} at λ = {best}");
}

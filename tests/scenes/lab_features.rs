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

#[test]
fn the_gradient_check_covers_every_feature_weight() {
    for features in ["polynomial", "sin-cos", "radial"] {
        let mut lab = Lab::default();
        for (name, value) in [("dataset", "xor"), ("held-out", "0.3"), ("features", features), ("degree", "3")] {
            lab.set(name, value).unwrap();
        }
        lab.set("loss", "softmax").unwrap();
        let check = lab.gradient_check();
        assert_eq!(check.len(), lab.theta().len());
        assert!(check.iter().all(|c| c.relative_error < 1e-6), "{features}: {check:?}");
    }
}

#[test]
fn newton_steps_over_the_larger_theta() {
    let mut lab = overfitting_lab("0.01");
    lab.set("degree", "3").unwrap();
    lab.set("method", "newton").unwrap();
    let before = lab.breakdown().total();
    lab.advance(5).unwrap();
    assert!(lab.breakdown().total() < before);
}

#[test]
fn dropout_and_jitter_train_on_perturbed_points_and_record_the_clean_loss() {
    let run = || {
        let mut lab = overfitting_lab("0.01");
        lab.set("method", "sgd").unwrap();
        lab.set("dropout", "0.3").unwrap();
        lab.set("jitter", "0.1").unwrap();
        lab.advance(50).unwrap();
        lab
    };
    let (a, b) = (run(), run());
    // Seeded: a run replays exactly.
    assert_eq!(a.theta(), b.theta());
    // The recorded loss is the clean objective at the recorded θ.
    let last = a.history().entries().last().unwrap().loss;
    assert_eq!(last, a.breakdown());
    // And the perturbations changed the path: without them θ ends elsewhere.
    let mut clean = overfitting_lab("0.01");
    clean.set("method", "sgd").unwrap();
    clean.advance(50).unwrap();
    assert_ne!(clean.theta(), a.theta());
}

#[test]
fn features_and_the_split_travel_in_links() {
    use descent::link::address::format_query;
    use descent::link::{link, open_query};
    let mut lab = overfitting_lab("0.001");
    lab.set("split-seed", "5").unwrap();
    lab.set("dropout", "0.2").unwrap();
    let text = format_query(&link(&lab));
    for part in ["held-out=0.667", "split-seed=5", "features=polynomial", "degree=9", "dropout=0.2"] {
        assert!(text.contains(part), "{text}");
    }
    let mut copy = Lab::default();
    assert!(open_query(&mut copy, &text).is_empty());
    assert_eq!(copy.data(), lab.data());
    assert_eq!(copy.theta(), lab.theta());
}

#[test]
fn the_sweep_is_sliced_across_frames() {
    let mut lab = overfitting_lab("0.001");
    lab.set("method", "sgd").unwrap();
    lab.start_sweep();
    let mut frames = 1;
    while lab.sweep_frame() {
        frames += 1;
    }
    // 25 λ × 300 updates of 20 points × 55 features × 2 classes: a few frames' work each.
    assert!(frames > 1, "{frames} frames");
    let sweep = lab.sweep().unwrap();
    assert_eq!(sweep.training.len(), 25);
    assert_eq!(sweep.held_out.len(), 25);
    // Too little λ fits the training points better than too much.
    assert!(sweep.training[0] < sweep.training[24]);
}

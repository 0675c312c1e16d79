//! The notice for a loss that keeps far above its start (`src/lab/growth.rs`).

use descent::lab::Lab;

#[test]
fn a_loss_swinging_far_above_its_start_is_named_after_ten_chart_points() {
    let mut lab = Lab::default();
    lab.set("regularizer", "l1").unwrap();
    lab.set("lambda", "1e6").unwrap();
    lab.advance(9).unwrap();
    assert_eq!(lab.growth_warning(), None, "fewer than ten chart points after the start");
    lab.advance(1).unwrap();
    // Step 0.1 · λ = 10⁵ flips each weight's sign every step: R swings between 13 and 6·10⁵.
    let totals = lab.history().total();
    assert!((totals[0] - 1.3e7).abs() < 10.0 && (totals[1] - 6.0e11).abs() < 1e8, "{totals:?}");
    assert_eq!(
        lab.growth_warning().unwrap(),
        "The loss has been above 10 × its start (1.300e7) at 5 of the last 10 chart points (highest 6.000e11): \
         the steps overshoot. Lower the learning rate or λ, or choose another method, then press Reset."
    );
    lab.reset();
    assert_eq!(lab.growth_warning(), None);
}

#[test]
fn a_run_that_settles_has_no_notice() {
    let mut lab = Lab::default();
    lab.advance(100).unwrap();
    assert_eq!(lab.growth_warning(), None);
}

//! The lab's gradient noise σ in links: carried when set, in the table's order, replayed step
//! for step on the student's page, and a malformed value refused with the core's reason.

use descent::lab::Lab;
use descent::link::address::format_query;
use descent::link::{link, notice, open_query};

#[test]
fn a_noisy_run_links_and_replays_exactly() {
    let mut lab = Lab::default();
    for (name, value) in [("dataset", "blobs"), ("batch-size", "8"), ("gradient-noise", "0.3")] {
        lab.set(name, value).unwrap();
    }
    let query = format_query(&link(&lab));
    assert_eq!(query, "dataset=blobs&batch-size=8&gradient-noise=0.3");
    let mut student = Lab::default();
    assert_eq!(notice(&open_query(&mut student, &query)), None);
    assert_eq!(student.gradient_noise(), 0.3);
    for _ in 0..25 {
        lab.step().unwrap();
        student.step().unwrap();
    }
    assert_eq!(lab.theta(), student.theta());
    // Noise-free links do not name it.
    assert!(!format_query(&link(&Lab::default())).contains("gradient-noise"));
}

#[test]
fn a_malformed_sigma_is_refused_and_the_rest_applies() {
    let mut lab = Lab::default();
    let refused = open_query(&mut lab, "loss=softmax&gradient-noise=-2");
    assert_eq!(
        notice(&refused).unwrap(),
        "This link's setting gradient-noise=-2 was ignored: gradient-noise must be a number from 0 to 100, not \"-2\"."
    );
    assert_eq!(lab.get("loss").unwrap(), "softmax");
    assert_eq!(lab.gradient_noise(), 0.0);
}

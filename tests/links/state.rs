//! Whole state in links, scene by scene: hand-edited points, a trained model (W, b and the
//! step, bit for bit), and the race's clock and trails survive state → link → state; the
//! point and θ encodings read back exactly what they wrote and refuse anything else with a
//! reason, never a panic.

use descent::data::Dataset;
use descent::lab::Lab;
use descent::lab::restore::REPLAY_BUDGET;
use descent::link::address::format_query;
use descent::link::page_state::PageState;
use descent::link::{Linkable, link, notice, open_query, points, theta};
use descent::race::Race;
use descent::race::slice::ClassifierSource;
use proptest::prelude::*;

/// The scene's link written out and opened on a blank scene (no refusal).
fn through_link<T: Linkable>(scene: &T) -> T {
    let mut copy = scene.blank();
    let refused = open_query(&mut copy, &format_query(&link(scene)));
    assert_eq!(notice(&refused), None);
    copy
}

fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

/// The lab states that must agree bit for bit: points, θ, step, and the loss history.
fn assert_same_lab(copy: &Lab, lab: &Lab) {
    assert_eq!(copy.data(), lab.data(), "points");
    assert_eq!(bits(copy.theta()), bits(lab.theta()), "W and b bit for bit");
    assert_eq!(copy.steps(), lab.steps(), "step");
    assert_eq!(bits(copy.history().total()), bits(lab.history().total()), "loss history");
}

/// The cs231n lab with points added, moved and removed by hand, then trained with Adam on
/// minibatches (optimizer state and sampler both matter for what comes next).
fn edited_and_trained() -> Lab {
    let mut lab = Lab::default();
    let mut x = lab.data().coordinates().to_vec();
    let mut y = lab.data().labels().to_vec();
    x.extend([0.123_456_789, -0.987_654_321, 0.25, 0.5]);
    y.extend([2, 1]);
    x[0] = 0.3;
    x.drain(2..4);
    y.remove(1);
    lab.set_points(Dataset::new(2, 3, x, y).unwrap());
    for (name, value) in [("method", "adam"), ("batch-size", "4"), ("lambda", "0.05")] {
        lab.set(name, value).unwrap();
    }
    for _ in 0..137 {
        lab.step().unwrap();
    }
    lab
}

#[test]
fn edited_points_and_a_trained_model_survive_a_link() {
    let lab = edited_and_trained();
    let text = format_query(&link(&lab));
    assert!(text.starts_with("data=") && text.ends_with("&step=137"), "{text}");
    assert!(!text.contains("theta="), "the replay reaches θ, so θ is not needed: {text}");
    let mut copy = through_link(&lab);
    assert_same_lab(&copy, &lab);
    // The optimizer's state and the sampler came back too: both go on identically.
    let mut original = lab.clone();
    for _ in 0..25 {
        original.step().unwrap();
        copy.step().unwrap();
    }
    assert_same_lab(&copy, &original);
}

#[test]
fn a_run_too_long_to_replay_carries_theta_and_goes_on_from_it() {
    let mut lab = Lab::default();
    lab.set("dataset", "blobs").unwrap();
    lab.set("points", "2000").unwrap();
    let steps = REPLAY_BUDGET / 2000 + 1;
    lab.advance(steps).unwrap();
    let text = format_query(&link(&lab));
    assert!(text.contains(&format!("&step={steps}&theta=")), "{text}");
    let copy = through_link(&lab);
    assert_eq!(bits(copy.theta()), bits(lab.theta()), "W and b bit for bit");
    assert_eq!(copy.steps(), steps);
    assert_eq!(copy.learning_rate(), lab.learning_rate(), "the schedule goes on from the step");
    // The copy's link opens on the same state again.
    let again = through_link(&copy);
    assert_eq!(bits(again.theta()), bits(lab.theta()));
    assert_eq!(again.steps(), steps);
}

#[test]
fn too_many_points_for_a_link_are_left_out_and_the_lab_says_so() {
    let mut lab = Lab::default();
    lab.set("dataset", "blobs").unwrap();
    lab.set("points", "600").unwrap();
    assert_eq!(lab.omitted(), None, "the recipe's points need no room");
    lab.remove_point(0).unwrap();
    let text = format_query(&link(&lab));
    assert!(!text.contains("data="), "{text}");
    assert_eq!(
        lab.omitted().as_deref(),
        Some("the 599 points (a link carries about 525 at most): export them as CSV and load the file there too")
    );
}

#[test]
fn points_data_that_is_damaged_or_foreign_is_refused_with_a_reason() {
    for (value, reason) in [
        ("AQ", "the points data ends in its header"),
        ("Ag", "layout version 2"),
        ("AQID*g", "position 5"),
        ("AQIDAAAAAAAA", "point 1 is cut short"),
        ("AQIDAQMAAAAAAAAAAA", "label 3 is out of range"),
        ("AQIDBQAAAAAAAACAPw", "mark this page does not know"),
    ] {
        let mut lab = Lab::default();
        let refused = open_query(&mut lab, &format!("data={value}"));
        let said = notice(&refused).unwrap_or_default();
        assert!(said.contains(reason), "data={value}: {said}");
        assert_eq!(lab.data(), Lab::default().data(), "nothing changed");
    }
    let refused = notice(&open_query(&mut Lab::default(), "theta=AQAAAAAAAPB_")).unwrap();
    assert!(refused.contains("parameter 1 is inf"), "{refused}");
    let refused = notice(&open_query(&mut Lab::default(), &format!("theta={}", theta::encode(&[1.0; 4])))).unwrap();
    assert!(refused.contains("9 parameters (the model's)"), "{refused}");
}

fn lab_source(lab: &Lab) -> ClassifierSource {
    let snapshot = lab.snapshot();
    ClassifierSource { data: snapshot.data.clone(), objective: snapshot.objective, theta: snapshot.theta.clone() }
}

#[test]
fn the_race_opens_at_its_clock_with_its_trails_on_the_trained_model() {
    let lab = edited_and_trained();
    let mut race = Race::default();
    race.set_classifier(lab_source(&lab)).unwrap();
    for (name, value) in [("surface", "classifier"), ("racer2.enabled", "true"), ("racer2.method", "adam")] {
        race.link_set(name, value).unwrap();
    }
    race.advance(250);
    // The receiving page's lab opened the lab's link, and hands its model to the race.
    let their_lab = through_link(&lab);
    let mut copy = race.blank();
    copy.set_classifier(lab_source(&their_lab)).unwrap();
    let refused = open_query(&mut copy, &format_query(&link(&race)));
    assert_eq!(notice(&refused), None);
    assert_eq!(copy.clock(), 250);
    for (a, b) in copy.racers().iter().zip(race.racers()) {
        assert_eq!(bits(a.run().trajectory().points()), bits(b.run().trajectory().points()), "the same trail");
    }
}

#[test]
fn a_race_clock_beyond_the_longest_race_is_refused() {
    let said = notice(&open_query(&mut Race::default(), "clock=10001")).unwrap();
    assert!(said.contains("clock must be a whole number from 0 to 10000"), "{said}");
}

fn dataset() -> impl Strategy<Value = Dataset> {
    let coordinate =
        prop_oneof![any::<f64>().prop_filter("finite", |v| v.is_finite()), (-5.0f32..5.0).prop_map(f64::from)];
    (1usize..4, 1usize..=6).prop_flat_map(move |(dim, classes)| {
        proptest::collection::vec((proptest::collection::vec(coordinate.clone(), dim), 0..classes), 0..40).prop_map(
            move |rows| {
                let x = rows.iter().flat_map(|(p, _)| p.clone()).collect();
                let y = rows.iter().map(|&(_, c)| c).collect();
                Dataset::new(dim, classes, x, y).unwrap()
            },
        )
    })
}

proptest! {
    #[test]
    fn points_read_back_bit_for_bit(data in dataset(), marks in proptest::collection::vec(0u8..128, 0..40)) {
        let decoded = points::decode(&points::encode(&data, &marks)).unwrap();
        prop_assert_eq!(bits(decoded.data.coordinates()), bits(data.coordinates()));
        prop_assert_eq!(decoded.data.labels(), data.labels());
        prop_assert_eq!(decoded.data.classes(), data.classes());
        let expected: Vec<u8> = (0..data.len()).map(|i| marks.get(i).copied().unwrap_or(0)).collect();
        prop_assert_eq!(decoded.marks, expected);
    }

    #[test]
    fn theta_reads_back_bit_for_bit(values in proptest::collection::vec(any::<f64>().prop_filter("finite", |v| v.is_finite()), 0..64)) {
        prop_assert_eq!(bits(&theta::decode(&theta::encode(&values)).unwrap()), bits(&values));
    }

    #[test]
    fn any_text_decodes_or_is_refused_without_a_panic(text in ".{0,64}", bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let _ = points::decode(&text);
        let _ = theta::decode(&text);
        let encoded = descent::link::base64::encode(&bytes);
        prop_assert_eq!(descent::link::base64::decode(&encoded).unwrap(), bytes.clone());
        let _ = points::decode(&encoded);
        let _ = theta::decode(&encoded);
    }
}

proptest! {
    #[test]
    fn any_bytes_as_a_state_file_read_or_are_refused_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(state) = PageState::parse(&text) {
            prop_assert_eq!(PageState::parse(&state.to_json()), Ok(state));
        }
    }

    #[test]
    fn a_state_file_reads_back(at in ".{0,40}", links in proptest::collection::btree_map(".{0,12}", ".{0,60}", 0..6)) {
        let state = PageState { at, links };
        prop_assert_eq!(PageState::parse(&state.to_json()), Ok(state));
    }
}

#[test]
fn a_state_file_near_the_json_grammar_is_refused_with_its_place() {
    for (text, said) in [
        ("", "line 1, column 0: EOF while parsing a value"),
        ("{\"format\":\"descent-state\",\"version\":2}", "version: this page reads version 1, not 2"),
        ("{\"format\":\"descent-state\",\"version\":1,\"at\":\"\",\"links\":{},\"extra\":0}", "extra: no such field"),
        (
            "{\"format\":\"descent-state\",\"version\":1,\"at\":\"\"}",
            "links: expected an object of link queries, found nothing",
        ),
        (
            "\u{feff}{\"format\":\"descent-state\",\"version\":1,\"at\":7,\"links\":{}}",
            "at: expected the address's text, found a number",
        ),
    ] {
        let error = PageState::parse(text).unwrap_err();
        assert!(error.starts_with(said), "{text}: {error}");
    }
}

#[test]
fn a_race_replay_too_long_on_the_classifier_slice_is_refused_and_opens_at_step_0() {
    let mut lab = Lab::default();
    lab.set("dataset", "blobs").unwrap();
    lab.set("points", "2000").unwrap();
    let mut race = Race::default();
    race.set_classifier(lab_source(&lab)).unwrap();
    let racers = race.racers().iter().filter(|r| r.enabled()).count();
    let steps = REPLAY_BUDGET / (racers * 2000) + 1;
    let said = notice(&open_query(&mut race, &format!("surface=classifier&clock={steps}"))).unwrap();
    assert!(
        said.contains(&format!("replaying {steps} steps of {racers} racers on 2000 points would take too long")),
        "{said}"
    );
    assert_eq!(race.get("surface").unwrap(), "classifier", "the rest is applied");
    assert_eq!(race.clock(), 0);
}

/// Held-out points travel with their set: a split by ratio, then one training point moved into
/// the held-out set and one held-out point out of it by hand, come back flag for flag (the
/// points follow the split's settings, so the ratio does not re-split them), and the held-out
/// readouts agree.
#[test]
fn held_out_flags_survive_a_link() {
    let mut lab = Lab::default();
    for (name, value) in [("dataset", "blobs"), ("points", "40"), ("held-out", "0.25"), ("split-seed", "7")] {
        lab.set(name, value).unwrap();
    }
    let held: Vec<usize> = (0..lab.data().len()).filter(|&i| lab.data().is_held_out(i)).collect();
    let kept = (0..lab.data().len()).find(|i| !held.contains(i)).unwrap();
    lab.set_point_held_out(kept, true).unwrap();
    lab.set_point_held_out(held[0], false).unwrap();
    for _ in 0..20 {
        lab.step().unwrap();
    }
    let text = format_query(&link(&lab));
    assert!(text.contains("data="), "hand-moved flags make the points differ from the recipe's: {text}");
    let copy = through_link(&lab);
    assert_same_lab(&copy, &lab);
    let flags = |l: &Lab| (0..l.data().len()).map(|i| l.data().is_held_out(i)).collect::<Vec<_>>();
    assert_eq!(flags(&copy), flags(&lab));
    assert_eq!(copy.data().held_out_count(), 10);

    // The recipe's own split is not written out: the settings rebuild it.
    let mut plain = Lab::default();
    for (name, value) in [("dataset", "blobs"), ("points", "40"), ("held-out", "0.25")] {
        plain.set(name, value).unwrap();
    }
    assert!(!format_query(&link(&plain)).contains("data="));
    assert_eq!(flags(&through_link(&plain)), flags(&plain));
}

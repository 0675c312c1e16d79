//! Frame budgets in the race: a frame makes as many ticks as its budget allows, a tick too
//! long for one frame (a random-search racer with many candidates) is split across frames,
//! with the same result bit for bit, and Pause stops at once.

use descent::race::Race;

/// A budget that says yes `pieces − 1` times, then no.
fn pieces(pieces: usize) -> impl FnMut() -> bool {
    let mut asked = 0;
    move || {
        asked += 1;
        asked < pieces
    }
}

/// Random search with `samples` candidates beside gradient descent and Adam, on Rosenbrock.
fn race(samples: &str) -> Race {
    let mut race = Race::default();
    race.set("surface", "rosenbrock").unwrap();
    let racers = [("random", "0.1"), ("sgd", "0.001"), ("adam", "0.05")];
    for k in 0..8 {
        race.set(&format!("racer{k}.enabled"), &(k < racers.len()).to_string()).unwrap();
    }
    for (k, (method, lr)) in racers.iter().enumerate() {
        race.set(&format!("racer{k}.method"), method).unwrap();
        race.set(&format!("racer{k}.lr"), lr).unwrap();
    }
    race.set("racer0.samples", samples).unwrap();
    race
}

fn points(race: &Race) -> Vec<Vec<f64>> {
    race.racers().iter().map(|r| r.run().trajectory().points().to_vec()).collect()
}

#[test]
fn a_long_tick_is_split_across_frames_with_the_same_result() {
    let mut split = race("1000");
    let mut whole = split.clone();
    whole.advance(3);

    split.step_within(&mut pieces(100));
    assert!(split.stepping());
    assert_eq!(split.progress(), Some((100, 1000)));
    assert_eq!(split.clock(), 0);
    let mut frames = 1;
    while split.stepping() {
        split.frame(&mut pieces(100));
        frames += 1;
    }
    // Ten frames of 100 candidates, then one for the other two racers.
    assert_eq!((split.clock(), frames), (1, 11));
    split.set_playing(true);
    while split.clock() < 3 {
        split.frame(&mut pieces(77));
    }
    assert_eq!(points(&split), points(&whole));
}

#[test]
fn the_steps_per_frame_are_a_maximum_and_pause_stops_a_tick_at_once() {
    // One candidate: random search's update is one piece, like the others'.
    let mut race = race("1");
    race.set("steps-per-frame", "50").unwrap();
    race.set_playing(true);
    // Each tick asks the budget after each of its three racers (slots after them are
    // disabled) and the frame once after each tick: four answers a tick, so twelve make three.
    race.frame(&mut pieces(12));
    assert_eq!(race.clock(), 3);
    race.frame(&mut || true);
    assert_eq!(race.clock(), 53);

    let mut long = self::race("1000");
    long.step_within(&mut pieces(10));
    assert_eq!(long.progress(), Some((10, 1000)));
    long.set_playing(false);
    long.frame(&mut || true);
    assert_eq!(long.progress(), Some((10, 1000)), "paused: nothing more is evaluated");
    long.step_within(&mut || true);
    assert_eq!((long.clock(), long.progress()), (1, None));
}

#[test]
fn only_the_last_updates_keep_their_evaluated_points() {
    let mut race = race("1000");
    race.advance(200);
    let trajectory = race.racers()[0].run().trajectory();
    // The picture draws the last 25 updates' candidates; memory holds at most twice that.
    assert_eq!(trajectory.evaluations(200).count(), 1000);
    assert_eq!(trajectory.evaluations(176).count(), 1000);
    assert!(trajectory.evaluation_count() <= 2 * 25 * 1000 + 1000, "{}", trajectory.evaluation_count());
    assert_eq!(trajectory.evaluations(1).count(), 0);
}

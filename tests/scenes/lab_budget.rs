//! Frame budgets in the lab: a frame makes as many updates as its budget allows (the speed is
//! a maximum), a random-search update too long for one frame is split across frames with its
//! progress, and Pause stops at once. Splitting never changes what is computed: θ after the
//! same number of updates is bit for bit that of the unsplit run.

use descent::lab::Lab;

/// A budget that says yes `pieces − 1` times, then no: `pieces` pieces of work per call.
fn pieces(pieces: usize) -> impl FnMut() -> bool {
    let mut asked = 0;
    move || {
        asked += 1;
        asked < pieces
    }
}

fn lab(settings: &[(&str, &str)]) -> Lab {
    let mut lab = Lab::default();
    for (name, value) in settings {
        lab.set(name, value).unwrap_or_else(|e| panic!("{name}={value}: {e}"));
    }
    lab
}

#[test]
fn a_frame_makes_as_many_updates_as_its_budget_allows_and_the_run_is_the_same() {
    let settings = [("dataset", "blobs"), ("points", "300"), ("method", "adam"), ("batch-size", "16"), ("speed", "50")];
    let mut budgeted = lab(&settings);
    let mut whole = budgeted.clone();
    budgeted.set_running(true);
    for _ in 0..40 {
        budgeted.play_frame(&mut pieces(7));
    }
    // 7 updates a frame (below the speed of 50), one chart point a frame.
    assert_eq!(budgeted.steps(), 280);
    assert_eq!(budgeted.history().len(), 41);
    whole.advance(280).unwrap();
    assert_eq!(budgeted.theta(), whole.theta());
    // The chart point is the full-data objective at the frame's last θ, exactly.
    let last = budgeted.history().last().unwrap();
    assert_eq!(last.step, 280);
    assert_eq!(last.loss, whole.breakdown());
    // Unlimited, a frame makes the speed's 50 updates.
    budgeted.play_frame(&mut || true);
    assert_eq!(budgeted.steps(), 330);
}

#[test]
fn the_readouts_reuse_the_frames_pass_over_the_data() {
    let mut lab = lab(&[("dataset", "spiral"), ("points", "200"), ("loss", "softmax"), ("batch-size", "20")]);
    lab.set_running(true);
    lab.play_frame(&mut pieces(5));
    let mut reused = vec![0.0; lab.theta().len()];
    let (loss, accuracy) = lab.readouts(&mut reused);
    assert_eq!(loss, lab.breakdown());
    assert_eq!(reused, lab.gradient());
    assert_eq!(accuracy, Some(lab.accuracy()));
}

#[test]
fn a_random_search_update_is_split_across_frames_with_the_same_result() {
    let settings = [("dataset", "blobs"), ("points", "500"), ("method", "random"), ("samples", "200")];
    let mut split = lab(&settings);
    let mut whole = split.clone();
    whole.step().unwrap();
    whole.step().unwrap();

    // Step: 9 candidates in its own call, then 9 per frame.
    split.step_within(&mut pieces(9));
    assert_eq!(split.update_progress(), Some((9, 200)));
    assert_eq!(split.steps(), 0);
    assert!(split.stepping());
    let mut frames = 1;
    while split.stepping() {
        split.play_frame(&mut pieces(9));
        frames += 1;
    }
    assert_eq!(frames, 23, "⌈200 / 9⌉ pieces");
    assert_eq!(split.steps(), 1);
    assert_eq!(split.update_progress(), None);
    // Playing goes on from there, a piece at a time.
    split.set_running(true);
    while split.steps() < 2 {
        split.play_frame(&mut pieces(13));
    }
    assert_eq!(split.theta(), whole.theta());
    assert_eq!(split.history().last().unwrap().loss, whole.breakdown());
}

#[test]
fn pause_stops_an_update_in_progress_at_once_and_step_resumes_it() {
    let mut lab = lab(&[("dataset", "blobs"), ("points", "300"), ("method", "random"), ("samples", "100")]);
    let mut whole = lab.clone();
    whole.step().unwrap();
    lab.set_running(true);
    lab.play_frame(&mut pieces(30));
    assert_eq!(lab.update_progress(), Some((30, 100)));
    lab.set_running(false);
    lab.play_frame(&mut || true);
    lab.play_frame(&mut || true);
    assert_eq!(lab.update_progress(), Some((30, 100)), "paused: nothing more is evaluated");
    lab.step_within(&mut || true);
    assert_eq!((lab.steps(), lab.update_progress()), (1, None));
    assert_eq!(lab.theta(), whole.theta());
    // Any change cancels an update in progress: the run starts afresh from θ.
    lab.step_within(&mut pieces(10));
    assert!(lab.stepping());
    lab.set("samples", "50").unwrap();
    assert!(!lab.stepping() && lab.update_progress().is_none());
    assert_eq!(lab.steps(), 0);
}

/// Playing and stepping see the same objective whatever shapes it: features φ, held-out points
/// left out of training, dropout and jitter draws, gradient noise and minibatches. θ after
/// budgeted frames is bit for bit θ after as many single updates, and the frame's chart point
/// is the training points' full loss.
#[test]
fn budgeted_frames_train_on_what_steps_train_on() {
    let settings = [
        ("dataset", "xor"),
        ("points", "120"),
        ("held-out", "0.25"),
        ("features", "polynomial"),
        ("degree", "3"),
        ("loss", "softmax"),
        ("method", "adam"),
        ("lr", "0.05"),
        ("batch-size", "16"),
        ("dropout", "0.2"),
        ("jitter", "0.05"),
        ("gradient-noise", "0.3"),
        ("speed", "50"),
    ];
    let mut budgeted = lab(&settings);
    let mut whole = budgeted.clone();
    budgeted.set_running(true);
    for _ in 0..12 {
        budgeted.play_frame(&mut pieces(5));
    }
    assert_eq!(budgeted.steps(), 60);
    for _ in 0..60 {
        whole.step().unwrap();
    }
    assert_eq!(budgeted.theta(), whole.theta());
    assert_eq!(budgeted.history().last().unwrap().loss, whole.breakdown());
    assert_eq!(whole.data().held_out_count(), 30);
}

#[test]
fn a_full_batch_frame_reuses_the_last_frames_pass_and_computes_the_same_run() {
    // A frame ends with one pass over the data at its last θ (for the readouts and the chart);
    // the next frame's first update asks for L and ∇L at that θ and is answered from it. The
    // run is bit for bit the run of single steps, whatever the method.
    let methods = ["sgd", "momentum", "nesterov", "adam", "adamw", "rprop", "newton", "lbfgs", "random"];
    let losses = ["softmax", "svm", "ova", "structured"];
    for (method, loss) in methods.iter().flat_map(|m| losses.map(|l| (*m, l))) {
        let settings = [("dataset", "blobs"), ("points", "200"), ("loss", loss), ("method", method), ("speed", "3")];
        let mut played = lab(&settings);
        let mut stepped = played.clone();
        played.set_running(true);
        for _ in 0..10 {
            played.play_frame(&mut || true);
        }
        if stepped.advance(30).is_err() {
            // (Newton needs softmax: its first update fails, played or stepped.)
            assert_eq!(played.stopped(), stepped.stopped(), "{method} {loss}");
            assert_eq!(played.theta(), stepped.theta(), "{method} {loss}");
            continue;
        }
        assert_eq!(played.steps(), 30, "{method} {loss}");
        assert_eq!(played.theta(), stepped.theta(), "{method} {loss}");
        assert_eq!(played.history().last().unwrap().loss, stepped.breakdown(), "{method} {loss}");
    }
}

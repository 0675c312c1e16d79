//! Nothing the page can send makes the lab panic or show a non-finite number: any sequence of
//! settings (good, bad or absurd values), gestures, buttons, CSV files and steps leaves θ, the
//! losses and the drawing finite.

use descent::lab::Lab;
use proptest::prelude::*;

const NAMES: [&str; 25] = [
    "dataset",
    "points",
    "classes",
    "noise",
    "data-seed",
    "loss",
    "margin",
    "regularizer",
    "lambda",
    "beta",
    "regularize-bias",
    "init-seed",
    "show-margins",
    "show-confidence",
    "add-class",
    "batch-size",
    "gradient-noise",
    "speed",
    "method",
    "lr",
    "momentum",
    "schedule",
    "warmup",
    "total",
    "W[1,0]",
];

const VALUES: [&str; 31] = [
    "",
    "0",
    "1",
    "2",
    "3",
    "7",
    "-1",
    "0.5",
    "1e308",
    "-1e308",
    "NaN",
    "inf",
    "abc",
    "1000000",
    "100",
    "true",
    "false",
    "blobs",
    "spiral",
    "cs231n",
    "xor",
    "softmax",
    "ova",
    "l1",
    "elastic-net",
    "adam",
    "newton",
    "lbfgs",
    "random",
    "cosine",
    "file",
];

/// CSV files: good ones (far from the origin, a single point, six classes, huge
/// coordinates) and bad ones.
const FILES: [&str; 6] = [
    "x0,x1,label\n100,200,0\n101,200,1\n100,201,2\n",
    "0,0,1\n",
    "0,0,0\n1,0,1\n0,1,2\n1,1,3\n2,2,4\n3,3,5\n",
    "-1e6,1e6,0\n1e6,-1e6,1\n",
    "1,2,3,0\n",
    "1,abc,0\n",
];

#[derive(Clone, Debug)]
enum Action {
    Set(usize, usize),
    Step(usize),
    Press(f64, f64, bool),
    Move(f64, f64),
    Release,
    LongPress,
    Double,
    Randomize,
    Reset,
    Regenerate,
    Remove(usize),
    LoadCsv(usize),
}

fn action() -> impl Strategy<Value = Action> {
    let coordinate = prop_oneof![-50.0f64..250.0, Just(f64::NAN), Just(f64::INFINITY)];
    prop_oneof![
        4 => (0..NAMES.len(), 0..VALUES.len()).prop_map(|(n, v)| Action::Set(n, v)),
        2 => (1usize..40).prop_map(Action::Step),
        1 => (coordinate.clone(), coordinate.clone(), any::<bool>()).prop_map(|(x, y, r)| Action::Press(x, y, r)),
        1 => (coordinate.clone(), coordinate).prop_map(|(x, y)| Action::Move(x, y)),
        1 => Just(Action::Release),
        1 => Just(Action::LongPress),
        1 => Just(Action::Double),
        1 => Just(Action::Randomize),
        1 => Just(Action::Reset),
        1 => Just(Action::Regenerate),
        1 => (0usize..300).prop_map(Action::Remove),
        1 => (0..FILES.len()).prop_map(Action::LoadCsv),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_sequence_of_inputs_breaks_the_lab(actions in proptest::collection::vec(action(), 1..40)) {
        let mut lab = Lab::default();
        lab.resize(200, 200, 1.0);
        for a in &actions {
            match *a {
                Action::Set(n, v) => { let _ = lab.set(NAMES[n], VALUES[v]); }
                Action::Step(k) => { let _ = lab.advance(k); }
                Action::Press(x, y, remove) => { let _ = lab.pointer_down([x, y], remove); }
                Action::Move(x, y) => { let _ = lab.pointer_move([x, y]); }
                Action::Release => lab.pointer_up(),
                Action::LongPress => { let _ = lab.long_press(); }
                Action::Double => { let _ = lab.scale_theta(2.0); }
                Action::Randomize => lab.randomize(),
                Action::Reset => lab.reset(),
                Action::Regenerate => { let _ = lab.regenerate(); }
                Action::Remove(i) => { let _ = lab.remove_point(i); }
                Action::LoadCsv(f) => { let _ = lab.load_csv("points.csv", FILES[f].as_bytes()); }
            }
            prop_assert!(lab.theta().iter().all(|t| t.is_finite()), "θ after {a:?}: {:?}", lab.theta());
            let loss = lab.breakdown();
            prop_assert!(loss.data.is_finite() && loss.regularization.is_finite(), "loss after {a:?}: {loss:?}");
            prop_assert!(lab.learning_rate().is_finite());
            for name in NAMES {
                lab.get(name).unwrap();
            }
        }
        lab.render();
        let mut rows = Vec::new();
        lab.table_rows(0, usize::MAX, &mut rows);
        prop_assert!(rows.iter().all(|v| v.is_finite()));
        prop_assert_eq!(rows.len(), lab.data().len() * lab.row_width());
        let _ = lab.gradient_check();
        let _ = lab.snapshot();
    }
}

#[test]
fn an_empty_dataset_trains_draws_and_recovers() {
    let mut lab = Lab::default();
    lab.resize(100, 100, 1.0);
    while !lab.data().is_empty() {
        lab.remove_point(0).unwrap();
    }
    assert_eq!(lab.breakdown().data, 0.0);
    lab.advance(5).unwrap();
    lab.render();
    assert_eq!(lab.accuracy(), 1.0);
    lab.set("batch-size", "3").unwrap();
    lab.advance(2).unwrap();
    lab.regenerate().unwrap();
    assert_eq!(lab.data().len(), 9);
}

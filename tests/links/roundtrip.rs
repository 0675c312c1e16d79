//! Links reproduce what they were made from: after any sequence of settings (good and bad),
//! buttons and training steps, a scene's link, written out and read back, opens on a fresh
//! scene as a scene whose every linked setting equals the original's, and opening it on the
//! original changes nothing.

use descent::lab::Lab;
use descent::link::address::format_query;
use descent::link::{Linkable, link, open_query};
use descent::race::Race;
use descent::race::slice::ClassifierSource;
use descent::regularization::calculator::Calculator;
use descent::regularization::landscape::Landscape;
use descent::regularization::numeric_gradient::NumericGradient;
use descent::regularization::preferences::Preferences;
use descent::regularization::simpler::Simpler;
use descent::regularization::weight_space::WeightSpace;
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;

/// A setting with a value drawn from a strategy.
type Setting = BoxedStrategy<(String, String)>;

fn setting(name: impl Into<String>, values: impl Strategy<Value = String> + 'static) -> Setting {
    let name = name.into();
    values.prop_map(move |v| (name.clone(), v)).boxed()
}

fn one_of(values: &[&str]) -> BoxedStrategy<String> {
    let values: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    proptest::sample::select(values).boxed()
}

fn number(low: f64, high: f64) -> BoxedStrategy<String> {
    (low..high).prop_map(|v| v.to_string()).boxed()
}

fn whole(low: u64, high: u64) -> BoxedStrategy<String> {
    (low..=high).prop_map(|v| v.to_string()).boxed()
}

fn boolean() -> BoxedStrategy<String> {
    one_of(&["true", "false"])
}

/// Values a page could send, a few of them refused.
fn or_bad(values: BoxedStrategy<String>) -> BoxedStrategy<String> {
    prop_oneof![9 => values, 1 => one_of(&["", "abc", "-1", "1e400", "NaN"])].boxed()
}

const METHODS: [&str; 10] =
    ["random", "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "newton", "lbfgs"];

/// The optimizer's settings under `prefix` (the lab's "" or a racer's "racer3.").
fn optimizer(prefix: &str) -> Vec<Setting> {
    let p = |name: &str| format!("{prefix}{name}");
    vec![
        setting(p("method"), one_of(&METHODS)),
        setting(p("lr"), or_bad(number(1e-5, 1.0))),
        setting(p("momentum"), or_bad(number(0.0, 0.99))),
        setting(p("form"), one_of(&["gradient", "velocity"])),
        setting(p("decay"), number(0.0, 0.999)),
        setting(p("beta1"), number(0.0, 0.999)),
        setting(p("beta2"), number(0.0, 0.9999)),
        setting(p("eps"), number(1e-10, 1e-3)),
        setting(p("weight-decay"), number(0.0, 0.1)),
        setting(p("bias-correction"), boolean()),
        setting(p("history"), whole(1, 20)),
        setting(p("samples"), whole(1, 5)),
        setting(p("seed"), whole(0, 3)),
        setting(p("schedule"), one_of(&["constant", "step", "cosine", "linear", "invsqrt"])),
        setting(p("step-size"), whole(1, 50)),
        setting(p("gamma"), number(0.0, 1.0)),
        setting(p("total"), whole(1, 500)),
        setting(p("warmup"), whole(0, 20)),
    ]
}

/// Checks the round trip and that opening a scene's own link changes nothing.
fn check_round_trip<T: Linkable + Clone>(scene: &T) -> Result<(), TestCaseError> {
    let text = format_query(&link(scene));
    let mut copy = scene.blank();
    let refused = open_query(&mut copy, &text);
    prop_assert!(refused.is_empty(), "{text}: {refused:?}");
    prop_assert_eq!(copy.link_names(), scene.link_names());
    for name in scene.link_names() {
        // A custom race whose settings all equal a preset's may open as that preset.
        if scene.link_value(&name).is_ok_and(|v| v == "custom") {
            continue;
        }
        prop_assert_eq!(copy.link_value(&name), scene.link_value(&name), "{} in {}", name, text);
    }
    prop_assert_eq!(format_query(&link(&copy)), text.clone(), "equal states, equal links");
    let mut same = scene.clone();
    prop_assert!(open_query(&mut same, &text).is_empty());
    for name in scene.link_names() {
        prop_assert_eq!(same.link_value(&name), scene.link_value(&name), "{} reopened", name);
    }
    Ok(())
}

// The lab.

#[derive(Clone, Debug)]
enum LabAction {
    Set(String, String),
    Steps(usize),
    Randomize,
    Double,
    Nudge(usize, bool),
    Reset,
}

fn lab_settings() -> Vec<Setting> {
    let mut settings = vec![
        setting("dataset", one_of(&["cs231n", "blobs", "ring", "three-modes", "xor", "spiral"])),
        setting("classes", or_bad(whole(2, 6))),
        setting("points", or_bad(whole(5, 120))),
        setting("noise", number(0.0, 1.0)),
        setting("data-seed", whole(0, 4)),
        setting("init-seed", whole(0, 4)),
        setting("loss", one_of(&["svm", "ova", "structured", "softmax"])),
        setting("margin", number(0.0, 3.0)),
        setting("regularizer", one_of(&["none", "l2", "l1", "elastic-net"])),
        setting("lambda", or_bad(number(0.0, 1.0))),
        setting("beta", number(0.0, 2.0)),
        setting("regularize-bias", boolean()),
        setting("batch-size", whole(0, 40)),
        setting("gradient-noise", or_bad(number(0.0, 3.0))),
        setting("speed", whole(1, 100)),
        setting("show-margins", boolean()),
        setting("show-confidence", boolean()),
        setting("log-y", boolean()),
        setting("add-class", whole(0, 5)),
        ((0usize..6, 0usize..2), -3.0..3.0f64).prop_map(|((k, l), v)| (format!("W[{k},{l}]"), v.to_string())).boxed(),
        (0usize..6, -3.0..3.0f64).prop_map(|(k, v)| (format!("b[{k}]"), v.to_string())).boxed(),
    ];
    settings.extend(optimizer(""));
    settings
}

fn lab_action() -> impl Strategy<Value = LabAction> {
    prop_oneof![
        12 => proptest::strategy::Union::new(lab_settings()).prop_map(|(n, v)| LabAction::Set(n, v)),
        2 => (1usize..15).prop_map(LabAction::Steps),
        1 => Just(LabAction::Randomize),
        1 => Just(LabAction::Double),
        1 => (0usize..9, any::<bool>()).prop_map(|(i, up)| LabAction::Nudge(i, up)),
        1 => Just(LabAction::Reset),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn lab_links_round_trip(actions in proptest::collection::vec(lab_action(), 0..14)) {
        let mut lab = Lab::default();
        for action in actions {
            match action {
                LabAction::Set(name, value) => { let _ = lab.set(&name, &value); }
                LabAction::Steps(n) => for _ in 0..n { let _ = lab.step(); },
                LabAction::Randomize => lab.randomize(),
                LabAction::Double => { let _ = lab.scale_theta(2.0); }
                LabAction::Nudge(i, up) => { let _ = lab.nudge(i, up); }
                LabAction::Reset => lab.reset(),
            }
        }
        check_round_trip(&lab)?;
        // The copy replays the run.
        let mut copy = lab.blank();
        open_query(&mut copy, &format_query(&link(&lab)));
        let mut original = lab.clone();
        original.reset();
        copy.reset();
        prop_assert_eq!(copy.theta(), original.theta(), "the same θ₀");
        let points = lab.spec().generate().unwrap();
        prop_assert_eq!(copy.data(), &points, "the same points");
    }
}

// The race.

#[derive(Clone, Debug)]
enum RaceAction {
    Set(String, String),
    Advance(usize),
}

const SLICE_AXES: [&str; 8] = ["W[0,0]", "W[0,1]", "W[1,0]", "W[1,1]", "b[0]", "b[1]", "b[2]", "W[5,1]"];

fn race_settings() -> Vec<Setting> {
    let presets = [
        "conditioning",
        "saddle",
        "local-minima",
        "rastrigin",
        "noise",
        "adam-bias",
        "second-order",
        "lbfgs-noise",
        "amsgrad",
        "sgdr",
    ];
    let surfaces = ["quadratic", "rosenbrock", "beale", "himmelblau", "saddle", "rastrigin", "classifier"];
    let mut settings = vec![
        setting("preset", one_of(&presets)),
        setting("surface", one_of(&surfaces)),
        setting("kappa", or_bad(number(1.0, 100.0))),
        setting("angle", number(-90.0, 90.0)),
        setting("noise", number(0.0, 2.0)),
        setting("seed", whole(0, 5)),
        setting("steps-per-frame", whole(1, 10)),
        setting("target", number(1e-8, 1e-2)),
        ((-2.0..2.0f64), (-2.0..2.0f64)).prop_map(|(x, y)| ("start".to_string(), format!("{x},{y}"))).boxed(),
        setting("schedule", one_of(&["constant", "step", "cosine", "linear", "invsqrt"])),
        setting("step-size", whole(1, 50)),
        setting("gamma", number(0.0, 1.0)),
        setting("total", whole(1, 500)),
        setting("warmup", whole(0, 20)),
        setting("slice-x", one_of(&SLICE_AXES)),
        setting("slice-y", one_of(&SLICE_AXES)),
    ];
    for k in [0, 1, 3, 7] {
        let prefix = format!("racer{k}.");
        settings.push(setting(format!("{prefix}enabled"), boolean()));
        settings.push(setting(format!("{prefix}own-schedule"), boolean()));
        settings.push(setting(format!("{prefix}noise-free"), boolean()));
        settings.extend(optimizer(&prefix));
    }
    settings
}

fn race_action() -> impl Strategy<Value = RaceAction> {
    prop_oneof![
        8 => proptest::strategy::Union::new(race_settings()).prop_map(|(n, v)| RaceAction::Set(n, v)),
        1 => (0usize..40).prop_map(RaceAction::Advance),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn race_links_round_trip(with_lab in any::<bool>(), actions in proptest::collection::vec(race_action(), 0..14)) {
        let mut race = Race::default();
        if with_lab {
            let mut lab = Lab::default();
            lab.set("dataset", "blobs").unwrap();
            let s = lab.snapshot();
            race.set_classifier(ClassifierSource { data: s.data.clone(), objective: s.objective, theta: s.theta.clone() }).unwrap();
        }
        for action in actions {
            match action {
                RaceAction::Set(name, value) => { let _ = race.set(&name, &value); }
                RaceAction::Advance(n) => race.advance(n),
            }
        }
        check_round_trip(&race)?;
        // A race that is a preset opens as that preset (and shows its claim).
        if let Some(preset) = race.preset() {
            let mut copy = race.blank();
            open_query(&mut copy, &format_query(&link(&race)));
            prop_assert_eq!(copy.preset(), Some(preset));
        }
    }
}

// The regularization views.

/// Applies settings (refused ones change nothing) and checks the round trip.
fn walk<T: Linkable + Clone>(mut scene: T, settings: Vec<(String, String)>) -> Result<(), TestCaseError> {
    for (name, value) in settings {
        let _ = scene.link_set(&name, &value);
    }
    check_round_trip(&scene)
}

fn settings(list: Vec<Setting>, most: usize) -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::vec(proptest::strategy::Union::new(list), 0..most)
}

fn entries(stem: &str, count: usize, values: BoxedStrategy<String>) -> Setting {
    let stem = stem.to_string();
    (0..count, values).prop_map(move |(k, v)| (format!("{stem}.{k}"), v)).boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn weight_space_links_round_trip(list in settings(vec![
        setting("penalty", one_of(&["l2", "l1", "elastic-net", "none"])),
        setting("lambda", or_bad(number(1e-3, 10.0))),
        setting("beta", number(0.0, 2.0)),
        setting("dataset", one_of(&["blobs", "ring", "xor", "spiral", "three-modes"])),
        setting("points", whole(10, 60)),
        setting("noise", number(0.0, 2.0)),
        setting("angle", number(-180.0, 180.0)),
        setting("seed", whole(0, 5)),
    ], 6)) {
        walk(WeightSpace::default(), list)?;
    }

    #[test]
    fn preferences_links_round_trip(list in settings(vec![
        entries("x", 4, or_bad(number(-5.0, 5.0))),
        entries("w1", 4, number(-5.0, 5.0)),
        entries("w2", 4, number(-5.0, 5.0)),
        setting("beta", number(0.0, 3.0)),
    ], 10)) {
        walk(Preferences::default(), list)?;
    }

    #[test]
    fn simpler_links_round_trip(list in settings(vec![
        setting("degree", or_bad(whole(0, 15))),
        setting("lambda", number(1e-10, 10.0)),
        setting("points", whole(2, 50)),
        setting("noise", number(0.0, 1.0)),
        setting("seed", whole(0, 5)),
    ], 8)) {
        walk(Simpler::default(), list)?;
    }

    #[test]
    fn landscape_links_round_trip(classes in 2usize..5, list in settings(vec![
        setting("directions", one_of(&["random", "axes"])),
        setting("seed", whole(0, 5)),
        setting("range", number(0.01, 100.0)),
        setting("axis1", one_of(&SLICE_AXES)),
        setting("axis2", one_of(&SLICE_AXES)),
    ], 8)) {
        let mut lab = Lab::default();
        lab.set("dataset", "blobs").unwrap();
        lab.set("classes", &classes.to_string()).unwrap();
        let mut view = Landscape::default();
        view.set_source(lab.snapshot()).unwrap();
        walk(view, list)?;
    }

    #[test]
    fn numeric_gradient_links_round_trip(list in settings(vec![
        setting("loss", one_of(&["svm", "softmax", "ova", "structured"])),
        setting("lambda", number(0.0, 2.0)),
        setting("h", or_bad(number(1e-8, 0.1))),
        setting("difference", one_of(&["forward", "centered"])),
        entries("w", 9, number(-5.0, 5.0)),
    ], 10)) {
        walk(NumericGradient::default(), list)?;
    }

    #[test]
    fn calculator_links_round_trip(list in settings(vec![
        setting("classes", or_bad(whole(2, 6))),
        setting("examples", whole(1, 6)),
        (0usize..6, 0usize..6, -20.0..20.0f64).prop_map(|(k, i, v)| (format!("score.{k}.{i}"), v.to_string())).boxed(),
        entries("label", 6, whole(0, 5)),
        entries("class", 6, one_of(&["dog", "2", "0", "a b", "x&y=z", "chat 🐱", "%41", "+"])),
        setting("margin", number(0.0, 5.0)),
        setting("scale", number(0.0, 3.0)),
    ], 16)) {
        walk(Calculator::default(), list)?;
    }
}

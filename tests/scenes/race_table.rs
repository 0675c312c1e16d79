//! The race's settings table, walked: every value the table shows is one the race accepts and
//! reads back, every option of every menu loads, what does not apply is exactly what the
//! race's rules say, the ranges shown are the ranges accepted, and links walk the same names
//! in the same order.

use descent::lab::Lab;
use descent::link::Linkable;
use descent::optim::settings::{Hyper, Method, Setting};
use descent::race::Race;
use descent::race::slice::ClassifierSource;
use descent::schedule::ScheduleParam;
use descent::setting::{Kind, Spec, Table, state};
use descent::surface::SurfaceKind;

/// A fresh race with the classifier lab's default model (three classes, nine points).
fn race_with_lab() -> Race {
    let snapshot = Lab::default().snapshot();
    let source =
        ClassifierSource { data: snapshot.data.clone(), objective: snapshot.objective, theta: snapshot.theta.clone() };
    let mut race = Race::default();
    race.set_classifier(source).unwrap();
    race
}

/// The races the walks start from: fresh, with the lab's model, on the classifier slice, and
/// a custom one with every racer on and its own schedule.
fn races() -> Vec<(&'static str, Race)> {
    let mut slice = race_with_lab();
    slice.set("surface", "classifier").unwrap();
    let mut custom = race_with_lab();
    for k in 0..8 {
        custom.set(&format!("racer{k}.enabled"), "true").unwrap();
        custom.set(&format!("racer{k}.own-schedule"), "true").unwrap();
    }
    vec![("fresh", Race::default()), ("with the lab", race_with_lab()), ("on the slice", slice), ("custom", custom)]
}

/// Whether `value` is one `kind` accepts, read with the table's own parsers.
fn accepted(spec: &Spec, value: &str) -> bool {
    let name = spec.name.as_str();
    match &spec.kind {
        Kind::Number { .. } => spec.kind.parse_number(name, value).is_ok(),
        Kind::Whole { .. } => spec.kind.parse_whole(name, value).is_ok(),
        Kind::Choice(_) => spec.kind.parse_option(name, value).is_ok(),
        Kind::Switch => spec.kind.parse_switch(name, value).is_ok(),
        // Text the race reads itself: accepted if the race takes it.
        Kind::Text { .. } => true,
    }
}

#[test]
fn every_value_the_table_shows_is_accepted_by_its_kind_and_reads_back() {
    for (what, race) in races() {
        for entry in state(&race) {
            let (spec, value) = (&entry.spec, &entry.value);
            if spec.name == "preset" && value == "custom" {
                // A changed race reads "custom", which the menu shows but no one can choose.
                continue;
            }
            if value.is_empty() {
                // The slice's axes before the lab handed its model over: no value, no options.
                assert!(spec.name.starts_with("slice-") && what == "fresh", "{what}: {} has no value", spec.name);
                assert_eq!(spec.kind, Kind::Choice(Vec::new()));
                continue;
            }
            assert!(accepted(spec, value), "{what}: {} = {value} is refused by its own kind", spec.name);
            let mut copy = race.clone();
            copy.set(&spec.name, value).unwrap_or_else(|e| panic!("{what}: {} = {value}: {e}", spec.name));
            assert_eq!(&copy.get(&spec.name).unwrap(), value, "{what}: {}", spec.name);
        }
    }
}

#[test]
fn every_option_of_every_menu_is_accepted() {
    let race = race_with_lab();
    let mut menus = 0;
    for spec in race.specs() {
        let Kind::Choice(options) = &spec.kind else { continue };
        menus += 1;
        assert!(!options.is_empty(), "{} has options", spec.name);
        for option in options {
            let mut copy = race.clone();
            copy.set(&spec.name, &option.value).unwrap_or_else(|e| panic!("{} = {}: {e}", spec.name, option.value));
            assert_eq!(copy.get(&spec.name).unwrap(), option.value, "{}", spec.name);
            assert!(!option.label.is_empty());
        }
    }
    // preset, surface, the slice's axes, the shared schedule; each racer's method, form,
    // schedule and the settings of the later methods that are choices (L-BFGS's line search).
    let racer_menus = Setting::all().filter(|s| matches!(s.kind(), Kind::Choice(_))).count();
    assert!(racer_menus >= 3);
    assert_eq!(menus, 5 + 8 * racer_menus);
    let options = |name: &str| match race.setting_spec(name.parse().unwrap()).kind {
        Kind::Choice(options) => options.into_iter().map(|o| o.value).collect::<Vec<_>>(),
        _ => panic!("{name} is a menu"),
    };
    let surfaces: Vec<String> =
        SurfaceKind::ALL.iter().map(|k| k.name().to_string()).chain(["classifier".to_string()]).collect();
    assert_eq!(options("surface"), surfaces, "the surfaces, then the lab's loss");
    let shape = Lab::default().shape();
    let parameters: Vec<String> = (0..shape.len()).map(|i| shape.param(i).to_string()).collect();
    assert_eq!(parameters.len(), 9);
    assert_eq!(options("slice-x"), parameters, "the model's parameters");
    let fresh = Race::default();
    let Kind::Choice(without) = fresh.setting_spec("surface".parse().unwrap()).kind else { panic!() };
    assert_eq!(without.len(), SurfaceKind::ALL.len(), "no classifier slice without the lab's model");
}

#[test]
fn only_the_settings_that_mean_something_apply() {
    let mut race = race_with_lab();
    let applies = |race: &Race, name: &str| Table::applies(race, name);
    for (surface, shaped, slice) in [
        ("quadratic", true, false),
        ("rosenbrock", false, false),
        ("saddle", false, false),
        ("classifier", false, true),
    ] {
        race.set("surface", surface).unwrap();
        for name in ["kappa", "angle"] {
            assert_eq!(applies(&race, name), shaped, "{name} on {surface}");
        }
        for name in ["slice-x", "slice-y"] {
            assert_eq!(applies(&race, name), slice, "{name} on {surface}");
        }
        for name in ["preset", "surface", "start", "noise", "seed", "steps-per-frame", "target", "schedule", "warmup"] {
            assert!(applies(&race, name), "{name} on {surface}");
        }
        // The shared schedule's settings follow its kind, as the lab's do.
        assert!(!applies(&race, "gamma") && !applies(&race, "total"), "constant schedule on {surface}");
    }
    for method in Method::ALL {
        for own in [false, true] {
            let k = 5;
            race.set(&format!("racer{k}.method"), method.name()).unwrap();
            race.set(&format!("racer{k}.own-schedule"), &own.to_string()).unwrap();
            for hyper in Hyper::ALL {
                let name = format!("racer{k}.{}", hyper.name());
                assert_eq!(applies(&race, &name), method.hypers().contains(&hyper), "{name} for {method}");
            }
            let schedule = race.racers()[k].settings().schedule;
            for p in ScheduleParam::ALL {
                let name = format!("racer{k}.{}", p.name());
                let expected = p == ScheduleParam::Lr || own && p.applies(&schedule);
                assert_eq!(applies(&race, &name), expected, "{name}, own schedule {own}");
            }
            for field in ["enabled", "method", "own-schedule", "noise-free"] {
                assert!(applies(&race, &format!("racer{k}.{field}")), "{field}");
            }
            // The other racers keep their own: SGD with the shared schedule.
            assert!(applies(&race, "racer4.weight-decay") && !applies(&race, "racer4.beta1"));
            assert!(!applies(&race, "racer4.schedule"));
        }
    }
    assert!(!applies(&race, "nosie") && !applies(&race, "racer8.lr"), "no such settings");
}

#[test]
fn the_ranges_shown_are_the_ranges_accepted() {
    let race = Race::default();
    let mut checked = 0;
    for spec in race.specs() {
        let short = spec.name.rsplit('.').next().unwrap().to_string();
        let expected = spec.kind.expected();
        let beyond = match spec.kind {
            Kind::Number { max, open: true, .. } => max.to_string(),
            Kind::Number { max, .. } => (max * 2.0 + 1.0).to_string(),
            Kind::Whole { max, .. } if max < u64::MAX => (max + 1).to_string(),
            Kind::Whole { .. } => "-1".to_string(),
            _ => continue,
        };
        for value in [beyond.as_str(), "lots"] {
            let error = race.clone().set(&spec.name, value).unwrap_err().to_string();
            let says = format!("{short} must be {expected}, not \"{value}\"");
            assert!(error.contains(&says), "{}: {error} (expected {says})", spec.name);
        }
        checked += 1;
    }
    // Every number row was checked: κ, θ, σ, the seed, steps per frame, ε, the shared
    // schedule's, and each racer's optimizer settings.
    let numbers = race.specs().into_iter().filter(|s| matches!(s.kind, Kind::Number { .. } | Kind::Whole { .. }));
    assert_eq!(checked, numbers.count());
    assert!(checked > 8 * 20, "{checked}");
    let kappa = race.clone().set("kappa", "0.5").unwrap_err().to_string();
    assert_eq!(kappa, "kappa must be a number from 1 to 1000, not \"0.5\"");
}

#[test]
fn links_walk_the_table_in_its_order() {
    for (what, race) in races() {
        let mut names: Vec<String> = race.specs().into_iter().map(|spec| spec.name).collect();
        // Then the clock, the state beyond the settings.
        names.push("clock".to_string());
        assert_eq!(race.link_names(), names, "{what}");
        let scene = [
            "slice-x",
            "slice-y",
            "preset",
            "surface",
            "kappa",
            "angle",
            "start",
            "noise",
            "seed",
            "steps-per-frame",
            "target",
            "schedule",
            "step-size",
            "gamma",
            "total",
            "warmup",
        ];
        // The schedules added later come after the first ones, so that older links stay.
        let scene = scene.into_iter().chain(ScheduleParam::ALL.iter().skip(6).map(|p| p.name()));
        let mut expected: Vec<String> = scene.map(|s| s.to_string()).collect();
        for k in 0..8 {
            let own = ["enabled"].into_iter().chain(Setting::names()).chain(["own-schedule", "noise-free"]);
            expected.extend(own.map(|name| format!("racer{k}.{name}")));
        }
        expected.push("clock".to_string());
        assert_eq!(names, expected, "{what}: the scene's settings, then each racer's, in link order");
    }
}

//! Each scene's links: what they carry and in which order, opening them (in any order, on a
//! fresh scene or on the one on screen), malformed links, and every control of the page
//! covered.

use descent::lab::{Lab, LabParam};
use descent::link::address::{format_query, pairs};
use descent::link::{Linkable, Pair, link, notice, open, open_query};
use descent::optim::settings::Setting;
use descent::race::Race;
use descent::race::param::RaceParam;
use descent::race::slice::ClassifierSource;
use descent::regularization::calculator::Calculator;
use descent::regularization::landscape::Landscape;
use descent::regularization::numeric_gradient::NumericGradient;
use descent::regularization::preferences::Preferences;
use descent::regularization::simpler::Simpler;
use descent::regularization::weight_space::WeightSpace;

/// The scene's link as the address shows it.
fn text<T: Linkable>(scene: &T) -> String {
    format_query(&link(scene))
}

/// A blank scene with `query` opened on it, and the notice.
fn opened<T: Linkable>(like: &T, query: &str) -> (T, Option<String>) {
    let mut scene = like.blank();
    let refused = open_query(&mut scene, query);
    (scene, notice(&refused))
}

/// Every link setting of `a` equals `b`'s.
fn assert_same<T: Linkable>(a: &T, b: &T) {
    assert_eq!(a.link_names(), b.link_names());
    for name in a.link_names() {
        assert_eq!(a.link_value(&name), b.link_value(&name), "{name}");
    }
}

/// Opens the scene's link on a blank scene and checks the result equals it.
fn round_trip<T: Linkable>(scene: &T) -> T {
    let (copy, refused) = opened(scene, &text(scene));
    assert_eq!(refused, None);
    assert_same(&copy, scene);
    copy
}

fn set<T: Linkable>(scene: &mut T, settings: &[(&str, &str)]) {
    for (name, value) in settings {
        scene.link_set(name, value).unwrap_or_else(|e| panic!("{name}={value}: {e}"));
    }
}

// The classifier lab.

#[test]
fn a_fresh_lab_has_an_empty_link() {
    assert_eq!(text(&Lab::default()), "");
}

#[test]
fn a_lab_link_carries_the_settings_that_differ_in_link_order() {
    let mut lab = Lab::default();
    set(&mut lab, &[("lr", "0.005"), ("method", "adam"), ("lambda", "0.01"), ("loss", "softmax")]);
    // Setting the method took Adam's lab rate 0.1 (α = 0.005 was on SGD's scale).
    assert_eq!(lab.get("lr").unwrap(), "0.1");
    assert_eq!(text(&lab), "loss=softmax&lambda=0.01&method=adam");
    lab.set("lr", "0.005").unwrap();
    assert_eq!(text(&lab), "loss=softmax&lambda=0.01&method=adam&lr=0.005");
    round_trip(&lab);
}

#[test]
fn a_method_resets_what_it_brings_so_the_link_carries_only_changes() {
    let mut lab = Lab::default();
    lab.set("method", "adamw").unwrap();
    assert_eq!(text(&lab), "method=adamw", "AdamW's lr, ε and weight decay are its defaults");
    lab.set("weight-decay", "0.05").unwrap();
    assert_eq!(text(&lab), "method=adamw&weight-decay=0.05");
}

#[test]
fn a_dataset_comes_before_its_classes_and_points() {
    let mut lab = Lab::default();
    set(&mut lab, &[("dataset", "spiral"), ("classes", "5"), ("points", "300"), ("noise", "0.1")]);
    assert_eq!(text(&lab), "dataset=spiral&classes=5&points=300&noise=0.1");
    let (copy, _) = opened(&lab, "noise=0.1&points=300&classes=5&dataset=spiral");
    assert_same(&copy, &lab);
    assert_eq!(copy.data(), lab.data(), "the same points");
    assert_eq!(copy.theta(), lab.theta(), "the same θ₀");
}

#[test]
fn training_is_in_a_link_as_its_step_and_its_start() {
    let mut lab = Lab::default();
    for _ in 0..25 {
        lab.step().unwrap();
    }
    assert_eq!(text(&lab), "step=25", "steps change no setting; the replay reaches θ");
    // A setting changed mid-training starts a new run where training had got to.
    lab.set("lambda", "0.02").unwrap();
    lab.step().unwrap();
    let link = link(&lab);
    let start: Vec<String> = lab.history().theta(0).iter().map(f64::to_string).collect();
    let carried: Vec<&Pair> = link.iter().filter(|p| p.name.starts_with(['W', 'b'])).collect();
    assert_eq!(carried.len(), 9, "{link:?}");
    for pair in carried {
        assert_eq!(pair.value, start[index_of(&lab, &pair.name)]);
    }
    let copy = round_trip(&lab);
    assert_eq!(copy.theta(), lab.theta(), "bit for bit");
    assert_eq!(copy.steps(), 1);
}

/// The flat index of the lab's parameter `name`.
fn index_of(lab: &Lab, name: &str) -> usize {
    let shape = lab.shape();
    (0..shape.len()).position(|i| shape.param(i).to_string() == name).unwrap()
}

#[test]
fn hand_edited_w_and_b_are_carried_and_replay_identically() {
    let mut lab = Lab::default();
    lab.set("W[0,1]", "-0.25").unwrap();
    assert_eq!(text(&lab), "W[0,1]=-0.25");
    lab.scale_theta(2.0).unwrap();
    let copy = round_trip(&lab);
    assert_eq!(copy.theta(), lab.theta());
    // Both replay the same run.
    let (mut a, mut b) = (lab.clone(), copy);
    for _ in 0..10 {
        a.step().unwrap();
        b.step().unwrap();
    }
    assert_eq!(a.theta(), b.theta());
    // Reset goes back to the same θ₀ on both.
    a.reset();
    b.reset();
    assert_eq!(a.theta(), b.theta());
}

#[test]
fn randomize_is_carried_as_its_seed() {
    let mut lab = Lab::default();
    lab.randomize();
    lab.randomize();
    assert_eq!(text(&lab), "init-seed=2");
    assert_eq!(round_trip(&lab).theta(), lab.theta());
}

#[test]
fn a_minibatch_run_replays_step_for_step() {
    let mut lab = Lab::default();
    set(&mut lab, &[("dataset", "blobs"), ("points", "120"), ("method", "momentum"), ("batch-size", "16")]);
    let mut copy = round_trip(&lab);
    for _ in 0..30 {
        lab.step().unwrap();
        copy.step().unwrap();
    }
    assert_eq!(lab.theta(), copy.theta());
}

#[test]
fn points_edited_by_hand_are_carried_exactly() {
    let mut lab = Lab::default();
    assert_eq!(lab.omitted(), None);
    lab.remove_point(0).unwrap();
    assert_eq!(lab.omitted(), None);
    let link = text(&lab);
    assert!(link.starts_with("data=") && !link.contains('&'), "only the points: {link}");
    assert_eq!(round_trip(&lab).data(), lab.data());
    lab.regenerate().unwrap();
    assert_eq!(text(&lab), "", "the recipe's points again");
}

#[test]
fn a_small_csv_file_is_carried_as_its_points() {
    let mut lab = Lab::default();
    lab.set("lambda", "0.5").unwrap();
    lab.load_csv("four.csv", b"0,0,0\n1,0,1\n0,1,2\n1,1,3\n").unwrap();
    assert_eq!(lab.get("dataset").unwrap(), "file");
    assert_eq!(lab.omitted(), None);
    // The settings and the points are carried (the file's name is not).
    let (copy, refused) = opened(&lab, &text(&lab));
    assert_eq!(refused, None);
    assert_eq!(copy.get("lambda").unwrap(), "0.5");
    assert_eq!(copy.data(), lab.data());
    assert_eq!(copy.theta(), lab.theta());
}

#[test]
fn opening_the_link_of_the_state_on_screen_changes_nothing() {
    let mut lab = Lab::default();
    set(&mut lab, &[("loss", "softmax"), ("method", "adam"), ("lr", "0.05")]);
    for _ in 0..40 {
        lab.step().unwrap();
    }
    let theta = lab.theta().to_vec();
    let own = link(&lab);
    let refused = open(&mut lab, &own);
    assert!(refused.is_empty());
    assert_eq!(lab.steps(), 40, "the run goes on");
    assert_eq!(lab.theta(), theta);
}

#[test]
fn opening_a_link_on_a_changed_lab_brings_it_to_the_link() {
    let mut lab = Lab::default();
    set(&mut lab, &[("dataset", "xor"), ("method", "rmsprop"), ("show-margins", "true")]);
    for _ in 0..5 {
        lab.step().unwrap();
    }
    let refused = open_query(&mut lab, "loss=softmax&lambda=0.5");
    assert!(refused.is_empty());
    let mut expected = Lab::default();
    set(&mut expected, &[("loss", "softmax"), ("lambda", "0.5")]);
    assert_same(&lab, &expected);
    assert_eq!(lab.theta(), expected.theta(), "back at θ₀");
}

#[test]
fn a_bad_lab_link_applies_every_setting_it_can() {
    let (lab, refused) = opened(&Lab::default(), "loss=softmax&lr=abc&lamda=1&classes=9&lambda=0.01&W[7,0]=1&beta");
    assert_eq!(lab.get("loss").unwrap(), "softmax");
    assert_eq!(lab.get("lambda").unwrap(), "0.01");
    assert_eq!(lab.get("lr").unwrap(), "0.1", "kept");
    assert_eq!(
        refused.unwrap(),
        "This link's settings beta, classes=9, lr=abc, lamda=1 and W[7,0]=1 were ignored. \
         beta: it has no value (write beta=…). \
         classes=9: classes must be a whole number from 3 to 3, not \"9\". \
         lr=abc: lr must be a number from 1e-5 to 100, not \"abc\". \
         lamda=1: the lab has no setting named \"lamda\". \
         W[7,0]=1: W[7,0] does not exist: the model has 3 classes and 2 inputs \
         (W[k,l] with k < 3, l < 2; b[k] with k < 3)."
    );
}

#[test]
fn a_value_given_twice_counts_once_the_last() {
    let (lab, refused) = opened(&Lab::default(), "lambda=0.5&lambda=0.25");
    assert_eq!(refused, None);
    assert_eq!(lab.get("lambda").unwrap(), "0.25");
}

#[test]
fn the_lab_links_every_setting_once() {
    let names = Lab::default().link_names();
    for param in LabParam::table() {
        assert_eq!(names.iter().filter(|n| **n == param.name()).count(), 1, "{param}");
    }
    for setting in Setting::names() {
        assert_eq!(names.iter().filter(|n| *n == setting).count(), 1, "{setting}");
    }
    // Nine parameters, then the points, the step and θ (state beyond the settings).
    assert_eq!(names.len(), LabParam::table().count() + 9 + 3);
    let last: Vec<String> = ["b[1]", "b[2]", "step", "theta"].map(String::from).into();
    assert!(names.ends_with(&last), "{names:?}");
    // The points come after the settings that generate and split them.
    assert_eq!(names.iter().position(|n| n == "data"), Some(names.iter().position(|n| n == "split-seed").unwrap() + 1));
}

// The optimizer race.

fn lab_source(lab: &Lab) -> ClassifierSource {
    let snapshot = lab.snapshot();
    ClassifierSource { data: snapshot.data.clone(), objective: snapshot.objective, theta: snapshot.theta.clone() }
}

#[test]
fn a_race_link_names_its_preset() {
    let mut race = Race::default();
    assert_eq!(text(&race), "", "the first preset is what a fresh race shows");
    race.set("preset", "saddle").unwrap();
    assert_eq!(text(&race), "preset=saddle");
    race.set("racer1.lr", "0.03").unwrap();
    assert_eq!(race.get("preset").unwrap(), "custom");
    assert_eq!(text(&race), "preset=saddle&racer1.lr=0.03", "the shortest link starts from the preset");
    let copy = round_trip(&race);
    assert_eq!(copy.get("preset").unwrap(), "custom");
    let (saddle, _) = opened(&race, "preset=saddle");
    assert_eq!(saddle.get("preset").unwrap(), "saddle", "so the claim shows");
}

#[test]
fn a_preset_keeps_the_slice_axes_chosen_before_it() {
    let mut race = Race::default();
    race.set_classifier(lab_source(&Lab::default())).unwrap();
    race.set("slice-y", "b[1]").unwrap();
    race.set("preset", "rastrigin").unwrap();
    assert_eq!(text(&race), "slice-y=b[1]&preset=rastrigin");
    let copy = round_trip(&race);
    assert_eq!(copy.get("preset").unwrap(), "rastrigin");
}

#[test]
fn a_preset_opens_first_whatever_its_place() {
    let (race, refused) = opened(&Race::default(), "racer1.lr=0.03&preset=saddle");
    assert_eq!(refused, None);
    assert_eq!(race.get("racer1.lr").unwrap(), "0.03");
    let mut saddle = Race::default();
    saddle.set("preset", "saddle").unwrap();
    saddle.set("racer1.lr", "0.03").unwrap();
    assert_same(&race, &saddle);
}

#[test]
fn a_custom_race_round_trips() {
    let mut race = Race::default();
    set(
        &mut race,
        &[
            ("surface", "rosenbrock"),
            ("start", "-1.25,0.5"),
            ("noise", "0.3"),
            ("seed", "7"),
            ("schedule", "step"),
            ("gamma", "0.5"),
            ("racer3.enabled", "true"),
            ("racer3.method", "nesterov"),
            ("racer3.momentum", "0.8"),
            ("racer3.own-schedule", "true"),
            ("racer3.schedule", "cosine"),
            ("racer0.noise-free", "true"),
        ],
    );
    race.advance(30);
    let link = text(&race);
    assert!(link.contains("surface=rosenbrock") && link.contains("start=-1.25,0.5"), "{link}");
    assert!(link.ends_with("&clock=30"), "{link}");
    let replay = round_trip(&race);
    assert_eq!(replay.clock(), 30, "a link opens the race at its clock");
    for k in 0..race.racers().len() {
        assert_eq!(
            replay.racers()[k].run().trajectory().points(),
            race.racers()[k].run().trajectory().points(),
            "racer {k} replays exactly"
        );
    }
}

#[test]
fn the_classifier_slice_round_trips() {
    let mut lab = Lab::default();
    lab.set("dataset", "blobs").unwrap();
    let mut race = Race::default();
    race.set_classifier(lab_source(&lab)).unwrap();
    set(&mut race, &[("surface", "classifier"), ("slice-x", "W[1,0]"), ("slice-y", "b[2]")]);
    assert_eq!(text(&race), "slice-x=W[1,0]&slice-y=b[2]&surface=classifier");
    round_trip(&race);
    // Without the lab's model the classifier surface is refused with the race's reason.
    let (bare, refused) = opened(&Race::default(), "surface=classifier&noise=0.5");
    assert_eq!(bare.get("noise").unwrap(), "0.5");
    assert!(refused.unwrap().contains("surface=classifier was ignored: the classifier surface needs"));
}

#[test]
fn the_race_links_every_setting() {
    let names = Race::default().link_names();
    for param in RaceParam::ALL {
        assert_eq!(names.iter().filter(|n| *n == param.name()).count(), 1, "{}", param.name());
    }
    for field in ["enabled", "method", "lr", "momentum", "own-schedule", "noise-free", "warmup"] {
        assert!(names.contains(&format!("racer7.{field}")), "{field}");
    }
}

// The regularization views.

#[test]
fn fresh_views_have_empty_links() {
    assert_eq!(text(&WeightSpace::default()), "");
    assert_eq!(text(&Preferences::default()), "");
    assert_eq!(text(&Simpler::default()), "");
    assert_eq!(text(&Landscape::default()), "");
    assert_eq!(text(&NumericGradient::default()), "");
    assert_eq!(text(&Calculator::default()), "");
}

#[test]
fn weight_space_links() {
    let mut view = WeightSpace::default();
    set(&mut view, &[("penalty", "l2"), ("lambda", "0.5"), ("dataset", "xor"), ("angle", "-30")]);
    assert_eq!(text(&view), "penalty=l2&lambda=0.5&dataset=xor&angle=-30");
    round_trip(&view);
}

#[test]
fn preferences_links() {
    let mut view = Preferences::default();
    set(&mut view, &[("w2.3", "0.5"), ("x.0", "2"), ("beta", "0.1")]);
    assert_eq!(text(&view), "x.0=2&w2.3=0.5&beta=0.1");
    round_trip(&view);
}

#[test]
fn simpler_links_and_dragged_points() {
    let mut view = Simpler::default();
    set(&mut view, &[("degree", "3"), ("lambda", "0.001"), ("seed", "4")]);
    assert_eq!(text(&view), "seed=4&degree=3&lambda=0.001");
    round_trip(&view);
    assert_eq!(view.omitted(), None);
    view.move_point(0, 0.5, 0.5).unwrap();
    assert_eq!(view.omitted().as_deref(), Some("the training points you dragged"));
}

#[test]
fn numeric_gradient_links_carry_w_not_progress() {
    let mut view = NumericGradient::default();
    set(&mut view, &[("loss", "softmax"), ("h", "0.001"), ("w.4", "1.5")]);
    view.step();
    view.step();
    assert_eq!(text(&view), "loss=softmax&h=0.001&w.4=1.5");
    assert_eq!(round_trip(&view).filled(), 0);
}

#[test]
fn landscape_axes_that_trade_places() {
    let mut view = Landscape::default();
    // The default axes are W[0,0] and W[0,1]. The view refuses two equal axes, so a page
    // swaps them through a third parameter; a link swaps them with one setting.
    set(&mut view, &[("directions", "axes"), ("axis1", "b[0]"), ("axis2", "W[0,0]"), ("axis1", "W[0,1]")]);
    assert_eq!((view.get("axis1").unwrap().as_str(), view.get("axis2").unwrap().as_str()), ("W[0,1]", "W[0,0]"));
    assert_eq!(text(&view), "directions=axes&axis1=W[0,1]");
    round_trip(&view);
    let (copy, refused) = opened(&view, "axis2=W[0,0]&axis1=W[0,1]&directions=axes");
    assert_eq!(refused, None);
    assert_same(&copy, &view);
    // Two equal axes: the later setting wins, and the other axis makes way.
    let (same, refused) = opened(&view, "axis1=W[0,0]&axis2=W[0,0]");
    assert_eq!(refused, None);
    assert_eq!((same.get("axis1").unwrap(), same.get("axis2").unwrap()), ("W[0,1]".into(), "W[0,0]".into()));
    let (_, refused) = opened(&view, "axis1=W[9,0]");
    assert!(refused.unwrap().starts_with("This link's setting axis1=W[9,0] was ignored:"));
}

#[test]
fn a_landscape_link_keeps_the_lab_it_slices() {
    let mut lab = Lab::default();
    set(&mut lab, &[("dataset", "blobs"), ("classes", "4")]);
    let mut view = Landscape::default();
    view.set_source(lab.snapshot()).unwrap();
    set(&mut view, &[("directions", "axes"), ("axis2", "b[3]")]);
    let copy = round_trip(&view);
    assert_eq!(copy.source(), view.source());
}

#[test]
fn calculator_links_carry_the_whole_table() {
    let mut view = Calculator::default();
    set(
        &mut view,
        &[
            ("classes", "4"),
            ("examples", "2"),
            ("class.3", "ship & boat"),
            ("class.1", "2"),
            ("label.1", "3"),
            ("score.3.0", "-0.5"),
            ("margin", "2"),
        ],
    );
    let link = text(&view);
    assert_eq!(link, "classes=4&examples=2&label.1=3&score.3.0=-0.5&class.1=2&class.3=ship%20%26%20boat&margin=2");
    // A class named "2" would have read label.1=2 as that class: labels come first.
    round_trip(&view);
    // Cells that exist only once the table has grown are applied after it grows, in link
    // order (before the names), wherever the link puts them.
    let (grown, refused) = opened(&view, "class.0=2&label.5=2&examples=6");
    assert_eq!(refused, None);
    assert_eq!((grown.get("label.5").unwrap(), grown.get("class.0").unwrap()), ("2".into(), "2".into()));
}

#[test]
fn a_link_carries_at_most_a_thousand_settings() {
    let query: Vec<String> = (0..1005).map(|k| format!("x{k}=1")).collect();
    let (_, refused) = opened(&Preferences::default(), &query.join("&"));
    let refused = refused.unwrap();
    assert!(
        refused.starts_with("This link's settings x0=1, x1=1, x2=1, x3=1, x4=1 and 1000 more were ignored."),
        "{refused}"
    );
    assert!(refused.contains("x4=1: the preferences view has no setting \"x4\""), "{refused}");
    let (view, _) = opened(&Preferences::default(), &format!("{}&beta=0.2", query[..999].join("&")));
    assert_eq!(view.get("beta").unwrap(), "0.2", "the thousandth setting is applied");
}

// Every control of the page is carried.

const PAGE: &str = include_str!("../../www/index.html");

/// The `data-param` (or `data-field`) values in the part of the page from `start` to the next
/// `end`.
fn controls(start: &str, end: &str, attribute: &str) -> Vec<String> {
    let from = PAGE.find(start).unwrap_or_else(|| panic!("{start}"));
    let rest = &PAGE[from + 1..];
    let to = from + 1 + rest.find(end).into_iter().chain(rest.find("</section>")).min().unwrap();
    let part = &PAGE[from..to];
    let needle = format!(" {attribute}=\"");
    part.match_indices(&needle)
        .map(|(at, _)| {
            let value = &part[at + needle.len()..];
            value[..value.find('"').unwrap()].to_string()
        })
        .collect()
}

fn assert_covered(controls: Vec<String>, names: &[String], what: &str) {
    assert!(!controls.is_empty(), "{what}");
    for control in controls {
        assert!(names.contains(&control), "{what}'s control {control} is not in its links");
    }
}

#[test]
fn every_control_of_the_page_is_carried_by_links() {
    let lab = Lab::default().link_names();
    assert_covered(controls("<section id=\"lab\"", "</section>", "data-param"), &lab, "the lab");
    let race = Race::default().link_names();
    let scene = controls("<section id=\"race\"", "<template", "data-param");
    assert_covered(scene.into_iter().filter(|c| c != "preset").collect(), &race, "the race");
    let racer = controls("<template id=\"race-racer-row\"", "</template>", "data-field");
    assert_covered(racer.iter().map(|f| format!("racer5.{f}")).collect(), &race, "a racer");
    let views: [(&str, Vec<String>); 6] = [
        ("weights", WeightSpace::default().link_names()),
        ("preferences", Preferences::default().link_names()),
        ("simpler", Simpler::default().link_names()),
        ("landscape", Landscape::default().link_names()),
        ("gradient", NumericGradient::default().link_names()),
        ("calculator", Calculator::default().link_names()),
    ];
    for (view, names) in views {
        let start = format!("id=\"reg-{view}\"");
        let found = controls(&start, "class=\"subview\"", "data-param");
        // The rows built by the page (x, w₁, w₂, W's entries, the table's cells) are named
        // by patterns the link lists for the view's size.
        if view != "preferences" && view != "gradient" {
            assert_covered(found, &names, view);
        } else {
            for control in found {
                assert!(names.contains(&control), "{view}: {control}");
            }
        }
        for name in &names {
            assert!(pairs(&format!("{name}=1")).1.is_empty());
        }
    }
}

#[test]
fn every_linked_setting_can_be_read() {
    fn readable<T: Linkable>(scene: &T) {
        for name in scene.link_names() {
            scene.link_value(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    readable(&Lab::default());
    readable(&Race::default());
    readable(&WeightSpace::default());
    readable(&Preferences::default());
    readable(&Simpler::default());
    readable(&Landscape::default());
    readable(&NumericGradient::default());
    readable(&Calculator::default());
}

#[test]
fn every_scene_links_through_one_trait_object() {
    let mut scenes: Vec<(Box<dyn Linkable>, &str)> = vec![
        (Box::new(Lab::default()), "loss=softmax&method=adam&lr=0.005"),
        (Box::new(Race::default()), "preset=saddle&racer1.lr=0.03"),
        (Box::new(WeightSpace::default()), "penalty=l2&lambda=0.5"),
        (Box::new(Preferences::default()), "x.0=2&beta=0.1"),
        (Box::new(Simpler::default()), "seed=4&degree=3"),
        (Box::new(Landscape::default()), "directions=axes&axis1=W[0,1]"),
        (Box::new(NumericGradient::default()), "loss=softmax&w.4=1.5"),
        (Box::new(Calculator::default()), "classes=4&margin=2"),
    ];
    for (scene, query) in &mut scenes {
        assert_eq!(open_query(scene.as_mut(), query), Vec::new(), "{query}");
        assert_eq!(format_query(&link(scene.as_ref())), *query);
        let mut copy = scene.blank_scene();
        assert_eq!(format_query(&link(copy.as_ref())), "", "{query}: a blank scene has an empty link");
        assert_eq!(open_query(copy.as_mut(), query), Vec::new(), "{query}");
        assert_eq!(format_query(&link(copy.as_ref())), *query);
    }
}

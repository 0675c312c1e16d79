//! The regularization views' settings tables, walked: every default is a value its own kind
//! accepts and reads back, every option of a choice and both ends of a number's range are
//! accepted (the range a control shows is the range the view accepts), and the table's names,
//! in its order, are the view's link names.

use descent::link::Linkable;
use descent::regularization::calculator::Calculator;
use descent::regularization::landscape::Landscape;
use descent::regularization::numeric_gradient::NumericGradient;
use descent::regularization::preferences::Preferences;
use descent::regularization::simpler::Simpler;
use descent::regularization::weight_space::WeightSpace;
use descent::setting::{Kind, Table};

/// Walks `view`'s table: see the module docs. Values are set through the link (as `set`, but
/// the landscape's axes trade places rather than refuse the other axis's parameter).
fn walk<T: Table + Linkable>(view: &T) {
    let names: Vec<String> = view.specs().into_iter().map(|spec| spec.name).collect();
    assert_eq!(names, view.link_names());
    for spec in view.specs() {
        let name = &spec.name;
        let value = view.current(name);
        match &spec.kind {
            Kind::Number { min, max, .. } => {
                let v = spec.kind.parse_number(name, &value).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!((*min..=*max).contains(&v), "{name} = {v}");
                for end in [min, max] {
                    let mut changed = view.blank();
                    changed.link_set(name, &end.to_string()).unwrap_or_else(|e| panic!("{name} = {end}: {e}"));
                    assert_eq!(changed.link_value(name).unwrap().parse::<f64>().unwrap(), *end, "{name}");
                }
            }
            Kind::Whole { .. } => {
                spec.kind.parse_whole(name, &value).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
            Kind::Choice(options) => {
                spec.kind.parse_option(name, &value).unwrap_or_else(|e| panic!("{name}: {e}"));
                for option in options {
                    let mut changed = view.blank();
                    changed.link_set(name, &option.value).unwrap_or_else(|e| panic!("{name} = {}: {e}", option.value));
                    assert_eq!(changed.current(name), option.value);
                }
            }
            Kind::Switch => {
                spec.kind.parse_switch(name, &value).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
            Kind::Text { .. } => assert!(!value.is_empty(), "{name}"),
        }
        let mut same = view.blank();
        same.link_set(name, &value).unwrap_or_else(|e| panic!("{name} = {value}: {e}"));
        assert_eq!(same.current(name), value, "{name} reads back");
    }
}

#[test]
fn each_views_table_accepts_its_defaults_options_and_ranges() {
    walk(&WeightSpace::default());
    walk(&Preferences::default());
    walk(&Simpler::default());
    walk(&Landscape::default());
    walk(&NumericGradient::default());
    walk(&Calculator::default());
}

#[test]
fn the_tables_keep_the_link_names_and_their_order() {
    let names = |view: &dyn Table| view.specs().into_iter().map(|spec| spec.name).collect::<Vec<_>>();
    let fixed = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        names(&WeightSpace::default()),
        fixed(&["penalty", "lambda", "beta", "dataset", "points", "noise", "angle", "seed"])
    );
    let entries = ["x", "w1", "w2"].into_iter().flat_map(|row| (0..4).map(move |l| format!("{row}.{l}")));
    assert_eq!(names(&Preferences::default()), entries.chain(["beta".to_string()]).collect::<Vec<_>>());
    assert_eq!(names(&Simpler::default()), fixed(&["points", "noise", "seed", "degree", "lambda"]));
    assert_eq!(names(&Landscape::default()), fixed(&["directions", "seed", "range", "axis1", "axis2"]));
    let w = (0..9).map(|k| format!("w.{k}"));
    assert_eq!(
        names(&NumericGradient::default()),
        fixed(&["loss", "lambda", "h", "difference"]).into_iter().chain(w).collect::<Vec<_>>()
    );
    let mut calculator = Calculator::default();
    calculator.set("classes", "2").unwrap();
    calculator.set("examples", "1").unwrap();
    let cells =
        fixed(&["classes", "examples", "label.0", "score.0.0", "score.1.0", "class.0", "class.1", "margin", "scale"]);
    assert_eq!(names(&calculator), cells);
}

#[test]
fn choices_come_from_the_state_and_the_enums() {
    let options = |view: &dyn Table, name: &str| match view.specs().into_iter().find(|s| s.name == name).unwrap().kind {
        Kind::Choice(options) => options.into_iter().map(|o| (o.value, o.label)).collect::<Vec<_>>(),
        kind => panic!("{name} is {kind:?}"),
    };
    let values = |list: Vec<(String, String)>| list.into_iter().map(|(v, _)| v).collect::<Vec<_>>();
    let weights = WeightSpace::default();
    assert_eq!(values(options(&weights, "penalty")), ["l2", "l1", "elastic-net"]);
    assert_eq!(values(options(&weights, "dataset")), ["blobs", "ring", "three-modes", "xor", "spiral"]);
    let landscape = Landscape::default();
    assert_eq!(values(options(&landscape, "directions")), ["random", "axes"]);
    let parameters = ["W[0,0]", "W[0,1]", "W[1,0]", "W[1,1]", "W[2,0]", "W[2,1]", "b[0]", "b[1]", "b[2]"];
    assert_eq!(values(options(&landscape, "axis2")), parameters);
    assert_eq!(values(options(&NumericGradient::default(), "difference")), ["forward", "centered"]);
    let mut calculator = Calculator::default();
    calculator.set("class.2", "ship").unwrap();
    let labels = [("0", "cat"), ("1", "car"), ("2", "ship")].map(|(v, l)| (v.to_string(), l.to_string()));
    assert_eq!(options(&calculator, "label.1"), labels);
}

#[test]
fn the_landscape_applies_the_seed_to_random_directions_and_the_axes_to_parameters() {
    let mut landscape = Landscape::default();
    let applying =
        |view: &Landscape| ["directions", "seed", "range", "axis1", "axis2"].map(|name| Table::applies(view, name));
    assert_eq!(applying(&landscape), [true, true, true, false, false]);
    landscape.set("directions", "axes").unwrap();
    assert_eq!(applying(&landscape), [true, false, true, true, true]);
    assert!(!Table::applies(&landscape, "zoom"));
}

#[test]
fn refusals_name_the_setting_as_people_read_it() {
    let mut gradient = NumericGradient::default();
    let refused = |view: &mut NumericGradient, name: &str, value: &str| view.set(name, value).unwrap_err().to_string();
    assert_eq!(
        refused(&mut gradient, "h", "0"),
        "h must be at least 1e-12 (smaller steps measure only rounding), not \"0\""
    );
    assert_eq!(refused(&mut gradient, "h", "2"), "h must be a number between 1e-12 and 1, not \"2\"");
    assert_eq!(refused(&mut gradient, "w.1", "1e3"), "W[0,1] must be a number between -100 and 100, not \"1e3\"");
    assert_eq!(
        refused(&mut gradient, "difference", "back"),
        "the difference must be \"forward\" or \"centered\", not \"back\""
    );
    let mut simpler = Simpler::default();
    assert_eq!(
        simpler.set("points", "51").unwrap_err().to_string(),
        "the number of points must be a whole number from 2 to 50, not \"51\""
    );
    assert_eq!(
        simpler.set("colour", "red").unwrap_err().to_string(),
        "the simpler-models view has no setting \"colour\" (expected points, noise, seed, degree or lambda)"
    );
    let mut calculator = Calculator::default();
    assert_eq!(
        calculator.set("class.1", "a name of more than twenty").unwrap_err().to_string(),
        "a class name must be 1 to 20 characters, not \"a name of more than twenty\""
    );
}

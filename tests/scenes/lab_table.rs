//! The lab's settings table as the page receives it, what one change reports, and the
//! readouts a redraw computes in one pass.

use descent::lab::Lab;
use descent::link::Linkable;
use descent::optim::settings::Method;
use descent::setting::{Kind, Table, changes, state, table_json};
use serde_json::Value;

#[test]
fn the_table_names_every_setting_in_link_order_with_its_default_and_state() {
    let mut lab = Lab::default();
    lab.set("loss", "softmax").unwrap();
    let json: Value = serde_json::from_str(&table_json(&lab, &Lab::default())).unwrap();
    let rows = json.as_array().unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    // A link's names are the table's and the state beyond the settings (points, step, θ).
    let state = ["data", "step", "theta"];
    let link_names = lab.link_names();
    let linked: Vec<&str> = link_names.iter().map(String::as_str).filter(|n| !state.contains(n)).collect();
    assert_eq!(names, linked);
    let fresh = Lab::default();
    for row in rows {
        let name = row["name"].as_str().unwrap();
        assert_eq!(row["default"], fresh.current(name), "{name}'s default is a fresh lab's value");
        assert_eq!(row["value"], lab.current(name), "{name}");
        assert_eq!(row["applies"], Table::applies(&lab, name), "{name}");
        assert!(["number", "whole", "choice", "switch", "text"].contains(&row["kind"].as_str().unwrap()), "{row}");
    }
    let lambda = rows.iter().find(|r| r["name"] == "lambda").unwrap();
    assert_eq!((lambda["min"].as_f64(), lambda["max"].as_f64()), (Some(0.0), Some(1e6)));
    assert_eq!((lambda["scale"].as_str(), lambda["floor"].as_f64()), (Some("log"), Some(1e-4)));
    let loss = rows.iter().find(|r| r["name"] == "loss").unwrap();
    assert_eq!(loss["value"], "softmax");
    assert_eq!(loss["options"][3], serde_json::json!(["softmax", "Softmax"]));
    assert_eq!(rows.iter().find(|r| r["name"] == "margin").unwrap()["applies"], false, "no margin for softmax");
}

#[test]
fn one_change_reports_exactly_the_settings_it_changed() {
    let mut lab = Lab::default();
    let before = state(&lab);
    lab.set("loss", "softmax").unwrap();
    let after = state(&lab);
    let changed: Vec<&str> = changes(&before, &after).iter().map(|e| e.spec.name.as_str()).collect();
    // The loss's value, and Δ and the margin lines, which no longer apply.
    assert_eq!(changed, ["loss", "margin", "show-margins"]);

    let before = after;
    lab.set("method", "adam").unwrap();
    let after = state(&lab);
    let changed: Vec<&str> = changes(&before, &after).iter().map(|e| e.spec.name.as_str()).collect();
    // Adam's β₁, β₂, ε, bias correction and AMSGrad now apply; its lab rate is SGD's α = 0.1.
    assert_eq!(changed, ["method", "beta1", "beta2", "eps", "bias-correction", "amsgrad"]);

    let before = after;
    lab.set("dataset", "blobs").unwrap();
    lab.set("classes", "4").unwrap();
    let after = state(&lab);
    let changed: Vec<&str> = changes(&before, &after).iter().map(|e| e.spec.name.as_str()).collect();
    assert!(changed.starts_with(&["dataset", "classes", "points", "noise", "data-seed"]), "{changed:?}");
    assert!(changed.contains(&"add-class"), "the class picker's range follows the classes: {changed:?}");
    assert!(changed.contains(&"W[3,1]") && changed.contains(&"b[3]"), "the fourth class's parameters: {changed:?}");
    assert!(changes(&after, &state(&lab)).is_empty(), "nothing changed since");
}

#[test]
fn the_readouts_of_a_redraw_equal_each_quantity_computed_alone() {
    let mut lab = Lab::default();
    for (name, value) in [("dataset", "spiral"), ("classes", "3"), ("loss", "softmax"), ("regularizer", "elastic-net")]
    {
        lab.set(name, value).unwrap();
    }
    lab.advance(7).unwrap();
    let mut grad = vec![0.0; lab.theta().len()];
    let (loss, accuracy) = lab.readouts(&mut grad);
    assert_eq!(loss, lab.breakdown());
    assert_eq!(grad, lab.gradient());
    assert_eq!(accuracy, Some(lab.accuracy()));
    assert!(accuracy.unwrap() > 0.0 && accuracy.unwrap() < 1.0);
}

#[test]
fn without_points_there_is_no_accuracy_to_show() {
    let mut lab = Lab::default();
    while !lab.data().is_empty() {
        lab.remove_point(0).unwrap();
    }
    let mut grad = vec![0.0; lab.theta().len()];
    let (loss, accuracy) = lab.readouts(&mut grad);
    assert_eq!(accuracy, None);
    assert_eq!(loss.data, 0.0);
}

#[test]
fn the_method_picker_shows_each_methods_update_rule() {
    let lab = Lab::default();
    let Kind::Choice(options) = lab.setting_spec("method".parse().unwrap()).kind else { panic!("method is a menu") };
    assert_eq!(options.len(), Method::ALL.len());
    for (option, method) in options.iter().zip(Method::ALL) {
        assert_eq!(option.detail, method.rule(), "{method}");
        assert!(option.detail.contains('θ') && option.detail.contains('←'), "{method}: {}", option.detail);
    }
    let json: Value = serde_json::from_str(&table_json(&lab, &Lab::default())).unwrap();
    let row = json.as_array().unwrap().iter().find(|r| r["name"] == "method").unwrap();
    assert_eq!(row["options"][1], serde_json::json!(["sgd", "SGD", "θ ← θ − α∇L"]));
}

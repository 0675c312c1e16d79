//! The lab's learning rates (`descent::lab::rate`): picking any gradient method in a fresh lab
//! starts it at a rate that trains the default data, and an α set by hand stays where the new
//! method reads it on the same scale.

use descent::lab::Lab;
use descent::lab::rate::lab_rate;
use descent::optim::settings::Method;

/// Every gradient method, with the settings that make its variant.
const GRADIENT_METHODS: [(&str, &[(&str, &str)]); 15] = [
    ("sgd", &[]),
    ("momentum", &[("form", "gradient")]),
    ("momentum", &[("form", "velocity")]),
    ("nesterov", &[]),
    ("adagrad", &[]),
    ("rmsprop", &[]),
    ("adam", &[]),
    ("adam", &[("bias-correction", "false")]),
    ("adamw", &[]),
    ("nadam", &[]),
    ("radam", &[]),
    ("adamax", &[]),
    ("adadelta", &[]),
    ("rprop", &[]),
    ("lbfgs", &[]),
];

#[test]
fn a_hundred_steps_of_every_gradient_method_train_the_default_data() {
    for (method, variant) in GRADIENT_METHODS {
        let mut lab = Lab::default();
        assert!(lab.accuracy() < 0.5, "the demo's θ₀ starts untrained");
        lab.set("method", method).unwrap();
        for (name, value) in variant {
            lab.set(name, value).unwrap();
        }
        lab.advance(100).unwrap_or_else(|stop| panic!("{method} {variant:?}: {stop}"));
        let accuracy = lab.accuracy();
        assert!(accuracy >= 0.9, "{method} {variant:?} at α = {}: {accuracy}", lab.get("lr").unwrap());
    }
}

#[test]
fn pytorchs_default_rates_do_not_train_the_default_data() {
    // Why the lab has its own: 100 steps of Adam at α = 10⁻³ leave 2 of 9 points right.
    let mut lab = Lab::default();
    lab.set("method", "adam").unwrap();
    lab.set("lr", &Method::Adam.default_lr().to_string()).unwrap();
    lab.advance(100).unwrap();
    assert!((lab.accuracy() - 2.0 / 9.0).abs() < 1e-12, "{}", lab.accuracy());
}

#[test]
fn picking_a_method_takes_its_lab_rate_unless_alpha_was_set_on_the_same_scale() {
    let mut lab = Lab::default();
    assert_eq!(lab.get("lr").unwrap(), "0.1", "the demo's step");
    lab.set("method", "radam").unwrap();
    assert_eq!(lab.get("lr").unwrap(), lab_rate(Method::RAdam).to_string());
    lab.set("method", "adam").unwrap();
    assert_eq!(lab.get("lr").unwrap(), "0.1", "RAdam's lab rate was not set by hand");
    lab.set("lr", "0.03").unwrap();
    lab.set("method", "rmsprop").unwrap();
    assert_eq!(lab.get("lr").unwrap(), "0.03", "a step per coordinate for both: kept");
    lab.set("method", "sgd").unwrap();
    assert_eq!(lab.get("lr").unwrap(), "0.1", "α multiplies the gradient now: SGD's lab rate");
    lab.set("lr", "0.5").unwrap();
    lab.set("method", "nesterov").unwrap();
    assert_eq!(lab.get("lr").unwrap(), "0.5", "both multiply the gradient: kept");
    lab.set("method", "adadelta").unwrap();
    assert_eq!(lab.get("lr").unwrap(), "1");
    assert_eq!(lab.get("eps").unwrap(), "0.001", "Adadelta's first steps are √ε");
    lab.set("method", "adam").unwrap();
    assert_eq!(lab.get("eps").unwrap(), "0.00000001", "PyTorch's ε again");
}

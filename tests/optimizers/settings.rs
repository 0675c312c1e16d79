//! The settings layer: every name parses, every method builds, bad names and values are
//! refused with messages that name them.

use descent::optim::settings::{Hyper, Method, Setting, Settings, SettingsError};
use descent::schedule::ScheduleKind;

#[test]
fn every_name_round_trips() {
    for m in Method::ALL {
        assert_eq!(m.name().parse::<Method>().unwrap(), m);
        let settings = Settings::new(m);
        assert_eq!(settings.build().unwrap().method(), m);
        assert_eq!(settings.schedule.lr, m.default_lr());
        for h in m.hypers() {
            // Every listed hyperparameter reads back and accepts its own value.
            let mut s = settings;
            let value = s.get(h.name()).unwrap();
            s.set(h.name(), &value).unwrap();
            assert_eq!(s, settings, "{m} {h}");
        }
    }
    for h in Hyper::ALL {
        assert_eq!(h.name().parse::<Hyper>().unwrap(), h);
        assert_eq!(h.name().parse::<Setting>().unwrap(), Setting::Hyper(h));
    }
    for name in Setting::names() {
        Settings::default().get(name).unwrap();
    }
}

#[test]
fn pytorch_defaults() {
    let adam = Settings::new(Method::Adam);
    assert_eq!((adam.hyper.beta1, adam.hyper.beta2, adam.hyper.eps), (0.9, 0.999, 1e-8));
    assert_eq!(Settings::new(Method::AdaGrad).hyper.eps, 1e-10);
    assert_eq!(Settings::new(Method::AdaGrad).schedule.lr, 1e-2);
    assert_eq!(Settings::new(Method::RmsProp).hyper.decay, 0.99);
    assert_eq!(Settings::new(Method::AdamW).hyper.weight_decay, 1e-2);
    assert_eq!(Settings::new(Method::Sgd).hyper.weight_decay, 0.0);
    assert_eq!(Settings::new(Method::Sgd).schedule.kind, ScheduleKind::Constant);
}

#[test]
fn changing_the_method_takes_its_defaults() {
    let mut s = Settings::new(Method::Sgd);
    s.set("momentum", "0.5").unwrap();
    s.set("method", "adagrad").unwrap();
    assert_eq!(s.method, Method::AdaGrad);
    assert_eq!((s.schedule.lr, s.hyper.eps), (1e-2, 1e-10));
    assert_eq!(s.hyper.momentum, 0.5, "settings the method does not own stay");
}

#[test]
fn bad_names_and_values_are_refused_by_name() {
    let mut s = Settings::new(Method::Adam);
    let before = s;
    let cases = [
        ("method", "adamm", "adamm"),
        ("beta1", "1", "beta1"),
        ("beta2", "-0.1", "beta2"),
        ("beta1", "x", "beta1"),
        ("momentum", "1.2", "momentum"),
        ("decay", "NaN", "decay"),
        ("eps", "0", "eps"),
        ("weight-decay", "-1", "weight-decay"),
        ("bias-correction", "yes", "bias-correction"),
        ("form", "heavy", "form"),
        ("lr", "-0.1", "lr"),
        ("schedule", "cyclic", "cyclic"),
        ("betta1", "0.9", "betta1"),
    ];
    for (name, value, named) in cases {
        let err = s.set(name, value).unwrap_err();
        assert!(err.to_string().contains(named), "{name}={value}: {err}");
        assert_eq!(s, before, "{name}={value} changed the settings");
    }
    assert!(matches!("betta1".parse::<Setting>(), Err(SettingsError::UnknownSetting(_))));
    let err = "sgdd".parse::<Method>().unwrap_err().to_string();
    assert!(err.contains("sgdd") && err.contains("adamw"), "{err}");
}

#[test]
fn settings_reach_the_optimizer() {
    use descent::optim::{Optimizer, adam::Adam};
    let mut s = Settings::new(Method::Adam);
    s.set("bias-correction", "false").unwrap();
    s.set("eps", "1e-7").unwrap();
    let mut built = s.build().unwrap();
    let mut by_hand = Adam::new(0.9, 0.999, 1e-7);
    by_hand.bias_correction = false;
    let mut f = |p: &[f64], g: &mut [f64]| {
        g[0] = 3.0 * p[0];
        1.5 * p[0] * p[0]
    };
    let (mut a, mut b) = ([1.0], [1.0]);
    for _ in 0..3 {
        built.step(&mut a, 0.1, &mut f).unwrap();
        by_hand.step(&mut b, 0.1, &mut f).unwrap();
    }
    assert_eq!(a, b);
}

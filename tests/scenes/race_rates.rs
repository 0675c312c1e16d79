//! The race's learning rates (`descent::race::rate`): a racer of any method, added to the
//! default race, moves visibly in 50 steps on the default surface; PyTorch's rates would not.

use descent::optim::settings::Method;
use descent::race::Race;
use descent::race::rate::race_rate;

const METHODS: [&str; 15] = [
    "random", "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "nadam", "radam", "adamax",
    "adadelta", "rprop", "newton", "lbfgs",
];

/// The distance racer 3 covers in 50 steps of the default race with `method` chosen (and α
/// set when given), and whether it stopped.
fn moved(method: Option<&str>, lr: Option<&str>) -> (f64, bool) {
    let mut race = Race::default();
    race.set("racer3.enabled", "true").unwrap();
    if let Some(method) = method {
        race.set("racer3.method", method).unwrap();
    }
    if let Some(lr) = lr {
        race.set("racer3.lr", lr).unwrap();
    }
    let start = race.start();
    race.advance(50);
    let run = race.racers()[3].run();
    let theta = run.theta();
    (((theta[0] - start[0]).powi(2) + (theta[1] - start[1]).powi(2)).sqrt(), run.stopped().is_some())
}

/// The default start's distance from the default surface's minimum at the origin.
fn to_minimum() -> f64 {
    let start = Race::default().start();
    (start[0].powi(2) + start[1].powi(2)).sqrt()
}

#[test]
fn every_methods_new_racer_moves_visibly_on_the_default_surface() {
    let whole = to_minimum();
    assert!((whole - 2.1633).abs() < 1e-4, "{whole}");
    for method in METHODS {
        let (distance, stopped) = moved(Some(method), None);
        assert!(!stopped, "{method} stopped");
        // A tenth of the way at least; the gradient methods go more than half of it.
        assert!(distance >= 0.1 * whole, "{method}: {distance}");
        let parsed: Method = method.parse().unwrap();
        if parsed != Method::Adadelta && parsed != Method::RandomSearch {
            assert!(distance >= 0.5 * whole, "{method}: {distance}");
        }
    }
}

#[test]
fn added_racers_start_at_sgds_race_rate() {
    let race = Race::default();
    for racer in &race.racers()[3..] {
        assert_eq!(racer.settings().schedule.lr, race_rate(Method::Sgd));
    }
    let (distance, stopped) = moved(None, None);
    assert!(!stopped && distance >= 0.5 * to_minimum(), "{distance}");
}

#[test]
fn pytorchs_default_rates_barely_move_adam() {
    // Why the race has its own: Adam at α = 10⁻³ covers 0.07 of 2.16 in 50 steps.
    for method in ["adam", "adamw"] {
        let (distance, _) = moved(Some(method), Some("0.001"));
        assert!(distance < 0.1, "{method}: {distance}");
    }
}

#[test]
fn a_rate_named_after_the_method_stays() {
    let mut race = Race::default();
    race.set("racer3.method", "adam").unwrap();
    assert_eq!(race.get("racer3.lr").unwrap(), "0.05");
    race.set("racer3.lr", "0.2").unwrap();
    assert_eq!(race.get("racer3.lr").unwrap(), "0.2");
    race.set("racer3.method", "sgd").unwrap();
    assert_eq!(race.get("racer3.lr").unwrap(), "0.01");
}

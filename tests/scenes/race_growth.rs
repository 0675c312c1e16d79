//! Racers whose loss keeps far above its start are marked "diverging" and named in a notice
//! (`src/race/growth.rs`, the lab's rule from `src/optim/growth.rs`); well-tuned racers never are.

use descent::race::Race;
use descent::race::leaderboard::standings;
use descent::race::racer::Status;

/// The quadratic κ = 10 (curvatures 1 and 10: plain gradient descent is stable for α < 2/10)
/// from (−1.5, 1) with SGD racers at the given rates.
fn race(rates: &[&str]) -> Race {
    let mut race = Race::default();
    race.set("surface", "quadratic").unwrap();
    race.set("kappa", "10").unwrap();
    race.set("angle", "0").unwrap();
    race.set("start", "-1.5,1").unwrap();
    race.set("noise", "0").unwrap();
    for k in 0..8 {
        race.set(&format!("racer{k}.enabled"), &(k < rates.len()).to_string()).unwrap();
    }
    for (k, rate) in rates.iter().enumerate() {
        race.set(&format!("racer{k}.method"), "sgd").unwrap();
        race.set(&format!("racer{k}.own-schedule"), "false").unwrap();
        race.set(&format!("racer{k}.lr"), rate).unwrap();
    }
    race
}

fn diverging(race: &Race) -> Vec<usize> {
    let mut flagged: Vec<usize> = standings(race).iter().filter(|s| s.diverging).map(|s| s.index).collect();
    flagged.sort();
    flagged
}

#[test]
fn a_rate_too_large_for_the_curvature_is_flagged_and_named() {
    // α = 0.25: the steep direction's error is multiplied by 1 − 10α = −1.5 each step, so
    // f − f* = 5·2.25ᵗ + 1.125·0.5625ᵗ: above 10 f₀ = 61.25 from t = 4 on.
    let mut race = race(&["0.1", "0.25"]);
    race.advance(9);
    assert_eq!(diverging(&race), Vec::<usize>::new(), "ten steps after the start are needed");
    assert_eq!(race.growth_warning(), None);
    race.advance(1);
    assert_eq!(diverging(&race), vec![1]);
    let losses = race.racers()[1].run().trajectory().losses();
    let start = losses[0];
    assert!((start - 6.125).abs() < 1e-12, "f(−1.5, 1) = ½(1.5² + 10·1²) = 6.125, not {start}");
    let above = losses[1..].iter().filter(|&&f| f > 10.0 * start).count();
    assert_eq!(above, 7, "{losses:?}");
    let highest = losses[10];
    assert!((highest - (5.0 * 2.25f64.powi(10) + 1.125 * 0.5625f64.powi(10))).abs() < 1e-9 * highest);
    assert_eq!(
        race.growth_warning().unwrap(),
        format!(
            "Racer 2 (SGD α=0.25) is diverging: its loss has been above 10 × its start at 7 of its last 10 \
             steps (highest {highest:.3e}). Its steps overshoot: give it a smaller learning rate, then press Reset."
        )
    );
    let standing = standings(&race).into_iter().find(|s| s.index == 1).unwrap();
    assert_eq!((standing.status.as_str(), standing.diverged), ("running", false), "still racing");

    // Once the run passes the limits it stops as diverged: the leaderboard says so instead.
    while race.racers()[1].status() == Status::Running && race.clock() < 2000 {
        race.advance(1);
    }
    assert!(matches!(race.racers()[1].status(), Status::Stopped(_)));
    assert_eq!(diverging(&race), Vec::<usize>::new());
    assert_eq!(race.growth_warning(), None);
}

#[test]
fn well_tuned_racers_are_never_flagged() {
    let mut race = race(&["0.01", "0.1", "0.19"]);
    for _ in 0..300 {
        race.advance(1);
        assert_eq!(diverging(&race), Vec::<usize>::new(), "at tick {}", race.clock());
        assert_eq!(race.growth_warning(), None);
    }
}

#[test]
fn every_preset_runs_without_a_flag() {
    for preset in descent::race::preset::Preset::ALL {
        let mut race = Race::default();
        race.load(preset).unwrap();
        for _ in 0..200 {
            race.advance(1);
            assert_eq!(race.growth_warning(), None, "{preset:?} at tick {}", race.clock());
        }
    }
}

#[test]
fn two_racers_overshooting_are_both_named() {
    let mut race = race(&["0.3", "0.1", "0.25"]);
    race.advance(10);
    assert_eq!(diverging(&race), vec![0, 2]);
    let warning = race.growth_warning().unwrap();
    assert!(
        warning.starts_with("Racer 1 (SGD α=0.3) is diverging")
            && warning.contains(" Racer 3 (SGD α=0.25) is diverging"),
        "{warning}"
    );
    assert!(
        warning.ends_with("Their steps overshoot: give them smaller learning rates, then press Reset."),
        "{warning}"
    );
}

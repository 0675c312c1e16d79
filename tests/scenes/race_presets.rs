//! Every preset's claim holds after 200 steps, natively (the browser tests check the same
//! numbers through the page).

use descent::race::Race;
use descent::race::preset::{CLAIM_STEPS, Preset};

#[test]
fn every_preset_claim_holds_after_200_steps() {
    for preset in Preset::ALL {
        let mut race = Race::default();
        race.set("preset", preset.name()).unwrap();
        assert_eq!(race.clock(), 0);
        race.advance(CLAIM_STEPS);
        let claim = race.claim().unwrap();
        println!("{}: {}", preset.name(), claim.evidence);
        assert!(claim.holds, "{}: {}", preset.name(), claim.evidence);
    }
}

#[test]
fn the_amsgrad_racer_says_so_in_its_label() {
    let mut race = Race::default();
    race.set("preset", "amsgrad").unwrap();
    let labels: Vec<String> = race.racers().iter().take(2).map(|r| r.label()).collect();
    assert_eq!(labels, ["Adam α=0.1", "Adam α=0.1 AMSGrad"]);
}

#[test]
fn a_changed_setting_leaves_the_race_based_on_the_preset_loaded_last() {
    let mut race = Race::default();
    let preset = Preset::ALL[2];
    race.load(preset).unwrap();
    race.set("racer0.lr", "0.004").unwrap();
    assert_eq!(race.preset(), None);
    assert_eq!(race.based_on(), preset);
}

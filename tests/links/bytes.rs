//! Arbitrary bytes as a link, for each scene's link parser (the fuzz targets' check, in
//! `make test`): the hash opens on a fresh scene without a panic, and the scene it opens links
//! back to a link that opens as the same link.

use descent::lab::Lab;
use descent::link::address::{Address, format_query};
use descent::link::{Linkable, link, open_query};
use descent::race::Race;
use descent::regularization::calculator::Calculator;
use descent::regularization::landscape::Landscape;
use descent::regularization::numeric_gradient::NumericGradient;
use descent::regularization::preferences::Preferences;
use descent::regularization::simpler::Simpler;
use descent::regularization::weight_space::WeightSpace;
use proptest::prelude::*;

fn open_and_relink<T: Linkable>(mut scene: T, bytes: &[u8]) -> Result<(), TestCaseError> {
    let hash = String::from_utf8_lossy(bytes);
    open_query(&mut scene, &Address::parse(&hash).query);
    let text = format_query(&link(&scene));
    let mut copy = scene.blank();
    let refused = open_query(&mut copy, &text);
    prop_assert!(refused.is_empty(), "{}: {:?}", text, refused);
    prop_assert_eq!(format_query(&link(&copy)), text);
    Ok(())
}

/// Bytes that are sometimes a link's text with a few of the scene's names and values in it,
/// sometimes anything at all.
fn link_bytes(names: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..120),
        prop::collection::vec((prop::sample::select(names), "[-0-9a-z.,%=&e]{0,8}"), 0..5).prop_map(|pairs| {
            let query: Vec<String> = pairs.into_iter().map(|(n, v)| format!("{n}={v}")).collect();
            format!("#scene?{}", query.join("&")).into_bytes()
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn any_bytes_open_as_a_lab_link(bytes in link_bytes(&["loss", "lambda", "method", "lr", "dataset", "points", "classes", "batch-size", "schedule", "W[0,0]", "b[1]"])) {
        open_and_relink(Lab::default(), &bytes)?;
    }

    #[test]
    fn any_bytes_open_as_a_race_link(bytes in link_bytes(&["preset", "surface", "start", "noise", "racer0.method", "racer1.lr", "racer2.enabled", "steps-per-frame", "kappa"])) {
        open_and_relink(Race::default(), &bytes)?;
    }

    #[test]
    fn any_bytes_open_as_a_regularization_link(view in 0u8..6, bytes in link_bytes(&["penalty", "lambda", "beta", "degree", "seed", "h", "points", "x.0", "w1.2", "cells"])) {
        match view {
            0 => open_and_relink(WeightSpace::default(), &bytes)?,
            1 => open_and_relink(Preferences::default(), &bytes)?,
            2 => open_and_relink(Simpler::default(), &bytes)?,
            3 => open_and_relink(Landscape::default(), &bytes)?,
            4 => open_and_relink(NumericGradient::default(), &bytes)?,
            _ => open_and_relink(Calculator::default(), &bytes)?,
        }
    }
}

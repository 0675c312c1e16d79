//! The regularization views' links (`#regularization/VIEW?…`) from arbitrary bytes: the
//! first byte picks the view, the rest is the hash (see `links.rs`).
#![no_main]

#[path = "links.rs"]
mod links;

use descent::regularization::calculator::Calculator;
use descent::regularization::landscape::Landscape;
use descent::regularization::numeric_gradient::NumericGradient;
use descent::regularization::preferences::Preferences;
use descent::regularization::simpler::Simpler;
use descent::regularization::weight_space::WeightSpace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Some((&view, hash)) = bytes.split_first() else { return };
    match view % 6 {
        0 => links::open_and_relink(WeightSpace::default(), hash),
        1 => links::open_and_relink(Preferences::default(), hash),
        2 => links::open_and_relink(Simpler::default(), hash),
        3 => links::open_and_relink(Landscape::default(), hash),
        4 => links::open_and_relink(NumericGradient::default(), hash),
        _ => links::open_and_relink(Calculator::default(), hash),
    }
});

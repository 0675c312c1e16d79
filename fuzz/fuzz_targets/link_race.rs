//! The optimizer race's links (`#race?…`) from arbitrary bytes (see `links.rs`).
#![no_main]

#[path = "links.rs"]
mod links;

use descent::race::Race;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| links::open_and_relink(Race::default(), bytes));

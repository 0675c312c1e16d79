//! The classifier lab's links (`#lab?…`) from arbitrary bytes (see `links.rs`).
#![no_main]

#[path = "links.rs"]
mod links;

use descent::lab::Lab;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| links::open_and_relink(Lab::default(), bytes));

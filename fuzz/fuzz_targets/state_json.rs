//! The page's state file reader on arbitrary bytes, as the page receives a dropped file: it
//! never panics, and a state it reads writes back (through `PageState::to_json`) to text that
//! reads back to the same state.
#![no_main]

use descent::link::page_state::PageState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(state) = PageState::parse(&text) {
        assert_eq!(PageState::parse(&state.to_json()), Ok(state), "the writer's text reads back");
    }
});

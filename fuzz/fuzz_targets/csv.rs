//! The CSV reader on arbitrary bytes, as the lab receives a file: it never panics, and a file
//! it reads writes back (through `Dataset::to_csv`) to text that reads back to the same points.
#![no_main]

use descent::data::parse_csv;
use descent::lab::csv::read_points;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = read_points(bytes);
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(data) = parse_csv(text)
    {
        assert_eq!(parse_csv(&data.to_csv()).as_ref(), Ok(&data), "the writer's text reads back");
    }
});

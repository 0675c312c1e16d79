//! A CSV file read across frames gives what reading it at once gives: for arbitrary bytes
//! (CSV-like or not), cut into arbitrary chunks and read with arbitrary budgets, the import's
//! result equals `read_points`'s (the same points, or the same refusal), and the lab shows
//! the same as after `load_csv`, or stays untouched.

use descent::lab::Lab;
use descent::lab::csv::import::{CsvImport, CsvProgress};
use descent::lab::csv::read_points;
use proptest::prelude::*;

/// Reads `bytes` handed in `chunks` (sizes, repeated as needed), each read given a budget of
/// `looks` looks at the clock, taking turns; returns the result and the fractions reported.
fn import(bytes: &[u8], chunks: &[usize], looks: &[usize]) -> (Result<descent::data::Dataset, String>, Vec<f64>) {
    let mut import = CsvImport::new(bytes.len());
    let mut fractions = Vec::new();
    let mut rest = bytes;
    let mut turn = 0;
    let read = |import: &mut CsvImport, turn: &mut usize| {
        let mut budget = looks[*turn % looks.len()];
        *turn += 1;
        import.read(&mut || {
            budget = budget.saturating_sub(1);
            budget > 0
        });
    };
    while !rest.is_empty() && !import.done() {
        let size = chunks[turn % chunks.len()].min(rest.len());
        import.push(&rest[..size]);
        rest = &rest[size..];
        read(&mut import, &mut turn);
        fractions.push(import.fraction());
    }
    import.end();
    // However small the budgets, the reading ends.
    for _ in 0..=bytes.len() + 1 {
        if import.done() {
            break;
        }
        read(&mut import, &mut turn);
        fractions.push(import.fraction());
    }
    match import.progress() {
        CsvProgress::Done(result) => (result, fractions),
        CsvProgress::Reading(fraction) => panic!("still reading at {fraction}"),
    }
}

/// Pieces of CSV text, and of what breaks it, that arbitrary files are made of.
fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    let pieces: Vec<&[u8]> = vec![
        b"1.5",
        b"-2",
        b"0",
        b"1",
        b"2",
        b"7",
        b"1e-7",
        b"1,5",
        b"2e9",
        b"nan",
        b",",
        b",",
        b",",
        b";",
        b"\t",
        b"\"",
        b"\"\"",
        b" ",
        b"#",
        b"# classes: 3",
        b"# classes: 1",
        b"x0",
        b"label",
        b"sep=;",
        b"\r",
        b"\n",
        b"\n",
        b"\r\n",
        b"\xef\xbb\xbf",
        b"\xff",
        b"\xfe",
        b"\xc3\xa9",
        b"\xc3",
        b"\xe2\x82",
        b"\xe2\x82\xac",
    ];
    prop::collection::vec(prop::sample::select(pieces), 0..60).prop_map(|pieces| pieces.concat())
}

/// Rows of points as a spreadsheet writes them, with an optional flaw.
fn rows() -> impl Strategy<Value = Vec<u8>> {
    (1usize..80, any::<u64>(), prop::sample::select(vec!["\n", "\r\n", "\r"]), any::<bool>(), 0usize..200).prop_map(
        |(n, seed, end, semicolons, flaw)| {
            let mut text = String::from(if semicolons { "\u{feff}x;y;label" } else { "x0,x1,label" });
            for i in 0..n {
                let x = ((seed >> (i % 60)) % 1000) as f64 / 7.0 - 70.0;
                let y = (i as f64 * 1.37).sin() * 3.0;
                let row = format!("{x},{y},{}", (seed as usize + i) % 3);
                text.push_str(end);
                if semicolons {
                    let row = row.replace(',', ";").replace('.', ",");
                    text.push_str(&row);
                } else {
                    text.push_str(&row);
                }
                if i == flaw {
                    text.push_str(",9");
                }
            }
            text.into_bytes()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn csv_like_bytes_import_as_they_read(
        bytes in csv_like(),
        chunks in prop::collection::vec(1usize..40, 1..6),
        looks in prop::collection::vec(0usize..3, 1..4),
    ) {
        let (result, fractions) = import(&bytes, &chunks, &looks);
        prop_assert_eq!(result, read_points(&bytes));
        prop_assert!(fractions.iter().all(|f| (0.0..=1.0).contains(f)));
    }

    #[test]
    fn rows_import_as_they_read(
        bytes in rows(),
        chunks in prop::collection::vec(1usize..700, 1..6),
        looks in prop::collection::vec(0usize..3, 1..4),
    ) {
        let (result, fractions) = import(&bytes, &chunks, &looks);
        prop_assert_eq!(result, read_points(&bytes));
        prop_assert!(fractions.windows(2).all(|w| w[0] <= w[1]), "{:?}", fractions);
    }

    #[test]
    fn arbitrary_bytes_import_as_they_read(
        bytes in prop::collection::vec(any::<u8>(), 0..200),
        chunks in prop::collection::vec(1usize..64, 1..6),
        looks in prop::collection::vec(0usize..3, 1..4),
    ) {
        prop_assert_eq!(import(&bytes, &chunks, &looks).0, read_points(&bytes));
    }
}

/// Refusals in read_points' order: UTF-8 anywhere before the first bad line, a bad line
/// before what the lab cannot show.
#[test]
fn refusals_come_in_the_one_shot_order() {
    let cases: [&[u8]; 6] = [
        b"1,2,0\n1,2,x\n3,4,1\n\xff\n",
        b"\xff\xfe1,2,0\n",
        b"1,2,0\n1,2,3,4\n5,\xe2\x82",
        b"1,2,3,0\n",
        b"# classes: 1\r1,2,0\r",
        b"\xef\xbb\xbf",
    ];
    let expected = [
        "CSV line 4: not UTF-8 text",
        "this file is UTF-16 text (as \"Unicode Text\" saves it); save it as CSV in UTF-8",
        "CSV line 3: not UTF-8 text",
        "the lab shows points in the plane: each line needs two coordinates and a label (x0,x1,label), and this file's points have D = 3",
        "a classifier needs at least two classes, and this file gives one",
        "CSV line 1: no points found",
    ];
    for (bytes, message) in cases.iter().zip(expected) {
        for chunk in 1..=bytes.len() {
            let chunks = [chunk];
            assert_eq!(import(bytes, &chunks, &[1]).0, Err(message.to_string()), "{bytes:?} in chunks of {chunk}");
        }
    }
}

/// A finished import shows what `load_csv` shows; a refused one leaves the lab as it was.
#[test]
fn the_lab_takes_a_finished_import_in_one_step() {
    let text = b"x0,x1,label\n0.5,0.25,0\n-1.5,2,2\n3,-0.75,1\n";
    let mut loaded = Lab::default();
    loaded.load_csv("points.csv", text).unwrap();
    let mut imported = Lab::default();
    let mut import = CsvImport::new(text.len());
    import.push(text);
    import.end();
    assert!(imported.load_import("points.csv", &mut import).is_err(), "still reading");
    import.read(&mut || true);
    imported.load_import("points.csv", &mut import).unwrap();
    assert_eq!(imported.to_csv(), loaded.to_csv());
    assert_eq!(imported.theta(), loaded.theta());
    assert_eq!((imported.file_name(), imported.from_file()), (Some("points.csv"), true));

    let before = imported.to_csv();
    let mut refused = CsvImport::new(12);
    refused.push(b"1,2,0\n1,2,x\n");
    refused.end();
    refused.read(&mut || true);
    let error = imported.load_import("bad.csv", &mut refused).unwrap_err().to_string();
    assert!(error.contains("bad.csv") && error.contains("CSV line 2: label \"x\""), "{error}");
    assert_eq!(imported.to_csv(), before);
    assert_eq!(imported.file_name(), Some("points.csv"));
}

/// A file past the limit is refused before any byte is read.
#[test]
fn a_file_too_large_is_refused_at_once() {
    let import = CsvImport::new(descent::lab::csv::MAX_CSV_BYTES + 1);
    assert_eq!(import.progress(), CsvProgress::Done(Err("the lab reads CSV files of up to 64 MB".into())));
}

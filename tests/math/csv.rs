//! CSV as people write it: every dialect the reader accepts reads back the exact points, every
//! one it cannot read is refused with the line and the problem, arbitrary text never panics it,
//! and the writer's output reads back to the bit through any line ends and a byte-order mark.

use descent::data::{Dataset, MAX_CLASSES, parse_csv};
use proptest::prelude::*;

/// The points (x₀, x₁, label) of every accepted file below.
fn expected() -> Dataset {
    Dataset::new(2, 3, vec![1.5, 2.25, -0.125, 1e-7, 3.0, -4.0], vec![0, 2, 1]).unwrap()
}

#[test]
fn every_dialect_reads_back_the_same_points() {
    let files: [(&str, &str); 14] = [
        ("plain", "1.5,2.25,0\n-0.125,1e-7,2\n3,-4,1\n"),
        ("header and comment", "# points\nx0,x1,label\n1.5,2.25,0\n-0.125,1e-7,2\n3,-4,1\n"),
        ("byte-order mark", "\u{feff}x0,x1,label\n1.5,2.25,0\n-0.125,1e-7,2\n3,-4,1\n"),
        ("CRLF", "x0,x1,label\r\n1.5,2.25,0\r\n-0.125,1e-7,2\r\n3,-4,1\r\n"),
        ("CR only", "x0,x1,label\r1.5,2.25,0\r-0.125,1e-7,2\r3,-4,1"),
        ("mixed line ends", "x0,x1,label\r\n1.5,2.25,0\r-0.125,1e-7,2\n3,-4,1"),
        ("quoted", "\"x0\",\"x1\",\"label\"\n\"1.5\",\"2.25\",0\n\"-0.125\",1e-7,\"2\"\n 3 , \"-4\" ,1\n"),
        (
            "separator and quotes in a quoted header",
            "\"x, in \"\"cm\"\"\",\"y, in cm\",class\n1.5,2.25,0\n-0.125,1e-7,2\n3,-4,1\n",
        ),
        ("semicolons, decimal commas", "x0;x1;label\n1,5;2,25;0\n-0,125;1e-7;2\n3;-4;1\n"),
        ("semicolons, quoted", "\"1,5\";\"2,25\";\"0\"\n\"-0,125\";1e-7;2\n3;-4;1\n"),
        (
            "semicolons from a spreadsheet",
            "\u{feff}sep=;\r\nx0;x1;label\r\n1,5;2,25;0\r\n-0,125;0,0000001;2\r\n3;-4;1\r\n;;\r\n;;\r\n",
        ),
        ("tabs", "x0\tx1\tlabel\n1.5\t2.25\t0\n-0.125\t1e-7\t2\n3\t-4\t1\n"),
        ("tabs with empty fields around", "x0\tx1\tlabel\r\n 1.5\t 2.25 \t0\n\n-0.125\t1e-7\t2\n# end\n3\t-4\t1\n"),
        ("sep=, line", "sep=,\n1.5,2.25,0\n-0.125,1e-7,2\n3,-4,1\n"),
    ];
    for (name, text) in files {
        let read = parse_csv(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read, expected(), "{name}");
    }
    // The classes comment works in every dialect.
    assert_eq!(parse_csv("# classes: 5\r1,5;2;4\r").unwrap().classes(), 5);
}

#[test]
fn a_file_the_reader_cannot_read_is_refused_with_the_line_and_the_problem() {
    let cases: [(&str, &str); 16] = [
        ("1,2,0\n1,2,3,1\n", "CSV line 2: 4 fields where the first data line had 3"),
        ("x,y,label\n1,2,0\n1,2\n", "CSV line 3: 2 fields where the header had 3"),
        ("x,y\n1,2,0\n", "CSV line 2: 3 fields where the header had 2"),
        ("1;2;0\n1.5,2.5,1\n", "CSV line 2: semicolon-separated file, but this line has commas between fields"),
        (
            "x;y;label\r\n1;2;0\r\n1\t2\t1\r\n",
            "CSV line 3: semicolon-separated file, but this line has tabs between fields",
        ),
        ("1,2,0\n1;2;1\n", "CSV line 2: comma-separated file, but this line has semicolons between fields"),
        ("1,2,0\n1,5;2,5;1\n", "CSV line 2: comma-separated file, but this line has semicolons between fields"),
        ("1,2,0\r1\t2\t1\r", "CSV line 2: comma-separated file, but this line has tabs between fields"),
        ("1\t2\t0\n1,2,1\n", "CSV line 2: tab-separated file, but this line has commas between fields"),
        ("1,2,0\n\n\n\n\"1,2,1\n", "CSV line 5: an unclosed quote in field 1"),
        ("1,2,0\n1,\"2\"x,1\n", "CSV line 2: text after the closing quote of field 2"),
        (
            "1;2;0\n1.5;2;1\n",
            "CSV line 2: \"1.5\" has a decimal point, but in a semicolon-separated file the decimal mark is a comma",
        ),
        (
            "1,2,0\n\"1,5\",2,1\n",
            "CSV line 2: \"1,5\" is not a number: in a comma-separated file the decimal mark is a point",
        ),
        (
            "1\t2\t0\n1,5\t2\t1\n",
            "CSV line 2: \"1,5\" is not a number: in a tab-separated file the decimal mark is a point",
        ),
        (
            "1 2 0\n",
            "CSV line 1: one field, where a point needs coordinates and a label separated by commas, semicolons or tabs",
        ),
        ("sep=|\n1|2|0\n", "CSV line 1: \"sep=|\" names no separator: write sep=, or sep=; or sep= and a tab"),
    ];
    for (text, message) in cases {
        assert_eq!(parse_csv(text).unwrap_err().to_string(), message, "{text:?}");
    }
    // A long field is echoed with an ellipsis, not whole.
    let long = format!("1,2,0\n{},2,1\n", "9".repeat(400) + "x");
    assert_eq!(parse_csv(&long).unwrap_err().to_string(), "CSV line 2: \"999999999999999999999999…\" is not a number");
}

/// Any text: letters, digits and every character the dialects give meaning to.
fn csv_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "0",
            "1",
            "5",
            "9",
            ".",
            ",",
            ";",
            "\t",
            " ",
            "\"",
            "\"\"",
            "\n",
            "\r",
            "\r\n",
            "#",
            "# classes: 3",
            "e",
            "-",
            "x",
            "sep=",
            "\u{feff}",
            "é",
            "inf",
        ]),
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

fn finite() -> impl Strategy<Value = f64> {
    prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO
}

fn bits(d: &Dataset) -> Vec<u64> {
    d.coordinates().iter().map(|v| v.to_bits()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_text_panics_the_reader(text in csv_like(), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        for text in [text, String::from_utf8_lossy(&bytes).into_owned()] {
            match parse_csv(&text) {
                Ok(d) => prop_assert!(!d.is_empty() && (1..=MAX_CLASSES).contains(&d.classes())),
                Err(e) => prop_assert!(e.to_string().starts_with("CSV line ")),
            }
        }
    }

    #[test]
    fn what_it_reads_it_writes_back_unchanged(text in csv_like()) {
        if let Ok(d) = parse_csv(&text) {
            prop_assert_eq!(parse_csv(&d.to_csv()).unwrap(), d);
        }
    }
}

proptest! {
    #[test]
    fn the_writers_output_reads_back_to_the_bit_through_any_line_ends_and_a_bom(
        dim in 1usize..4,
        classes in 1usize..=MAX_CLASSES,
        rows in prop::collection::vec((prop::collection::vec(finite(), 3), 0usize..MAX_CLASSES), 1..40),
    ) {
        let x: Vec<f64> = rows.iter().flat_map(|(p, _)| p[..dim].to_vec()).collect();
        let y: Vec<usize> = rows.iter().map(|&(_, label)| label % classes).collect();
        let d = Dataset::new(dim, classes, x, y).unwrap();
        let text = d.to_csv();
        for end in ["\n", "\r\n", "\r"] {
            for bom in ["", "\u{feff}"] {
                let variant = format!("{bom}{}", text.replace('\n', end));
                let back = parse_csv(&variant).unwrap();
                prop_assert_eq!((back.dim(), back.classes(), back.labels()), (dim, classes, d.labels()));
                prop_assert_eq!(bits(&back), bits(&d), "line end {:?}, BOM {:?}", end, bom);
            }
        }
    }
}

//! Points from CSV files in the lab: a file the lab can show replaces the dataset as a new
//! dataset does; any other is refused with its reason and changes nothing; the points save to
//! CSV that loads back to the same points.

use descent::data::{Dataset, parse_csv};
use descent::lab::Lab;
use descent::lab::csv::{MAX_CSV_BYTES, read_points};
use descent::lab::init::random_theta;
use descent::model::{CS231N_INITIAL, Shape};
use proptest::prelude::*;

/// Four classes around (10, −20): a file far from the origin.
const FOUR_CLASSES: &str = "# four clusters\nx0,x1,label\n9,-21,0\n11,-21,1\n9,-19,2\n11,-19,3\n10.5,-19.5,3\n";

/// Everything a refused file must leave as it was.
fn state(lab: &Lab) -> (Dataset, Vec<f64>, Vec<f64>, usize, String, Vec<f64>) {
    (
        lab.data().clone(),
        lab.theta().to_vec(),
        lab.history().total().to_vec(),
        lab.steps(),
        lab.get("dataset").unwrap(),
        vec![lab.view().center[0], lab.view().center[1], lab.view().half_width],
    )
}

#[test]
fn a_file_replaces_the_dataset_as_a_new_dataset_does() {
    let mut lab = Lab::default();
    lab.resize(400, 400, 1.0);
    lab.advance(5).unwrap();
    lab.load_csv("clusters.csv", FOUR_CLASSES.as_bytes()).unwrap();
    assert_eq!(lab.data(), &parse_csv(FOUR_CLASSES).unwrap());
    assert_eq!((lab.data().len(), lab.shape()), (5, Shape { classes: 4, dim: 2 }));
    // θ₀ for four classes, drawn from the init seed; a new run at step 0.
    assert_eq!(lab.theta(), random_theta(Shape { classes: 4, dim: 2 }, 0));
    assert_eq!(lab.start(), lab.theta());
    assert_eq!((lab.steps(), lab.history().len()), (0, 1));
    assert_eq!(lab.history().total()[0], lab.breakdown().total());
    // The view is centred on the points' bounding box [9, 11] × [−21, −19] with a margin.
    let view = lab.view();
    assert_eq!((view.center, view.half_width), ([10.0, -20.0], 1.2));
    let (low, high) = view.data_bounds();
    for i in 0..lab.data().len() {
        let p = lab.data().point(i);
        assert!((low[0]..=high[0]).contains(&p[0]) && (low[1]..=high[1]).contains(&p[1]), "point {i}");
    }
    // The menu shows the file; the generator's settings do not apply to it.
    assert_eq!(lab.get("dataset").unwrap(), "file");
    assert_eq!(lab.file_name(), Some("clusters.csv"));
    for name in ["points", "noise", "data-seed", "classes"] {
        assert!(!lab.applies(name.parse().unwrap()), "{name}");
    }
    assert_eq!(lab.get("classes").unwrap(), "4");
    lab.set("add-class", "3").unwrap();
    // It trains like any dataset.
    lab.set("loss", "softmax").unwrap();
    lab.set("lr", "0.01").unwrap();
    let before = lab.breakdown().total();
    lab.advance(50).unwrap();
    assert!(lab.breakdown().total() < before);
}

#[test]
fn a_file_the_lab_cannot_show_is_refused_with_its_reason_and_changes_nothing() {
    let mut lab = Lab::default();
    lab.advance(3).unwrap();
    let before = state(&lab);
    let cases: [(&str, Vec<u8>, &str); 9] = [
        ("bad.csv", b"x0,x1,label\n0.5,0.4,0\n0.1,abc,1\n".to_vec(), "CSV line 3: \"abc\" is not a number"),
        ("ragged.csv", b"1,2,0\n1,2,3,1\n".to_vec(), "CSV line 2: 4 fields where the first data line had 3"),
        ("cube.csv", b"1,2,3,0\n4,5,6,1\n".to_vec(), "each line needs two coordinates and a label"),
        ("line.csv", b"1,0\n2,1\n".to_vec(), "this file's points have D = 1"),
        ("seven.csv", b"1,2,0\n3,4,6\n".to_vec(), "CSV line 2: label 6 is too large (at most 6 classes)"),
        ("one.csv", b"# classes: 1\n1,2,0\n".to_vec(), "at least two classes"),
        (
            "far.csv",
            b"1,2,0\n2e6,4,1\n".to_vec(),
            "within ±1e6 of the origin, and this file has a coordinate of size 2.000e6",
        ),
        ("empty.csv", b"x0,x1,label\n".to_vec(), "CSV line 1: no points found"),
        ("latin1.csv", b"1,2,0\n# caf\xe9\n".to_vec(), "CSV line 2: not UTF-8 text"),
    ];
    for (name, bytes, reason) in cases {
        let message = lab.load_csv(name, &bytes).unwrap_err().to_string();
        assert!(message.starts_with(&format!("\"{name}\" was not loaded: ")), "{message}");
        assert!(message.contains(reason), "{name}: {message}");
        assert!(message.ends_with(". The points are unchanged."), "{message}");
        assert_eq!(state(&lab), before, "{name} changed the lab");
        assert_eq!(lab.file_name(), None);
    }
    // Too many points, too many bytes.
    let many: String = (0..1_000_001).map(|i| format!("{},0,{}\n", i % 1000, i % 2)).collect();
    assert!(lab.load_csv("many.csv", many.as_bytes()).unwrap_err().to_string().contains("more than 1000000 points"));
    let huge = vec![b' '; MAX_CSV_BYTES + 1];
    assert!(lab.load_csv("huge.csv", &huge).unwrap_err().to_string().contains("up to 64 MB"));
    assert_eq!(state(&lab), before);
}

#[test]
fn a_byte_order_mark_and_crlf_lines_are_read() {
    let data = read_points(b"\xef\xbb\xbfx0,x1,label\r\n0.5,0.4,0\r\n-0.4,0.3,1\r\n").unwrap();
    assert_eq!((data.len(), data.point(1)), (2, &[-0.4, 0.3][..]));
}

#[test]
fn a_spreadsheets_semicolon_file_with_decimal_commas_loads_its_exact_points() {
    let mut lab = Lab::default();
    let bytes = "\u{feff}sep=;\r\n\"x, in cm\";\"y\";label\r\n9,5;-21;0\r\n11;-20,25;1\r\n10,125;-19;3\r\n;;\r\n";
    lab.load_csv("Tabelle1.csv", bytes.as_bytes()).unwrap();
    let points: Vec<&[f64]> = (0..lab.data().len()).map(|i| lab.data().point(i)).collect();
    assert_eq!(points, [&[9.5, -21.0][..], &[11.0, -20.25], &[10.125, -19.0]]);
    assert_eq!((lab.data().labels(), lab.shape()), (&[0, 1, 3][..], Shape { classes: 4, dim: 2 }));
    // Tabs and CR-only line ends, as old spreadsheets on the Mac save them.
    lab.load_csv("tabs.txt", b"x0\tx1\tlabel\r0.5\t0.4\t0\r-0.4\t0.3\t1\r").unwrap();
    assert_eq!((lab.data().len(), lab.data().point(1)), (2, &[-0.4, 0.3][..]));
}

#[test]
fn a_file_in_a_dialect_the_reader_cannot_read_changes_nothing() {
    let mut lab = Lab::default();
    lab.advance(3).unwrap();
    let before = state(&lab);
    let cases: [(&[u8], &str); 6] = [
        (
            b"x;y;label\r\n1,5;2;0\r\n1.5,2,1\r\n",
            "CSV line 3: semicolon-separated file, but this line has commas between fields",
        ),
        (b"1,2,0\r1,2\r", "CSV line 2: 2 fields where the first data line had 3"),
        (b"1,2,0\n\"1,2,1\n", "CSV line 2: an unclosed quote in field 1"),
        (b"1;2;0\n1.5;2;1\n", "CSV line 2: \"1.5\" has a decimal point, but in a semicolon-separated file"),
        (b"1,2,0\r1,\xe9,1\r", "CSV line 2: not UTF-8 text"),
        (b"\xff\xfex\x000\x00", "this file is UTF-16 text"),
    ];
    for (bytes, reason) in cases {
        let message = lab.load_csv("points.csv", bytes).unwrap_err().to_string();
        assert!(message.starts_with("\"points.csv\" was not loaded: "), "{message}");
        assert!(message.contains(reason), "{message}");
        assert!(message.ends_with(". The points are unchanged."), "{message}");
        assert_eq!(state(&lab), before, "{message}");
        assert_eq!(lab.file_name(), None);
    }
}

#[test]
fn a_million_points_of_realistic_width_load() {
    let text: String = (0..1_000_000).map(|i| format!("-12.345678,{}.876543,{}\n", i % 10, i % 3)).collect();
    assert!(text.len() < MAX_CSV_BYTES / 2, "{} bytes", text.len());
    // Written to full precision they still fit.
    assert!(1_000_000 * "-0.12345678901234567,-0.12345678901234567,5\n".len() < MAX_CSV_BYTES);
    let mut lab = Lab::default();
    lab.load_csv("many.csv", text.as_bytes()).unwrap();
    assert_eq!((lab.data().len(), lab.shape().classes), (1_000_000, 3));
    assert_eq!(lab.data().point(999_999), &[-12.345678, 9.876543]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn arbitrary_bytes_load_as_read_or_change_nothing(bytes in prop::collection::vec(any::<u8>(), 0..300), csv_like in
        prop::collection::vec(prop::sample::select(vec!["0", "1", "2", "5", ".", ",", ";", "\t", " ", "\"", "\n", "\r", "#", "-", "x"]), 0..60)) {
        let mut lab = Lab::default();
        lab.advance(2).unwrap();
        for bytes in [bytes, csv_like.concat().into_bytes()] {
            let before = state(&lab);
            match lab.load_csv("any.csv", &bytes) {
                Ok(()) => prop_assert_eq!(lab.data(), &read_points(&bytes).unwrap()),
                Err(e) => {
                    prop_assert!(e.to_string().ends_with(". The points are unchanged."));
                    prop_assert_eq!(state(&lab), before);
                }
            }
        }
    }
}

#[test]
fn the_points_save_to_csv_that_loads_back_to_the_same_points() {
    let mut lab = Lab::default();
    // Edit the demo's points: move one, add one, and remove every point of class 2.
    lab.set("add-class", "1").unwrap();
    lab.resize(200, 200, 1.0);
    lab.pointer_down([20.0, 20.0], false).unwrap();
    lab.pointer_up();
    while let Some(i) = (0..lab.data().len()).find(|&i| lab.data().label(i) == 2) {
        lab.remove_point(i).unwrap();
    }
    let text = lab.to_csv();
    assert!(text.starts_with("# classes: 3\nx0,x1,label\n0.5,0.4,0\n"), "{text}");
    let mut other = Lab::default();
    other.load_csv("saved.csv", text.as_bytes()).unwrap();
    assert_eq!(other.data(), lab.data());
    assert_eq!(other.shape(), Shape { classes: 3, dim: 2 }, "the empty class 2 survives");
    assert_eq!(other.to_csv(), text);
}

#[test]
fn regenerate_restores_the_file_and_the_menu_goes_back_and_forth() {
    let mut lab = Lab::default();
    lab.resize(200, 200, 1.0);
    lab.load_csv("clusters.csv", FOUR_CLASSES.as_bytes()).unwrap();
    let file = lab.data().clone();
    lab.set("W[0,0]", "0.25").unwrap();
    lab.remove_point(0).unwrap();
    lab.pointer_down([100.0, 100.0], false).unwrap();
    lab.pointer_up();
    assert_ne!(lab.data(), &file);
    // Regenerate restores the file's points and keeps θ (rule 2).
    let theta = lab.theta().to_vec();
    lab.regenerate().unwrap();
    assert_eq!(lab.data(), &file);
    assert_eq!(lab.theta(), theta);
    // The generator's settings wait while the file is shown.
    lab.set("points", "40").unwrap();
    assert_eq!((lab.data(), lab.theta()), (&file, &theta[..]));
    // A generated dataset replaces the file; the menu can return to it (rule 1 both ways).
    lab.set("dataset", "blobs").unwrap();
    assert_eq!((lab.get("dataset").unwrap().as_str(), lab.data().len()), ("blobs", 40));
    assert!(lab.applies("points".parse().unwrap()));
    lab.set("dataset", "file").unwrap();
    assert_eq!(lab.data(), &file);
    assert_eq!(lab.theta(), random_theta(lab.shape(), 0));
    // Even to the cs231n demo and back.
    lab.set("dataset", "cs231n").unwrap();
    assert_eq!(lab.theta(), CS231N_INITIAL);
    assert_eq!(lab.view().center, [0.0, 0.0]);
    assert_eq!(lab.file_name(), Some("clusters.csv"));
}

#[test]
fn the_file_entry_of_the_menu_needs_a_file() {
    let mut lab = Lab::default();
    let message = lab.set("dataset", "file").unwrap_err().to_string();
    assert!(message.contains("load a CSV file first"), "{message}");
    assert_eq!(lab.get("dataset").unwrap(), "cs231n");
    assert_eq!(lab.theta(), CS231N_INITIAL);
}

#[test]
fn a_single_point_gets_a_view_around_it() {
    let mut lab = Lab::default();
    lab.load_csv("one.csv", b"3,4,1\n").unwrap();
    assert_eq!((lab.data().classes(), lab.view().center, lab.view().half_width), (2, [3.0, 4.0], 1.0));
}

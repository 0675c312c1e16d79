//! Points from a CSV file and back. The lab reads what [`parse_csv`] reads (`x0,x1,label` per
//! line, a header, comments and a `# classes: C` comment allowed, quoted fields, any line ends,
//! and the semicolon (with decimal commas) and tab dialects), as long as it can show it:
//! points in the plane, at most [`MAX_CLASSES`] classes (the palette's colours) and
//! [`MAX_POINTS`] points, within ±[`MAX_COORDINATE`] of the origin, from a file of at most
//! [`MAX_CSV_BYTES`]. Anything else is refused with the reason, and the lab keeps its points.
//!
//! A loaded file is a new dataset (rule 1 of [`crate::lab`]): θ is re-initialized for its
//! number of classes, the view is fitted to its points and a new run starts. The dataset menu
//! then shows it as [`FILE_DATASET`]; Regenerate restores its points after edits, and the
//! menu can return to it after a generated dataset. [`Lab::to_csv`] saves the current points
//! as [`Dataset::to_csv`] writes them, which reads back to the same points.

use super::{Lab, LabError};
use crate::data::{Dataset, MAX_CLASSES, MAX_POINTS, parse_csv};

pub mod import;

/// The largest CSV file the lab reads, in bytes: room for [`MAX_POINTS`] points written out
/// to full precision, with comments.
pub const MAX_CSV_BYTES: usize = 64 << 20;
/// The largest |coordinate| of a loaded point: beyond it the scores of any θ within the
/// parameter limit could pass the divergence limit of the loss.
pub const MAX_COORDINATE: f64 = 1e6;
/// The dataset menu's value for the loaded file's points.
pub const FILE_DATASET: &str = "file";

/// A loaded file: its name and its points as read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CsvFile {
    pub(crate) name: String,
    pub(crate) data: Dataset,
}

/// Reads the points of a CSV file's bytes (UTF-8 text, with or without a byte-order mark, in
/// any dialect [`parse_csv`] reads) if the lab can show them; otherwise says why.
///
/// ```
/// use descent::lab::csv::read_points;
/// assert_eq!(read_points(b"x0,x1,label\n0.5,0.4,0\n-0.4,0.3,1\n").unwrap().len(), 2);
/// assert!(read_points(b"1,2,3,0\n").unwrap_err().contains("two coordinates"));
/// assert_eq!(read_points(b"1,2,0\r1,\xff,1\r").unwrap_err(), "CSV line 2: not UTF-8 text");
/// ```
pub fn read_points(bytes: &[u8]) -> Result<Dataset, String> {
    if let Some(refusal) = refuse_start(bytes.len(), bytes) {
        return Err(refusal);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(&bytes[..e.valid_up_to()]))?;
    showable(parse_csv(text).map_err(|e| e.to_string())?)
}

/// Why a file that starts with `start` (its first two bytes, or all of a shorter file) and
/// has `len` bytes cannot be read, if that alone says it.
fn refuse_start(len: usize, start: &[u8]) -> Option<String> {
    if len > MAX_CSV_BYTES {
        return Some(format!("the lab reads CSV files of up to {} MB", MAX_CSV_BYTES >> 20));
    }
    if start.starts_with(&[0xff, 0xfe]) || start.starts_with(&[0xfe, 0xff]) {
        return Some("this file is UTF-16 text (as \"Unicode Text\" saves it); save it as CSV in UTF-8".into());
    }
    None
}

/// The refusal of a file whose UTF-8 text stops being valid after `read`.
fn not_utf8(read: &[u8]) -> String {
    // Line ends as the reader counts them: LF, CRLF or a lone CR.
    let ends = read.iter().enumerate().filter(|&(i, &b)| b == b'\n' || (b == b'\r' && read.get(i + 1) != Some(&b'\n')));
    format!("CSV line {}: not UTF-8 text", ends.count() + 1)
}

/// The points read, if the lab can show them: in the plane, in two classes or more, within
/// ±[`MAX_COORDINATE`]; otherwise why not.
fn showable(data: Dataset) -> Result<Dataset, String> {
    if data.dim() != 2 {
        return Err(format!(
            "the lab shows points in the plane: each line needs two coordinates and a label \
             (x0,x1,label), and this file's points have D = {}",
            data.dim()
        ));
    }
    if data.classes() < 2 {
        return Err("a classifier needs at least two classes, and this file gives one".into());
    }
    let reach = data.max_abs_coordinate();
    if reach > MAX_COORDINATE {
        return Err(format!(
            "the lab shows points within ±{MAX_COORDINATE:.0e} of the origin, and this file has a \
             coordinate of size {reach:.3e}"
        ));
    }
    debug_assert!(data.classes() <= MAX_CLASSES && data.len() <= MAX_POINTS, "parse_csv's limits");
    Ok(data)
}

impl Lab {
    /// Loads the points of the CSV file `name`, given as its bytes (rule 1: new model). On
    /// error nothing changes and the message names the file and the reason.
    pub fn load_csv(&mut self, name: &str, bytes: &[u8]) -> Result<(), LabError> {
        let data = read_points(bytes).map_err(|reason| LabError::Csv { file: name.to_string(), reason })?;
        self.load_points(name, data);
        Ok(())
    }

    /// Shows the points read from the CSV file `name` by [`read_points`] or a finished
    /// [`import::CsvImport`]: a new dataset (rule 1).
    fn load_points(&mut self, name: &str, data: Dataset) {
        self.file = Some(CsvFile { name: name.to_string(), data: data.clone() });
        self.from_file = true;
        self.replace_data(data, true, super::Sets::Drawn);
    }

    /// Shows the loaded file's points again (the dataset menu's [`FILE_DATASET`]; rule 1).
    pub(super) fn show_file(&mut self) -> Result<(), LabError> {
        let data = match &self.file {
            Some(file) => file.data.clone(),
            None => {
                let expected = "a dataset's name; load a CSV file first to show its points";
                return Err(LabError::value("dataset", FILE_DATASET, expected));
            }
        };
        self.from_file = true;
        self.replace_data(data, true, super::Sets::Drawn);
        Ok(())
    }

    /// The name of the last CSV file loaded, if any.
    pub fn file_name(&self) -> Option<&str> {
        self.file.as_ref().map(|f| f.name.as_str())
    }

    /// Whether the points shown come from the loaded CSV file.
    pub fn from_file(&self) -> bool {
        self.from_file
    }

    /// The current points (with every edit) as CSV text that [`Lab::load_csv`] reads back.
    pub fn to_csv(&self) -> String {
        self.data.to_csv()
    }
}

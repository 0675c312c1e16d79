//! Points as CSV text: [`Dataset::to_csv`] writes them, [`parse_csv`] reads them back.

use super::{DataError, Dataset, MAX_CLASSES, MAX_POINTS};

/// The comment that gives a CSV file's number of classes: `# classes: C`.
const CLASSES_COMMENT: &str = "classes:";

impl Dataset {
    /// The points as CSV text that [`parse_csv`] reads back into an equal dataset: a
    /// `# classes: C` comment (so a class without points survives), the header
    /// `x0,…,x{D−1},label`, and one line per point, each coordinate written in the shortest
    /// form that parses back to the same `f64` (with an exponent below 10⁻⁵ and from 10¹⁶).
    ///
    /// ```
    /// use descent::data::{Dataset, parse_csv};
    /// let d = Dataset::new(2, 3, vec![0.1, -2.5e-7, 1.0 / 3.0, 4.0], vec![0, 1]).unwrap();
    /// let text = d.to_csv();
    /// assert_eq!(text, "# classes: 3\nx0,x1,label\n0.1,-2.5e-7,0\n0.3333333333333333,4,1\n");
    /// assert_eq!(parse_csv(&text).unwrap(), d);
    /// ```
    pub fn to_csv(&self) -> String {
        use std::fmt::Write;
        let mut text = format!("# {CLASSES_COMMENT} {}\n", self.classes);
        for l in 0..self.dim {
            let _ = write!(text, "x{l},");
        }
        text.push_str("label\n");
        for i in 0..self.len() {
            for &v in self.point(i) {
                // Plain decimals where they are short, exponents for the very small and large.
                let _ = if v == 0.0 || (1e-5..1e16).contains(&v.abs()) {
                    write!(text, "{v},")
                } else {
                    write!(text, "{v:e},")
                };
            }
            let _ = writeln!(text, "{}", self.label(i));
        }
        text
    }
}

/// Reads a dataset from CSV text: one point per line as `x0,x1,label` (D coordinates then an
/// integer label, D ≥ 1 and the same on every line). Blank lines and lines starting with `#`
/// are skipped; a first line that does not parse as numbers is taken as a header. The number
/// of classes is the largest label plus one (at least two), unless a comment `# classes: C`
/// gives it (1 ≤ C ≤ [`MAX_CLASSES`], above every label), as [`Dataset::to_csv`] writes.
///
/// ```
/// let d = descent::data::parse_csv("x0,x1,y\n0.5,0.4,0\n-0.4,0.3,1\n").unwrap();
/// assert_eq!((d.len(), d.dim(), d.classes()), (2, 2, 2));
/// assert!(descent::data::parse_csv("1,2,zero").unwrap_err().to_string().contains("line 1"));
/// assert_eq!(descent::data::parse_csv("# classes: 4\n1,2,0\n").unwrap().classes(), 4);
/// ```
pub fn parse_csv(text: &str) -> Result<Dataset, DataError> {
    let mut x = Vec::new();
    let mut y = Vec::new();
    let mut dim = None;
    let mut first_data_line = true;
    // The classes a `# classes: C` comment gives, and the largest label with its first line.
    let mut declared: Option<usize> = None;
    let mut largest: Option<(usize, usize)> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if let Some(comment) = trimmed.strip_prefix('#') {
            if let Some(count) = comment.trim().strip_prefix(CLASSES_COMMENT) {
                if declared.is_some() {
                    return Err(DataError::Csv { line, message: "the number of classes is given twice".into() });
                }
                let classes = count.trim().parse::<usize>().ok().filter(|c| (1..=MAX_CLASSES).contains(c));
                declared = Some(classes.ok_or_else(|| DataError::Csv {
                    line,
                    message: format!("\"{}\" must give 1 to {MAX_CLASSES} classes", comment.trim()),
                })?);
            }
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        let fields: Vec<&str> = trimmed.split(',').map(str::trim).collect();
        let is_header = first_data_line && fields.iter().all(|f| f.parse::<f64>().is_err());
        first_data_line = false;
        if is_header {
            continue;
        }
        if fields.len() < 2 {
            return Err(DataError::Csv { line, message: "expected coordinates followed by a label".into() });
        }
        let width = fields.len() - 1;
        if *dim.get_or_insert(width) != width {
            return Err(DataError::Csv {
                line,
                message: format!("expected {} coordinates, found {width}", dim.unwrap_or(width)),
            });
        }
        for field in &fields[..width] {
            let value: f64 =
                field.parse().map_err(|_| DataError::Csv { line, message: format!("\"{field}\" is not a number") })?;
            if !value.is_finite() {
                return Err(DataError::Csv { line, message: format!("\"{field}\" is not a finite number") });
            }
            x.push(value);
        }
        let label_field = fields[width];
        let label: usize = label_field.parse().map_err(|_| DataError::Csv {
            line,
            message: format!("label \"{label_field}\" is not a class number 0..{}", MAX_CLASSES - 1),
        })?;
        if label >= MAX_CLASSES {
            return Err(DataError::Csv {
                line,
                message: format!("label {label} is too large (at most {} classes)", MAX_CLASSES),
            });
        }
        if largest.is_none_or(|(top, _)| label > top) {
            largest = Some((label, line));
        }
        y.push(label);
        if y.len() > MAX_POINTS {
            return Err(DataError::Csv { line, message: format!("more than {MAX_POINTS} points") });
        }
    }
    let dim = dim.ok_or(DataError::Csv { line: 1, message: "no points found".into() })?;
    let (top, top_line) = largest.unwrap_or((0, 1));
    let classes = match declared {
        Some(classes) if top >= classes => {
            let message = format!("label {top} is beyond the {classes} classes the file gives");
            return Err(DataError::Csv { line: top_line, message });
        }
        Some(classes) => classes,
        None => (top + 1).max(2),
    };
    Dataset::new(dim, classes, x, y)
}

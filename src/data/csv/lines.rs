//! [`parse_csv`](super::parse_csv) a line at a time, for text that arrives in pieces or is
//! read across several frames: [`CsvLines`] reads each line as `parse_csv` would and gives
//! the same dataset, or the same refusal for the same line.

use super::{DataError, Dataset, MAX_POINTS, Reader};

/// A CSV file being read line by line; its lines are what [`parse_csv`](super::parse_csv)
/// numbers (split at LF, CRLF or a lone CR, without their line ends, the byte-order mark
/// already taken off the first).
///
/// ```
/// use descent::data::{CsvLines, parse_csv};
/// let mut lines = CsvLines::default();
/// for line in ["x;y;label", "0,5;-1,25;1", "2;3;0"] {
///     lines.read(line).unwrap();
/// }
/// assert_eq!(lines.finish(), parse_csv("x;y;label\n0,5;-1,25;1\n2;3;0\n"));
/// ```
#[derive(Default)]
pub struct CsvLines {
    reader: Reader,
    /// The lines read so far.
    count: usize,
}

impl CsvLines {
    /// Reads the next line, or says what is wrong with it (as `parse_csv` would, with its
    /// number); after a refusal the file is refused and nothing more should be read.
    pub fn read(&mut self, content: &str) -> Result<(), DataError> {
        self.count += 1;
        let line = self.count;
        let mut fields = Vec::new();
        self.reader.read(line, content, &mut fields).map_err(|message| DataError::Csv { line, message })?;
        if self.reader.y.len() > MAX_POINTS {
            return Err(DataError::Csv { line, message: format!("more than {MAX_POINTS} points") });
        }
        Ok(())
    }

    /// The number of points read so far.
    pub fn points(&self) -> usize {
        self.reader.y.len()
    }

    /// The dataset, once every line is read.
    pub fn finish(self) -> Result<Dataset, DataError> {
        self.reader.finish()
    }
}

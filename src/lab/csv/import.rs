//! A CSV file read across frames: the page hands its bytes in chunks ([`CsvImport::push`]),
//! each frame reads lines until the frame's budget is spent ([`CsvImport::read`]) and shows
//! how far it is ([`CsvProgress::Reading`]), and once every line is read the lab takes the
//! points in one step ([`Lab::load_import`]). Until then the lab is untouched, so cancelling
//! is dropping the import.
//!
//! The result is [`read_points`]'s for the same bytes, whatever the chunks and budgets: the
//! same points, or the same refusal. Its order of refusals is kept: a file too large, then
//! UTF-16 text, then the first byte that is not UTF-8 (anywhere in the file, so a line that
//! cannot be read waits for the last chunk before it is named), then the first line that
//! cannot be read, then what the lab cannot show.

#[cfg(doc)]
use super::read_points;
use super::{MAX_CSV_BYTES, not_utf8, refuse_start, showable};
use crate::data::{CsvLines, Dataset};
use crate::lab::{Lab, LabError};

/// Lines read between two looks at the clock.
const LINES_PER_LOOK: usize = 256;

/// How far an import is.
#[derive(Clone, Debug, PartialEq)]
pub enum CsvProgress {
    /// Still reading: the fraction 0 ≤ f ≤ 1 of the file's bytes read.
    Reading(f64),
    /// Every line read: the points, or why the file cannot be shown.
    Done(Result<Dataset, String>),
}

/// A CSV file read a budget at a time; see the [module](self).
///
/// ```
/// use descent::lab::csv::import::{CsvImport, CsvProgress};
/// use descent::lab::csv::read_points;
/// let text = b"x0,x1,label\r\n0.5,0.4,0\r\n-0.4,0.3,1\r\n";
/// let mut import = CsvImport::new(text.len());
/// for chunk in text.chunks(5) {
///     import.push(chunk);
///     import.read(&mut || true);
/// }
/// import.end();
/// import.read(&mut || true);
/// assert_eq!(import.progress(), CsvProgress::Done(read_points(text)));
/// ```
pub struct CsvImport {
    /// The file's size as the page announced it (for the fraction read).
    total: usize,
    /// The bytes handed in so far.
    bytes: Vec<u8>,
    /// Whether every byte has been handed in.
    ended: bool,
    /// How many bytes are known to be UTF-8 text (a prefix of `bytes`, ending between characters).
    valid: usize,
    /// Where the next line starts, once the byte-order mark (if any) is passed.
    next: Option<usize>,
    lines: CsvLines,
    /// The first line that could not be read, kept until no byte after it can be invalid UTF-8.
    refused_line: Option<String>,
    /// The result, once known.
    done: Option<Result<Dataset, String>>,
}

impl CsvImport {
    /// An import of a file of `total` bytes (a file past [`MAX_CSV_BYTES`] is refused at once).
    pub fn new(total: usize) -> Self {
        let mut import = CsvImport {
            total,
            bytes: Vec::new(),
            ended: false,
            valid: 0,
            next: None,
            lines: CsvLines::default(),
            refused_line: None,
            done: None,
        };
        import.refuse_size(total);
        import
    }

    /// Refuses the file if it has more than [`MAX_CSV_BYTES`].
    fn refuse_size(&mut self, len: usize) {
        if len > MAX_CSV_BYTES {
            self.done = refuse_start(len, &[]).map(Err);
        }
    }

    /// Hands in the next bytes of the file, and checks that they are UTF-8 text.
    pub fn push(&mut self, chunk: &[u8]) {
        self.refuse_size(self.bytes.len().saturating_add(chunk.len()));
        if self.done.is_some() {
            return;
        }
        self.bytes.extend_from_slice(chunk);
        self.validate();
    }

    /// Says that every byte has been handed in.
    pub fn end(&mut self) {
        self.ended = true;
        self.validate();
    }

    /// Checks the bytes not yet known to be UTF-8 text (once the first two are in: a UTF-16
    /// byte-order mark is named as such).
    fn validate(&mut self) {
        if self.done.is_some() || (self.bytes.len() < 2 && !self.ended) {
            return;
        }
        if self.valid == 0 {
            if let Some(refusal) = refuse_start(self.bytes.len(), &self.bytes) {
                self.done = Some(Err(refusal));
                return;
            }
        }
        match std::str::from_utf8(&self.bytes[self.valid..]) {
            Ok(_) => self.valid = self.bytes.len(),
            Err(e) => {
                self.valid += e.valid_up_to();
                // A character cut at the chunk's end is completed by the next chunk.
                if e.error_len().is_some() || self.ended {
                    self.done = Some(Err(not_utf8(&self.bytes[..self.valid])));
                }
            }
        }
    }

    /// Reads lines while `left()` says the frame has time (a few hundred at least, when
    /// their bytes are in), and once the whole file is read, settles its result.
    pub fn read(&mut self, left: &mut dyn FnMut() -> bool) {
        while self.done.is_none() && self.refused_line.is_none() {
            for _ in 0..LINES_PER_LOOK {
                if !self.read_line() {
                    self.conclude();
                    return;
                }
            }
            if !left() {
                return;
            }
        }
        self.conclude();
    }

    /// Reads the next line if its bytes are in and known to be UTF-8; returns whether it did
    /// and another line may follow.
    fn read_line(&mut self) -> bool {
        let complete = self.ended && self.valid == self.bytes.len();
        let start = match self.next {
            Some(start) => start,
            None if self.valid >= 3 || complete => {
                *self.next.insert(if self.bytes.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 })
            }
            None => return false,
        };
        let rest = &self.bytes[start.min(self.valid)..self.valid];
        let (content, next) = match rest.iter().position(|&b| b == b'\r' || b == b'\n') {
            Some(end) => {
                let after = start + end + 1;
                // A CR whose next byte is not in yet may begin a CRLF.
                if rest[end] == b'\r' && after == self.bytes.len() && !self.ended {
                    return false;
                }
                let crlf = rest[end] == b'\r' && self.bytes.get(after) == Some(&b'\n');
                (&rest[..end], after + usize::from(crlf))
            }
            // The last line, without a line end.
            None if complete && !rest.is_empty() => (rest, self.valid),
            None => return false,
        };
        // Lines split at ASCII bytes of valid UTF-8 text are valid UTF-8 text.
        let line = std::str::from_utf8(content).map_err(|_| "not UTF-8 text".to_string());
        if let Err(refusal) = line.and_then(|line| self.lines.read(line).map_err(|e| e.to_string())) {
            self.refused_line = Some(refusal);
        }
        self.next = Some(next);
        self.refused_line.is_none()
    }

    /// Settles the result once every byte is in and checked, and every line read.
    fn conclude(&mut self) {
        let checked = self.ended && self.valid == self.bytes.len();
        if self.done.is_some() || !checked {
            return;
        }
        if let Some(refusal) = self.refused_line.take() {
            self.done = Some(Err(refusal));
        } else if self.next.is_some_and(|next| next >= self.bytes.len()) {
            let lines = std::mem::take(&mut self.lines);
            self.done = Some(lines.finish().map_err(|e| e.to_string()).and_then(showable));
        }
        if self.done.is_some() {
            self.bytes = Vec::new();
        }
    }

    /// How far the import is: the fraction of the bytes read, or its result.
    pub fn progress(&self) -> CsvProgress {
        match &self.done {
            Some(result) => CsvProgress::Done(result.clone()),
            None => CsvProgress::Reading(self.fraction()),
        }
    }

    /// The fraction 0 ≤ f ≤ 1 of the file's bytes read (1 once the result is known).
    pub fn fraction(&self) -> f64 {
        if self.done.is_some() {
            return 1.0;
        }
        let read = self.next.unwrap_or(0) as f64 / self.total.max(self.bytes.len()).max(1) as f64;
        read.min(1.0)
    }

    /// Whether the result is known (every line read, or the file refused).
    pub fn done(&self) -> bool {
        self.done.is_some()
    }
}

impl Lab {
    /// Shows the points of a finished import of the CSV file `name` (rule 1: new model), as
    /// [`Lab::load_csv`] shows the same bytes, and leaves the import empty. On a refusal, or
    /// an import still reading, nothing changes and the message says why.
    pub fn load_import(&mut self, name: &str, import: &mut CsvImport) -> Result<(), LabError> {
        let refusal = |reason: String| LabError::Csv { file: name.to_string(), reason };
        let result = import.done.take().ok_or_else(|| refusal("the file is still being read".into()))?;
        self.load_points(name, result.map_err(refusal)?);
        Ok(())
    }
}

//! Points as CSV text: [`Dataset::to_csv`] writes them, [`parse_csv`] reads them back, along
//! with CSV as people write it: a byte-order mark, any line ends, a header, comments, quoted
//! fields, and the semicolon and tab dialects that spreadsheets save.

use std::borrow::Cow;

use super::{DataError, Dataset, MAX_CLASSES, MAX_POINTS};

pub(super) mod lines;

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

/// Reads a dataset from CSV text: one point per line, D coordinates then an integer label
/// (D ≥ 1 and the same on every line), as `x0,x1,label`.
///
/// - **Lines** end in LF, CRLF or a lone CR (they may mix); a leading byte-order mark is
///   skipped. Blank lines, rows of empty fields and lines starting with `#` are skipped.
/// - **Header**: a first line none of whose fields is a number is a header; the points must
///   then have as many fields as it has.
/// - **Classes**: the largest label plus one (at least two), unless a comment `# classes: C`
///   gives it (1 ≤ C ≤ [`MAX_CLASSES`], above every label), as [`Dataset::to_csv`] writes.
/// - **Quotes** (RFC 4180): a field may be quoted, `"1.5"`, with `""` for a quote inside and
///   the separator allowed inside; a quoted field ends on its line. Spaces around fields are
///   ignored.
/// - **Dialect**: the first line that is not a comment (the header, or else the first point)
///   decides it. With a semicolon, `;` separates the fields and `,` is the decimal mark
///   (`1,5;2,25;0`, as spreadsheets in many locales save CSV); else with a tab, tabs separate;
///   else commas do, and in both the decimal mark is a point. A first line `sep=;` (or
///   `sep=,`, or `sep=` and a tab), as spreadsheets also write, names the separator instead.
///
/// Anything else is refused with the line and the problem, in the file's dialect.
///
/// ```
/// use descent::data::parse_csv;
/// let d = parse_csv("x0,x1,y\n0.5,0.4,0\n-0.4,0.3,1\n").unwrap();
/// assert_eq!((d.len(), d.dim(), d.classes()), (2, 2, 2));
/// assert_eq!(parse_csv("\u{feff}x;y;label\r\n0,5;-1,25;1\r\n").unwrap().point(0), &[0.5, -1.25]);
/// assert_eq!(parse_csv("\"x, cm\"\t\"y\"\tlabel\r1.5\t2\t0\r").unwrap().point(0), &[1.5, 2.0]);
/// assert_eq!(parse_csv("1,2,zero").unwrap_err().to_string(), "CSV line 1: label \"zero\" is not a class number 0..5");
/// assert_eq!(
///     parse_csv("1;2;0\n1.5,2.5,1\n").unwrap_err().to_string(),
///     "CSV line 2: semicolon-separated file, but this line has commas between fields"
/// );
/// assert_eq!(parse_csv("# classes: 4\n1,2,0\n").unwrap().classes(), 4);
/// ```
pub fn parse_csv(text: &str) -> Result<Dataset, DataError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::default();
    let mut fields = Vec::new();
    for (line, content) in numbered_lines(text) {
        reader.read(line, content, &mut fields).map_err(|message| DataError::Csv { line, message })?;
        if reader.y.len() > MAX_POINTS {
            return Err(DataError::Csv { line, message: format!("more than {MAX_POINTS} points") });
        }
    }
    reader.finish()
}

/// The lines of `text`, numbered from 1, whichever way each ends: LF, CRLF or a lone CR.
fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = Some(text).filter(|t| !t.is_empty());
    let lines = std::iter::from_fn(move || {
        let text = rest?;
        let Some(end) = text.find(['\r', '\n']) else {
            rest = None;
            return Some(text);
        };
        let next = if text[end..].starts_with("\r\n") { end + 2 } else { end + 1 };
        rest = Some(&text[next..]).filter(|t| !t.is_empty());
        Some(&text[..end])
    });
    (1..).zip(lines)
}

/// What separates a file's fields; the decimal mark follows from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Separator {
    Comma,
    Semicolon,
    Tab,
}

impl Separator {
    const ALL: [Separator; 3] = [Separator::Comma, Separator::Semicolon, Separator::Tab];

    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
            Separator::Tab => '\t',
        }
    }

    /// The separator as a file's dialect is named in messages.
    fn dialect(self) -> &'static str {
        match self {
            Separator::Comma => "comma-separated",
            Separator::Semicolon => "semicolon-separated",
            Separator::Tab => "tab-separated",
        }
    }

    fn plural(self) -> &'static str {
        match self {
            Separator::Comma => "commas",
            Separator::Semicolon => "semicolons",
            Separator::Tab => "tabs",
        }
    }

    /// A semicolon-separated file writes decimal commas; the others decimal points.
    fn decimal_comma(self) -> bool {
        self == Separator::Semicolon
    }

    /// The dialect of a file whose first line (not a comment) is `line`.
    fn of(line: &str) -> Separator {
        [Separator::Semicolon, Separator::Tab].into_iter().find(|s| s.separates(line)).unwrap_or(Separator::Comma)
    }

    /// Whether `line` holds this separator outside quotes.
    fn separates(self, line: &str) -> bool {
        let mut quoted = false;
        line.chars().any(|c| {
            quoted ^= c == '"';
            !quoted && c == self.char()
        })
    }
}

/// Splits `line` into `fields` at `separator`, reading quoted fields (RFC 4180: `"1.5"`, `""`
/// for a quote inside, the separator allowed inside) and ignoring spaces around each field.
fn split<'a>(line: &'a str, separator: Separator, fields: &mut Vec<Cow<'a, str>>) -> Result<(), String> {
    fields.clear();
    let sep = separator.char();
    let blank = |c: char| c.is_whitespace() && c != sep;
    let mut rest = line;
    loop {
        let start = rest.trim_start_matches(blank);
        let after = if let Some(quoted) = start.strip_prefix('"') {
            let field = fields.len() + 1;
            let (text, after) = unquote(quoted).ok_or_else(|| format!("an unclosed quote in field {field}"))?;
            fields.push(text);
            let after = after.trim_start_matches(blank);
            if !after.is_empty() && !after.starts_with(sep) {
                return Err(format!("text after the closing quote of field {field}"));
            }
            after
        } else {
            let end = start.find(sep).unwrap_or(start.len());
            fields.push(Cow::Borrowed(start[..end].trim_end_matches(blank)));
            &start[end..]
        };
        match after.strip_prefix(sep) {
            Some(next) => rest = next,
            None => return Ok(()),
        }
    }
}

/// The quoted field that starts just after its opening quote in `text`, with `""` read as
/// one quote, and the text after its closing quote; `None` if the quote is not closed.
fn unquote(text: &str) -> Option<(Cow<'_, str>, &str)> {
    let mut unescaped: Option<String> = None;
    let mut from = 0;
    loop {
        let quote = from + text[from..].find('"')?;
        if text[quote + 1..].starts_with('"') {
            unescaped.get_or_insert_with(String::new).push_str(&text[from..=quote]);
            from = quote + 2;
        } else {
            let field = match unescaped {
                Some(mut field) => {
                    field.push_str(&text[from..quote]);
                    Cow::Owned(field)
                }
                None => Cow::Borrowed(&text[..quote]),
            };
            return Some((field, &text[quote + 1..]));
        }
    }
}

/// A field as a message quotes it: at most 24 characters, then an ellipsis.
fn echo(field: &str) -> String {
    const SHOWN: usize = 24;
    match field.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("\"{}…\"", &field[..cut]),
        None => format!("\"{field}\""),
    }
}

/// Whether a field reads as a number with either decimal mark (a header has none).
fn numeric(field: &str) -> bool {
    field.parse::<f64>().is_ok() || field.replacen(',', ".", 1).parse::<f64>().is_ok()
}

/// A coordinate: a finite number written with the decimal mark of `separator`'s dialect
/// (`decimal` is scratch space for a decimal comma turned into a point).
fn coordinate(field: &str, separator: Separator, decimal: &mut String) -> Result<f64, String> {
    let value = if separator.decimal_comma() {
        if field.contains('.') && field.parse::<f64>().is_ok() {
            return Err(format!(
                "{} has a decimal point, but in a semicolon-separated file the decimal mark is a comma",
                echo(field)
            ));
        }
        decimal.clear();
        decimal.push_str(field);
        if let Some(comma) = decimal.find(',') {
            decimal.replace_range(comma..=comma, ".");
        }
        decimal.parse::<f64>()
    } else {
        field.parse::<f64>()
    };
    match value {
        Ok(value) if value.is_finite() => Ok(value),
        Ok(_) => Err(format!("{} is not a finite number", echo(field))),
        Err(_) if !separator.decimal_comma() && numeric(field) => Err(format!(
            "{} is not a number: in a {} file the decimal mark is a point",
            echo(field),
            separator.dialect()
        )),
        Err(_) => Err(format!("{} is not a number", echo(field))),
    }
}

/// A label: a class number 0 ≤ k < [`MAX_CLASSES`].
fn label(field: &str) -> Result<usize, String> {
    let label: usize =
        field.parse().map_err(|_| format!("label {} is not a class number 0..{}", echo(field), MAX_CLASSES - 1))?;
    if label >= MAX_CLASSES {
        return Err(format!("label {label} is too large (at most {MAX_CLASSES} classes)"));
    }
    Ok(label)
}

/// The state of a file read line by line.
#[derive(Default)]
struct Reader {
    /// The file's separator, once a `sep=` line or the first line that is not a comment fixed it.
    separator: Option<Separator>,
    /// The number of fields on every line, and what fixed it: the header or the first point.
    width: Option<(usize, &'static str)>,
    /// The classes a `# classes: C` comment gives.
    declared: Option<usize>,
    /// The largest label, with the line it is first on.
    largest: Option<(usize, usize)>,
    x: Vec<f64>,
    y: Vec<usize>,
    /// Scratch space for reading decimal commas.
    decimal: String,
}

impl Reader {
    /// Reads line `number` (without its line end), using `fields` as scratch space.
    fn read<'a>(&mut self, number: usize, line: &'a str, fields: &mut Vec<Cow<'a, str>>) -> Result<(), String> {
        let content = line.trim();
        if let Some(comment) = content.strip_prefix('#') {
            return self.comment(comment.trim());
        }
        if content.is_empty() {
            return Ok(());
        }
        let separator = match self.separator {
            Some(separator) => separator,
            None => {
                if let Some(named) = line.trim_start().strip_prefix("sep=") {
                    let separator =
                        Separator::ALL.into_iter().find(|s| named.trim_end_matches(' ') == s.char().to_string());
                    let message =
                        || format!("{} names no separator: write sep=, or sep=; or sep= and a tab", echo(content));
                    self.separator = Some(separator.ok_or_else(message)?);
                    return Ok(());
                }
                *self.separator.insert(Separator::of(line))
            }
        };
        split(line, separator, fields).map_err(|problem| self.diagnose(line, separator, fields, problem))?;
        if fields.iter().all(|f| f.is_empty()) {
            // A row of empty cells, as spreadsheets write after the data.
            return Ok(());
        }
        // A header has no field that starts with a number ("1 2 0" is a point in the wrong dialect).
        let starts_with_number = |f: &Cow<'_, str>| f.split_whitespace().next().is_some_and(numeric);
        if self.width.is_none() && !fields.iter().any(starts_with_number) {
            self.width = Some((fields.len(), "the header"));
            return Ok(());
        }
        let (width, source) = *self.width.get_or_insert((fields.len(), "the first data line"));
        if fields.len() != width {
            let problem = format!("{} fields where {source} had {width}", fields.len());
            return Err(self.diagnose(line, separator, fields, problem));
        }
        if width < 2 {
            return Err("one field, where a point needs coordinates and a label separated by commas, \
                 semicolons or tabs"
                .into());
        }
        let (coordinates, label_field) = fields.split_at(width - 1);
        for field in coordinates {
            let value = coordinate(field, separator, &mut self.decimal)
                .map_err(|p| self.diagnose(line, separator, fields, p))?;
            self.x.push(value);
        }
        let label = label(&label_field[0]).map_err(|p| self.diagnose(line, separator, fields, p))?;
        if self.largest.is_none_or(|(top, _)| label > top) {
            self.largest = Some((label, number));
        }
        self.y.push(label);
        Ok(())
    }

    /// The problem with a line, named as a dialect problem when the line separates its fields
    /// with another separator than the file's.
    fn diagnose(&self, line: &str, separator: Separator, fields: &[Cow<'_, str>], problem: String) -> String {
        let foreign = Separator::ALL.into_iter().filter(|&s| s != separator).find(|&other| {
            (fields.len() == 1 && other.separates(line))
                || (other == Separator::Semicolon && fields.iter().any(|f| f.contains(';')))
        });
        match foreign {
            Some(other) => {
                format!("{} file, but this line has {} between fields", separator.dialect(), other.plural())
            }
            None => problem,
        }
    }

    /// Reads a comment: only `# classes: C` means something.
    fn comment(&mut self, comment: &str) -> Result<(), String> {
        let Some(count) = comment.strip_prefix(CLASSES_COMMENT) else {
            return Ok(());
        };
        if self.declared.is_some() {
            return Err("the number of classes is given twice".into());
        }
        let classes = count.trim().parse::<usize>().ok().filter(|c| (1..=MAX_CLASSES).contains(c));
        self.declared = Some(classes.ok_or_else(|| format!("{} must give 1 to {MAX_CLASSES} classes", echo(comment)))?);
        Ok(())
    }

    /// The dataset read, once every line is.
    fn finish(self) -> Result<Dataset, DataError> {
        let dim = self.width.filter(|_| !self.y.is_empty()).map(|(width, _)| width - 1);
        let dim = dim.ok_or(DataError::Csv { line: 1, message: "no points found".into() })?;
        let (top, top_line) = self.largest.unwrap_or((0, 1));
        let classes = match self.declared {
            Some(classes) if top >= classes => {
                let message = format!("label {top} is beyond the {classes} classes the file gives");
                return Err(DataError::Csv { line: top_line, message });
            }
            Some(classes) => classes,
            None => (top + 1).max(2),
        };
        Dataset::new(dim, classes, self.x, self.y)
    }
}

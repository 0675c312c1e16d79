//! A small JSON writer for what the page reads in one call (settings tables, their changes):
//! strings escaped, numbers in the shortest form that reads back, nothing else needed.

use std::fmt::Write;

/// JSON text being written.
#[derive(Debug, Default)]
pub struct Json(String);

impl Json {
    /// Empty text.
    pub fn new() -> Self {
        Json(String::new())
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.0
    }

    /// Writes raw JSON punctuation (`[`, `]`, `{`, `}`, `,`).
    pub fn raw(&mut self, text: &str) -> &mut Self {
        self.0.push_str(text);
        self
    }

    /// Writes a string, escaped.
    ///
    /// ```
    /// let mut j = descent::setting::Json::new();
    /// j.string("a \"b\"\n\u{1}");
    /// assert_eq!(j.finish(), r#""a \"b\"\n\u0001""#);
    /// ```
    pub fn string(&mut self, text: &str) -> &mut Self {
        self.0.push('"');
        for c in text.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.0, "\\u{:04x}", c as u32);
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
        self
    }

    /// Writes a number; ±∞ and NaN, which JSON lacks, as `null`.
    pub fn number(&mut self, x: f64) -> &mut Self {
        if x.is_finite() {
            let _ = write!(self.0, "{x}");
        } else {
            self.0.push_str("null");
        }
        self
    }

    /// Writes `true` or `false`.
    pub fn boolean(&mut self, b: bool) -> &mut Self {
        self.0.push_str(if b { "true" } else { "false" });
        self
    }

    /// Writes `"key":`.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.string(key).raw(":")
    }
}

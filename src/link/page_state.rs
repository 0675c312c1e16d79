//! The whole page's state as a JSON file, which the page exports and imports back to the
//! identical view: every scene's (and view's) link query ([`super::link`], with the points,
//! the step and the race's clock it carries) and the address shown.
//!
//! ```json
//! {"format":"descent-state","version":1,"at":"#race?clock=40",
//!  "links":{"lab":"data=AQID…&step=120","race":"clock=40","regularization/weights":""}}
//! ```
//!
//! The browser's saved state (localStorage) is the same object. Reading checks everything
//! before anything is applied; an error names the place: the JSON parser's line and column,
//! or the field's path (`links.race`).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::setting::Json;

/// The `format` field of a state file.
pub const FORMAT: &str = "descent-state";
/// The layout's version.
pub const VERSION: u64 = 1;
/// The largest state file read (bytes): links are at most a few KB each.
pub const MAX_BYTES: usize = 4 << 20;

/// The page's state: each scene's (`lab`, `race`) or view's (`regularization/landscape`)
/// link query, and the address shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageState {
    /// The address shown: `#scene/view?query`.
    pub at: String,
    /// Each place's link query, by `scene` or `scene/view`.
    pub links: BTreeMap<String, String>,
}

impl PageState {
    /// The state as JSON text (see the module docs).
    ///
    /// ```
    /// use descent::link::page_state::PageState;
    /// let mut state = PageState { at: "#lab".into(), ..PageState::default() };
    /// state.links.insert("lab".into(), "step=3".into());
    /// let text = state.to_json();
    /// assert_eq!(text, r##"{"format":"descent-state","version":1,"at":"#lab","links":{"lab":"step=3"}}"##);
    /// assert_eq!(PageState::parse(&text), Ok(state));
    /// ```
    pub fn to_json(&self) -> String {
        let mut json = Json::new();
        json.raw("{").key("format").string(FORMAT).raw(",").key("version").number(VERSION as f64);
        json.raw(",").key("at").string(&self.at).raw(",").key("links").raw("{");
        for (n, (place, query)) in self.links.iter().enumerate() {
            if n > 0 {
                json.raw(",");
            }
            json.key(place).string(query);
        }
        json.raw("}}");
        json.finish()
    }

    /// Reads a state file. The error says what is wrong and where: `line 3, column 7: …` for
    /// text that is no JSON, the field's path otherwise.
    ///
    /// ```
    /// use descent::link::page_state::PageState;
    /// assert_eq!(PageState::parse("{\"format\":").unwrap_err(), "line 1, column 10: EOF while parsing a value");
    /// let wrong = r##"{"format":"descent-state","version":1,"at":"#lab","links":{"race":4}}"##;
    /// assert_eq!(PageState::parse(wrong).unwrap_err(), "links.race: expected the link's text, found a number");
    /// ```
    pub fn parse(text: &str) -> Result<PageState, String> {
        if text.len() > MAX_BYTES {
            return Err(format!("the file has {} bytes; a state file has at most {MAX_BYTES}", text.len()));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value = serde_json::from_str(text)
            .map_err(|e| format!("line {}, column {}: {}", e.line(), e.column(), message(&e)))?;
        let Value::Object(fields) = value else {
            return Err(format!("the file holds {}, not a state object", kind(&value)));
        };
        match fields.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            Some(other) => return Err(format!("format: expected \"{FORMAT}\", found {}", shown(other))),
            None => return Err(format!("format: missing (a Descent state file has \"format\": \"{FORMAT}\")")),
        }
        match fields.get("version") {
            Some(Value::Number(v)) if v.as_u64() == Some(VERSION) => {}
            Some(other) => {
                return Err(format!("version: this page reads version {VERSION}, not {}", shown(other)));
            }
            None => return Err("version: missing".to_string()),
        }
        let at = match fields.get("at") {
            Some(Value::String(at)) => at.clone(),
            Some(other) => return Err(format!("at: expected the address's text, found {}", kind(other))),
            None => return Err("at: missing".to_string()),
        };
        let Some(Value::Object(places)) = fields.get("links") else {
            let found = fields.get("links").map_or("nothing".to_string(), kind);
            return Err(format!("links: expected an object of link queries, found {found}"));
        };
        let mut links = BTreeMap::new();
        for (place, query) in places {
            let Value::String(query) = query else {
                return Err(format!("links.{place}: expected the link's text, found {}", kind(query)));
            };
            links.insert(place.clone(), query.clone());
        }
        if let Some(unknown) = fields.keys().find(|k| !["format", "version", "at", "links"].contains(&k.as_str())) {
            return Err(format!("{unknown}: no such field in a version {VERSION} state file"));
        }
        Ok(PageState { at, links })
    }
}

/// serde_json's message without its own " at line L column C" (the caller puts the place
/// first).
fn message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// What kind of JSON value this is, as a message says it.
fn kind(value: &Value) -> String {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
    .to_string()
}

/// A value as a message quotes it: short ones in full.
fn shown(value: &Value) -> String {
    match value {
        Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null => {
            let text = value.to_string();
            if text.chars().count() <= 40 { text } else { kind(value) }
        }
        other => kind(other),
    }
}

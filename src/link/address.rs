//! The text of a link: `#scene[/view][?name=value&…]`.
//!
//! Names and values are percent-encoded as UTF-8, except for letters, digits and
//! `- . _ ~ [ ] ,`, which stay readable (`W[0,1]=-0.5`, `start=1.5,-2`); browsers leave all
//! of them alone in a URL's fragment. Reading is lenient: a leading `#`, surrounding spaces,
//! empty parts (`&&`, a trailing `&`), upper-case scene names and a `+` (read as itself, never
//! as a space: `1e+5` is a number) are all fine; a `%` that starts no escape is read as
//! itself and bytes that are not UTF-8 become U+FFFD, so any text reads as some link.

use std::fmt;

use super::Refusal;

/// One `name=value` setting of a link, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The setting's name, as the page's controls name it.
    pub name: String,
    /// Its value, as its control would send it.
    pub value: String,
}

impl Pair {
    /// A pair from its name and value.
    pub fn new(name: &str, value: &str) -> Self {
        Pair { name: name.to_string(), value: value.to_string() }
    }
}

impl fmt::Display for Pair {
    /// `name=value`, decoded, for messages (a very long value is shortened).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 40;
        let value: String = self.value.chars().take(SHOWN).collect();
        let more = if self.value.chars().count() > SHOWN { "…" } else { "" };
        write!(f, "{}={value}{more}", self.name)
    }
}

/// Where a link leads: a scene, possibly one of its views, and its settings (still encoded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// The scene's name, decoded, trimmed and in lower case ("" for none).
    pub scene: String,
    /// The view's name, likewise, if the link names one.
    pub view: Option<String>,
    /// The settings: the text after the first `?`, still encoded (see [`pairs`]).
    pub query: String,
}

impl Address {
    /// Reads a link's hash (with or without its `#`).
    ///
    /// ```
    /// use descent::link::Address;
    /// let a = Address::parse("#regularization/landscape?seed=3");
    /// assert_eq!((a.scene.as_str(), a.view.as_deref(), a.query.as_str()), ("regularization", Some("landscape"), "seed=3"));
    /// assert_eq!(Address::parse(" #Race ").scene, "race");
    /// assert_eq!(Address::parse("").scene, "");
    /// ```
    pub fn parse(hash: &str) -> Address {
        let hash = hash.trim();
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let (scene, view) = path.split_once('/').map_or((path, None), |(s, v)| (s, Some(v)));
        let name = |text: &str| decode(text).trim().to_lowercase();
        Address { scene: name(scene), view: view.map(name).filter(|v| !v.is_empty()), query: query.to_string() }
    }
}

/// The link's text, `#scene/view?settings`, from its parts (`query` already encoded, as
/// [`format_query`] makes it; no `?` when it is empty).
///
/// ```
/// use descent::link::Address;
/// let a = Address { scene: "race".into(), view: None, query: "preset=saddle".into() };
/// assert_eq!(a.to_string(), "#race?preset=saddle");
/// ```
impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", encode(&self.scene))?;
        if let Some(view) = &self.view {
            write!(f, "/{}", encode(view))?;
        }
        if !self.query.is_empty() {
            write!(f, "?{}", self.query)?;
        }
        Ok(())
    }
}

/// The settings of a query, decoded, in their order; the parts that are no `name=value` pair
/// (a bare word, an empty name) are refusals. Empty parts are skipped.
///
/// ```
/// use descent::link::address::pairs;
/// let (pairs, refused) = pairs("loss=softmax&&lr&=3&name=a%20b%26c");
/// assert_eq!(pairs.len(), 2);
/// assert_eq!(pairs[1].value, "a b&c");
/// assert_eq!(refused.len(), 2);
/// ```
pub fn pairs(query: &str) -> (Vec<Pair>, Vec<Refusal>) {
    let mut pairs = Vec::new();
    let mut refusals = Vec::new();
    for part in query.split('&').filter(|part| !part.trim().is_empty()) {
        let Some((name, value)) = part.split_once('=') else {
            let setting = decode(part).trim().to_string();
            let reason = format!("it has no value (write {setting}=…)");
            refusals.push(Refusal { setting, reason });
            continue;
        };
        let name = decode(name).trim().to_string();
        let value = decode(value);
        if name.is_empty() {
            let setting = format!("={value}");
            refusals.push(Refusal { setting, reason: "it names no setting".to_string() });
            continue;
        }
        pairs.push(Pair { name, value });
    }
    (pairs, refusals)
}

/// The query text of settings: `name=value` joined by `&`, each part encoded.
///
/// ```
/// use descent::link::{Pair, address::format_query};
/// let text = format_query(&[Pair::new("W[0,1]", "-0.5"), Pair::new("class.0", "chat & chien")]);
/// assert_eq!(text, "W[0,1]=-0.5&class.0=chat%20%26%20chien");
/// ```
pub fn format_query(pairs: &[Pair]) -> String {
    pairs.iter().map(|p| format!("{}={}", encode(&p.name), encode(&p.value))).collect::<Vec<_>>().join("&")
}

/// The settings of a link as a message lists them, in their order: `loss=softmax, lambda=0.1`.
pub fn describe(query: &str) -> String {
    let parts = query.split('&').filter(|part| !part.trim().is_empty()).map(|part| {
        let (found, refused) = pairs(part);
        found.first().map_or_else(|| refused.first().map_or_else(String::new, |r| r.setting.clone()), Pair::to_string)
    });
    parts.collect::<Vec<_>>().join(", ")
}

/// Whether a byte stays as it is in a link.
fn readable(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-._~[],".contains(&byte)
}

/// Percent-encodes `text` as UTF-8, leaving the readable characters.
///
/// ```
/// assert_eq!(descent::link::address::encode("é=1 & ok"), "%C3%A9%3D1%20%26%20ok");
/// ```
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if readable(byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes percent escapes as UTF-8. A `%` not followed by two hex digits stays as it is;
/// bytes that are no UTF-8 become U+FFFD.
///
/// ```
/// use descent::link::address::decode;
/// assert_eq!(decode("a%20b%zz%4"), "a b%zz%4");
/// assert_eq!(decode("%+1"), "%+1");
/// assert_eq!(decode("%C3%A9+1"), "é+1");
/// assert_eq!(decode("%FF"), "\u{FFFD}");
/// ```
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escape = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .map(|hex| hex.iter().fold(0, |byte, &digit| 16 * byte + hex_value(digit)));
        match escape {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of a hexadecimal digit.
fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        _ => digit - b'A' + 10,
    }
}

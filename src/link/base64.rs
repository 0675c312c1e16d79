//! base64url without padding (RFC 4648 §5): the alphabet `A–Z a–z 0–9 - _`, every character
//! of which a link's address keeps as it is, so binary state (points, θ) travels in a link
//! without percent escapes: 4 characters per 3 bytes.

/// The 64 digits, in value order.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in base64url, unpadded.
///
/// ```
/// use descent::link::base64::encode;
/// assert_eq!(encode(b""), "");
/// assert_eq!(encode(b"f"), "Zg");
/// assert_eq!(encode(b"foob"), "Zm9vYg");
/// assert_eq!(encode(&[0xfb, 0xff]), "-_8");
/// ```
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let word = chunk.iter().enumerate().fold(0u32, |w, (i, &b)| w | u32::from(b) << (16 - 8 * i));
        for k in 0..=chunk.len() {
            out.push(ALPHABET[(word >> (18 - 6 * k) & 63) as usize] as char);
        }
    }
    out
}

/// The bytes of base64url text (unpadded; a trailing `=` padding is accepted too). The error
/// names the first character that is no digit, by its position, or says the length is one
/// no encoding has.
///
/// ```
/// use descent::link::base64::decode;
/// assert_eq!(decode("Zm9vYg").unwrap(), b"foob");
/// assert_eq!(decode("Zm9vYg==").unwrap(), b"foob");
/// assert!(decode("Zm9v*g").unwrap_err().contains("position 5"));
/// assert!(decode("Z").is_err());
/// ```
pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return Err(format!("{} base64url characters encode no whole number of bytes", text.len()));
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for (c, chunk) in text.as_bytes().chunks(4).enumerate() {
        let mut word = 0u32;
        for (i, &ch) in chunk.iter().enumerate() {
            let Some(value) = digit(ch) else {
                let at = 4 * c + i + 1;
                let shown = text[at - 1..].chars().next().map_or(String::new(), |ch| ch.to_string());
                return Err(format!("\"{shown}\" at position {at} is no base64url character"));
            };
            word |= u32::from(value) << (18 - 6 * i);
        }
        out.extend_from_slice(&word.to_be_bytes()[1..chunk.len()]);
    }
    Ok(out)
}

/// A base64url character's value.
fn digit(ch: u8) -> Option<u8> {
    match ch {
        b'A'..=b'Z' => Some(ch - b'A'),
        b'a'..=b'z' => Some(ch - b'a' + 26),
        b'0'..=b'9' => Some(ch - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

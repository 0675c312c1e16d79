//! A model's parameters θ in a link, bit for bit: a version tag and then every θ_i as its
//! IEEE 754 f64 bits, little-endian, in base64url ([`super::base64`]). Any length: the
//! decoder does not know the model's shape (a scene checks it), so a model that grows (feature
//! maps) needs no new layout. Nine parameters take 98 characters.

use super::base64;

/// The layout's version, its first byte.
pub const VERSION: u8 = 1;

/// θ in base64url.
///
/// ```
/// use descent::link::theta::{decode, encode};
/// let theta = [0.1, -2.0, f64::MIN_POSITIVE];
/// assert_eq!(decode(&encode(&theta)).unwrap(), theta);
/// ```
pub fn encode(theta: &[f64]) -> String {
    let mut bytes = Vec::with_capacity(1 + 8 * theta.len());
    bytes.push(VERSION);
    for v in theta {
        bytes.extend(v.to_le_bytes());
    }
    base64::encode(&bytes)
}

/// Reads θ [`encode`] wrote; every value must be finite.
pub fn decode(text: &str) -> Result<Vec<f64>, String> {
    let bytes = base64::decode(text)?;
    let (&version, rest) = bytes.split_first().ok_or("no parameters")?;
    if version != VERSION {
        return Err(format!(
            "parameters of layout version {version}, which this page does not read (it reads {VERSION})"
        ));
    }
    if rest.len() % 8 != 0 {
        return Err(format!("{} bytes are no whole number of 8-byte parameters", rest.len()));
    }
    let theta: Vec<f64> = rest.chunks_exact(8).map(|c| f64::from_le_bytes(c.try_into().unwrap_or_default())).collect();
    match theta.iter().position(|v| !v.is_finite()) {
        Some(i) => Err(format!("parameter {} is {}, not a finite number", i + 1, theta[i])),
        None => Ok(theta),
    }
}

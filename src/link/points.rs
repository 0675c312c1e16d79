//! A dataset in a link: every point exactly, in base64url ([`super::base64`]).
//!
//! The bytes are a version tag, then the dimension and the number of classes, then each point
//! in turn:
//!
//! ```text
//! 1 (version) · dim · classes · { flags · class · dim coordinates } per point
//! ```
//!
//! each a byte but the coordinates, which are little-endian IEEE 754: four bytes (f32) when
//! every coordinate of the point is exactly an f32, eight (f64) otherwise, as bit 0 of its
//! flags says. Nothing is rounded: a point comes back bit for bit, so the training replayed
//! on it is the sender's. Bits 1–7 of a point's flags carry per-point marks ([`Points::marks`],
//! bit k − 1 of a mark is flag bit k): their meaning is the scene's (the lab's mark 1 is a
//! held-out point, [`super::lab::HELD_OUT_MARK`]) and a scene refuses marks it does not know.
//! A point costs 10 bytes with f32 coordinates, 18 with f64 (13 and 24 characters).

use super::base64;
use crate::data::{Dataset, MAX_CLASSES};

/// The layout's version, its first byte.
pub const VERSION: u8 = 1;

/// Flag bit 0: the point's coordinates are f32.
const SINGLE: u8 = 1;

/// A decoded dataset and each point's marks (flag bits 1–7, shifted down).
#[derive(Clone, Debug, PartialEq)]
pub struct Points {
    /// The points and their classes.
    pub data: Dataset,
    /// Each point's marks, 0 for none.
    pub marks: Vec<u8>,
}

/// The dataset's points in base64url, each with its marks (`marks[i]`, 0 past the end; only
/// the low 7 bits are kept).
///
/// ```
/// use descent::data::Dataset;
/// use descent::link::points::{decode, encode};
/// let data = Dataset::new(2, 3, vec![0.5, -1.0, 0.1, 2.0], vec![2, 0]).unwrap();
/// let text = encode(&data, &[]);
/// assert_eq!(text.len(), 42); // 31 bytes: 3 + 10 (f32: 0.5, −1) + 18 (f64: 0.1 is no f32)
/// assert_eq!(decode(&text).unwrap().data, data);
/// ```
pub fn encode(data: &Dataset, marks: &[u8]) -> String {
    let dim = data.dim();
    let mut bytes = Vec::with_capacity(3 + data.len() * (2 + 8 * dim));
    // A dataset's dimension and classes are small (2, and at most MAX_CLASSES).
    bytes.extend([VERSION, dim.min(255) as u8, data.classes().min(255) as u8]);
    for i in 0..data.len() {
        let point = data.point(i);
        let single = point.iter().all(|&v| f64::from(v as f32).to_bits() == v.to_bits());
        let mark = marks.get(i).copied().unwrap_or(0) & 0x7f;
        bytes.push(mark << 1 | if single { SINGLE } else { 0 });
        bytes.push(data.label(i) as u8);
        for &v in point {
            if single {
                bytes.extend((v as f32).to_le_bytes());
            } else {
                bytes.extend(v.to_le_bytes());
            }
        }
    }
    base64::encode(&bytes)
}

/// Reads points [`encode`] wrote. The error says what is wrong and at which point.
pub fn decode(text: &str) -> Result<Points, String> {
    let bytes = base64::decode(text)?;
    let (&version, rest) = bytes.split_first().ok_or("no points data")?;
    if version != VERSION {
        return Err(format!("points of layout version {version}, which this page does not read (it reads {VERSION})"));
    }
    let [dim, classes, body @ ..] = rest else { return Err("the points data ends in its header".into()) };
    let (dim, classes) = (usize::from(*dim), usize::from(*classes));
    if dim == 0 || !(1..=MAX_CLASSES).contains(&classes) {
        return Err(format!("{dim} coordinates and {classes} classes per point is no dataset"));
    }
    let (mut x, mut y, mut marks) = (Vec::new(), Vec::new(), Vec::new());
    let mut at = body;
    while let [flags, class, tail @ ..] = at {
        let point = y.len() + 1;
        let width = if flags & SINGLE != 0 { 4 } else { 8 };
        let Some((coordinates, tail)) = tail.split_at_checked(width * dim) else {
            return Err(format!("point {point} is cut short"));
        };
        for c in coordinates.chunks_exact(width) {
            x.push(match *c {
                [a, b, c, d] => f64::from(f32::from_le_bytes([a, b, c, d])),
                _ => f64::from_le_bytes(c.try_into().map_err(|_| format!("point {point} is cut short"))?),
            });
        }
        y.push(usize::from(*class));
        marks.push(flags >> 1);
        at = tail;
    }
    if !at.is_empty() {
        return Err(format!("point {} is cut short", y.len() + 1));
    }
    let data = Dataset::new(dim, classes, x, y).map_err(|e| e.to_string())?;
    Ok(Points { data, marks })
}

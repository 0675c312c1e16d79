//! Colours: a colour-blind-safe palette (Okabe & Ito, 2008) for classes and racers, and the
//! classes' light region tints.

use crate::data::MAX_CLASSES;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// White.
    pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

    /// The colour mixed with white: `amount` = 0 keeps it, 1 gives white.
    pub fn tint(self, amount: f64) -> Rgb {
        let mix = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * amount).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }

    /// CSS notation `#rrggbb`.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Class colours: blue, vermillion, bluish green, orange, reddish purple, sky blue.
pub const CLASS_COLORS: [Rgb; MAX_CLASSES] = [
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0xD5, 0x5E, 0x00),
    Rgb(0x00, 0x9E, 0x73),
    Rgb(0xE6, 0x9F, 0x00),
    Rgb(0xCC, 0x79, 0xA7),
    Rgb(0x56, 0xB4, 0xE9),
];

/// Okabe and Ito's eight colours, told apart with every common colour-vision deficiency, in
/// the order the optimizer race gives them to its racers: blue, vermillion, bluish green (the
/// three most distinct first, as the lab's first classes), reddish purple, orange, black, sky
/// blue, and yellow, faint on white, last.
pub const OKABE_ITO: [Rgb; 8] = [
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0xD5, 0x5E, 0x00),
    Rgb(0x00, 0x9E, 0x73),
    Rgb(0xCC, 0x79, 0xA7),
    Rgb(0xE6, 0x9F, 0x00),
    Rgb(0x00, 0x00, 0x00),
    Rgb(0x56, 0xB4, 0xE9),
    Rgb(0xF0, 0xE4, 0x42),
];

/// How far a class's region colour is mixed towards white.
pub const REGION_TINT: f64 = 0.72;

/// The colour of class `k` (cycling past the palette's end).
pub fn class_color(k: usize) -> Rgb {
    CLASS_COLORS[k % CLASS_COLORS.len()]
}

/// The light tint that fills class `k`'s decision region.
pub fn region_color(k: usize) -> Rgb {
    class_color(k).tint(REGION_TINT)
}

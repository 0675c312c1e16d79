//! The viridis colormap (perceptually uniform, readable in grey and by colour-blind
//! viewers), as a 256-entry table interpolated linearly between nine of matplotlib's viridis
//! colours.

use crate::render::palette::Rgb;

/// Entries in the table.
pub const SIZE: usize = 256;

/// matplotlib's viridis at t = 0, ⅛, …, 1.
const ANCHORS: [[u8; 3]; 9] = [
    [0x44, 0x01, 0x54],
    [0x47, 0x2c, 0x7a],
    [0x3b, 0x51, 0x8b],
    [0x2c, 0x71, 0x8e],
    [0x21, 0x90, 0x8d],
    [0x27, 0xad, 0x81],
    [0x5c, 0xc8, 0x63],
    [0xaa, 0xdc, 0x32],
    [0xfd, 0xe7, 0x25],
];

/// The colour table: entry k is the colour at t = k/255.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Colormap {
    table: [[u8; 4]; SIZE],
}

impl Default for Colormap {
    fn default() -> Self {
        let table = std::array::from_fn(|k| {
            let t = k as f64 / (SIZE - 1) as f64 * (ANCHORS.len() - 1) as f64;
            let at = (t.floor() as usize).min(ANCHORS.len() - 2);
            let f = t - at as f64;
            let mix =
                |c: usize| (f64::from(ANCHORS[at][c]) * (1.0 - f) + f64::from(ANCHORS[at + 1][c]) * f).round() as u8;
            [mix(0), mix(1), mix(2), 255]
        });
        Colormap { table }
    }
}

impl Colormap {
    /// The RGBA colour at t ∈ [0, 1] (clamped; NaN gives the low end).
    ///
    /// ```
    /// let map = descent::regularization::colormap::Colormap::default();
    /// assert_eq!(map.rgba(0.0), [0x44, 0x01, 0x54, 255]);
    /// assert_eq!(map.rgba(1.0), [0xfd, 0xe7, 0x25, 255]);
    /// assert_eq!(map.rgba(0.5), [0x21, 0x90, 0x8d, 255]);
    /// ```
    pub fn rgba(&self, t: f64) -> [u8; 4] {
        let index = (t.clamp(0.0, 1.0) * (SIZE - 1) as f64).round();
        self.table[if index.is_nan() { 0 } else { index as usize }]
    }

    /// The colour at t as an [`Rgb`].
    pub fn color(&self, t: f64) -> Rgb {
        let [r, g, b, _] = self.rgba(t);
        Rgb(r, g, b)
    }
}

//! Very many points drawn as their density: the raster is cut into square bins, the points of
//! each class in each bin are counted, and every bin that holds points is painted over the
//! regions with the mean of its classes' colours weighted by their counts, n_k / n, at an
//! opacity that grows with the logarithm of its count n:
//!
//! α(n) = α₀ + (1 − α₀) · ln(1 + n) / ln(1 + n_max),
//!
//! where n_max is the largest count of any bin, so a lone point still shows (α₀) and the
//! densest bin is opaque. Counting costs one increment per point, and works out each
//! occupied bin's colour and opacity once; painting then costs one blend per pixel of the
//! occupied bins, whatever the number of points (so the counts can be kept while only the
//! regions under them change).

use crate::data::MAX_CLASSES;
use crate::render::palette::class_color;
use crate::render::raster::Raster;

/// The opacity α₀ of a bin holding a single point.
pub const LONE_OPACITY: f64 = 0.35;

/// Per-class point counts over a grid of square bins.
#[derive(Clone, Debug, Default)]
pub struct Density {
    bin: usize,
    columns: usize,
    rows: usize,
    /// Counts, bin by bin (row-major), MAX_CLASSES per bin.
    counts: Vec<u32>,
    /// Each occupied bin: its index, its opacity α and its colour times α.
    occupied: Vec<(usize, f64, [f64; 3])>,
}

impl Density {
    /// Counts `points` (device-pixel positions with their classes) in bins `bin` pixels wide
    /// over a `width × height` raster; points outside it, or not finite, are not counted.
    pub fn count(&mut self, width: usize, height: usize, bin: usize, points: impl Iterator<Item = ([f64; 2], usize)>) {
        self.bin = bin.max(1);
        self.columns = width.div_ceil(self.bin);
        self.rows = height.div_ceil(self.bin);
        self.counts.clear();
        self.counts.resize(self.columns * self.rows * MAX_CLASSES, 0);
        let (w, h) = (width as f64, height as f64);
        for (p, class) in points {
            // `!(… < …)` also refuses NaN.
            if !(p[0] >= 0.0 && p[0] < w && p[1] >= 0.0 && p[1] < h) {
                continue;
            }
            let (i, j) = (p[0] as usize / self.bin, p[1] as usize / self.bin);
            self.counts[(j * self.columns + i) * MAX_CLASSES + class % MAX_CLASSES] += 1;
        }
        self.occupied.clear();
        let totals = self.counts.chunks_exact(MAX_CLASSES).map(|c| c.iter().sum::<u32>());
        let most = totals.max().unwrap_or(0);
        if most == 0 {
            return;
        }
        let log_most = (1.0 + f64::from(most)).ln();
        let colors: [[f64; 3]; MAX_CLASSES] =
            std::array::from_fn(|k| [class_color(k).0, class_color(k).1, class_color(k).2].map(f64::from));
        for (b, counts) in self.counts.chunks_exact(MAX_CLASSES).enumerate() {
            let n: u32 = counts.iter().sum();
            if n == 0 {
                continue;
            }
            let alpha = opacity(n, log_most);
            let mut color = [0.0; 3];
            for (k, &count) in counts.iter().enumerate() {
                for c in 0..3 {
                    color[c] += f64::from(count) * colors[k][c];
                }
            }
            // The bin's colour times α, ready to add to the old colour times 1 − α.
            self.occupied.push((b, alpha, color.map(|c| alpha * c / f64::from(n))));
        }
    }

    /// The number of points of class `class` in bin (column, row).
    pub fn at(&self, column: usize, row: usize, class: usize) -> u32 {
        self.counts[(row * self.columns + column) * MAX_CLASSES + class]
    }

    /// Paints every bin that holds points over the raster (of the size last counted).
    pub fn paint(&self, raster: &mut Raster) {
        let (width, height) = (raster.width(), raster.height());
        if width.div_ceil(self.bin) != self.columns || height.div_ceil(self.bin) != self.rows {
            return;
        }
        let rgba = raster.rgba_mut();
        for &(b, alpha, add) in &self.occupied {
            let (column, row) = (b % self.columns, b / self.columns);
            for j in row * self.bin..((row + 1) * self.bin).min(height) {
                for i in column * self.bin..((column + 1) * self.bin).min(width) {
                    let px = &mut rgba[4 * (j * width + i)..4 * (j * width + i) + 4];
                    for c in 0..3 {
                        px[c] = (f64::from(px[c]) * (1.0 - alpha) + add[c] + 0.5) as u8;
                    }
                    px[3] = 255;
                }
            }
        }
    }
}

/// α(n) for a largest count whose ln(1 + n_max) is `log_most` (see the module docs).
///
/// ```
/// use descent::render::density::{LONE_OPACITY, opacity};
/// let log_most = (1.0f64 + 99.0).ln();
/// assert_eq!(opacity(99, log_most), 1.0);
/// assert!((opacity(1, log_most) - (LONE_OPACITY + (1.0 - LONE_OPACITY) * 2f64.ln() / 100f64.ln())).abs() < 1e-15);
/// ```
pub fn opacity(n: u32, log_most: f64) -> f64 {
    (LONE_OPACITY + (1.0 - LONE_OPACITY) * (1.0 + f64::from(n)).ln() / log_most).min(1.0)
}

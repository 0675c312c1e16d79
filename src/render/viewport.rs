//! The map between data coordinates and device pixels, and "nice" axis ticks.

/// A square window of the data plane shown on a canvas of `width × height` device pixels.
///
/// The window is centred at `center` and spans `2 · half_width` data units along the shorter
/// side of the canvas, so one data unit is `scale()` pixels in both directions (no
/// distortion). Pixel (i, j) covers [i, i+1) × [j, j+1) with j growing downwards; its
/// centre is (i + ½, j + ½).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Data coordinates of the canvas centre.
    pub center: [f64; 2],
    /// Half the data span along the shorter canvas side.
    pub half_width: f64,
    /// Canvas width in device pixels.
    pub width: usize,
    /// Canvas height in device pixels.
    pub height: usize,
}

impl Viewport {
    /// A window of half-width `half_width` centred on the origin.
    pub fn centered(half_width: f64, width: usize, height: usize) -> Self {
        Viewport { center: [0.0, 0.0], half_width, width, height }
    }

    /// Sets the canvas size in device pixels (at least 1 × 1).
    pub fn resize(&mut self, width: usize, height: usize) {
        self.width = width.max(1);
        self.height = height.max(1);
    }

    /// Pixels per data unit.
    pub fn scale(&self) -> f64 {
        self.width.min(self.height).max(1) as f64 / (2.0 * self.half_width)
    }

    /// Device-pixel position (fractional) of a data point.
    ///
    /// ```
    /// use descent::render::viewport::Viewport;
    /// let v = Viewport::centered(1.0, 200, 100);
    /// assert_eq!(v.to_pixel([0.0, 0.0]), [100.0, 50.0]);
    /// assert_eq!(v.to_pixel([1.0, 1.0]), [150.0, 0.0]);
    /// ```
    pub fn to_pixel(&self, p: [f64; 2]) -> [f64; 2] {
        let s = self.scale();
        [self.width as f64 / 2.0 + (p[0] - self.center[0]) * s, self.height as f64 / 2.0 - (p[1] - self.center[1]) * s]
    }

    /// Data coordinates of a (fractional) device-pixel position.
    pub fn to_data(&self, px: [f64; 2]) -> [f64; 2] {
        let s = self.scale();
        [
            self.center[0] + (px[0] - self.width as f64 / 2.0) / s,
            self.center[1] - (px[1] - self.height as f64 / 2.0) / s,
        ]
    }

    /// Data coordinates of the centre of pixel (i, j).
    pub fn pixel_center(&self, i: usize, j: usize) -> [f64; 2] {
        self.to_data([i as f64 + 0.5, j as f64 + 0.5])
    }

    /// The data rectangle the canvas shows: ([x_min, y_min], [x_max, y_max]).
    pub fn data_bounds(&self) -> ([f64; 2], [f64; 2]) {
        let low = self.to_data([0.0, self.height as f64]);
        let high = self.to_data([self.width as f64, 0.0]);
        (low, high)
    }
}

/// A device-pixel ratio as the page reports it, or 1 when it is not a positive finite number
/// (scenes scale line widths, marks and fonts by it). The page passes devicePixelRatio times
/// its drawing scale (2 in presenter mode at 1280 × 720): the drawings' sizes are given in CSS
/// pixels at a desk and grow with it.
///
/// ```
/// use descent::render::viewport::checked_pixel_ratio;
/// assert_eq!(checked_pixel_ratio(2.0), 2.0);
/// assert_eq!(checked_pixel_ratio(0.0), 1.0);
/// assert_eq!(checked_pixel_ratio(f64::NAN), 1.0);
/// ```
pub fn checked_pixel_ratio(ratio: f64) -> f64 {
    if ratio.is_finite() && ratio > 0.0 { ratio } else { 1.0 }
}

/// Evenly spaced "nice" tick values (steps of 1, 2 or 5 × 10^k) covering [min, max], about
/// `target` of them.
///
/// ```
/// assert_eq!(descent::render::viewport::nice_ticks(-1.0, 1.0, 5), vec![-1.0, -0.5, 0.0, 0.5, 1.0]);
/// ```
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || max <= min || target == 0 {
        return Vec::new();
    }
    let raw = (max - min) / target as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|&s| s >= raw).unwrap_or(10.0 * magnitude);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    // Multiply the integer index rather than accumulate, so 0 is exactly 0.
    (first..=last).map(|k| k as f64 * step).map(|v| if v == 0.0 { 0.0 } else { v }).collect()
}

/// The number of decimals that shows every tick of spacing `step` distinctly.
pub fn tick_decimals(step: f64) -> usize {
    if step <= 0.0 || !step.is_finite() { 0 } else { (-step.log10().floor()).max(0.0) as usize }
}

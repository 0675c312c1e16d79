//! RGBA pixel buffers filled in one pass, shown with a single `putImageData`, and the largest
//! size a canvas may have.

use std::fmt;

/// The longest side of a canvas, in device pixels (what browsers allow).
pub const MAX_SIDE: usize = 16_384;
/// The most device pixels a canvas may have: 2²⁵, a 128 MiB raster (a 4K display at ratio 2
/// is 2²⁵ too).
pub const MAX_PIXELS: usize = 1 << 25;

/// A canvas size past [`MAX_SIDE`] or [`MAX_PIXELS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeError {
    /// The width asked for.
    pub width: usize,
    /// The height asked for.
    pub height: usize,
}

impl fmt::Display for SizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a canvas of {} × {} device pixels is larger than this page draws \
             ({MAX_SIDE} pixels a side, {MAX_PIXELS} in all)",
            self.width, self.height
        )
    }
}

impl std::error::Error for SizeError {}

/// Checks a canvas size before anything is allocated for it, with arithmetic that cannot wrap
/// (4·w·h bytes would wrap in 32-bit wasm for 70,000² pixels).
///
/// ```
/// use descent::render::raster::check_size;
/// assert!(check_size(2048, 2048).is_ok());
/// assert!(check_size(70_000, 70_000).is_err());
/// assert!(check_size(16_384, 4_096).is_err(), "2²⁶ pixels");
/// assert!(check_size(usize::MAX, 2).is_err());
/// ```
pub fn check_size(width: usize, height: usize) -> Result<(), SizeError> {
    let fits = width <= MAX_SIDE && height <= MAX_SIDE && width.checked_mul(height).is_some_and(|n| n <= MAX_PIXELS);
    if fits { Ok(()) } else { Err(SizeError { width, height }) }
}

/// A `width × height` RGBA image, row-major from the top-left, 4 bytes per pixel. The buffer
/// is reused across frames: [`Raster::resize`] only reallocates when the size grows.
#[derive(Clone, Debug, Default)]
pub struct Raster {
    width: usize,
    height: usize,
    rgba: Vec<u8>,
}

impl Raster {
    /// A transparent image of the given size.
    pub fn new(width: usize, height: usize) -> Self {
        let mut raster = Raster::default();
        raster.resize(width, height);
        raster
    }

    /// Changes the size, keeping the allocation where it is large enough.
    pub fn resize(&mut self, width: usize, height: usize) {
        self.width = width;
        self.height = height;
        self.rgba.resize(4 * width * height, 0);
    }

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> usize {
        self.height
    }

    /// The pixel bytes, RGBA.
    pub fn rgba(&self) -> &[u8] {
        &self.rgba
    }

    /// The pixel bytes, RGBA, for painting.
    pub fn rgba_mut(&mut self) -> &mut [u8] {
        &mut self.rgba
    }

    /// The RGBA value of pixel (i, j).
    pub fn pixel(&self, i: usize, j: usize) -> [u8; 4] {
        let o = 4 * (j * self.width + i);
        [self.rgba[o], self.rgba[o + 1], self.rgba[o + 2], self.rgba[o + 3]]
    }
}

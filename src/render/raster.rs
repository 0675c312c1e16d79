//! RGBA pixel buffers filled in one pass, shown with a single `putImageData`.

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

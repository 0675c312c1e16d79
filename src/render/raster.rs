//! RGBA pixel buffers filled in one pass, shown with a single `putImageData`.

use crate::model::{Shape, predict};
use crate::render::palette::region_color;
use crate::render::viewport::Viewport;

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

    /// Paints every pixel with the region colour of the class the classifier θ predicts at the
    /// pixel's centre, argmax_k (W_k · x + b_k). Needs a two-input model; along a row each
    /// score is affine in the column, s_k(i) = s_k(0) + i · W_{k,0}/scale, so a pixel costs C
    /// multiply-adds.
    pub fn fill_regions(&mut self, shape: Shape, theta: &[f64], view: &Viewport, scores: &mut [f64]) {
        debug_assert_eq!(shape.dim, 2);
        self.resize(view.width, view.height);
        let step = 1.0 / view.scale();
        let classes = shape.classes;
        for (j, row) in self.rgba.chunks_exact_mut(4 * view.width.max(1)).enumerate() {
            let left = view.pixel_center(0, j);
            for (i, px) in row.chunks_exact_mut(4).enumerate() {
                let x = [left[0] + i as f64 * step, left[1]];
                shape.scores(theta, &x, &mut scores[..classes]);
                let c = region_color(predict(&scores[..classes]));
                px.copy_from_slice(&[c.0, c.1, c.2, 255]);
            }
        }
    }
}

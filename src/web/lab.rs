//! The classifier lab's export.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::Canvas;
use crate::lab::Lab;
use crate::render::palette::region_color;

/// The classifier lab on a canvas.
#[wasm_bindgen]
pub struct LabView {
    lab: Lab,
    canvas: Canvas,
}

#[wasm_bindgen]
impl LabView {
    /// Binds the lab to a canvas element.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement) -> Result<LabView, JsError> {
        Ok(LabView { lab: Lab::default(), canvas: Canvas::new(canvas)? })
    }

    /// Sizes the canvas to `width × height` device pixels (its CSS size times
    /// `devicePixelRatio`).
    pub fn resize(&mut self, width: u32, height: u32, pixel_ratio: f64) {
        self.canvas.resize(width, height);
        self.lab.resize(width as usize, height as usize, pixel_ratio);
    }

    /// Draws the scene: regions with one `putImageData`, then lines, axes and points.
    pub fn render(&mut self) -> Result<(), JsError> {
        self.lab.render();
        self.canvas.put(self.lab.raster())?;
        self.canvas.paint(self.lab.marks())
    }

    /// The data loss (1/N) Σ L_i.
    #[wasm_bindgen(getter, js_name = dataLoss)]
    pub fn data_loss(&self) -> f64 {
        self.lab.breakdown().data
    }

    /// The regularization loss λR(W).
    #[wasm_bindgen(getter, js_name = regularizationLoss)]
    pub fn regularization_loss(&self) -> f64 {
        self.lab.breakdown().regularization
    }

    /// The total loss.
    #[wasm_bindgen(getter, js_name = totalLoss)]
    pub fn total_loss(&self) -> f64 {
        self.lab.breakdown().total()
    }

    /// The class predicted at the centre of device pixel (i, j), computed independently of
    /// the raster (tests compare the two).
    #[wasm_bindgen(js_name = predictPixel)]
    pub fn predict_pixel(&self, i: u32, j: u32) -> usize {
        self.lab.predict_pixel(i as usize, j as usize)
    }

    /// The region colour of class `k` as `[r, g, b]`.
    #[wasm_bindgen(js_name = regionColor)]
    pub fn region_color(k: usize) -> Vec<u8> {
        let c = region_color(k);
        vec![c.0, c.1, c.2]
    }
}

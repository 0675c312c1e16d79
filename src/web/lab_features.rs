//! The classifier lab's exports for feature maps, held-out points and the λ sweep: the
//! features' names for the W grid, the sweep's chart and its button, and a point's set.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::chart::ChartCanvas;
use super::lab::LabView;
use crate::render::raster::check_size;

#[wasm_bindgen]
impl LabView {
    /// The names of the features φ_l, one per column of W: "x₀", "x₀x₁", "rbf(1,2)", …
    #[wasm_bindgen(js_name = featureNames)]
    pub fn feature_names(&self) -> Vec<String> {
        self.lab.feature_names()
    }

    /// Draws the λ sweep into `canvas` from now on.
    #[wasm_bindgen(js_name = attachSweepChart)]
    pub fn attach_sweep_chart(&mut self, canvas: HtmlCanvasElement) {
        self.sweep_chart = Some(ChartCanvas::new(canvas));
        self.lab.request_render();
    }

    /// Sizes the sweep chart's canvas to `width × height` device pixels.
    #[wasm_bindgen(js_name = resizeSweepChart)]
    pub fn resize_sweep_chart(&mut self, width: u32, height: u32, pixel_ratio: f64) -> Result<(), JsError> {
        check_size(width as usize, height as usize)?;
        if let Some(chart) = &mut self.sweep_chart {
            chart.resize(width, height, pixel_ratio);
        }
        self.lab.request_render();
        Ok(())
    }

    /// Starts the λ sweep; the frames that follow carry it on (a few milliseconds each).
    #[wasm_bindgen(js_name = startSweep)]
    pub fn start_sweep(&mut self) {
        self.lab.start_sweep();
    }

    /// The λ with the lowest held-out loss of the sweep so far (NaN without one).
    #[wasm_bindgen(getter, js_name = sweepBest)]
    pub fn sweep_best(&self) -> f64 {
        self.lab.sweep().and_then(|s| s.best()).unwrap_or(f64::NAN)
    }

    /// Whether point `i` is held out.
    #[wasm_bindgen(js_name = isHeldOut)]
    pub fn is_held_out(&self, i: usize) -> bool {
        i < self.lab.data().len() && self.lab.data().is_held_out(i)
    }
}

//! A canvas that shows a plotters chart ([`crate::render::chart`]) at device-pixel resolution.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend, IntoDrawingArea};
use wasm_bindgen::JsError;
use web_sys::HtmlCanvasElement;

use super::chart_backend::ChartBackend;

use crate::render::viewport::checked_pixel_ratio;

/// A chart's canvas and its device-pixel ratio.
pub(crate) struct ChartCanvas {
    canvas: HtmlCanvasElement,
    ratio: f64,
}

impl ChartCanvas {
    pub(crate) fn new(canvas: HtmlCanvasElement) -> Self {
        ChartCanvas { canvas, ratio: 1.0 }
    }

    /// Sizes the backing store to `width × height` device pixels; `ratio` is the
    /// device-pixel ratio the chart scales its fonts and lines by.
    pub(crate) fn resize(&mut self, width: u32, height: u32, ratio: f64) {
        if self.canvas.width() != width || self.canvas.height() != height {
            self.canvas.set_width(width);
            self.canvas.set_height(height);
        }
        self.ratio = checked_pixel_ratio(ratio);
    }

    /// The device-pixel ratio.
    pub(crate) fn ratio(&self) -> f64 {
        self.ratio
    }

    /// Runs `draw` on a drawing area over the whole canvas.
    pub(crate) fn draw<T>(
        &self,
        draw: impl FnOnce(
            &DrawingArea<ChartBackend, Shift>,
        ) -> Result<T, DrawingAreaErrorKind<<ChartBackend as DrawingBackend>::ErrorType>>,
    ) -> Result<T, JsError> {
        let backend = ChartBackend::new(self.canvas.clone())
            .ok_or_else(|| JsError::new("the chart canvas gives no 2D context"))?;
        let area = backend.into_drawing_area();
        let result = draw(&area).map_err(|e| JsError::new(&format!("drawing the chart failed: {e}")))?;
        area.present().map_err(|e| JsError::new(&format!("drawing the chart failed: {e}")))?;
        Ok(result)
    }
}

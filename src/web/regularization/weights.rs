//! The weight-space view's export.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::super::Canvas;
use super::super::chart::ChartCanvas;
use super::super::settings::{SettingsMirror, settings_exports};
use crate::regularization::charts::draw_weight_paths;
use crate::regularization::display::{number, significant};
use crate::regularization::weight_space::WeightSpace;
use crate::render::palette::Rgb;

/// The data-loss landscape over (w₁, w₂), the penalty's level sets and the optimum's path.
#[wasm_bindgen]
pub struct WeightSpaceView {
    pub(super) view: WeightSpace,
    settings: SettingsMirror,
    canvas: Canvas,
    chart: ChartCanvas,
    staging: Canvas,
}

settings_exports!(WeightSpaceView, view);

#[wasm_bindgen]
impl WeightSpaceView {
    /// Binds the view to its canvas and the canvas of its chart of w*(λ).
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement, chart: HtmlCanvasElement) -> Result<WeightSpaceView, JsError> {
        Ok(WeightSpaceView {
            view: WeightSpace::default(),
            settings: SettingsMirror::default(),
            canvas: Canvas::new(canvas)?,
            chart: ChartCanvas::new(chart),
            staging: Canvas::offscreen()?,
        })
    }

    /// Sizes the chart's canvas in device pixels.
    #[wasm_bindgen(js_name = resizeChart)]
    pub fn resize_chart(&mut self, width: u32, height: u32, pixel_ratio: f64) {
        self.chart.resize(width, height, pixel_ratio);
    }

    /// Changes a setting by name (the names of the view's settings table); returns the
    /// settings that changed as JSON (see `changes`).
    pub fn set(&mut self, name: &str, value: &str) -> Result<String, JsError> {
        self.view.set(name, value)?;
        Ok(self.changes())
    }

    /// A setting's value.
    pub fn get(&self, name: &str) -> Result<String, JsError> {
        Ok(self.view.get(name)?)
    }

    /// λ as shown.
    #[wasm_bindgen(getter, js_name = lambdaText)]
    pub fn lambda_text(&self) -> String {
        significant(self.view.lambda(), 3)
    }

    /// Sizes the canvas in device pixels.
    pub fn resize(&mut self, width: u32, height: u32, pixel_ratio: f64) {
        self.canvas.resize(width, height);
        self.view.resize(width as usize, height as usize, pixel_ratio);
    }

    /// Draws the landscape, the contours, the paths and the optimum.
    pub fn render(&mut self) -> Result<(), JsError> {
        self.view.render();
        self.canvas.fill(Rgb::WHITE);
        self.canvas.put_scaled(self.view.image(), &self.staging, self.view.image_rect())?;
        self.canvas.paint(self.view.background())?;
        self.canvas.paint(self.view.marks())?;
        let (view, ratio) = (&self.view, self.chart.ratio());
        self.chart.draw(|area| draw_weight_paths(view, area, ratio))?;
        Ok(())
    }

    /// The optimum w*(λ) as [w₁, w₂].
    #[wasm_bindgen(getter)]
    pub fn optimum(&self) -> Vec<f64> {
        self.view.optimum().to_vec()
    }

    /// Weight k of the optimum as shown ("0" only when exactly zero).
    #[wasm_bindgen(js_name = weightText)]
    pub fn weight_text(&self, k: usize) -> Result<String, JsError> {
        let w = *self.view.optimum().get(k).ok_or_else(|| JsError::new("the weights are w₁ (0) and w₂ (1)"))?;
        Ok(if w == 0.0 { "0".into() } else { significant(w, 6) })
    }

    /// [data loss, λR, total] at the optimum.
    #[wasm_bindgen(getter)]
    pub fn losses(&self) -> Vec<f64> {
        let (data, penalty, total) = self.view.losses();
        vec![data, penalty, total]
    }

    /// The losses as shown.
    #[wasm_bindgen(getter, js_name = lossTexts)]
    pub fn loss_texts(&self) -> Vec<String> {
        self.losses().into_iter().map(|v| number(v, 6)).collect()
    }

    /// The λ from which weight k stays exactly 0 (NaN when there is none).
    #[wasm_bindgen(js_name = zeroCrossing)]
    pub fn zero_crossing(&self, k: usize) -> f64 {
        if k > 1 {
            return f64::NAN;
        }
        self.view.zero_crossing(k).unwrap_or(f64::NAN)
    }

    /// What the path does to weight k, in words.
    #[wasm_bindgen(js_name = crossingText)]
    pub fn crossing_text(&self, k: usize) -> Result<String, JsError> {
        if k > 1 {
            return Err(JsError::new("the weights are w₁ (0) and w₂ (1)"));
        }
        Ok(self.view.crossing_text(k))
    }

    /// The device pixel of weight-space point (w₁, w₂).
    #[wasm_bindgen(js_name = toPixel)]
    pub fn to_pixel(&self, w1: f64, w2: f64) -> Vec<f64> {
        self.view.view().to_pixel([w1, w2]).to_vec()
    }

    /// The RGBA colour of the data-loss image at grid point (i, j).
    #[wasm_bindgen(js_name = imagePixel)]
    pub fn image_pixel(&self, i: usize, j: usize) -> Result<Vec<u8>, JsError> {
        let image = self.view.image();
        let (columns, rows) = (image.width(), image.height());
        if i >= columns || j >= rows {
            return Err(JsError::new(&format!("the image has {columns} × {rows} points")));
        }
        // Grid row j = 0 is the image's bottom row.
        Ok(image.pixel(i, rows - 1 - j).to_vec())
    }
}

/// For the browser tests only: what a defect in a regularization view would do.
#[wasm_bindgen]
impl WeightSpaceView {
    /// Panics, as a defect in the view would: the browser tests check that the page stops the
    /// view, says so, and rebuilds it from its link while the other scenes keep working.
    #[wasm_bindgen(js_name = panicForTests)]
    pub fn panic_for_tests(&mut self) {
        panic!("a panic forced by the browser tests");
    }
}

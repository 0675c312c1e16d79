//! The "prefer simpler models" view's export.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::super::Canvas;
use super::super::chart::ChartCanvas;
use super::super::settings::{SettingsMirror, settings_exports};
use crate::regularization::charts::draw_error_curves;
use crate::regularization::display::significant;
use crate::regularization::simpler::Simpler;
use crate::render::palette::Rgb;

/// Noisy points, a ridge-regularized polynomial fit and its errors, on a canvas.
#[wasm_bindgen]
pub struct SimplerView {
    pub(super) view: Simpler,
    settings: SettingsMirror,
    canvas: Canvas,
    chart: ChartCanvas,
}

settings_exports!(SimplerView, view);

#[wasm_bindgen]
impl SimplerView {
    /// Binds the view to its canvas and the canvas of its error-vs-λ chart.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement, chart: HtmlCanvasElement) -> Result<SimplerView, JsError> {
        Ok(SimplerView {
            view: Simpler::default(),
            settings: SettingsMirror::default(),
            canvas: Canvas::new(canvas)?,
            chart: ChartCanvas::new(chart),
        })
    }

    /// Sizes the chart's canvas in device pixels.
    #[wasm_bindgen(js_name = resizeChart)]
    pub fn resize_chart(&mut self, width: u32, height: u32, pixel_ratio: f64) {
        self.chart.resize(width, height, pixel_ratio);
    }

    /// Draws the error-vs-λ chart (after a change of anything but a dragged point's position
    /// in mid-drag, which only the fit canvas follows).
    #[wasm_bindgen(js_name = renderChart)]
    pub fn render_chart(&mut self) -> Result<(), JsError> {
        let (view, ratio) = (&self.view, self.chart.ratio());
        self.chart.draw(|area| draw_error_curves(view, area, ratio))?;
        Ok(())
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

    /// Draws the points and the curves.
    pub fn render(&mut self) -> Result<(), JsError> {
        self.view.render();
        self.canvas.fill(Rgb::WHITE);
        self.canvas.paint(self.view.marks())
    }

    /// A press at device pixel (x, y); true when it grabbed a training point.
    pub fn press(&mut self, x: f64, y: f64) -> bool {
        self.view.press(x, y)
    }

    /// A drag to device pixel (x, y); true when a point moved.
    pub fn drag(&mut self, x: f64, y: f64) -> Result<bool, JsError> {
        Ok(self.view.drag(x, y)?)
    }

    /// Releases the grabbed point.
    pub fn release(&mut self) {
        self.view.release();
    }

    /// The training points' x and y, interleaved.
    #[wasm_bindgen(getter, js_name = trainPoints)]
    pub fn train_points(&self) -> Vec<f64> {
        let (xs, ys) = self.view.train();
        xs.iter().zip(ys).flat_map(|(x, y)| [*x, *y]).collect()
    }

    /// The device pixel of training point i.
    #[wasm_bindgen(js_name = trainPixel)]
    pub fn train_pixel(&self, i: usize) -> Result<Vec<f64>, JsError> {
        let (xs, ys) = self.view.train();
        if i >= xs.len() {
            return Err(JsError::new(&format!("there is no training point {i}")));
        }
        Ok(self.view.view().to_pixel([xs[i], ys[i]]).to_vec())
    }

    /// The fitted polynomial's value at x.
    #[wasm_bindgen(js_name = fitAt)]
    pub fn fit_at(&self, x: f64) -> f64 {
        self.view.fit().value(x)
    }

    /// The coefficients c₀ … c_d.
    #[wasm_bindgen(getter)]
    pub fn coefficients(&self) -> Vec<f64> {
        self.view.fit().coefficients.clone()
    }

    /// Mean squared error on the training points.
    #[wasm_bindgen(getter, js_name = trainError)]
    pub fn train_error(&self) -> f64 {
        self.view.train_error()
    }

    /// Mean squared error on the held-out points.
    #[wasm_bindgen(getter, js_name = testError)]
    pub fn test_error(&self) -> f64 {
        self.view.test_error()
    }

    /// The training error as shown.
    #[wasm_bindgen(getter, js_name = trainErrorText)]
    pub fn train_error_text(&self) -> String {
        significant(self.view.train_error(), 4)
    }

    /// The held-out error as shown.
    #[wasm_bindgen(getter, js_name = testErrorText)]
    pub fn test_error_text(&self) -> String {
        significant(self.view.test_error(), 4)
    }

    /// The penalty Σ_{k≥1} c_k² as shown.
    #[wasm_bindgen(getter, js_name = penaltyText)]
    pub fn penalty_text(&self) -> String {
        significant(self.view.fit().penalty(), 4)
    }
}

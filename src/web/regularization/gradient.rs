//! The numeric-gradient view's export.

use wasm_bindgen::prelude::*;

use super::super::settings::{SettingsMirror, settings_exports};
use crate::regularization::display::{number, significant};
use crate::regularization::numeric_gradient::{LOSS_DECIMALS, NumericGradient};

/// The slides' W nudged one entry at a time, filling dW.
#[wasm_bindgen]
pub struct NumericGradientView {
    pub(super) view: NumericGradient,
    settings: SettingsMirror,
}

settings_exports!(NumericGradientView, view);

#[wasm_bindgen]
impl NumericGradientView {
    /// The slides' W and h.
    #[wasm_bindgen(constructor)]
    pub fn new() -> NumericGradientView {
        NumericGradientView { view: NumericGradient::default(), settings: SettingsMirror::default() }
    }

    /// Changes a setting by name (the names of the view's settings table); returns the
    /// settings that changed as JSON (see `changes`). The filling starts over.
    pub fn set(&mut self, name: &str, value: &str) -> Result<String, JsError> {
        self.view.set(name, value)?;
        Ok(self.changes())
    }

    /// A setting's value.
    pub fn get(&self, name: &str) -> Result<String, JsError> {
        Ok(self.view.get(name)?)
    }

    /// Fills the next entry.
    pub fn step(&mut self) {
        self.view.step();
    }

    /// Empties the last filled entry.
    pub fn back(&mut self) {
        self.view.back();
    }

    /// Empties every entry.
    pub fn reset(&mut self) {
        self.view.reset();
    }

    /// Fills every entry.
    #[wasm_bindgen(js_name = fillAll)]
    pub fn fill_all(&mut self) {
        self.view.fill_all();
    }

    /// Number of parameters.
    #[wasm_bindgen(getter)]
    pub fn parameters(&self) -> usize {
        self.view.theta().len()
    }

    /// Number of filled entries.
    #[wasm_bindgen(getter)]
    pub fn filled(&self) -> usize {
        self.view.filled()
    }

    /// True once every entry is filled.
    #[wasm_bindgen(getter)]
    pub fn complete(&self) -> bool {
        self.view.complete()
    }

    /// The parameter's name, e.g. "W[0,1]" or "b[2]".
    #[wasm_bindgen(js_name = paramName)]
    pub fn param_name(&self, k: usize) -> Result<String, JsError> {
        self.check(k)?;
        Ok(self.view.shape().param(k).to_string())
    }

    /// θ_k as shown.
    #[wasm_bindgen(js_name = thetaText)]
    pub fn theta_text(&self, k: usize) -> Result<String, JsError> {
        self.check(k)?;
        Ok(number(self.view.theta()[k], 6))
    }

    /// θ_k with the nudge, e.g. "0.34 + 0.0001".
    #[wasm_bindgen(js_name = nudgedText)]
    pub fn nudged_text(&self, k: usize) -> Result<String, JsError> {
        self.check(k)?;
        Ok(self.view.nudged_text(k))
    }

    /// L(θ).
    #[wasm_bindgen(getter)]
    pub fn loss(&self) -> f64 {
        self.view.loss()
    }

    /// L(θ) as shown.
    #[wasm_bindgen(getter, js_name = lossText)]
    pub fn loss_text(&self) -> String {
        number(self.view.loss(), LOSS_DECIMALS)
    }

    /// L(θ + h·e_k).
    #[wasm_bindgen(js_name = plusLoss)]
    pub fn plus_loss(&self, k: usize) -> Result<f64, JsError> {
        self.check(k)?;
        Ok(self.view.entry(k).plus)
    }

    /// L(θ + h·e_k) as shown.
    #[wasm_bindgen(js_name = plusLossText)]
    pub fn plus_loss_text(&self, k: usize) -> Result<String, JsError> {
        Ok(number(self.plus_loss(k)?, LOSS_DECIMALS))
    }

    /// L(θ − h·e_k) as shown (centered differences), or an empty string.
    #[wasm_bindgen(js_name = minusLossText)]
    pub fn minus_loss_text(&self, k: usize) -> Result<String, JsError> {
        self.check(k)?;
        Ok(self.view.entry(k).minus.map_or_else(String::new, |v| number(v, LOSS_DECIMALS)))
    }

    /// Entry k's quotient written out.
    #[wasm_bindgen(js_name = quotientText)]
    pub fn quotient_text(&self, k: usize) -> Result<String, JsError> {
        self.check(k)?;
        Ok(self.view.quotient_text(k))
    }

    /// The numeric derivative of entry k.
    pub fn numeric(&self, k: usize) -> Result<f64, JsError> {
        self.check(k)?;
        Ok(self.view.numeric()[k])
    }

    /// The numeric derivative as shown.
    #[wasm_bindgen(js_name = numericText)]
    pub fn numeric_text(&self, k: usize) -> Result<String, JsError> {
        Ok(significant(self.numeric(k)?, 6))
    }

    /// The analytic derivative of entry k.
    pub fn analytic(&self, k: usize) -> Result<f64, JsError> {
        self.check(k)?;
        Ok(self.view.analytic()[k])
    }

    /// The analytic derivative as shown.
    #[wasm_bindgen(js_name = analyticText)]
    pub fn analytic_text(&self, k: usize) -> Result<String, JsError> {
        Ok(significant(self.analytic(k)?, 6))
    }

    /// The relative error of entry k.
    #[wasm_bindgen(js_name = relativeError)]
    pub fn relative_error(&self, k: usize) -> Result<f64, JsError> {
        self.check(k)?;
        Ok(self.view.relative_error(k))
    }

    /// The relative error as shown.
    #[wasm_bindgen(js_name = relativeErrorText)]
    pub fn relative_error_text(&self, k: usize) -> Result<String, JsError> {
        Ok(significant(self.relative_error(k)?, 2))
    }

    fn check(&self, k: usize) -> Result<(), JsError> {
        if k < self.view.theta().len() {
            Ok(())
        } else {
            Err(JsError::new(&format!("there is no parameter {k} (θ has {})", self.view.theta().len())))
        }
    }
}

impl Default for NumericGradientView {
    fn default() -> Self {
        Self::new()
    }
}

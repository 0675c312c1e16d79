//! The loss calculator's export.

use wasm_bindgen::prelude::*;

use super::super::settings::{SettingsMirror, settings_exports};
use crate::regularization::calculator::{Calculator, DECIMALS};
use crate::regularization::display::number;

/// The editable score table with each example's losses written out.
#[wasm_bindgen]
pub struct CalculatorView {
    pub(super) calculator: Calculator,
    settings: SettingsMirror,
}

settings_exports!(CalculatorView, calculator);

#[wasm_bindgen]
impl CalculatorView {
    /// The lecture's cat/car/frog table.
    #[wasm_bindgen(constructor)]
    pub fn new() -> CalculatorView {
        CalculatorView { calculator: Calculator::default(), settings: SettingsMirror::default() }
    }

    /// Changes a setting by name (the names of the view's settings table); returns the
    /// settings that changed as JSON (see `changes`).
    pub fn set(&mut self, name: &str, value: &str) -> Result<String, JsError> {
        self.calculator.set(name, value)?;
        Ok(self.changes())
    }

    /// A setting's value.
    pub fn get(&self, name: &str) -> Result<String, JsError> {
        Ok(self.calculator.get(name)?)
    }

    /// Number of classes (rows).
    #[wasm_bindgen(getter)]
    pub fn classes(&self) -> usize {
        self.calculator.classes()
    }

    /// Number of examples (columns).
    #[wasm_bindgen(getter)]
    pub fn examples(&self) -> usize {
        self.calculator.examples()
    }

    /// Example i's SVM loss.
    #[wasm_bindgen(js_name = svmLoss)]
    pub fn svm_loss(&self, i: usize) -> Result<f64, JsError> {
        self.check(i)?;
        Ok(self.calculator.svm_loss(i))
    }

    /// Example i's softmax loss.
    #[wasm_bindgen(js_name = softmaxLoss)]
    pub fn softmax_loss(&self, i: usize) -> Result<f64, JsError> {
        self.check(i)?;
        Ok(self.calculator.softmax_loss(i))
    }

    /// Example i's SVM loss as shown.
    #[wasm_bindgen(js_name = svmLossText)]
    pub fn svm_loss_text(&self, i: usize) -> Result<String, JsError> {
        Ok(number(self.svm_loss(i)?, DECIMALS))
    }

    /// Example i's softmax loss as shown.
    #[wasm_bindgen(js_name = softmaxLossText)]
    pub fn softmax_loss_text(&self, i: usize) -> Result<String, JsError> {
        Ok(number(self.softmax_loss(i)?, DECIMALS))
    }

    /// Example i's SVM loss written out, one line per step.
    #[wasm_bindgen(js_name = svmSteps)]
    pub fn svm_steps(&self, i: usize) -> Result<Vec<String>, JsError> {
        self.check(i)?;
        Ok(self.calculator.svm_steps(i))
    }

    /// Example i's softmax loss written out.
    #[wasm_bindgen(js_name = softmaxSteps)]
    pub fn softmax_steps(&self, i: usize) -> Result<Vec<String>, JsError> {
        self.check(i)?;
        Ok(self.calculator.softmax_steps(i))
    }

    /// The mean SVM loss.
    #[wasm_bindgen(getter, js_name = meanSvmLoss)]
    pub fn mean_svm_loss(&self) -> f64 {
        self.calculator.mean_svm_loss()
    }

    /// The mean softmax loss.
    #[wasm_bindgen(getter, js_name = meanSoftmaxLoss)]
    pub fn mean_softmax_loss(&self) -> f64 {
        self.calculator.mean_softmax_loss()
    }

    /// The mean SVM loss written out.
    #[wasm_bindgen(getter, js_name = meanSvmSteps)]
    pub fn mean_svm_steps(&self) -> String {
        self.calculator.mean_svm_steps()
    }

    /// The mean softmax loss written out.
    #[wasm_bindgen(getter, js_name = meanSoftmaxSteps)]
    pub fn mean_softmax_steps(&self) -> String {
        self.calculator.mean_softmax_steps()
    }

    fn check(&self, i: usize) -> Result<(), JsError> {
        if i < self.calculator.examples() {
            Ok(())
        } else {
            Err(JsError::new(&format!("there is no example {i} (the table has {})", self.calculator.examples())))
        }
    }
}

impl Default for CalculatorView {
    fn default() -> Self {
        Self::new()
    }
}

//! The preferences view's export.

use wasm_bindgen::prelude::*;

use super::super::settings::{SettingsMirror, settings_exports};
use crate::regularization::display::number;
use crate::regularization::preferences::{DECIMALS, Preference, Preferences};
use crate::regularizer::RegularizerKind;

/// x, w₁, w₂ and which of them each penalty prefers.
#[wasm_bindgen]
pub struct PreferencesView {
    pub(super) preferences: Preferences,
    settings: SettingsMirror,
}

settings_exports!(PreferencesView, preferences);

fn penalty(name: &str) -> Result<RegularizerKind, JsError> {
    match name.parse::<RegularizerKind>()? {
        RegularizerKind::None => Err(JsError::new("the view compares l2, l1 and elastic-net")),
        kind => Ok(kind),
    }
}

fn vector(which: usize) -> Result<usize, JsError> {
    if which < 2 { Ok(which) } else { Err(JsError::new("the weight vectors are w₁ (0) and w₂ (1)")) }
}

#[wasm_bindgen]
impl PreferencesView {
    /// The lecture's example.
    #[wasm_bindgen(constructor)]
    pub fn new() -> PreferencesView {
        PreferencesView { preferences: Preferences::default(), settings: SettingsMirror::default() }
    }

    /// Changes a setting by name (the names of the view's settings table); returns the
    /// settings that changed as JSON (see `changes`).
    pub fn set(&mut self, name: &str, value: &str) -> Result<String, JsError> {
        self.preferences.set(name, value)?;
        Ok(self.changes())
    }

    /// A setting's value.
    pub fn get(&self, name: &str) -> Result<String, JsError> {
        Ok(self.preferences.get(name)?)
    }

    /// wᵀx for w₁ (0) or w₂ (1).
    pub fn score(&self, which: usize) -> Result<f64, JsError> {
        Ok(self.preferences.score(vector(which)?))
    }

    /// wᵀx as shown.
    #[wasm_bindgen(js_name = scoreText)]
    pub fn score_text(&self, which: usize) -> Result<String, JsError> {
        Ok(number(self.score(which)?, DECIMALS))
    }

    /// R(w) for w₁ (0) or w₂ (1) and a penalty (`l2`, `l1`, `elastic-net`).
    pub fn penalty(&self, which: usize, kind: &str) -> Result<f64, JsError> {
        Ok(self.preferences.penalty(vector(which)?, penalty(kind)?))
    }

    /// R(w) as shown.
    #[wasm_bindgen(js_name = penaltyText)]
    pub fn penalty_text(&self, which: usize, kind: &str) -> Result<String, JsError> {
        Ok(number(self.penalty(which, kind)?, DECIMALS))
    }

    /// Which vector the penalty prefers: 1, 2, or 0 for neither.
    pub fn preferred(&self, kind: &str) -> Result<u8, JsError> {
        Ok(match self.preferences.preference(penalty(kind)?) {
            Preference::First => 1,
            Preference::Second => 2,
            Preference::Neither => 0,
        })
    }

    /// The penalty's verdict in words.
    pub fn verdict(&self, kind: &str) -> Result<String, JsError> {
        Ok(self.preferences.verdict(penalty(kind)?))
    }

    /// True when w₁ᵀx = w₂ᵀx.
    #[wasm_bindgen(getter, js_name = sameScore)]
    pub fn same_score(&self) -> bool {
        self.preferences.same_score()
    }
}

impl Default for PreferencesView {
    fn default() -> Self {
        Self::new()
    }
}

//! Exports at the browser boundary: the lab's loss history and the race's trajectories as
//! CSV text, and the page's state file written and read (the page downloads and opens them;
//! see `www/export.js`).

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use super::OrJsError;
use crate::link::page_state::PageState;

use super::lab::LabView;
use super::race::RaceView;

#[wasm_bindgen]
impl LabView {
    /// The current run's loss history as CSV: step, data loss, regularization loss, total,
    /// accuracy.
    #[wasm_bindgen(js_name = historyCsv)]
    pub fn history_csv(&self) -> String {
        self.lab.history_csv()
    }
}

#[wasm_bindgen]
impl RaceView {
    /// Every enabled racer's trajectory as CSV: racer, step, x, y, loss, learning rate.
    #[wasm_bindgen(js_name = trajectoriesCsv)]
    pub fn trajectories_csv(&self) -> String {
        self.race.trajectories_csv()
    }
}

/// The page's state file (see [`crate::link::page_state`]) from the address shown and each
/// place's link query (`places[i]` is `scene` or `scene/view`, `queries[i]` its query).
#[wasm_bindgen(js_name = stateJson)]
pub fn state_json(at: &str, places: Vec<String>, queries: Vec<String>) -> String {
    let links = places.into_iter().zip(queries).collect();
    PageState { at: at.to_string(), links }.to_json()
}

/// Reads a state file: `{at, links: {place: query, …}}`, or an error saying what is wrong and
/// where (the JSON's line and column, or the field's path).
#[wasm_bindgen(js_name = parseState)]
pub fn parse_state(text: &str) -> Result<Object, JsError> {
    let state = PageState::parse(text).map_err(|e| JsError::new(&e))?;
    let links = Object::new();
    for (place, query) in &state.links {
        Reflect::set(&links, &JsValue::from_str(place), &JsValue::from_str(query)).or_js_error()?;
    }
    let object = Object::new();
    Reflect::set(&object, &JsValue::from_str("at"), &JsValue::from_str(&state.at)).or_js_error()?;
    Reflect::set(&object, &JsValue::from_str("links"), &links).or_js_error()?;
    Ok(object)
}

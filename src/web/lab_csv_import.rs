//! A CSV file imported across frames: the page hands its bytes a chunk per frame, each frame
//! reads lines for the frame's budget and shows the fraction read, and the lab takes the
//! points in one step once every line is read (see [`crate::lab::csv::import::CsvImport`]). Dropping
//! the import cancels it; the lab is untouched until then.

use wasm_bindgen::prelude::*;

use super::lab::LabView;
use crate::lab::csv::import::CsvImport;

/// A CSV file being read, a frame's budget at a time.
#[wasm_bindgen]
pub struct CsvImportView {
    import: CsvImport,
}

#[wasm_bindgen]
impl CsvImportView {
    /// An import of a file of `total` bytes.
    #[wasm_bindgen(constructor)]
    pub fn new(total: usize) -> CsvImportView {
        CsvImportView { import: CsvImport::new(total) }
    }

    /// Hands in the file's next bytes.
    pub fn push(&mut self, chunk: &[u8]) {
        self.import.push(chunk);
    }

    /// Says that every byte has been handed in.
    pub fn end(&mut self) {
        self.import.end();
    }

    /// Reads lines until this frame's budget is spent; returns the fraction of the bytes read.
    pub fn read(&mut self) -> f64 {
        let mut budget = super::frame_budget();
        self.import.read(&mut || budget.left());
        self.import.fraction()
    }

    /// Whether the result is known: the lab can take it (`LabView.loadImport`).
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> bool {
        self.import.done()
    }
}

#[wasm_bindgen]
impl LabView {
    /// Shows the points of the finished import of the CSV file `name` (as `loadCsv` shows the
    /// same bytes); on a refusal nothing changes and the error says why.
    #[wasm_bindgen(js_name = loadImport)]
    pub fn load_import(&mut self, name: &str, import: &mut CsvImportView) -> Result<(), JsError> {
        Ok(self.lab.load_import(name, &mut import.import)?)
    }
}

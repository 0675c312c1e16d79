//! The loss landscape's export: the slice advances for at most `FRAME_BUDGET_MS` per
//! animation frame, so the page stays responsive while it refines.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::super::Canvas;
use super::super::lab::LabSnapshot;
use super::super::settings::{SettingsMirror, settings_exports};
use crate::regularization::display::{number, significant};
use crate::regularization::landscape::{GRID, Landscape};
use crate::render::palette::Rgb;

/// Milliseconds of slice computation per animation frame (and right after the input that
/// restarts it, so the coarse picture appears at once).
const FRAME_BUDGET_MS: f64 = 12.0;

/// Timings of the slice in progress (milliseconds since the page loaded).
#[derive(Clone, Copy, Debug, Default)]
struct Timings {
    started: f64,
    compute: f64,
    longest: f64,
    coarse: Option<f64>,
}

/// A 2D slice of the classifier's total loss, drawn progressively on a canvas.
#[wasm_bindgen]
pub struct LandscapeView {
    pub(super) view: Landscape,
    settings: SettingsMirror,
    canvas: Canvas,
    staging: Canvas,
    timings: Timings,
    last: [f64; 4],
}

settings_exports!(LandscapeView, view);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[wasm_bindgen]
impl LandscapeView {
    /// Binds the view to its canvas; the slice starts from the lab's initial state.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement) -> Result<LandscapeView, JsError> {
        Ok(LandscapeView {
            view: Landscape::default(),
            settings: SettingsMirror::default(),
            canvas: Canvas::new(canvas)?,
            staging: Canvas::offscreen()?,
            timings: Timings { started: now(), ..Timings::default() },
            last: [f64::NAN; 4],
        })
    }

    /// Changes a setting by name (the names of the view's settings table); returns the
    /// settings that changed as JSON (see `changes`). The slice starts over.
    pub fn set(&mut self, name: &str, value: &str) -> Result<String, JsError> {
        self.view.set(name, value)?;
        self.restarted()?;
        Ok(self.changes())
    }

    /// A setting's value.
    pub fn get(&self, name: &str) -> Result<String, JsError> {
        Ok(self.view.get(name)?)
    }

    /// Starts the timings of a new slice and does a frame's worth of it at once.
    fn restarted(&mut self) -> Result<(), JsError> {
        self.timings = Timings { started: now(), ..Timings::default() };
        self.frame().map(|_| ())
    }

    /// Sizes the canvas in device pixels.
    pub fn resize(&mut self, width: u32, height: u32, pixel_ratio: f64) {
        self.canvas.resize(width, height);
        self.view.resize(width as usize, height as usize, pixel_ratio);
    }

    /// Advances the slice for up to the frame budget and redraws; returns whether there was
    /// work to do (false once the slice is complete).
    pub fn frame(&mut self) -> Result<bool, JsError> {
        if self.view.slice().is_complete() {
            return Ok(false);
        }
        let start = now();
        loop {
            let more = self.view.advance(1);
            let t = now();
            if self.timings.coarse.is_none() && self.view.slice().finished_stride().is_some() {
                self.timings.coarse = Some(self.timings.compute + (t - start));
            }
            if !more || t - start >= FRAME_BUDGET_MS {
                self.timings.compute += t - start;
                self.timings.longest = self.timings.longest.max(t - start);
                if !more {
                    let Timings { started, compute, longest, coarse } = self.timings;
                    self.last = [coarse.unwrap_or(f64::NAN), compute, t - started, longest];
                }
                break;
            }
        }
        self.render()?;
        Ok(true)
    }

    /// Draws what is computed so far.
    pub fn render(&mut self) -> Result<(), JsError> {
        self.view.render();
        self.canvas.fill(Rgb::WHITE);
        if self.view.slice().finished_stride().is_some() {
            self.canvas.put_scaled(self.view.image(), &self.staging, self.view.image_rect())?;
        }
        self.canvas.paint(self.view.contours())?;
        self.canvas.paint(self.view.marks())
    }

    /// The range as shown.
    #[wasm_bindgen(getter, js_name = rangeText)]
    pub fn range_text(&self) -> String {
        significant(self.view.range(), 3)
    }

    /// True once every point of the slice is computed.
    #[wasm_bindgen(getter)]
    pub fn complete(&self) -> bool {
        self.view.slice().is_complete()
    }

    /// Points per side of the finest completed level (0 before the first).
    #[wasm_bindgen(getter)]
    pub fn resolution(&self) -> usize {
        self.view.slice().finished_stride().map_or(0, |s| (GRID - 1) / s + 1)
    }

    /// The timings of the last completed slice in milliseconds: [coarse pass's computation,
    /// total computation, wall time from start to finish, longest stretch of computation
    /// without a break (what input may wait for)].
    #[wasm_bindgen(getter)]
    pub fn timings(&self) -> Vec<f64> {
        self.last.to_vec()
    }

    /// L(θ) at the slice's centre (NaN until computed).
    #[wasm_bindgen(getter, js_name = centerValue)]
    pub fn center_value(&self) -> f64 {
        self.view.center_value()
    }

    /// L(θ) as shown.
    #[wasm_bindgen(getter, js_name = centerValueText)]
    pub fn center_value_text(&self) -> String {
        let v = self.view.center_value();
        if v.is_nan() { "…".into() } else { number(v, 6) }
    }

    /// The smallest and largest values computed so far, as shown.
    #[wasm_bindgen(getter, js_name = rangeTexts)]
    pub fn range_texts(&self) -> Vec<String> {
        let finite = self.view.slice().values().iter().copied().filter(|v| v.is_finite());
        let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
        if lo > hi { vec!["…".into(), "…".into()] } else { vec![significant(lo, 5), significant(hi, 5)] }
    }

    /// The names of the model's parameters, in θ's order.
    #[wasm_bindgen(getter, js_name = paramNames)]
    pub fn param_names(&self) -> Vec<String> {
        let shape = self.view.shape();
        (0..shape.len()).map(|k| shape.param(k).to_string()).collect()
    }

    /// The axes' captions.
    #[wasm_bindgen(getter, js_name = axisNames)]
    pub fn axis_names(&self) -> Vec<String> {
        self.view.axis_names().to_vec()
    }

    /// Number of trajectory points drawn.
    #[wasm_bindgen(getter, js_name = trajectoryLength)]
    pub fn trajectory_length(&self) -> usize {
        self.view.source().trajectory.len() / self.view.source().theta.len().max(1)
    }

    /// The value at grid point (i, j) (row 0 at the bottom; NaN until computed).
    pub fn value(&self, i: usize, j: usize) -> Result<f64, JsError> {
        if i >= GRID || j >= GRID {
            return Err(JsError::new(&format!("the slice has {GRID} × {GRID} points")));
        }
        Ok(self.view.slice().value(i, j))
    }

    /// Slices the classifier lab's state as a snapshot holds it: its dataset, objective, θ
    /// and the θ of each recorded step. Restarts (and returns true) only when something
    /// changed.
    pub fn sync(&mut self, snapshot: &LabSnapshot) -> Result<bool, JsError> {
        let restarted = self.view.set_source(snapshot.0.clone())?;
        if restarted {
            self.restarted()?;
        }
        Ok(restarted)
    }
}

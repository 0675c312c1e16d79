//! The optimizer race's export.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::chart::ChartCanvas;
use super::lab::LabSnapshot;
use super::settings::{SettingsMirror, settings_exports};
use super::{Canvas, OrJsError};
use crate::race::leaderboard::standings;
use crate::race::slice::ClassifierSource;
use crate::race::{MAX_RACERS, Race};

/// The optimizer race on three stacked canvases: the surface's heatmap (redrawn only when the
/// surface or size changes), the trajectories (each frame adds only its new steps), and the
/// per-frame marks (current points, look-ahead, trial points, the start handle); and two
/// chart canvases: loss by step, and the learning-rate schedules.
#[wasm_bindgen]
pub struct RaceView {
    pub(super) race: Race,
    surface: Canvas,
    trails: Canvas,
    overlay: Canvas,
    loss_chart: ChartCanvas,
    schedule_chart: ChartCanvas,
    /// Animation frames drawn, to pace the charts.
    frames: u32,
    settings: SettingsMirror,
}

settings_exports!(RaceView, race);

/// While playing, the charts are redrawn every this many frames.
const CHART_FRAMES: u32 = 3;

/// Sets `key` on a plain JS object.
fn put(object: &Object, key: &str, value: impl Into<JsValue>) -> Result<(), JsError> {
    Reflect::set(object, &JsValue::from_str(key), &value.into()).or_js_error().map(|_| ())
}

#[wasm_bindgen]
impl RaceView {
    /// Binds the race to its three stacked canvases (same size) and its two chart canvases.
    #[wasm_bindgen(constructor)]
    pub fn new(
        surface: HtmlCanvasElement,
        trails: HtmlCanvasElement,
        overlay: HtmlCanvasElement,
        loss_chart: HtmlCanvasElement,
        schedule_chart: HtmlCanvasElement,
    ) -> Result<RaceView, JsError> {
        Ok(RaceView {
            race: Race::default(),
            surface: Canvas::new(surface)?,
            trails: Canvas::new(trails)?,
            overlay: Canvas::new(overlay)?,
            loss_chart: ChartCanvas::new(loss_chart),
            schedule_chart: ChartCanvas::new(schedule_chart),
            frames: 0,
            settings: SettingsMirror::default(),
        })
    }

    /// Sizes the loss chart's (`which` = "loss") or the schedule chart's ("schedule") canvas
    /// to `width × height` device pixels.
    #[wasm_bindgen(js_name = resizeChart)]
    pub fn resize_chart(&mut self, which: &str, width: u32, height: u32, pixel_ratio: f64) -> Result<(), JsError> {
        match which {
            "loss" => self.loss_chart.resize(width, height, pixel_ratio),
            "schedule" => self.schedule_chart.resize(width, height, pixel_ratio),
            _ => return Err(JsError::new(&format!("there is no chart \"{which}\" (expected loss or schedule)"))),
        }
        Ok(())
    }

    /// Sizes the three stacked canvases to `width × height` device pixels.
    pub fn resize(&mut self, width: u32, height: u32, pixel_ratio: f64) {
        self.surface.resize(width, height);
        self.trails.resize(width, height);
        self.overlay.resize(width, height);
        self.race.resize(width as usize, height as usize, pixel_ratio);
    }

    /// Draws: the picture (see [`RaceView::render_picture`]) and both charts.
    pub fn render(&mut self) -> Result<(), JsError> {
        self.render_picture()?;
        self.render_charts()
    }

    /// Draws both charts.
    fn render_charts(&mut self) -> Result<(), JsError> {
        let race = &self.race;
        let ratio = self.loss_chart.ratio();
        self.loss_chart.draw(|area| race.draw_loss_chart(area, ratio))?;
        let ratio = self.schedule_chart.ratio();
        self.schedule_chart.draw(|area| race.draw_schedule_chart(area, ratio))?;
        Ok(())
    }

    /// Draws the picture: the heatmap with its contours if the terrain or the size changed
    /// (shown with one `putImageData`), the racers' new trail segments (all of them, on a
    /// cleared canvas, after a restart), and the per-frame marks. Returns whether the heatmap
    /// was redrawn.
    #[wasm_bindgen(js_name = renderPicture)]
    pub fn render_picture(&mut self) -> Result<bool, JsError> {
        let redrawn = self.race.render();
        let picture = self.race.picture();
        if redrawn {
            self.surface.put(picture.heatmap().raster())?;
        }
        if picture.trails().clear() {
            self.trails.erase();
        }
        self.trails.paint(picture.trails().marks())?;
        self.overlay.erase();
        self.overlay.paint(picture.marks())?;
        Ok(redrawn)
    }

    /// An animation frame: the clock ticks `steps-per-frame` times while playing, then the
    /// picture is drawn, and the charts on every [`CHART_FRAMES`]-th frame (and on the
    /// frame the race stops): a chart a few frames behind reads the same, and rasterizing
    /// eight noisy loss curves every frame would cost frames.
    pub fn frame(&mut self) -> Result<(), JsError> {
        let mut budget = super::frame_budget();
        self.race.frame(&mut || budget.left());
        self.render_picture()?;
        self.frames = self.frames.wrapping_add(1);
        if self.frames % CHART_FRAMES == 0 || !self.race.playing() {
            self.render_charts()?;
        }
        Ok(())
    }

    /// Changes a setting by name (see `race::param`); returns the settings that changed as
    /// JSON (see [`RaceView::changes`]).
    pub fn set(&mut self, name: &str, value: &str) -> Result<String, JsError> {
        self.race.set(name, value)?;
        Ok(self.changes())
    }

    /// One tick of the clock (the Step button), as much of it as fits in a frame's budget;
    /// the frames finish a tick that does not fit (`progress` says how far it is).
    pub fn step(&mut self) {
        let mut budget = super::frame_budget();
        self.race.step_within(&mut || budget.left());
    }

    /// Whether the frames are finishing a Step's tick (Pause stops them).
    #[wasm_bindgen(getter)]
    pub fn stepping(&self) -> bool {
        self.race.stepping()
    }

    /// Starts ticking each frame.
    pub fn play(&mut self) {
        self.race.set_playing(true);
    }

    /// Stops ticking.
    pub fn pause(&mut self) {
        self.race.set_playing(false);
    }

    /// Whether the clock ticks each frame.
    #[wasm_bindgen(getter)]
    pub fn playing(&self) -> bool {
        self.race.playing()
    }

    /// Every racer back to the start, settings kept.
    pub fn reset(&mut self) {
        self.race.reset();
    }

    /// Puts the start under device pixel (x, y) and restarts every racer there.
    #[wasm_bindgen(js_name = placeStart)]
    pub fn place_start(&mut self, x: f64, y: f64) -> Result<(), JsError> {
        Ok(self.race.place_start([x, y])?)
    }

    /// The loaded preset's one-line claim; once a setting has changed, the claim of the preset
    /// loaded last, marked "(modified)".
    pub fn caption(&self) -> String {
        match self.race.preset() {
            Some(preset) => preset.caption().to_string(),
            None => format!("{} (modified)", self.race.based_on().caption()),
        }
    }

    /// What the page shows of the race's progress, in one call: `{clock, playing, stepping,
    /// update, claim, leaderboard, growth}` with `update` the tick's update in progress as
    /// `[candidates done, in all]` (null when none is), the claim and the standings as
    /// `claim()` and `leaderboard()` give them, and `growth` the notice naming the racers
    /// whose loss keeps far above its start (null when none does).
    pub fn progress(&self) -> Result<Object, JsError> {
        let object = Object::new();
        put(&object, "clock", self.race.clock() as u32)?;
        put(&object, "playing", self.race.playing())?;
        put(&object, "stepping", self.race.stepping())?;
        let update = self.race.progress().map_or(JsValue::NULL, |(done, all)| {
            Array::of2(&JsValue::from(done as u32), &JsValue::from(all as u32)).into()
        });
        put(&object, "update", update)?;
        put(&object, "claim", self.claim()?)?;
        put(&object, "leaderboard", self.leaderboard()?)?;
        put(&object, "growth", self.race.growth_warning().map_or(JsValue::NULL, JsValue::from))?;
        Ok(object)
    }

    /// Racer `k`'s colour as CSS.
    #[wasm_bindgen(js_name = racerColor)]
    pub fn racer_color(&self, k: usize) -> Result<String, JsError> {
        Ok(self.racer(k)?.color().css())
    }

    /// The number of racer slots.
    #[wasm_bindgen(js_name = racerCount)]
    pub fn racer_count() -> usize {
        MAX_RACERS
    }

    /// Takes the classifier lab's data, objective and current W and b (a `LabView.snapshot()`)
    /// for the classifier slice (re-cut, with every racer restarted, if it is showing and the
    /// lab changed).
    #[wasm_bindgen(js_name = useLab)]
    pub fn use_lab(&mut self, lab: &LabSnapshot) -> Result<(), JsError> {
        let lab = &lab.0;
        let source = ClassifierSource { data: lab.data.clone(), objective: lab.objective, theta: lab.theta.clone() };
        Ok(self.race.set_classifier(source)?)
    }
}

/// For the browser tests, the benchmarks and the curious at the console: the page itself
/// calls none of these.
#[wasm_bindgen]
impl RaceView {
    /// Panics, as a defect in the race would: the browser tests check that the page stops the
    /// race, says so, and rebuilds it from its link while the other scenes keep working.
    #[wasm_bindgen(js_name = panicForTests)]
    pub fn panic_for_tests(&mut self) {
        panic!("a panic forced by the browser tests");
    }

    /// A setting's value as text (the page has them from `table()` and `changes()`).
    pub fn get(&self, name: &str) -> Result<String, JsError> {
        Ok(self.race.get(name)?)
    }

    /// Ticks since the last restart.
    #[wasm_bindgen(getter)]
    pub fn clock(&self) -> usize {
        self.race.clock()
    }

    /// The loaded preset's claim checked on the race so far: `{holds, evidence}`, or null.
    pub fn claim(&self) -> Result<JsValue, JsError> {
        let Some(claim) = self.race.claim() else { return Ok(JsValue::NULL) };
        let object = Object::new();
        put(&object, "holds", claim.holds)?;
        put(&object, "evidence", claim.evidence)?;
        Ok(object.into())
    }

    /// The standings, best first: `{index, label, color, reached, loss, recent, steps, status,
    /// diverged, diverging}` each (`reached` null when ε is not reached; `recent` the mean loss
    /// over the last steps; `diverging` while its loss keeps far above its start).
    pub fn leaderboard(&self) -> Result<Array, JsError> {
        let rows = Array::new();
        for s in standings(&self.race) {
            let row = Object::new();
            put(&row, "index", s.index as u32)?;
            put(&row, "label", s.label)?;
            put(&row, "color", s.color.css())?;
            put(&row, "reached", s.reached.map_or(JsValue::NULL, |t| JsValue::from(t as u32)))?;
            put(&row, "loss", s.loss)?;
            put(&row, "recent", s.recent)?;
            put(&row, "steps", s.steps as u32)?;
            put(&row, "status", s.status)?;
            put(&row, "diverged", s.diverged)?;
            put(&row, "diverging", s.diverging)?;
            rows.push(&row);
        }
        Ok(rows)
    }

    /// Advances `steps` ticks at once.
    pub fn advance(&mut self, steps: usize) {
        self.race.advance(steps);
    }

    /// The device pixel of data point (x, y), as `[px, py]`.
    #[wasm_bindgen(js_name = toPixel)]
    pub fn to_pixel(&self, x: f64, y: f64) -> Vec<f64> {
        self.race.picture().view().to_pixel([x, y]).to_vec()
    }

    /// The RGBA the heatmap computed for device pixel (i, j) (tests compare the canvas).
    #[wasm_bindgen(js_name = heatmapPixel)]
    pub fn heatmap_pixel(&self, i: usize, j: usize) -> Result<Vec<u8>, JsError> {
        let raster = self.race.picture().heatmap().raster();
        if i >= raster.width() || j >= raster.height() {
            return Err(JsError::new(&format!(
                "pixel ({i}, {j}) is outside the {}×{} heatmap",
                raster.width(),
                raster.height()
            )));
        }
        Ok(raster.pixel(i, j).to_vec())
    }

    /// Racer `k`'s recorded points, flat: x₀, y₀, x₁, y₁, ….
    pub fn trajectory(&self, k: usize) -> Result<Vec<f64>, JsError> {
        Ok(self.racer(k)?.run().trajectory().points().to_vec())
    }

    /// Racer `k`'s loss at each recorded point.
    pub fn losses(&self, k: usize) -> Result<Vec<f64>, JsError> {
        Ok(self.racer(k)?.run().trajectory().losses().to_vec())
    }

    /// How many points racer `k`'s updates evaluated in all.
    #[wasm_bindgen(js_name = evaluationCount)]
    pub fn evaluation_count(&self, k: usize) -> Result<usize, JsError> {
        Ok(self.racer(k)?.run().trajectory().evaluation_count())
    }
}

impl RaceView {
    fn racer(&self, k: usize) -> Result<&crate::race::racer::Racer, JsError> {
        self.race
            .racers()
            .get(k)
            .ok_or_else(|| JsError::new(&format!("there is no racer {k}: racers are numbered 0 to {}", MAX_RACERS - 1)))
    }
}

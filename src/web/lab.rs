//! The classifier lab's export: the scene on its canvas and chart, its settings by name, the
//! pointer gestures, and the readouts the page shows. No math here: everything is the core
//! [`Lab`]'s.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::Canvas;
use super::chart::ChartCanvas;
use super::settings::{SettingsMirror, settings_exports};
use crate::lab::features::HeldOut;
use crate::lab::{Lab, LabParam, Snapshot};
use crate::objective::Breakdown;
use crate::render::palette::{class_color, region_color};
use crate::render::raster::check_size;

/// The classifier lab on a canvas and a chart canvas.
#[wasm_bindgen]
pub struct LabView {
    pub(super) lab: Lab,
    canvas: Canvas,
    chart: ChartCanvas,
    /// The learning-rate chart, once the page attaches its canvas.
    schedule: Option<ChartCanvas>,
    loss: Breakdown,
    accuracy: Option<f64>,
    held_out: Option<HeldOut>,
    gradient: Vec<f64>,
    rows: Vec<f64>,
    settings: SettingsMirror,
    /// The λ sweep's chart, once the page attaches it (see `lab_features`).
    pub(super) sweep_chart: Option<ChartCanvas>,
    /// How long the last frame's drawing took (milliseconds), which the next frame's updates
    /// leave room for.
    drawing_ms: f64,
}

settings_exports!(LabView, lab);

#[wasm_bindgen]
impl LabView {
    /// Binds the lab to its canvas and its loss chart's canvas.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement, chart: HtmlCanvasElement) -> Result<LabView, JsError> {
        let mut view = LabView {
            lab: Lab::default(),
            loss: Breakdown::default(),
            accuracy: None,
            held_out: None,
            gradient: Vec::new(),
            canvas: Canvas::new(canvas)?,
            chart: ChartCanvas::new(chart),
            schedule: None,
            rows: Vec::new(),
            settings: SettingsMirror::default(),
            sweep_chart: None,
            drawing_ms: 0.0,
        };
        view.measure();
        Ok(view)
    }

    /// Sizes the canvas to `width × height` device pixels (its CSS size times
    /// `devicePixelRatio`); a size past the largest a canvas may have is refused.
    pub fn resize(&mut self, width: u32, height: u32, pixel_ratio: f64) -> Result<(), JsError> {
        check_size(width as usize, height as usize)?;
        self.canvas.resize(width, height);
        self.lab.resize(width as usize, height as usize, pixel_ratio);
        Ok(())
    }

    /// Sizes the chart's canvas to `width × height` device pixels; a size past the largest a
    /// canvas may have is refused.
    #[wasm_bindgen(js_name = resizeChart)]
    pub fn resize_chart(&mut self, width: u32, height: u32, pixel_ratio: f64) -> Result<(), JsError> {
        check_size(width as usize, height as usize)?;
        self.chart.resize(width, height, pixel_ratio);
        self.lab.request_render();
        Ok(())
    }

    /// One animation frame: the steps of this frame while playing, then a redraw of what
    /// changed. Returns whether anything was redrawn (the page then refreshes its readouts).
    /// The updates get what the drawing (as long as the last took) leaves of the frame's budget.
    pub fn frame(&mut self) -> Result<bool, JsError> {
        let mut budget = super::work_budget(self.drawing_ms);
        self.lab.play_frame(&mut || budget.left());
        self.lab.sweep_frame();
        if !self.lab.needs_render() {
            return Ok(false);
        }
        let start = super::now();
        self.render()?;
        self.drawing_ms = super::now() - start;
        Ok(true)
    }

    /// Draws everything now: regions and points with one `putImageData`, the lines, arrows
    /// and axes over them, and the loss chart.
    pub fn render(&mut self) -> Result<(), JsError> {
        self.lab.render();
        self.canvas.put(self.lab.raster())?;
        self.canvas.paint(self.lab.marks())?;
        let ratio = self.chart.ratio();
        let lab = &self.lab;
        self.chart.draw(|area| lab.draw_loss_chart(area, ratio))?;
        if let (Some(schedule), true) = (&self.schedule, lab.shows_schedule()) {
            let ratio = schedule.ratio();
            schedule.draw(|area| lab.draw_schedule_chart(area, ratio))?;
        }
        if let Some(chart) = &self.sweep_chart {
            let ratio = chart.ratio();
            chart.draw(|area| lab.draw_sweep_chart(area, ratio))?;
        }
        self.measure();
        Ok(())
    }

    /// Gives the lab a canvas for its learning-rate chart α_t, drawn while
    /// [`showsSchedule`](Lab::shows_schedule) holds.
    #[wasm_bindgen(js_name = attachScheduleChart)]
    pub fn attach_schedule_chart(&mut self, canvas: HtmlCanvasElement) {
        self.schedule = Some(ChartCanvas::new(canvas));
    }

    /// Sizes the learning-rate chart's canvas (as [`LabView::resize_chart`]).
    #[wasm_bindgen(js_name = resizeScheduleChart)]
    pub fn resize_schedule_chart(&mut self, width: u32, height: u32, pixel_ratio: f64) -> Result<(), JsError> {
        check_size(width as usize, height as usize)?;
        if let Some(schedule) = &mut self.schedule {
            schedule.resize(width, height, pixel_ratio);
        }
        self.lab.request_render();
        Ok(())
    }

    /// Whether the rate changes over the run, so the page shows the learning-rate chart.
    #[wasm_bindgen(getter, js_name = showsSchedule)]
    pub fn shows_schedule(&self) -> bool {
        self.lab.shows_schedule()
    }

    /// The loss, its gradient and the accuracy at the current θ, in one pass over the data.
    fn measure(&mut self) {
        self.gradient.resize(self.lab.theta().len(), 0.0);
        (self.loss, self.accuracy) = self.lab.readouts(&mut self.gradient);
        self.held_out = self.lab.held_out();
    }

    /// Sets a named setting from its control's text (see `crate::lab::param`); returns the
    /// settings that changed as JSON (see [`LabView::changes`]).
    pub fn set(&mut self, name: &str, value: &str) -> Result<String, JsError> {
        self.lab.set(name, value)?;
        Ok(self.changes())
    }

    /// A named setting's current value, as its control shows it.
    pub fn get(&self, name: &str) -> Result<String, JsError> {
        Ok(self.lab.get(name)?)
    }

    /// The readouts of the last render in one call: data loss, regularization loss, total
    /// loss, accuracy (NaN without points), step, epoch, the next update's learning rate,
    /// playing or finishing a Step's update (1/0: Pause stops either), stopped (1/0: `stopped`
    /// says why), N, C, and whether the schedule gives α = 0 from the next update on (1/0:
    /// `scheduleWarning` says why); then the held-out data loss and accuracy (NaN when nothing
    /// is held out), the numbers of training and of held-out points, the λ values the sweep has
    /// done and has in all (0 and 0 without one), and the number of parameters (C·F + C); then
    /// the update in progress as candidates done and in all (0, 0 when none is), and whether
    /// the loss keeps far above its start (1/0: `growthWarning` says so).
    pub fn readouts(&self) -> js_sys::Float64Array {
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let progress = self.lab.update_progress().unwrap_or((0, 0));
        let numbers = [
            self.loss.data,
            self.loss.regularization,
            self.loss.total(),
            self.accuracy.unwrap_or(f64::NAN),
            self.lab.steps() as f64,
            self.lab.epoch() as f64,
            self.lab.learning_rate(),
            flag(self.lab.running() || self.lab.stepping()),
            flag(self.lab.stopped().is_some()),
            self.lab.data().len() as f64,
            self.lab.shape().classes as f64,
            flag(self.lab.optimizer().schedule.stalls_from(self.lab.steps())),
            self.held_out.map_or(f64::NAN, |h| h.loss),
            self.held_out.map_or(f64::NAN, |h| h.accuracy),
            self.lab.feature_cache().training(self.lab.data()).len() as f64,
            self.held_out.map_or(0.0, |h| h.points as f64),
            self.lab.sweep().map_or(0.0, |s| s.training.len() as f64),
            self.lab.sweep().map_or(0.0, |s| s.lambdas.len() as f64),
            self.lab.theta().len() as f64,
            progress.0 as f64,
            progress.1 as f64,
            flag(self.lab.growth_warning().is_some()),
        ];
        // Copied straight from the stack into a typed array: nothing is allocated in wasm
        // memory per frame.
        js_sys::Float64Array::from(&numbers[..])
    }

    /// A press at device pixel (x, y) of the canvas; `remove` is the remove modifier.
    #[wasm_bindgen(js_name = pointerDown)]
    pub fn pointer_down(&mut self, x: f64, y: f64, remove: bool) -> Result<(), JsError> {
        self.lab.pointer_down([x, y], remove)?;
        Ok(())
    }

    /// The pointer moved to device pixel (x, y).
    #[wasm_bindgen(js_name = pointerMove)]
    pub fn pointer_move(&mut self, x: f64, y: f64) -> Result<(), JsError> {
        Ok(self.lab.pointer_move([x, y])?)
    }

    /// The button was released.
    #[wasm_bindgen(js_name = pointerUp)]
    pub fn pointer_up(&mut self) {
        self.lab.pointer_up();
    }

    /// The pointer left the canvas.
    #[wasm_bindgen(js_name = pointerLeave)]
    pub fn pointer_leave(&mut self) {
        self.lab.pointer_leave();
    }

    /// The press has been held long: removes the held point unless it was dragged.
    #[wasm_bindgen(js_name = longPress)]
    pub fn long_press(&mut self) -> Result<bool, JsError> {
        Ok(self.lab.long_press()?)
    }

    /// The highlighted point, or −1.
    #[wasm_bindgen(getter)]
    pub fn hover(&self) -> i32 {
        self.lab.hover().map_or(-1, |i| i as i32)
    }

    /// Highlights point `i` (−1 or an index past the end for none).
    #[wasm_bindgen(js_name = setHover)]
    pub fn set_hover(&mut self, i: i32) {
        self.lab.set_hover(usize::try_from(i).ok());
    }

    /// Moves parameter `name` (`W[k,l]` or `b[k]`) by one nudge up or down.
    pub fn nudge(&mut self, name: &str, up: bool) -> Result<(), JsError> {
        let index = match name.parse::<LabParam>()? {
            LabParam::Parameter(p) => self.lab.parameter_index(p)?,
            other => return Err(JsError::new(&format!("{other} is not a parameter of the classifier"))),
        };
        Ok(self.lab.nudge(index, up)?)
    }

    /// Multiplies W and b by `factor` (×2 W).
    #[wasm_bindgen(js_name = scaleTheta)]
    pub fn scale_theta(&mut self, factor: f64) -> Result<(), JsError> {
        Ok(self.lab.scale_theta(factor)?)
    }

    /// θ₀ from the next init seed.
    pub fn randomize(&mut self) {
        self.lab.randomize();
    }

    /// Back to θ₀, with a new run.
    pub fn reset(&mut self) {
        self.lab.reset();
    }

    /// New points from the dataset's recipe.
    pub fn regenerate(&mut self) -> Result<(), JsError> {
        Ok(self.lab.regenerate()?)
    }

    /// Replaces the points with those of the CSV file `name`, given as its bytes (W and b
    /// start afresh for its classes, the view fits its points). A file the lab cannot show is
    /// refused with the reason, and nothing changes.
    #[wasm_bindgen(js_name = loadCsv)]
    pub fn load_csv(&mut self, name: &str, bytes: &[u8]) -> Result<(), JsError> {
        Ok(self.lab.load_csv(name, bytes)?)
    }

    /// The current points as CSV text that `loadCsv` reads back.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> String {
        self.lab.to_csv()
    }

    /// The name of the last CSV file loaded (the dataset menu's "file" entry), if any.
    #[wasm_bindgen(getter, js_name = fileName)]
    pub fn file_name(&self) -> Option<String> {
        self.lab.file_name().map(str::to_string)
    }

    /// The most bytes of a CSV file `loadCsv` takes: the page hands it at most one byte more
    /// of a larger file, which is refused without being read whole.
    #[wasm_bindgen(js_name = csvByteLimit)]
    pub fn csv_byte_limit() -> usize {
        crate::lab::csv::MAX_CSV_BYTES
    }

    /// The parameters' names, `W[0,0]` … `b[C−1]`, in θ's order.
    #[wasm_bindgen(js_name = paramNames)]
    pub fn param_names(&self) -> Vec<String> {
        let shape = self.lab.shape();
        (0..shape.len()).map(|i| shape.param(i).to_string()).collect()
    }

    /// θ = (W, b), flat.
    pub fn theta(&self) -> Vec<f64> {
        self.lab.theta().to_vec()
    }

    /// θ after each recorded step of the current run, flat (`theta().length` values per step;
    /// see `trajectorySteps`).
    pub fn trajectory(&self) -> Vec<f64> {
        let history = self.lab.history();
        (0..history.len()).flat_map(|n| history.theta(n).to_vec()).collect()
    }

    /// The steps the trajectory recorded (thinned evenly on long runs; the last is the
    /// current step).
    #[wasm_bindgen(js_name = trajectorySteps)]
    pub fn trajectory_steps(&self) -> Vec<f64> {
        self.lab.history().steps().to_vec()
    }

    /// A copy of the lab's dataset, objective, θ and trajectory, to hand to another scene
    /// (the optimizer race, the loss-landscape view) without going through JS numbers.
    pub fn snapshot(&self) -> LabSnapshot {
        LabSnapshot(self.lab.snapshot())
    }

    /// ∇_θ L over the whole dataset at the last render.
    pub fn gradient(&self) -> Vec<f64> {
        self.gradient.clone()
    }

    /// For every parameter: the analytic derivative, the centered-difference estimate and
    /// their relative error, three numbers each.
    #[wasm_bindgen(js_name = gradientCheck)]
    pub fn gradient_check(&self) -> Vec<f64> {
        self.lab.gradient_check().iter().flat_map(|c| [c.analytic, c.numeric, c.relative_error]).collect()
    }

    /// Numbers per table row (see [`LabView::table_rows`]).
    #[wasm_bindgen(getter, js_name = rowWidth)]
    pub fn row_width(&self) -> usize {
        self.lab.row_width()
    }

    /// Rows `start .. start + count` of the per-point table: x₀, x₁, y, s₀ … s_{C−1}, L_i and
    /// the row's flags (1 in the minibatch, 2 highlighted, 4 misclassified), row after row.
    #[wasm_bindgen(js_name = tableRows)]
    pub fn table_rows(&mut self, start: usize, count: usize) -> Vec<f64> {
        self.lab.table_rows(start, count, &mut self.rows);
        self.rows.clone()
    }

    /// Number of points N.
    #[wasm_bindgen(getter)]
    pub fn points(&self) -> usize {
        self.lab.data().len()
    }

    /// Number of classes C.
    #[wasm_bindgen(getter)]
    pub fn classes(&self) -> usize {
        self.lab.shape().classes
    }

    /// The data loss (1/N) Σ L_i at the last render.
    #[wasm_bindgen(getter, js_name = dataLoss)]
    pub fn data_loss(&self) -> f64 {
        self.loss.data
    }

    /// The regularization loss λR(W) at the last render.
    #[wasm_bindgen(getter, js_name = regularizationLoss)]
    pub fn regularization_loss(&self) -> f64 {
        self.loss.regularization
    }

    /// The total loss at the last render.
    #[wasm_bindgen(getter, js_name = totalLoss)]
    pub fn total_loss(&self) -> f64 {
        self.loss.total()
    }

    /// One update, as much of it as fits in a frame's budget; an update that does not fit (a
    /// random search with many candidates over many points) goes on in the next frames, with
    /// its progress in the readouts (a stop is reported by `stopped`, not thrown: it is a
    /// result the page shows, not a failure of the call).
    pub fn step(&mut self) {
        let mut budget = super::frame_budget();
        self.lab.step_within(&mut || budget.left());
    }

    /// Starts repeated updates ([`LabView::frame`] makes `speed` of them per frame).
    pub fn play(&mut self) {
        self.lab.set_running(true);
    }

    /// Stops repeated updates.
    pub fn pause(&mut self) {
        self.lab.set_running(false);
    }

    /// Whether repeated updates are on.
    #[wasm_bindgen(getter)]
    pub fn running(&self) -> bool {
        self.lab.running()
    }

    /// Whether the frames are finishing an update a Step left in progress.
    #[wasm_bindgen(getter)]
    pub fn stepping(&self) -> bool {
        self.lab.stepping()
    }

    /// Why the schedule will not move θ from the next update on, as a sentence, if it will not.
    #[wasm_bindgen(getter, js_name = scheduleWarning)]
    pub fn schedule_warning(&self) -> Option<String> {
        self.lab.schedule_warning()
    }

    /// The notice when the loss keeps far above its starting value (see `crate::lab::growth`).
    #[wasm_bindgen(getter, js_name = growthWarning)]
    pub fn growth_warning(&self) -> Option<String> {
        self.lab.growth_warning()
    }

    /// Why training stopped in this run (divergence or a failed update), as a sentence.
    #[wasm_bindgen(getter)]
    pub fn stopped(&self) -> Option<String> {
        self.lab.stopped().map(|stop| stop.to_string())
    }

    /// Updates made in the current run.
    #[wasm_bindgen(getter)]
    pub fn steps(&self) -> usize {
        self.lab.steps()
    }

    /// The epoch of the last minibatch, from 1 (0 before the first update and for full
    /// batch).
    #[wasm_bindgen(getter)]
    pub fn epoch(&self) -> usize {
        self.lab.epoch()
    }

    /// The learning rate the next update uses.
    #[wasm_bindgen(getter, js_name = learningRate)]
    pub fn learning_rate(&self) -> f64 {
        self.lab.learning_rate()
    }

    /// The training accuracy at the last render (NaN without points).
    #[wasm_bindgen(getter)]
    pub fn accuracy(&self) -> f64 {
        self.accuracy.unwrap_or(f64::NAN)
    }

    /// The class predicted at the centre of device pixel (i, j), computed independently of
    /// the raster (tests compare the two).
    #[wasm_bindgen(js_name = predictPixel)]
    pub fn predict_pixel(&self, i: u32, j: u32) -> usize {
        self.lab.predict_pixel(i as usize, j as usize)
    }

    /// The region colour of class `k` as `[r, g, b]`.
    #[wasm_bindgen(js_name = regionColor)]
    pub fn region_color(k: usize) -> Vec<u8> {
        let c = region_color(k);
        vec![c.0, c.1, c.2]
    }

    /// The colour of class `k` as CSS `#rrggbb`.
    #[wasm_bindgen(js_name = classColor)]
    pub fn class_color(k: usize) -> String {
        class_color(k).css()
    }
}

/// For the browser tests only: what a defect in the lab would do.
#[wasm_bindgen]
impl LabView {
    /// Panics, as a defect in the lab would: the browser tests check that the page stops the
    /// lab, says so, and rebuilds it from its link while the other scenes keep working.
    #[wasm_bindgen(js_name = panicForTests)]
    pub fn panic_for_tests(&mut self) {
        panic!("a panic forced by the browser tests");
    }
}

/// The lab's problem, parameters and trajectory at one moment (see [`LabView::snapshot`]);
/// other scenes' exports take `&LabSnapshot` as an argument and read its core
/// [`Snapshot`] (`.0`).
#[wasm_bindgen]
pub struct LabSnapshot(pub(crate) Snapshot);

#[wasm_bindgen]
impl LabSnapshot {
    /// θ = (W, b), flat.
    #[wasm_bindgen(getter)]
    pub fn theta(&self) -> Vec<f64> {
        self.0.theta.clone()
    }

    /// The parameters' names, `W[0,0]` … `b[C−1]`.
    #[wasm_bindgen(getter, js_name = paramNames)]
    pub fn param_names(&self) -> Vec<String> {
        let shape = self.0.shape();
        (0..shape.len()).map(|i| shape.param(i).to_string()).collect()
    }

    /// Number of recorded steps in the trajectory.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.steps.len()
    }
}

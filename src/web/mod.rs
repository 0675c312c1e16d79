//! The browser boundary: the only module that knows wasm-bindgen and web-sys. It hands
//! canvases to the scenes, copies their rasters with one `putImageData`, strokes their marks
//! with Canvas2D, and returns readouts. Every export returns `Result<_, JsError>`.
//!
//! One file per scene (`lab.rs`, …) holds that scene's exported type; this file holds what
//! they share: the panic hook, the error bridge and [`Canvas`], a canvas element with its 2D context;
//! `settings.rs` the settings tables every scene hands the page; `heap.rs` counts the heap's
//! live bytes.

mod chart;
mod chart_backend;
mod export;
mod heap;
mod lab;
mod lab_csv_import;
mod lab_features;
mod link;
mod race;
mod regularization;
mod settings;

use wasm_bindgen::Clamped;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::render::overlay::{Align, Mark};
use crate::render::palette::Rgb;
use crate::render::raster::Raster;

/// Reports a panic on the console before the module stops, so it is never silent.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
}

/// The page's clock in milliseconds (`performance.now()`), which frame budgets
/// ([`crate::budget::Budget`]) read.
pub(crate) fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

/// A budget of [`crate::budget::FRAME_BUDGET_MS`] from now on the page's clock.
pub(crate) fn frame_budget() -> crate::budget::Budget<fn() -> f64> {
    crate::budget::Budget::new(now as fn() -> f64, crate::budget::FRAME_BUDGET_MS)
}

/// A budget for a frame's updates when its drawing takes `drawing_ms`
/// ([`crate::budget::work_ms`]), from now on the page's clock.
pub(crate) fn work_budget(drawing_ms: f64) -> crate::budget::Budget<fn() -> f64> {
    crate::budget::Budget::new(now as fn() -> f64, crate::budget::work_ms(drawing_ms))
}

/// web-sys reports failures as bare `JsValue`s; this carries their text into a `JsError`.
pub(crate) trait OrJsError<T> {
    fn or_js_error(self) -> Result<T, JsError>;
}

impl<T> OrJsError<T> for Result<T, JsValue> {
    fn or_js_error(self) -> Result<T, JsError> {
        self.map_err(|e| JsError::new(&e.as_string().unwrap_or_else(|| format!("{e:?}"))))
    }
}

/// A canvas and its 2D context.
pub(crate) struct Canvas {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
}

impl Canvas {
    pub(crate) fn new(canvas: HtmlCanvasElement) -> Result<Self, JsError> {
        let context = canvas
            .get_context("2d")
            .or_js_error()?
            .ok_or_else(|| JsError::new("this browser gives no 2D canvas context"))?
            .dyn_into::<CanvasRenderingContext2d>()
            .map_err(|_| JsError::new("the canvas context is not a CanvasRenderingContext2d"))?;
        Ok(Canvas { canvas, context })
    }

    /// A canvas of the page's document that is not in the page, for staging an image.
    pub(crate) fn offscreen() -> Result<Self, JsError> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsError::new("this page has no document to draw in"))?;
        let canvas = document
            .create_element("canvas")
            .or_js_error()?
            .dyn_into::<HtmlCanvasElement>()
            .map_err(|_| JsError::new("could not create an off-screen canvas"))?;
        Canvas::new(canvas)
    }

    /// Sizes the backing store to `width × height` device pixels.
    pub(crate) fn resize(&self, width: u32, height: u32) {
        if self.canvas.width() != width || self.canvas.height() != height {
            self.canvas.set_width(width);
            self.canvas.set_height(height);
        }
    }

    /// Copies the raster to the canvas with one `putImageData`, without copying it in wasm.
    pub(crate) fn put(&self, raster: &Raster) -> Result<(), JsError> {
        let image = ImageData::new_with_u8_clamped_array_and_sh(
            Clamped(raster.rgba()),
            raster.width() as u32,
            raster.height() as u32,
        )
        .or_js_error()?;
        self.context.put_image_data(&image, 0.0, 0.0).or_js_error()
    }

    /// Draws the raster scaled smoothly onto the rectangle `[left, top, width, height]` (device
    /// pixels), staged on `staging` (an [`Canvas::offscreen`] one, sized to the raster here):
    /// a small image, such as a grid of values, shown at any size.
    pub(crate) fn put_scaled(&self, raster: &Raster, staging: &Canvas, rect: [f64; 4]) -> Result<(), JsError> {
        if raster.width() == 0 || raster.height() == 0 {
            return Ok(());
        }
        staging.resize(raster.width() as u32, raster.height() as u32);
        staging.put(raster)?;
        let [left, top, width, height] = rect;
        self.context.set_image_smoothing_enabled(true);
        self.context
            .draw_image_with_html_canvas_element_and_dw_and_dh(&staging.canvas, left, top, width, height)
            .or_js_error()
    }

    /// Erases the canvas to transparent (for a layer redrawn over another).
    pub(crate) fn erase(&self) {
        self.context.clear_rect(0.0, 0.0, f64::from(self.canvas.width()), f64::from(self.canvas.height()));
    }

    /// Fills the whole canvas with one opaque colour (a background).
    pub(crate) fn fill(&self, color: Rgb) {
        self.context.set_fill_style_str(&color.css());
        self.context.fill_rect(0.0, 0.0, f64::from(self.canvas.width()), f64::from(self.canvas.height()));
    }

    /// Strokes and fills the marks in order. Each run of solid lines of one colour and width
    /// is stroked as one path with round caps (contours have thousands of segments, and the
    /// caps close the joints between a curve's segments); dashed lines keep square ends.
    pub(crate) fn paint(&self, marks: &[Mark]) -> Result<(), JsError> {
        let ctx = &self.context;
        let mut i = 0;
        while let Some(mark) = marks.get(i) {
            i += 1;
            match mark {
                Mark::Line { color, width, dashed, .. } => {
                    let start = i - 1;
                    if !dashed {
                        let same = |m: &&Mark| matches!(m, Mark::Line { color: c, width: w, dashed: false, .. } if c == color && w == width);
                        i += marks[i..].iter().take_while(same).count();
                    }
                    ctx.set_line_dash(&dash_pattern(*dashed, *width)).or_js_error()?;
                    ctx.begin_path();
                    for line in &marks[start..i] {
                        if let Mark::Line { from, to, .. } = line {
                            ctx.move_to(from[0], from[1]);
                            ctx.line_to(to[0], to[1]);
                        }
                    }
                    ctx.set_stroke_style_str(&color.css());
                    ctx.set_line_width(*width);
                    ctx.set_line_cap(if *dashed { "butt" } else { "round" });
                    ctx.stroke();
                    ctx.set_line_cap("butt");
                }
                Mark::Arrow { from, to, color, width } => {
                    ctx.set_line_dash(&dash_pattern(false, *width)).or_js_error()?;
                    let css = color.css();
                    ctx.begin_path();
                    ctx.move_to(from[0], from[1]);
                    ctx.line_to(to[0], to[1]);
                    ctx.set_stroke_style_str(&css);
                    ctx.set_line_width(*width);
                    ctx.stroke();
                    let angle = (to[1] - from[1]).atan2(to[0] - from[0]);
                    let head = 4.0 * width;
                    ctx.begin_path();
                    ctx.move_to(to[0], to[1]);
                    for side in [-0.45f64, 0.45] {
                        ctx.line_to(to[0] - head * (angle + side).cos(), to[1] - head * (angle + side).sin());
                    }
                    ctx.close_path();
                    ctx.set_fill_style_str(&css);
                    ctx.fill();
                }
                Mark::Disc { at, radius, fill, outline, outline_width } => {
                    ctx.begin_path();
                    ctx.arc(at[0], at[1], *radius, 0.0, std::f64::consts::TAU).or_js_error()?;
                    ctx.set_fill_style_str(&fill.css());
                    ctx.fill();
                    ctx.set_line_dash(&dash_pattern(false, *outline_width)).or_js_error()?;
                    ctx.set_stroke_style_str(&outline.css());
                    ctx.set_line_width(*outline_width);
                    ctx.stroke();
                }
                Mark::Text { at, text, color, size, align } => {
                    ctx.set_font(&format!("{size}px system-ui, sans-serif"));
                    ctx.set_text_align(match align {
                        Align::Left => "left",
                        Align::Center => "center",
                        Align::Right => "right",
                    });
                    ctx.set_fill_style_str(&color.css());
                    ctx.fill_text(text, at[0], at[1]).or_js_error()?;
                }
                Mark::Polyline { points, color, width, dashed } => {
                    let Some((first, rest)) = points.split_first() else { continue };
                    ctx.set_line_dash(&dash_pattern(*dashed, *width)).or_js_error()?;
                    ctx.begin_path();
                    ctx.move_to(first[0], first[1]);
                    for p in rest {
                        ctx.line_to(p[0], p[1]);
                    }
                    // Bevel joins: cheap to rasterize, and no miter spikes where a path zig-zags.
                    ctx.set_line_join("bevel");
                    ctx.set_stroke_style_str(&color.css());
                    ctx.set_line_width(*width);
                    ctx.stroke();
                }
                Mark::Dots { points, radius, color, filled, width } => {
                    ctx.begin_path();
                    for p in points {
                        ctx.move_to(p[0] + radius, p[1]);
                        ctx.arc(p[0], p[1], *radius, 0.0, std::f64::consts::TAU).or_js_error()?;
                    }
                    if *filled {
                        ctx.set_fill_style_str(&color.css());
                        ctx.fill();
                    } else {
                        ctx.set_line_dash(&dash_pattern(false, *width)).or_js_error()?;
                        ctx.set_stroke_style_str(&color.css());
                        ctx.set_line_width(*width);
                        ctx.stroke();
                    }
                }
            }
        }
        Ok(())
    }
}

/// The dash pattern for a line of the given width: empty (solid) unless dashed.
fn dash_pattern(dashed: bool, width: f64) -> js_sys::Array {
    let pattern = js_sys::Array::new();
    if dashed {
        pattern.push(&JsValue::from_f64(4.0 * width));
        pattern.push(&JsValue::from_f64(3.0 * width));
    }
    pattern
}

//! The browser boundary: the only module that knows wasm-bindgen and web-sys. It hands
//! canvases to the scenes, copies their rasters with one `putImageData`, strokes their marks
//! with Canvas2D, and returns readouts. Every export returns `Result<_, JsError>`.

use wasm_bindgen::Clamped;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::lab::Lab;
use crate::render::overlay::{Align, Mark};
use crate::render::palette::region_color;
use crate::render::raster::Raster;

/// Reports a panic on the console before the module stops, so it is never silent.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
}

/// web-sys reports failures as bare `JsValue`s; this carries their text into a `JsError`.
trait OrJsError<T> {
    fn or_js_error(self) -> Result<T, JsError>;
}

impl<T> OrJsError<T> for Result<T, JsValue> {
    fn or_js_error(self) -> Result<T, JsError> {
        self.map_err(|e| JsError::new(&e.as_string().unwrap_or_else(|| format!("{e:?}"))))
    }
}

/// A canvas and its 2D context.
struct Surface {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
}

impl Surface {
    fn new(canvas: HtmlCanvasElement) -> Result<Self, JsError> {
        let context = canvas
            .get_context("2d")
            .or_js_error()?
            .ok_or_else(|| JsError::new("this browser gives no 2D canvas context"))?
            .dyn_into::<CanvasRenderingContext2d>()
            .map_err(|_| JsError::new("the canvas context is not a CanvasRenderingContext2d"))?;
        Ok(Surface { canvas, context })
    }

    /// Sizes the backing store to `width × height` device pixels.
    fn resize(&self, width: u32, height: u32) {
        if self.canvas.width() != width || self.canvas.height() != height {
            self.canvas.set_width(width);
            self.canvas.set_height(height);
        }
    }

    /// Copies the raster to the canvas with one `putImageData`, without copying it in wasm.
    fn put(&self, raster: &Raster) -> Result<(), JsError> {
        let image = ImageData::new_with_u8_clamped_array_and_sh(
            Clamped(raster.rgba()),
            raster.width() as u32,
            raster.height() as u32,
        )
        .or_js_error()?;
        self.context.put_image_data(&image, 0.0, 0.0).or_js_error()
    }

    /// Strokes and fills the marks in order.
    fn paint(&self, marks: &[Mark]) -> Result<(), JsError> {
        let ctx = &self.context;
        for mark in marks {
            match mark {
                Mark::Line { from, to, color, width, dashed } => {
                    ctx.set_line_dash(&dash_pattern(*dashed, *width)).or_js_error()?;
                    ctx.begin_path();
                    ctx.move_to(from[0], from[1]);
                    ctx.line_to(to[0], to[1]);
                    ctx.set_stroke_style_str(&color.css());
                    ctx.set_line_width(*width);
                    ctx.stroke();
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

/// The classifier lab on a canvas.
#[wasm_bindgen]
pub struct LabView {
    lab: Lab,
    surface: Surface,
}

#[wasm_bindgen]
impl LabView {
    /// Binds the lab to a canvas element.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement) -> Result<LabView, JsError> {
        Ok(LabView { lab: Lab::default(), surface: Surface::new(canvas)? })
    }

    /// Sizes the canvas to `width × height` device pixels (its CSS size times
    /// `devicePixelRatio`).
    pub fn resize(&mut self, width: u32, height: u32, pixel_ratio: f64) {
        self.surface.resize(width, height);
        self.lab.resize(width as usize, height as usize, pixel_ratio);
    }

    /// Draws the scene: regions with one `putImageData`, then lines, axes and points.
    pub fn render(&mut self) -> Result<(), JsError> {
        self.lab.render();
        self.surface.put(self.lab.raster())?;
        self.surface.paint(self.lab.marks())
    }

    /// The data loss (1/N) Σ L_i.
    #[wasm_bindgen(getter, js_name = dataLoss)]
    pub fn data_loss(&self) -> f64 {
        self.lab.breakdown().data
    }

    /// The regularization loss λR(W).
    #[wasm_bindgen(getter, js_name = regularizationLoss)]
    pub fn regularization_loss(&self) -> f64 {
        self.lab.breakdown().regularization
    }

    /// The total loss.
    #[wasm_bindgen(getter, js_name = totalLoss)]
    pub fn total_loss(&self) -> f64 {
        self.lab.breakdown().total()
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
}

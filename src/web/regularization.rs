//! The regularization scene's exports: one type per view (in the files under
//! `regularization/`), and what they share for drawing: a grid image scaled onto a canvas
//! through an off-screen canvas, and marks painted with runs of equal lines batched into one
//! path.

mod calculator;
mod gradient;
mod landscape;
mod link;
mod preferences;
mod simpler;
mod weights;

use wasm_bindgen::Clamped;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlCanvasElement, ImageData};

use super::{Canvas, OrJsError};
use crate::regularization::heat::GridImage;
use crate::render::overlay::Mark;
use crate::render::viewport::Viewport;

/// An off-screen canvas holding a grid image at one pixel per grid point.
struct Offscreen {
    canvas: HtmlCanvasElement,
    context: web_sys::CanvasRenderingContext2d,
}

impl Offscreen {
    fn new() -> Result<Self, JsError> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsError::new("this page has no document to draw in"))?;
        let canvas = document
            .create_element("canvas")
            .or_js_error()?
            .dyn_into::<HtmlCanvasElement>()
            .map_err(|_| JsError::new("could not create an off-screen canvas"))?;
        let Canvas { context, .. } = Canvas::new(canvas.clone())?;
        Ok(Offscreen { canvas, context })
    }
}

impl Canvas {
    /// Fills the canvas with white.
    fn clear(&self) {
        self.context.set_fill_style_str("#ffffff");
        self.context.fill_rect(0.0, 0.0, f64::from(self.canvas.width()), f64::from(self.canvas.height()));
    }

    /// Draws a grid image whose corner points sit at (±h, ±h) of `view`, scaled up smoothly:
    /// grid point i lands on its data position, so the image extends half a cell past them.
    fn draw_grid(
        &self,
        offscreen: &Offscreen,
        image: &GridImage,
        view: &Viewport,
        half_width: f64,
    ) -> Result<(), JsError> {
        let n = image.size();
        if n < 2 {
            return Ok(());
        }
        let size = n as u32;
        if offscreen.canvas.width() != size || offscreen.canvas.height() != size {
            offscreen.canvas.set_width(size);
            offscreen.canvas.set_height(size);
        }
        let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(image.rgba()), size, size).or_js_error()?;
        offscreen.context.put_image_data(&data, 0.0, 0.0).or_js_error()?;
        let cell = 2.0 * half_width / (n - 1) as f64;
        let top_left = view.to_pixel([-half_width - 0.5 * cell, half_width + 0.5 * cell]);
        let bottom_right = view.to_pixel([half_width + 0.5 * cell, -half_width - 0.5 * cell]);
        self.context.set_image_smoothing_enabled(true);
        self.context
            .draw_image_with_html_canvas_element_and_dw_and_dh(
                &offscreen.canvas,
                top_left[0],
                top_left[1],
                bottom_right[0] - top_left[0],
                bottom_right[1] - top_left[1],
            )
            .or_js_error()
    }

    /// Paints marks in order, stroking each run of solid lines of one colour and width as one
    /// path (contours have thousands of segments).
    fn paint_batched(&self, marks: &[Mark]) -> Result<(), JsError> {
        let ctx = &self.context;
        let mut i = 0;
        while i < marks.len() {
            if let Mark::Line { color, width, dashed: false, .. } = &marks[i] {
                let run = marks[i..]
                    .iter()
                    .take_while(|m| matches!(m, Mark::Line { color: c, width: w, dashed: false, .. } if c == color && w == width))
                    .count();
                ctx.set_line_dash(&js_sys::Array::new()).or_js_error()?;
                ctx.begin_path();
                for mark in &marks[i..i + run] {
                    if let Mark::Line { from, to, .. } = mark {
                        ctx.move_to(from[0], from[1]);
                        ctx.line_to(to[0], to[1]);
                    }
                }
                ctx.set_stroke_style_str(&color.css());
                ctx.set_line_width(*width);
                ctx.set_line_cap("round");
                ctx.stroke();
                ctx.set_line_cap("butt");
                i += run;
            } else {
                self.paint(&marks[i..i + 1])?;
                i += 1;
            }
        }
        Ok(())
    }
}

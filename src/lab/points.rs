//! Editing the points on the canvas: a press on empty canvas adds a point of the selected
//! class (and holds it for dragging), a press on a point grabs it, a drag moves it, a
//! press with the remove modifier — or a long press that has not moved — removes it.
//! Hovering a point highlights it (and its table row).
//!
//! Pointer positions are device pixels of the canvas. A point is hit within its drawn radius
//! plus [`HIT_SLOP`] CSS pixels; among several, the nearest wins.

use super::{Lab, LabError};
use crate::render::viewport::Viewport;

/// Extra CSS pixels around a point that still count as touching it.
pub const HIT_SLOP: f64 = 4.0;
/// A press that travels more than this many CSS pixels is a drag, not a long press.
pub const DRAG_THRESHOLD: f64 = 6.0;

/// The gesture in progress.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) enum Pointer {
    /// No button is down.
    #[default]
    Idle,
    /// Point `index` is held; `from` is where the press began, `moved` whether it has since
    /// travelled past [`DRAG_THRESHOLD`].
    Holding { index: usize, from: [f64; 2], moved: bool },
}

/// What a press did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    /// Grabbed point `index`.
    Grabbed(usize),
    /// Added point `index` and grabbed it.
    Added(usize),
    /// Removed the point that was at `index`.
    Removed(usize),
    /// Nothing (a remove press on empty canvas).
    Nothing,
}

impl Lab {
    /// The class that a press on empty canvas adds.
    pub fn add_class(&self) -> usize {
        self.add_class
    }

    /// Sets the class that a press on empty canvas adds.
    pub fn set_add_class(&mut self, class: usize) -> Result<(), LabError> {
        if class >= self.data.classes() {
            let expected = format!("a class from 0 to {}", self.data.classes() - 1);
            return Err(LabError::value("the class of new points", &class.to_string(), expected));
        }
        self.add_class = class;
        Ok(())
    }

    /// The point drawn under device pixel `at`, if any: the nearest whose disc, widened by
    /// [`HIT_SLOP`], contains it.
    pub fn point_at(&self, at: [f64; 2]) -> Option<usize> {
        let view = &self.picture.view;
        let reach = self.picture.css(super::scene::point_radius(self.data.len()) + HIT_SLOP);
        self.data.nearest_within(&view.to_data(at), reach / view.scale())
    }

    /// A press at device pixel `at`; `remove` is the remove modifier (Shift, Alt, Ctrl or ⌘).
    pub fn pointer_down(&mut self, at: [f64; 2], remove: bool) -> Result<Press, LabError> {
        let hit = self.point_at(at);
        match (hit, remove) {
            (Some(i), true) => {
                self.remove_point(i)?;
                Ok(Press::Removed(i))
            }
            (None, true) => Ok(Press::Nothing),
            (Some(i), false) => {
                self.pointer = Pointer::Holding { index: i, from: at, moved: false };
                self.set_hover(Some(i));
                Ok(Press::Grabbed(i))
            }
            (None, false) => {
                let p = clamp_to_view(&self.picture.view, at);
                self.data.push(&p, self.add_class)?;
                let i = self.data.len() - 1;
                self.data.set_held_out(i, self.add_held_out)?;
                self.features_stale = true;
                self.pointer = Pointer::Holding { index: i, from: at, moved: false };
                self.hover = Some(i);
                self.restart_run();
                Ok(Press::Added(i))
            }
        }
    }

    /// The pointer moved to device pixel `at`: drags the held point there (kept inside the
    /// view), or updates the hover highlight.
    pub fn pointer_move(&mut self, at: [f64; 2]) -> Result<(), LabError> {
        match self.pointer {
            Pointer::Holding { index, from, moved } => {
                let travelled = (at[0] - from[0]).hypot(at[1] - from[1]);
                let moved = moved || travelled > self.picture.css(DRAG_THRESHOLD);
                self.pointer = Pointer::Holding { index, from, moved };
                let p = clamp_to_view(&self.picture.view, at);
                self.data.move_point(index, &p)?;
                self.features_stale = true;
                self.restart_run();
            }
            Pointer::Idle => self.set_hover(self.point_at(at)),
        }
        Ok(())
    }

    /// The button was released: the gesture ends.
    pub fn pointer_up(&mut self) {
        self.pointer = Pointer::Idle;
    }

    /// The pointer left the canvas: the gesture ends and the highlight goes.
    pub fn pointer_leave(&mut self) {
        self.pointer = Pointer::Idle;
        self.set_hover(None);
    }

    /// A press has been held long (the glue times it): removes the held point if the press
    /// has not turned into a drag. Returns whether it removed one.
    pub fn long_press(&mut self) -> Result<bool, LabError> {
        match self.pointer {
            Pointer::Holding { index, moved: false, .. } => {
                self.remove_point(index)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Removes point `i` (rule 2); the gesture ends and the highlight goes.
    pub fn remove_point(&mut self, i: usize) -> Result<(), LabError> {
        self.data.remove(i)?;
        self.features_stale = true;
        self.pointer = Pointer::Idle;
        self.hover = None;
        self.restart_run();
        Ok(())
    }
}

/// The data coordinates of device pixel `at`, clamped to the view's rectangle.
fn clamp_to_view(view: &Viewport, at: [f64; 2]) -> [f64; 2] {
    let (low, high) = view.data_bounds();
    let p = view.to_data(at);
    [p[0].clamp(low[0], high[0]), p[1].clamp(low[1], high[1])]
}

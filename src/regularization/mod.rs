//! The regularization scene: the lecture's regularization half and its worked examples, one
//! view per file.
//!
//! - [`calculator`]: the cat/car/frog score table with each example's SVM and softmax loss
//!   written out term by term.
//! - [`preferences`]: `x = [1,1,1,1]` against `w₁ = [1,0,0,0]` and `w₂ = [¼,¼,¼,¼]`: which weights
//!   each penalty prefers.
//! - [`numeric_gradient`]: the slides that nudge one entry of W at a time by h and fill the
//!   gradient entry by entry, then set the analytic gradient beside it.
//! - [`polyfit`] and [`simpler`]: "prefer simpler models", a ridge-regularized polynomial fit
//!   to noisy points with training and held-out error.
//! - [`path`] and [`weight_space`]: a two-weight classifier's data-loss contours, the penalty's
//!   level sets and the regularized optimum as λ moves, with its path over λ.
//! - [`slice`](mod@slice) and [`landscape`]: a 2D slice of a classifier's loss through its parameters,
//!   rendered progressively, with contours and the optimizer's trajectory.
//!
//! Shared by the views: [`charts`] (the charts over log λ), [`display`] (numbers as the views
//! show them) and [`HEATMAP`] (how the loss images are coloured); the drawing itself is
//! [`render`](crate::render)'s: heatmaps of grids, marching-squares contours, clipped
//! polylines.
//!
//! Every view has a settings table ([`Table`](crate::setting::Table): each setting's name, the
//! name of the page's control and of the link's key, its label and kind, in link order) and
//! takes its settings by name ([`set`](calculator::Calculator::set) /
//! [`get`](calculator::Calculator::get)), reading each value through its spec's kind and
//! explaining what is wrong with a [`SettingError`](crate::setting::SettingError), keeping its
//! state unchanged.

pub mod calculator;
pub mod charts;
pub mod display;
mod hinge_row;
pub mod landscape;
pub mod numeric_gradient;
mod partition;
pub mod path;
pub mod polyfit;
pub mod preferences;
pub mod simpler;
pub mod slice;
pub mod weight_space;

mod settings;

use crate::render::contour::ContourStyle;
use crate::render::heatmap::HeatmapStyle;

/// How weight space and the landscape colour their loss grids: viridis on the log scale with
/// ε = 1% of the range (nearly linear near the loss's floor and logarithmic far above it, so
/// the floor and the steep walls both keep detail), and no raster contour lines: the views
/// draw theirs as vector lines, which stay sharp over the grid image the browser scales up.
pub const HEATMAP: HeatmapStyle =
    HeatmapStyle { contours: ContourStyle { count: 0, width: 0.0 }, relative_epsilon: 1e-2 };

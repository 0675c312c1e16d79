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
//! Shared drawing: [`charts`] (the charts over log λ), [`colormap`], [`heat`] (grids as
//! log-scaled images), [`contour`] (marching squares), [`polyline`] (clipped curves as marks)
//! and [`display`] (numbers as the views show them).
//!
//! Every view takes its settings by name ([`set`](calculator::Calculator::set) /
//! [`get`](calculator::Calculator::get), the names of the page's controls), validates each
//! value and explains what is wrong with a [`SettingError`], keeping its state unchanged.

pub mod calculator;
pub mod charts;
pub mod colormap;
pub mod contour;
pub mod display;
pub mod heat;
mod hinge_row;
pub mod landscape;
pub mod numeric_gradient;
mod partition;
pub mod path;
pub mod polyfit;
pub mod polyline;
pub mod preferences;
pub mod simpler;
pub mod slice;
pub mod weight_space;

mod settings;

pub use settings::SettingError;

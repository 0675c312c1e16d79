//! # Descent
//!
//! An interactive lab for the lecture on regularization and optimization of linear
//! classifiers. This crate holds all the math and the heavy drawing; the page in `www/` holds
//! the controls. Everything but [`web`](crate) is plain Rust, tested natively.
//!
//! The map:
//!
//! - [`budget`]: a frame's time budget, which long work asks between equal pieces.
//! - [`data`]: seeded toy datasets in the plane (the cs231n demo's nine points, blobs, ring,
//!   three modes, XOR, spiral) and CSV import.
//! - [`setting`]: settings tables: each setting's name, label and kind (range, scale, options),
//!   the one set of parsers every scene reads values with, `named!` enums, and the table and
//!   its changes as the page receives them (how a setting flows to the pixels: `docs/design.md`).
//! - [`field`]: functions f(x, y) of the plane filled a grid at a time, with per-column and
//!   per-row caches for separable terms: what the surfaces and the race's classifier slice
//!   provide and the heatmaps draw (neither side owns it).
//! - [`model`]: the linear classifier f(x) = Wx + b and its flat parameter layout θ = (W, b).
//! - [`features`]: feature maps φ (identity, polynomial, sin/cos, radial) for f(x) = Wφ(x) + b,
//!   the cache of the expanded training and held-out points, and inverted dropout.
//! - [`loss`]: per-example losses L_i (multiclass SVM, One-vs-All, structured SVM, softmax)
//!   and their gradients with respect to the scores.
//! - [`regularizer`]: R(W): none, L2, L1, elastic net.
//! - [`objective`]: L = (1/N) Σ L_i + λR(W) with its gradient, the numeric gradient and the
//!   gradient check.
//! - [`optim`]: the optimizers behind one trait ([`optim::Optimizer`]), the loss-function
//!   interface they call ([`optim::LossFn`]), the driver that runs them ([`optim::run`]) and
//!   records each step through an observer ([`optim::record`]: the trajectory, or the lab's
//!   history), the classifier objective as a loss function with
//!   minibatches and Hessian, gradient noise and the typed settings ([`optim::settings`]).
//!   (The command line of `examples/trajectory.rs` lives in the example, with its tests.)
//! - [`schedule`]: learning-rate schedules with warmup.
//! - [`surface`]: 2D test functions with gradient, Hessian, domain and minima.
//! - [`lab`]: the classifier lab scene: its state and the rules of a setting change, the
//!   settings table ([`lab::LabParam`], in link order), point editing, what the canvas shows, the per-point
//!   table, training with the optimizer library, the bounded run history, the loss chart and
//!   the snapshot the other scenes read.
//! - [`race`]: the optimizer race scene: racers on one surface (or a slice of the lab's own
//!   loss) from one start, on one clock, with presets that each demonstrate one of the
//!   lecture's claims and check it in numbers.
//! - [`regularization`]: the regularization scene's views: weight space with the path over λ,
//!   preferences, prefer simpler models (ridge fit), the loss landscape slice, the numeric
//!   gradient by hand and the loss calculator.
//! - [`render`]: rasters (decision regions with optional confidence shading, anti-aliased
//!   points), marks and clipped polylines ([`render::polyline`]), viewport, palette, line
//!   charts drawn with plotters for any backend ([`render::chart`]), and the heatmaps of both
//!   the race and the regularization views ([`render::heatmap`]): any [`field::Field`] filled
//!   a grid at a time, or a grid of values refined level by level, in viridis ([`render::colormap`]) on a log scale
//!   ([`render::logscale`]), with contour lines blended into the pixels or traced as vector
//!   segments by marching squares ([`render::contour`]).
//! - [`link`]: shareable links: a scene's settings in the address's hash, in its table's order,
//!   made by replaying settings on a fresh scene, and opened setting by setting with every refusal explained;
//!   and the state beyond the settings: edited points and θ in base64url ([`link::points`],
//!   [`link::theta`]), the step and the race's clock replayed, and the page's state file
//!   ([`link::page_state`]).
//! - `web` (wasm32 only): the browser boundary, one file per scene; `web/mod.rs` holds the
//!   canvas every scene draws with (rasters put 1:1 or scaled, marks, backgrounds).

pub mod budget;
pub mod data;
pub mod features;
pub mod field;
pub mod lab;
pub mod link;
pub mod loss;
pub mod model;
pub mod objective;
pub mod optim;
pub mod race;
pub mod regularization;
pub mod regularizer;
pub mod render;
pub mod schedule;
pub mod setting;
pub mod surface;

#[cfg(target_arch = "wasm32")]
mod web;

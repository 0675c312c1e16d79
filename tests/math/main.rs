//! The core math: datasets, losses, the objective, schedules, surfaces, charts and grids, pinned to the lecture's numbers and independent computations; and the crate's module graph, free of import cycles.
//!
//! One test binary per layer (linking each file separately dominated the test build); each
//! module is one former test file.

mod chart;
mod csv;
mod data;
mod features;
mod heatmap_grid;
mod lecture_examples;
mod module_cycles;
mod objective;
mod properties;
mod schedule;
mod stamp;
mod surface;
mod surface_grid;

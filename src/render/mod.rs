//! Drawing, independent of the browser: pixel rasters (decision regions, anti-aliased discs),
//! vector marks, the data↔pixel map, the class palette, and line charts (plotters, generic
//! over the backend).

pub mod chart;
pub mod discs;
pub mod overlay;
pub mod palette;
pub mod raster;
pub mod regions;
pub mod viewport;

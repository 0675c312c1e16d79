//! Drawing, independent of the browser: pixel rasters, vector marks, the data↔pixel map and
//! the class palette, and line charts (plotters, generic over the backend).

pub mod chart;
pub mod overlay;
pub mod palette;
pub mod raster;
pub mod viewport;

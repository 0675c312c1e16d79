//! Drawing, independent of the browser: pixel rasters, vector marks, the data↔pixel map and
//! the class palette.

pub mod colormap;
pub mod contour;
pub mod heatmap;
pub mod logscale;
pub mod overlay;
pub mod palette;
pub mod raster;
pub mod viewport;

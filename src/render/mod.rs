//! Drawing, independent of the browser: pixel rasters (decision regions, anti-aliased discs),
//! vector marks, the data↔pixel map, the class palette, line charts (plotters, generic
//! over the backend), and heatmaps of any f(x, y) on a log scale with contour lines.

pub mod chart;
pub mod colormap;
pub mod contour;
pub mod discs;
pub mod heatmap;
pub mod logscale;
pub mod overlay;
pub mod palette;
pub mod raster;
pub mod regions;
pub mod viewport;

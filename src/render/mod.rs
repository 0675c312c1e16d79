//! Drawing, independent of the browser: pixel rasters (decision regions, anti-aliased discs),
//! vector marks and clipped polylines, the data↔pixel map, the class palette, line charts
//! (plotters, generic over the backend), and heatmaps (of any f(x, y), filled a grid at a time,
//! or of a grid of values) in viridis on a log scale, with contour lines as raster lines or
//! vector segments.

pub mod chart;
pub mod colormap;
pub mod contour;
pub mod density;
pub mod disc_layer;
pub mod discs;
pub mod heatmap;
pub mod logscale;
pub mod mapped_regions;
pub mod overlay;
pub mod palette;
pub mod polyline;
pub mod raster;
pub mod regions;
pub mod stamp;
pub mod viewport;

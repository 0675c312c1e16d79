//! The regularization scene's exports: one type per view, in the files under
//! `regularization/`. They draw with [`Canvas`](super::Canvas): loss grids as images scaled
//! onto the canvas ([`put_scaled`](super::Canvas::put_scaled)) under their marks.

mod calculator;
mod gradient;
mod landscape;
mod link;
mod preferences;
mod simpler;
mod weights;

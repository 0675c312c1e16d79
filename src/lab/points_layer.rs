//! The points on the lab's canvas as a layer that is made again only when it changes.
//!
//! During training the points do not move: only the regions under them and the minibatch
//! highlight change. So the discs (or, in the density view, the density bins) are drawn once
//! into a layer ([`DiscLayer`], [`Density`]) when the points, their labels or held-out flags
//! (the dataset's [revision](crate::data::Dataset::revision)), the view or the pixel ratio
//! change, and composited over the regions every frame at a cost proportional to the area
//! they cover. Each frame then stamps on top what changes with every step: the current
//! minibatch's points with their thick dark ring, in index order (the hovered point is drawn
//! after, by [`crate::lab::scene`]).
//!
//! The picture is exactly that of painting every disc in index order, each minibatch point
//! as an ordinary one, then the minibatch's points again highlighted
//! ([`PointsLayer::set_direct`] switches to that way of painting, which the tests compare
//! with).

use crate::data::Dataset;
use crate::render::density::Density;
use crate::render::disc_layer::DiscLayer;
use crate::render::discs::Disc;
use crate::render::palette::{Rgb, class_color};
use crate::render::raster::Raster;
use crate::render::stamp::{DiscStamp, StampCache};
use crate::render::viewport::Viewport;

/// Colour of the rings that mark the hovered point and the current minibatch.
pub const HIGHLIGHT: Rgb = Rgb(0x1d, 0x1d, 0x1f);
/// Ring around an ordinary point.
pub(super) const RING: Rgb = Rgb(255, 255, 255);
/// How far a held-out point's fill is mixed towards white.
const HELD_OUT_FILL: f64 = 0.8;

/// What the layer was made from: when any of it changes, the layer is made again.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Made {
    revision: u64,
    view: Viewport,
    pixel_ratio: f64,
}

/// The points' layer, the counts of the density view, and the minibatch's points.
#[derive(Clone, Debug, Default)]
pub(crate) struct PointsLayer {
    /// What the layer shows, if it is up to date.
    made: Option<Made>,
    discs: DiscLayer,
    density: Density,
    /// Paint every disc every frame instead (see the module docs).
    direct: bool,
}

/// What a frame draws the points as: their density in bins `bin` device pixels wide, or discs
/// of radius `radius` with rings `widths[0]` (ordinary) and `widths[1]` (thick) wide.
#[derive(Clone, Copy, Debug)]
pub(super) enum Look {
    Density { bin: usize },
    Discs { radius: f64, widths: [f64; 2] },
}

/// How point `i` looks in the layer: whether it has the thick ring, its fill and its ring.
fn appearance(data: &Dataset, i: usize) -> (usize, Rgb, Rgb) {
    let class = class_color(data.label(i));
    if data.is_held_out(i) {
        // Held out: hollow, a ring of the class colour around a pale fill.
        (1, class.tint(HELD_OUT_FILL), class)
    } else {
        (0, class, RING)
    }
}

/// Paints a disc with a stamp, or exactly when there is none (a disc too large for one).
fn paint_disc(raster: &mut Raster, stamp: Option<&DiscStamp>, disc: Disc) {
    match stamp {
        Some(stamp) => stamp.paint(raster, disc.center, disc.fill, disc.ring),
        None => disc.paint(raster),
    }
}

impl PointsLayer {
    /// Paints every disc every frame (`true`) or through the layer (`false`, the default):
    /// the two give the same pixels (see the module docs).
    pub(super) fn set_direct(&mut self, direct: bool) {
        self.direct = direct;
        self.made = None;
    }

    /// Paints the points of `data` over the raster as `look` says, seen through `view` at
    /// `pixel_ratio`, with the points `batch` (indices into `data`, in increasing order)
    /// highlighted on top of discs (the density view shows no minibatch).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn paint(
        &mut self,
        raster: &mut Raster,
        stamps: &mut StampCache,
        data: &Dataset,
        view: &Viewport,
        pixel_ratio: f64,
        look: Look,
        batch: &[usize],
    ) {
        let made = Made { revision: data.revision(), view: *view, pixel_ratio };
        let fresh = self.made == Some(made);
        let center = |i: usize| view.to_pixel([data.point(i)[0], data.point(i)[1]]);
        let (radius, widths) = match look {
            Look::Density { bin } => {
                if !fresh {
                    let centers = (0..data.len()).map(|i| (center(i), data.label(i)));
                    self.density.count(view.width, view.height, bin, centers);
                    self.made = Some(made);
                }
                self.density.paint(raster);
                return;
            }
            Look::Discs { radius, widths } => (radius, widths),
        };
        for width in widths {
            stamps.prepare(radius, width);
        }
        let stamps = widths.map(|width| stamps.get(radius, width));
        let disc = |i: usize, kind: usize, fill, ring| Disc {
            center: center(i),
            radius,
            fill,
            ring,
            ring_width: widths[kind],
        };
        let mut layered = false;
        if let ([Some(thin), Some(thick)], false) = (stamps, self.direct) {
            if !fresh {
                self.discs.clear(raster.width(), raster.height());
                for i in 0..data.len() {
                    let (kind, fill, ring) = appearance(data, i);
                    self.discs.stamp([thin, thick][kind], center(i), fill, ring);
                }
                self.made = self.discs.finish().then_some(made);
            }
            if self.made.is_some() {
                self.discs.composite(raster);
                layered = true;
            }
        }
        if !layered {
            for i in 0..data.len() {
                let (kind, fill, ring) = appearance(data, i);
                paint_disc(raster, stamps[kind], disc(i, kind, fill, ring));
            }
        }
        for &i in batch {
            paint_disc(raster, stamps[1], disc(i, 1, class_color(data.label(i)), HIGHLIGHT));
        }
    }
}

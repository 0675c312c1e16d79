//! The points on the lab's canvas as a layer that is made again only when it changes.
//!
//! During training the points do not move: only the regions under them and the minibatch
//! highlight change. So the discs (or, past [`DENSITY_FROM`](super::scene::DENSITY_FROM) points, the density bins) are
//! drawn once into a layer ([`DiscLayer`], [`Density`]) when the points, their labels or
//! held-out flags (the dataset's [revision](crate::data::Dataset::revision)), the view or
//! the pixel ratio change, and composited over the regions every frame at a cost
//! proportional to the area they cover. Each frame then stamps on top what changes with
//! every step: the current minibatch's points with their thick dark ring (in index order),
//! and the hovered point.
//!
//! The picture is exactly that of painting every disc disc by disc in index order, each
//! minibatch point as an ordinary one, then the minibatch's points again highlighted, then
//! the hovered point ([`Lab::set_points_layer`] switches to that way of painting, which the
//! tests compare with).

use crate::data::Dataset;
use crate::render::density::Density;
use crate::render::disc_layer::DiscLayer;
use crate::render::discs::Disc;
use crate::render::palette::{Rgb, class_color};
use crate::render::raster::Raster;
use crate::render::stamp::DiscStamp;
use crate::render::viewport::Viewport;

use super::Lab;
use super::scene::{DENSITY_BIN, HELD_OUT_FILL, HIGHLIGHT, RING, point_radius, ring_width};

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
    /// The current minibatch's points, in index order (the allocation is kept across frames).
    batch: Vec<usize>,
    /// Paint every disc every frame instead (see the module docs).
    direct: bool,
}

/// How point `i` looks in the layer: whether it has the thick ring, its fill and its ring.
fn look(data: &Dataset, i: usize) -> (usize, Rgb, Rgb) {
    let class = class_color(data.label(i));
    if data.is_held_out(i) {
        // Held out: hollow, a ring of the class colour around a pale fill.
        (1, class.tint(HELD_OUT_FILL), class)
    } else {
        (0, class, RING)
    }
}

/// Paints a disc with a stamp, or exactly when there is none (a disc too large for one).
fn paint_disc(
    raster: &mut Raster,
    stamp: Option<&DiscStamp>,
    center: [f64; 2],
    radius: f64,
    width: f64,
    fill: Rgb,
    ring: Rgb,
) {
    match stamp {
        Some(stamp) => stamp.paint(raster, center, fill, ring),
        None => Disc { center, radius, fill, ring, ring_width: width }.paint(raster),
    }
}

impl Lab {
    /// Draws the points through their layer (`true`, the default) or disc by disc every
    /// frame (`false`): the two give the same pixels (see the module docs).
    pub fn set_points_layer(&mut self, on: bool) {
        let points = &mut self.picture.points;
        points.direct = !on;
        points.made = None;
        self.dirty = true;
    }

    /// Paints the points over the regions in the raster (see the module docs).
    pub(super) fn paint_points(&mut self) {
        let css_radius = point_radius(self.data.len());
        let radius = self.picture.css(css_radius);
        let mut batch = std::mem::take(&mut self.picture.points.batch);
        batch.clear();
        batch.extend(self.batch().iter().map(|&row| self.cache.point_index(row)).filter(|&i| self.in_batch(i)));
        batch.sort_unstable();
        let density = self.shows_density();
        let picture = &mut self.picture;
        let made = Made { revision: self.data.revision(), view: picture.view, pixel_ratio: picture.pixel_ratio };
        let fresh = picture.points.made == Some(made);
        let data = &self.data;
        if density {
            let bin = picture.css(DENSITY_BIN).round().max(1.0) as usize;
            let points = &mut picture.points;
            if !fresh {
                let view = &picture.view;
                let centers =
                    (0..data.len()).map(|i| (view.to_pixel([data.point(i)[0], data.point(i)[1]]), data.label(i)));
                points.density.count(view.width, view.height, bin, centers);
                points.made = Some(made);
            }
            points.density.paint(&mut picture.raster);
        } else {
            // Two stamps: the usual ring, and the thick one of a minibatch's or a held-out point.
            let widths = [picture.css(ring_width(css_radius)), picture.css(2.5)];
            for width in widths {
                picture.stamps.prepare(radius, width);
            }
            let stamps = widths.map(|width| picture.stamps.get(radius, width));
            let (view, raster, points) = (&picture.view, &mut picture.raster, &mut picture.points);
            let center = |i: usize| view.to_pixel([data.point(i)[0], data.point(i)[1]]);
            let mut layered = false;
            if let ([Some(thin), Some(thick)], false) = (stamps, points.direct) {
                if !fresh {
                    points.discs.clear(raster.width(), raster.height());
                    for i in 0..data.len() {
                        let (kind, fill, ring) = look(data, i);
                        points.discs.stamp([thin, thick][kind], center(i), fill, ring);
                    }
                    points.made = points.discs.finish().then_some(made);
                }
                if points.made.is_some() {
                    points.discs.composite(raster);
                    layered = true;
                }
            }
            if !layered {
                for i in 0..data.len() {
                    let (kind, fill, ring) = look(data, i);
                    paint_disc(raster, stamps[kind], center(i), radius, widths[kind], fill, ring);
                }
            }
            for &i in &batch {
                paint_disc(raster, stamps[1], center(i), radius, widths[1], class_color(data.label(i)), HIGHLIGHT);
            }
        }
        self.picture.points.batch = batch;
        let picture = &mut self.picture;
        if let Some(i) = self.hover {
            let p = self.data.point(i);
            let at = picture.view.to_pixel([p[0], p[1]]);
            let fill = class_color(self.data.label(i));
            let (grown, ring_width) = (radius + picture.css(2.5), picture.css(3.0));
            Disc { center: at, radius: grown + ring_width, fill: RING, ring: RING, ring_width: 0.0 }
                .paint(&mut picture.raster);
            Disc { center: at, radius: grown, fill, ring: HIGHLIGHT, ring_width }.paint(&mut picture.raster);
        }
    }
}

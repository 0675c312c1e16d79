//! A disc pre-rendered once and stamped into a raster for every point: the coverage of each
//! pixel around the centre is computed when the disc's size changes, so painting a point
//! costs one integer blend per covered pixel, with no square root and no floating point.
//!
//! The stamp holds [`SUBPIXEL`]² versions of the disc, its centre at every multiple of
//! 1/[`SUBPIXEL`] pixel inside one pixel; a point is drawn with the version nearest its
//! centre, that is, at its centre rounded to 1/[`SUBPIXEL`] pixel (at most 1/16 pixel away
//! along each axis). Each pixel's weights are [`Disc::paint`]'s exactly, in fixed point: the
//! old colour keeps 1 − ring, the ring colour gets ring − fill and the fill colour gets fill,
//! where fill = coverage(d, r) and ring = coverage(d, r + w) for the pixel's distance d from
//! the rounded centre (see [`crate::render::discs::coverage`]).

use crate::render::discs::{Disc, coverage};
use crate::render::palette::Rgb;
use crate::render::raster::Raster;

/// Centre positions per pixel along each axis.
pub const SUBPIXEL: usize = 8;
/// The largest radius plus ring width a stamp is made for, in device pixels (its
/// [`SUBPIXEL`]² versions then take about 1 MB); larger discs are painted one by one.
pub const MAX_OUTER: f64 = 48.0;
/// Fixed-point one: the weights of a pixel sum to it.
const ONE: u32 = 1 << 15;

/// A pixel's weights in fixed point: ring colour, fill colour (the old colour keeps the rest).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Weights {
    ring: u16,
    fill: u16,
}

/// One pixel's blend in fixed point: each colour channel v becomes
/// ⌊(v · keep + add_c) / 2¹⁵⌋, where keep is the weight the old colour keeps and add_c holds
/// the ring's and the fill's colours times their weights, plus ½ to round. Blends compose:
/// after one with keep = 0 the pixel no longer depends on what was under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Blend {
    /// The old colour's weight, 0 to 2¹⁵.
    pub keep: u32,
    /// The new colours' weighted sum per channel, plus 2¹⁴.
    pub add: [u32; 3],
}

impl Blend {
    /// Blends an RGBA pixel (which ends opaque).
    pub fn apply(&self, px: &mut [u8]) {
        for (v, add) in px.iter_mut().zip(self.add) {
            *v = ((u32::from(*v) * self.keep + add) >> 15) as u8;
        }
        px[3] = 255;
    }

    /// Whether the blend covers the pixel entirely (its result ignores the old colour).
    pub fn is_opaque(&self) -> bool {
        self.keep == 0
    }

    /// Whether the blend leaves every colour as it was.
    pub fn is_identity(&self) -> bool {
        self.keep == ONE
    }
}

/// What a stamp does to a raster's pixels ([`DiscStamp::cover`]), pixels indexed row-major.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cover {
    /// One pixel blended.
    Blend(usize, Blend),
    /// A run of pixels in one row set to the fill colour.
    Solid(std::ops::Range<usize>),
}

/// A row's covered columns `first..last`, all fill in `solid.0..solid.1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Span {
    first: u16,
    last: u16,
    solid: (u16, u16),
}

/// The pre-rendered disc of one radius and ring width, for any colours.
#[derive(Clone, Debug, PartialEq)]
pub struct DiscStamp {
    radius: f64,
    ring_width: f64,
    /// Pixels from the centre pixel to the square's edge; the square is 2·reach + 1 wide.
    reach: usize,
    /// For each version and row: the first and one-past-last covered column, and within them
    /// the columns all fill (a run written without blending; empty where there is none).
    spans: Vec<Span>,
    /// For each version, the square's weights row by row.
    weights: Vec<Weights>,
}

impl DiscStamp {
    /// Renders the disc of radius `radius` with a ring `ring_width` wide (device pixels) at
    /// every sub-pixel centre, or `None` if it is larger than [`MAX_OUTER`] or not finite.
    pub fn new(radius: f64, ring_width: f64) -> Option<Self> {
        let outer = radius.max(0.0) + ring_width.max(0.0);
        if !(radius.is_finite() && ring_width.is_finite() && outer <= MAX_OUTER) {
            return None;
        }
        let (radius, ring_width) = (radius.max(0.0), ring_width.max(0.0));
        let reach = outer.ceil() as usize + 1;
        let side = 2 * reach + 1;
        let mut spans = Vec::with_capacity(SUBPIXEL * SUBPIXEL * side);
        let mut weights = Vec::with_capacity(SUBPIXEL * SUBPIXEL * side * side);
        for fy in 0..SUBPIXEL {
            for fx in 0..SUBPIXEL {
                let centre = [fx as f64 / SUBPIXEL as f64, fy as f64 / SUBPIXEL as f64];
                for v in 0..side {
                    let dy = (v as f64 - reach as f64) + 0.5 - centre[1];
                    let (mut first, mut last) = (side, 0);
                    let (mut solid_first, mut solid_last) = (side, 0);
                    for u in 0..side {
                        let dx = (u as f64 - reach as f64) + 0.5 - centre[0];
                        let d = (dx * dx + dy * dy).sqrt();
                        let (ring, fill) = (coverage(d, outer), coverage(d, radius));
                        // Rounding ring and fill (not ring − fill) keeps the sum within ONE.
                        let [ring, fill] = [ring, fill].map(|c| (c * f64::from(ONE)).round() as u16);
                        let w = Weights { ring: ring - fill, fill };
                        if w != Weights::default() {
                            first = first.min(u);
                            last = u + 1;
                        }
                        // The disc is convex: its all-fill pixels in a row are one run.
                        if u32::from(w.fill) == ONE {
                            solid_first = solid_first.min(u);
                            solid_last = u + 1;
                        }
                        weights.push(w);
                    }
                    let solid = if solid_first < solid_last { (solid_first as u16, solid_last as u16) } else { (0, 0) };
                    spans.push(if first < last {
                        Span { first: first as u16, last: last as u16, solid }
                    } else {
                        Span::default()
                    });
                }
            }
        }
        Some(DiscStamp { radius, ring_width, reach, spans, weights })
    }

    /// Whether this stamp draws discs of this radius and ring width.
    pub fn draws(&self, radius: f64, ring_width: f64) -> bool {
        self.radius == radius && self.ring_width == ring_width
    }

    /// Paints a disc centred at `center` (fractional pixel coordinates, rounded to
    /// 1/[`SUBPIXEL`] pixel) over the raster; the parts outside the raster are skipped, as is
    /// a centre that is not finite.
    pub fn paint(&self, raster: &mut Raster, center: [f64; 2], fill: Rgb, ring: Rgb) {
        let (width, height) = (raster.width(), raster.height());
        let solid_pixel = [fill.0, fill.1, fill.2, 255];
        let rgba = raster.rgba_mut();
        self.cover(width, height, center, fill, ring, |cover| match cover {
            Cover::Blend(i, blend) => blend.apply(&mut rgba[4 * i..4 * i + 4]),
            Cover::Solid(pixels) => {
                for px in rgba[4 * pixels.start..4 * pixels.end].chunks_exact_mut(4) {
                    px.copy_from_slice(&solid_pixel);
                }
            }
        });
    }

    /// What painting the disc at `center` on a `width × height` raster does, pixel by pixel
    /// (pixels indexed row-major from the top-left): `visit` gets each covered pixel's
    /// [`Blend`], and runs of pixels the fill covers entirely as [`Cover::Solid`]. Pixels
    /// outside the raster are skipped, as is a centre that is not finite.
    pub fn cover(
        &self,
        width: usize,
        height: usize,
        center: [f64; 2],
        fill: Rgb,
        ring: Rgb,
        mut visit: impl FnMut(Cover),
    ) {
        let reach = self.reach as f64;
        if !(center[0] > -reach - 1.0
            && center[1] > -reach - 1.0
            && center[0] < width as f64 + reach + 1.0
            && center[1] < height as f64 + reach + 1.0)
        {
            return;
        }
        let s = SUBPIXEL as f64;
        // Centre in 1/SUBPIXEL pixels, shifted so that it is positive.
        let shift = self.reach + 2;
        let at = center.map(|c| ((c + shift as f64) * s).round() as usize);
        let (base, frac) = (at.map(|a| a / SUBPIXEL), at.map(|a| a % SUBPIXEL));
        let side = 2 * self.reach + 1;
        let version = frac[1] * SUBPIXEL + frac[0];
        let spans = &self.spans[version * side..(version + 1) * side];
        let weights = &self.weights[version * side * side..(version + 1) * side * side];
        // Square column u is raster column base − shift − reach + u.
        let origin =
            [base[0] as isize - (shift + self.reach) as isize, base[1] as isize - (shift + self.reach) as isize];
        let ring = [ring.0, ring.1, ring.2].map(u32::from);
        let fill = [fill.0, fill.1, fill.2].map(u32::from);
        // Square column u is raster column origin[0] + u; the columns inside the raster:
        let (inside_first, inside_last) = (-origin[0], width as isize - origin[0]);
        for (v, span) in spans.iter().enumerate() {
            let j = origin[1] + v as isize;
            if span.first == span.last || j < 0 || j >= height as isize {
                continue;
            }
            let row = j as usize * width;
            let clip = |a: u16, b: u16| {
                let (a, b) = ((a as isize).max(inside_first).max(0), (b as isize).min(inside_last));
                a..b.max(a)
            };
            let solid = clip(span.solid.0, span.solid.1);
            let (before, after) = if span.solid.0 < span.solid.1 {
                (clip(span.first, span.solid.0), clip(span.solid.1, span.last))
            } else {
                (clip(span.first, span.last), 0..0)
            };
            for u in before.chain(after) {
                let w = weights[v * side + u as usize];
                let (wr, wf) = (u32::from(w.ring), u32::from(w.fill));
                let add = std::array::from_fn(|c| ring[c] * wr + fill[c] * wf + ONE / 2);
                visit(Cover::Blend(row + (origin[0] + u) as usize, Blend { keep: ONE - wr - wf, add }));
            }
            if !solid.is_empty() {
                let (i0, i1) = ((origin[0] + solid.start) as usize, (origin[0] + solid.end) as usize);
                visit(Cover::Solid(row + i0..row + i1));
            }
        }
    }

    /// The disc this stamp paints at `center` once rounded, for comparison with
    /// [`Disc::paint`].
    pub fn disc(&self, center: [f64; 2], fill: Rgb, ring: Rgb) -> Disc {
        let s = SUBPIXEL as f64;
        Disc {
            center: center.map(|c| (c * s).round() / s),
            radius: self.radius,
            fill,
            ring,
            ring_width: self.ring_width,
        }
    }
}

/// The few stamps a scene draws with (ordinary points, highlighted ones), kept across frames
/// and rebuilt only when a size changes.
#[derive(Clone, Debug, Default)]
pub struct StampCache {
    /// Least recently used first.
    stamps: Vec<DiscStamp>,
}

/// Stamps kept at once.
const KEPT: usize = 4;

impl StampCache {
    /// Makes sure the stamp for this radius and ring width is kept (unless
    /// [`DiscStamp::new`] refuses it), evicting the least recently used.
    pub fn prepare(&mut self, radius: f64, ring_width: f64) {
        if let Some(at) = self.stamps.iter().position(|s| s.draws(radius, ring_width)) {
            let stamp = self.stamps.remove(at);
            self.stamps.push(stamp);
        } else if let Some(stamp) = DiscStamp::new(radius, ring_width) {
            if self.stamps.len() == KEPT {
                self.stamps.remove(0);
            }
            self.stamps.push(stamp);
        }
    }

    /// The kept stamp for this radius and ring width.
    pub fn get(&self, radius: f64, ring_width: f64) -> Option<&DiscStamp> {
        self.stamps.iter().find(|s| s.draws(radius, ring_width))
    }
}

//! Stamped discs kept as a layer: painted once, composited over a changing background
//! (the decision regions) every frame at a cost proportional to the area the discs cover,
//! whatever their number, with exactly the pixels that stamping every disc onto that
//! background gives.
//!
//! Stamping is a sequence of fixed-point [`Blend`]s per pixel, v ← ⌊(v · keep + add) / 2¹⁵⌋
//! ([`crate::render::stamp`]). Once a blend with keep = 0 has covered a pixel (inside a disc
//! and its ring) the rest of the pixel's sequence no longer depends on the background: the
//! layer holds its final colour, and compositing copies it (runs of such pixels are copied
//! at once). Only the pixels that no disc ever covers entirely (the outer anti-aliased edge of
//! the discs' union) depend on the background: the layer keeps their blends in order, and
//! compositing replays them, rounding after each as stamping does, so the result is
//! bit-identical.

use crate::render::palette::Rgb;
use crate::render::raster::Raster;
use crate::render::stamp::{Blend, Cover, DiscStamp};

/// The most blends the layer keeps for background-dependent pixels (a pixel refers to its
/// last one in 24 bits); past it [`DiscLayer::finish`] reports the layer unusable.
pub const MAX_BLENDS: usize = 1 << 24;

/// What a layer pixel holds, in its alpha byte.
const EMPTY: u8 = 0;
const PENDING: u8 = 1;
const OPAQUE: u8 = 255;
/// No earlier blend in a pixel's chain.
const NONE: u32 = u32::MAX;

/// Discs stamped into a layer of the raster's size (see the module docs).
#[derive(Clone, Debug, Default)]
pub struct DiscLayer {
    width: usize,
    height: usize,
    /// Per pixel: untouched (alpha 0); its final colour (alpha 255); or, with alpha 1, the
    /// index of its last blend in `chain` (24 bits, little-endian in the colour bytes).
    pixels: Vec<[u8; 4]>,
    /// While stamping: each background-dependent pixel's blends as a list from the last one.
    chain: Vec<(Blend, u32)>,
    overflow: bool,
    /// After [`DiscLayer::finish`]: the runs of pixels with a final colour, as pixel ranges…
    runs: Vec<(u32, u32)>,
    /// …and each background-dependent pixel with the end of its blends in `blends` (each
    /// pixel's start at the previous one's end), in order.
    pending: Vec<(u32, u32)>,
    blends: Vec<Blend>,
}

impl DiscLayer {
    /// Empties the layer and sizes it to a `width × height` raster (keeping its allocations).
    pub fn clear(&mut self, width: usize, height: usize) {
        (self.width, self.height) = (width, height);
        self.pixels.clear();
        self.pixels.resize(width * height, [0; 4]);
        self.chain.clear();
        self.overflow = false;
        self.runs.clear();
        self.pending.clear();
        self.blends.clear();
    }

    /// Stamps a disc at `center` into the layer, as [`DiscStamp::paint`] would into a raster.
    pub fn stamp(&mut self, stamp: &DiscStamp, center: [f64; 2], fill: Rgb, ring: Rgb) {
        let Self { width, height, pixels, chain, overflow, .. } = self;
        let solid = [fill.0, fill.1, fill.2, OPAQUE];
        stamp.cover(*width, *height, center, fill, ring, |cover| match cover {
            Cover::Solid(run) => pixels[run].fill(solid),
            Cover::Blend(i, blend) => {
                let px = &mut pixels[i];
                if blend.is_opaque() || px[3] == OPAQUE {
                    blend.apply(px);
                } else if !blend.is_identity() {
                    if chain.len() >= MAX_BLENDS {
                        *overflow = true;
                        return;
                    }
                    let last = if px[3] == PENDING { u32::from_le_bytes([px[0], px[1], px[2], 0]) } else { NONE };
                    let [a, b, c, _] = (chain.len() as u32).to_le_bytes();
                    *px = [a, b, c, PENDING];
                    chain.push((blend, last));
                }
            }
        });
    }

    /// Ends the stamping: collects the runs of final colours and puts each pending pixel's
    /// blends in order. Returns false when the layer could not keep every blend
    /// ([`MAX_BLENDS`]): it must not be composited then.
    pub fn finish(&mut self) -> bool {
        if self.overflow {
            return false;
        }
        let Self { pixels, chain, runs, pending, blends, .. } = self;
        let mut i = 0;
        while i < pixels.len() {
            match pixels[i][3] {
                EMPTY => i += 1,
                OPAQUE => {
                    let start = i;
                    while i < pixels.len() && pixels[i][3] == OPAQUE {
                        i += 1;
                    }
                    runs.push((start as u32, i as u32));
                }
                _ => {
                    let px = pixels[i];
                    let start = blends.len();
                    let mut link = u32::from_le_bytes([px[0], px[1], px[2], 0]);
                    while link != NONE {
                        let (blend, previous) = chain[link as usize];
                        blends.push(blend);
                        link = previous;
                    }
                    blends[start..].reverse();
                    pending.push((i as u32, blends.len() as u32));
                    i += 1;
                }
            }
        }
        true
    }

    /// Composites the finished layer over `raster` (of the layer's size; another size is left
    /// as it is).
    pub fn composite(&self, raster: &mut Raster) {
        if (raster.width(), raster.height()) != (self.width, self.height) {
            return;
        }
        let rgba = raster.rgba_mut();
        for &(start, end) in &self.runs {
            let (start, end) = (start as usize, end as usize);
            rgba[4 * start..4 * end].copy_from_slice(self.pixels[start..end].as_flattened());
        }
        let mut start = 0;
        for &(i, end) in &self.pending {
            let i = i as usize;
            let px = &mut rgba[4 * i..4 * i + 4];
            for blend in &self.blends[start..end as usize] {
                blend.apply(px);
            }
            start = end as usize;
        }
    }
}

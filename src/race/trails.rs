//! The racers' trajectories, drawn incrementally onto a canvas of their own: each render adds
//! only the segments and step markers of the steps made since the last one, so a frame costs
//! what it adds however long the race has run. The canvas is cleared and everything redrawn
//! only when the race restarts, the view changes, or the set of racers does.
//!
//! Points are thinned in pixel space: one closer than a pixel to the last point drawn adds
//! nothing, so a converged racer costs nothing. Each chunk's casing is drawn under its line,
//! and the line restarts one point back so that the new casing does not notch the old line.

use crate::race::racer::Racer;
use crate::render::overlay::{Mark, Marks};
use crate::render::palette::Rgb;

/// Where one racer's trail stands.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Trail {
    /// Rows of the trajectory drawn so far.
    rows: usize,
    /// The last two points drawn (device pixels), the latest last.
    tail: [Option<[f64; 2]>; 2],
    /// The last step marker drawn.
    marker: Option<[f64; 2]>,
}

/// How trails are drawn, in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrailStyle {
    /// Line width.
    pub width: f64,
    /// Casing width (drawn under the line).
    pub casing_width: f64,
    /// Radius of the step markers.
    pub marker_radius: f64,
    /// Step markers closer than this to the previous one are skipped.
    pub marker_spacing: f64,
    /// Points closer than this to the last one drawn are skipped.
    pub spacing: f64,
}

/// The trails canvas's state and what to paint on it next.
#[derive(Clone, Debug, Default)]
pub struct Trails {
    /// What the drawn trails belong to: (race epoch, terrain version, width, height,
    /// enabled racers as bits).
    key: Option<(u64, u64, usize, usize, u32)>,
    trails: Vec<Trail>,
    marks: Marks,
    clear: bool,
}

impl Trails {
    /// Prepares the next paint: everything since the last one, or, when `key` changed (a
    /// restart, a new view, other racers), a cleared canvas and every trail from the start.
    /// `pixel` maps a data point to device pixels; `casing` gives a colour's casing.
    pub fn update(
        &mut self,
        key: (u64, u64, usize, usize),
        racers: &[Racer],
        style: &TrailStyle,
        pixel: impl Fn([f64; 2]) -> [f64; 2],
        casing: impl Fn(Rgb) -> Rgb,
    ) {
        let enabled = racers.iter().enumerate().filter(|(_, r)| r.enabled()).fold(0u32, |bits, (k, _)| bits | 1 << k);
        let key = (key.0, key.1, key.2, key.3, enabled);
        self.marks.clear();
        self.clear = self.key != Some(key);
        if self.clear {
            self.key = Some(key);
            self.trails.clear();
        }
        self.trails.resize(racers.len(), Trail::default());
        for (racer, trail) in racers.iter().zip(self.trails.iter_mut()).filter(|(r, _)| r.enabled()) {
            let tr = racer.run().trajectory();
            let mut points = Vec::new();
            let mut markers = Vec::new();
            let mut last = trail.tail[1];
            for t in trail.rows..tr.len() {
                let p = tr.point(t);
                let q = pixel([p[0], p[1]]);
                if last.is_none_or(|l| (q[0] - l[0]).hypot(q[1] - l[1]) >= style.spacing) {
                    points.push(q);
                    last = Some(q);
                }
                if trail.marker.is_none_or(|m| (q[0] - m[0]).hypot(q[1] - m[1]) >= style.marker_spacing) {
                    markers.push(q);
                    trail.marker = Some(q);
                }
            }
            trail.rows = tr.len();
            if points.is_empty() {
                continue;
            }
            let color = racer.color();
            let cased: Vec<[f64; 2]> = trail.tail[1].into_iter().chain(points.iter().copied()).collect();
            let line: Vec<[f64; 2]> = trail.tail.iter().flatten().copied().chain(points.iter().copied()).collect();
            let n = points.len();
            trail.tail = [if n >= 2 { Some(points[n - 2]) } else { trail.tail[1] }, Some(points[n - 1])];
            self.marks.push(Mark::Polyline {
                points: cased,
                color: casing(color),
                width: style.casing_width,
                dashed: false,
            });
            self.marks.push(Mark::Polyline { points: line, color, width: style.width, dashed: false });
            if !markers.is_empty() {
                self.marks.push(Mark::Dots {
                    points: markers,
                    radius: style.marker_radius,
                    color,
                    filled: true,
                    width: 0.0,
                });
            }
        }
    }

    /// Whether the canvas must be cleared before [`Trails::marks`] are painted.
    pub fn clear(&self) -> bool {
        self.clear
    }

    /// What to paint on the trails canvas now.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }
}

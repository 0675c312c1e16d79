//! What the race's canvas shows: the terrain as a heatmap with contours (redrawn only when the
//! terrain or the canvas size changes), and over it, redrawn every frame, the axes, the known
//! minima, the start handle and each racer's trajectory, step markers, current point and the
//! extra points its method evaluated.
//!
//! Trajectories are thinned in pixel space: a point closer than a pixel to the last one kept
//! adds nothing to a polyline, so a converged racer costs nothing to draw however long it
//! runs. Points far outside the canvas are pulled in to a margin (the line keeps its
//! direction on screen), so a racer that escapes to 10⁸ still draws cleanly.

use crate::optim::run::Run;
use crate::optim::settings::Method;
use crate::race::racer::{EVALUATION_HISTORY, RACER_COLORS, Racer, Status};
use crate::race::terrain::Terrain;
use crate::race::trails::{TrailStyle, Trails};
use crate::render::heatmap::{Heatmap, HeatmapStyle};
use crate::render::overlay::{Mark, Marks, push_axes};
use crate::render::palette::Rgb;
use crate::render::viewport::{Viewport, checked_pixel_ratio};

/// Label size in CSS pixels.
const FONT: f64 = 12.0;
/// Trajectory line width in CSS pixels.
const LINE: f64 = 2.0;
/// Step markers closer than this (CSS pixels) to the previous one are skipped.
const MARKER_SPACING: f64 = 4.0;
/// Radius of the current point (CSS pixels).
const CURRENT_RADIUS: f64 = 6.0;
/// Radius of the start handle (CSS pixels).
pub const START_RADIUS: f64 = 9.0;
/// The most evaluated points drawn per racer (evenly thinned beyond).
const MAX_EVALUATION_MARKS: usize = 500;
/// Newton's last this many steps are drawn as arrows.
const NEWTON_ARROWS: usize = 12;
/// Casing under racers' lines: dark, or light under the darkest racer colour.
const DARK: Rgb = Rgb(0x14, 0x14, 0x18);
const LIGHT: Rgb = Rgb(0xf4, 0xf4, 0xf4);

/// The casing drawn under a racer colour's lines and around its discs.
fn casing(color: Rgb) -> Rgb {
    if color == RACER_COLORS[5] { LIGHT } else { DARK }
}

/// The race's canvas: the heatmap and the marks over it.
#[derive(Clone, Debug)]
pub struct Picture {
    view: Viewport,
    pixel_ratio: f64,
    heatmap: Heatmap,
    /// The terrain version and size the heatmap shows, to know when to redraw it.
    drawn: Option<(u64, usize, usize)>,
    trails: Trails,
    marks: Marks,
}

impl Default for Picture {
    fn default() -> Self {
        Picture {
            view: Viewport::centered(1.0, 1, 1),
            pixel_ratio: 1.0,
            heatmap: Heatmap::default(),
            drawn: None,
            trails: Trails::default(),
            marks: Marks::new(),
        }
    }
}

impl Picture {
    /// Sets the canvas size in device pixels and the device-pixel ratio.
    pub fn resize(&mut self, width: usize, height: usize, pixel_ratio: f64) {
        self.view.resize(width, height);
        self.pixel_ratio = checked_pixel_ratio(pixel_ratio);
    }

    /// The view: the terrain's domain, centred, on the canvas.
    pub fn view(&self) -> &Viewport {
        &self.view
    }

    /// The heatmap of the last render.
    pub fn heatmap(&self) -> &Heatmap {
        &self.heatmap
    }

    /// The per-frame marks of the last render: axes, minima, the start handle, and each
    /// racer's current point and method-specific extras.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// The trajectories: what the last render added to the trails canvas.
    pub fn trails(&self) -> &Trails {
        &self.trails
    }

    /// Redraws the heatmap if the terrain (its `version`) or the size changed, adds what the
    /// racers did since the last render to the trails (all of it after a restart, `epoch`),
    /// and rebuilds the per-frame marks; returns whether the heatmap was redrawn.
    pub fn render(&mut self, terrain: &Terrain, version: u64, epoch: u64, racers: &[Racer], start: [f64; 2]) -> bool {
        let domain = terrain.domain();
        self.view.center = [0.5 * (domain.x.0 + domain.x.1), 0.5 * (domain.y.0 + domain.y.1)];
        self.view.half_width = 0.5 * (domain.x.1 - domain.x.0).max(domain.y.1 - domain.y.0);
        let (w, h) = (self.view.width, self.view.height);
        let stale = self.drawn != Some((version, w, h));
        if stale {
            let style = HeatmapStyle::default();
            self.heatmap.render_sampled(&self.view, &style, terrain, terrain.picture_cell(w * h));
            self.drawn = Some((version, w, h));
        }
        let r = self.pixel_ratio;
        let style = TrailStyle {
            width: LINE * r,
            casing_width: (LINE + 2.0) * r,
            marker_radius: 2.5 * r,
            marker_spacing: MARKER_SPACING * r,
            spacing: r,
        };
        let mut trails = std::mem::take(&mut self.trails);
        trails.update((epoch, version, w, h), racers, &style, |p| self.pixel(p), casing);
        self.trails = trails;
        self.marks.clear();
        push_axes(&mut self.marks, &self.view, 8, FONT * r);
        for m in terrain.minima() {
            let (radius, fill) = if m.global { (5.0, LIGHT) } else { (3.5, Rgb(0xb0, 0xb0, 0xb8)) };
            self.marks.push(Mark::Disc {
                at: self.pixel(m.at),
                radius: radius * r,
                fill,
                outline: DARK,
                outline_width: 1.5 * r,
            });
        }
        for racer in racers.iter().filter(|racer| racer.enabled()) {
            self.push_racer(racer);
        }
        let at = self.pixel(start);
        for (color, width) in [(DARK, 4.5), (LIGHT, 2.0)] {
            self.marks.push(Mark::Dots {
                points: vec![at],
                radius: START_RADIUS * r,
                color,
                filled: false,
                width: width * r,
            });
        }
        stale
    }

    /// Device pixel of a data point, pulled in to a margin around the canvas.
    fn pixel(&self, p: [f64; 2]) -> [f64; 2] {
        let q = self.view.to_pixel(p);
        let margin = 2.0 * (self.view.width + self.view.height) as f64;
        let clamp = |v: f64, size: usize| v.clamp(-margin, size as f64 + margin);
        [clamp(q[0], self.view.width), clamp(q[1], self.view.height)]
    }

    /// A racer's per-frame marks: method-specific extras and the current point (its trail is
    /// drawn by [`Trails`]).
    fn push_racer(&mut self, racer: &Racer) {
        let r = self.pixel_ratio;
        let color = racer.color();
        let casing = casing(color);
        let run = racer.run();
        self.push_evaluations(run, color, casing);
        match racer.method() {
            Method::Nesterov => self.push_look_ahead(run, racer.settings().hyper.momentum, color, casing),
            Method::Newton => self.push_newton_steps(run, color),
            _ => {}
        }
        let Some(now) = run.trajectory().last_point() else { return };
        let at = self.pixel([now[0], now[1]]);
        match racer.status() {
            Status::Running => self.marks.push(Mark::Disc {
                at,
                radius: CURRENT_RADIUS * r,
                fill: color,
                outline: casing,
                outline_width: 1.5 * r,
            }),
            Status::Stopped(_) => {
                // A stopped racer: a hollow ring where it stopped, crossed out.
                let d = CURRENT_RADIUS * r * 0.7;
                for (from, to) in [([-d, -d], [d, d]), ([-d, d], [d, -d])] {
                    self.marks.push(Mark::Line {
                        from: [at[0] + from[0], at[1] + from[1]],
                        to: [at[0] + to[0], at[1] + to[1]],
                        color: casing,
                        width: 2.0 * r,
                        dashed: false,
                    });
                }
                self.marks.push(Mark::Dots {
                    points: vec![at],
                    radius: CURRENT_RADIUS * r,
                    color,
                    filled: false,
                    width: 2.0 * r,
                });
            }
        }
    }

    /// The points each of the last updates evaluated besides its own start (L-BFGS's line
    /// search trials, random search's draws): rings, and for the latest update thin lines
    /// from where it started to each.
    fn push_evaluations(&mut self, run: &Run, color: Rgb, casing: Rgb) {
        let r = self.pixel_ratio;
        let tr = run.trajectory();
        let rows = tr.len();
        let mut rings = Vec::new();
        let first = rows.saturating_sub(EVALUATION_HISTORY).max(1);
        // Many evaluations (random search with thousands of candidates) are thinned evenly to
        // at most MAX_EVALUATION_MARKS rings and lines: a sample of the cloud reads the same.
        let count: usize = (first..rows).map(|t| tr.evaluations(t).count()).sum();
        let stride = count.div_ceil(MAX_EVALUATION_MARKS).max(1);
        let mut n = 0;
        for t in first..rows {
            let from = tr.point(t - 1);
            let origin = self.pixel([from[0], from[1]]);
            for e in tr.evaluations(t) {
                n += 1;
                if e.point == from || (n - 1) % stride != 0 {
                    continue;
                }
                let q = self.pixel([e.point[0], e.point[1]]);
                if t + 1 == rows {
                    self.marks.push(Mark::Line { from: origin, to: q, color: casing, width: 1.0 * r, dashed: true });
                }
                rings.push(q);
            }
        }
        if !rings.is_empty() {
            self.marks.push(Mark::Dots { points: rings, radius: 3.5 * r, color, filled: false, width: 1.5 * r });
        }
    }

    /// Nesterov's look-ahead at the current step. The recorded iterate is the look-ahead point
    /// x̃_t = x_t + ρv_t (PyTorch's parameter); the lecture's position x_t follows from the
    /// recorded x̃ alone, v_{t+1} = (x̃_{t+1} − x̃_t + ρv_t)/(1 + ρ) with v_0 = 0. Drawn: a
    /// hollow dot at x_t and a dashed arrow ρv_t to the look-ahead point, where the gradient
    /// is taken.
    fn push_look_ahead(&mut self, run: &Run, rho: f64, color: Rgb, casing: Rgb) {
        let tr = run.trajectory();
        if tr.len() < 2 {
            return;
        }
        let mut v = [0.0, 0.0];
        for t in 1..tr.len() {
            let (a, b) = (tr.point(t - 1), tr.point(t));
            v = [0, 1].map(|i| (b[i] - a[i] + rho * v[i]) / (1.0 + rho));
        }
        let look = tr.point(tr.len() - 1);
        let position = [look[0] - rho * v[0], look[1] - rho * v[1]];
        let r = self.pixel_ratio;
        let (from, to) = (self.pixel(position), self.pixel([look[0], look[1]]));
        self.marks.push(Mark::Line { from, to, color: casing, width: 1.5 * r, dashed: true });
        self.marks.push(Mark::Dots { points: vec![from], radius: 4.0 * r, color, filled: false, width: 2.0 * r });
    }

    /// Newton's last steps as arrows: each jumps to the stationary point of the local
    /// quadratic model.
    fn push_newton_steps(&mut self, run: &Run, color: Rgb) {
        let tr = run.trajectory();
        let r = self.pixel_ratio;
        for t in tr.len().saturating_sub(NEWTON_ARROWS).max(1)..tr.len() {
            let (a, b) = (tr.point(t - 1), tr.point(t));
            let (from, to) = (self.pixel([a[0], a[1]]), self.pixel([b[0], b[1]]));
            // Steps shorter than the arrowhead would be a blot.
            if (to[0] - from[0]).hypot(to[1] - from[1]) > 8.0 * r {
                self.marks.push(Mark::Arrow { from, to, color, width: 1.5 * r });
            }
        }
    }
}

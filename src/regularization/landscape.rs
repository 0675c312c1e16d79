//! The classifier's loss landscape: a 2D slice L(θ + α·d₁ + β·d₂) of the classifier lab's
//! total loss through its current parameters θ, as a heatmap with contours and the
//! optimizer's trajectory projected onto the plane, computed progressively (see
//! [`slice`](super::slice)) so that input is never blocked.
//!
//! What is sliced is the lab's [`Snapshot`]: its dataset, objective, θ and the θ after each
//! recorded step.
//!
//! The plane is spanned either by two chosen parameters (d₁ = e_p, d₂ = e_q, and the axes show
//! the parameters' values) or by two seeded random directions, filter-normalized as in Li et
//! al., "Visualizing the Loss Landscape of Neural Nets" (2018): each class's template (row k
//! of W, the "filter" of a linear classifier) of a Gaussian direction is rescaled to the norm
//! of θ's row k, and the biases' entries are 0 (their default, which leaves biases out of the
//! normalization). Rows of θ that are all zero keep a unit-norm direction, so the plane never
//! collapses. A trajectory point θ_t lands at the (α, β) minimizing ‖θ_t − θ − αd₁ − βd₂‖:
//! exact for parameter axes, a projection for random directions.

use std::str::FromStr;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};

use super::HEATMAP;
use super::display::plain;
use super::settings::{listed, read_number, unknown};
use super::slice::{Plane, Slice};
use crate::lab::{Lab, Snapshot};
use crate::model::{Param, Shape};
use crate::render::contour::level_set;
use crate::render::heatmap::{Heatmap, grid_image_rect};
use crate::render::overlay::{Mark, Marks, push_axes};
use crate::render::palette::Rgb;
use crate::render::polyline::{Stroke, push_polyline};
use crate::render::raster::Raster;
use crate::render::viewport::{Viewport, checked_pixel_ratio};
use crate::setting::{Choice, Kind, Named, SettingError, Spec, Table};

/// Grid points per side: 2⁷ + 1, so that θ itself is the centre point.
pub const GRID: usize = 129;
/// Contour lines.
pub const CONTOURS: usize = 12;
/// The range's limits.
pub const RANGE_LIMITS: (f64, f64) = (1e-3, 1e3);
/// Colour of the contour lines.
const CONTOUR_COLOR: Rgb = Rgb(0xe8, 0xe8, 0xee);
/// Colour of the trajectory.
const TRAJECTORY_COLOR: Rgb = Rgb(0xff, 0xff, 0xff);
/// Colour of θ's marker.
const THETA_COLOR: Rgb = Rgb(0xD5, 0x5E, 0x00);

crate::named! {
    /// How the plane is spanned.
    pub enum Directions: "directions" {
        /// Two seeded random directions, filter-normalized.
        Random = "random", "Random, filter-normalized";
        /// Two parameters.
        Axes = "axes", "Two parameters";
    }
}

/// A setting of the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LandscapeSetting {
    /// `directions`: `random` or `axes`.
    Directions,
    /// `seed`: the random directions' seed.
    Seed,
    /// `range`: α and β span [−range, range].
    Range,
    /// `axis1`, `axis2`: the parameters of the axes, by name (`W[0,1]`, `b[2]`).
    Axis(usize),
}

impl LandscapeSetting {
    /// Every setting, in link order: the kind of plane, the random directions' seed, the
    /// range, the two parameter axes.
    pub const ALL: [LandscapeSetting; 5] = [
        LandscapeSetting::Directions,
        LandscapeSetting::Seed,
        LandscapeSetting::Range,
        LandscapeSetting::Axis(0),
        LandscapeSetting::Axis(1),
    ];

    /// The name of its control and in links.
    pub fn name(self) -> &'static str {
        match self {
            LandscapeSetting::Directions => "directions",
            LandscapeSetting::Seed => "seed",
            LandscapeSetting::Range => "range",
            LandscapeSetting::Axis(0) => "axis1",
            LandscapeSetting::Axis(_) => "axis2",
        }
    }

    /// Its row of the settings table for a model of `shape`: an axis may be any of its
    /// parameters; the range spans [`RANGE_LIMITS`] on a log scale.
    pub fn spec(self, shape: Shape) -> Spec {
        let (label, kind) = match self {
            LandscapeSetting::Directions => ("Directions", Kind::choice_of::<Directions>()),
            LandscapeSetting::Seed => ("Seed", Kind::seed()),
            LandscapeSetting::Range => ("Range", Kind::log(RANGE_LIMITS.0, RANGE_LIMITS.1, 0)),
            LandscapeSetting::Axis(a) => {
                let params = (0..shape.len()).map(|k| Choice::plain(shape.param(k).to_string()));
                (if a == 0 { "Axis 1" } else { "Axis 2" }, Kind::Choice(params.collect()))
            }
        };
        Spec::new(self.name(), label, kind)
    }
}

impl FromStr for LandscapeSetting {
    type Err = SettingError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        LandscapeSetting::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| unknown("landscape view", name, &listed(&LandscapeSetting::ALL.map(LandscapeSetting::name))))
    }
}

/// Reads a parameter name, `W[k,l]` or `b[k]`, of a model of the given shape.
///
/// ```
/// use descent::model::{Param, Shape};
/// use descent::regularization::landscape::parse_param;
/// let shape = Shape { classes: 3, dim: 2 };
/// assert_eq!(parse_param("W[2,1]", shape), Ok(Param::Weight { class: 2, input: 1 }));
/// assert_eq!(parse_param("b[0]", shape), Ok(Param::Bias { class: 0 }));
/// assert!(parse_param("W[3,0]", shape).is_err());
/// ```
pub fn parse_param(name: &str, shape: Shape) -> Result<Param, SettingError> {
    let refuse = || {
        SettingError::invalid(
            "an axis",
            name,
            &format!("a parameter W[k,l] or b[k] with k < {} and l < {}", shape.classes, shape.dim),
        )
    };
    let text = name.trim();
    let inner = |prefix: &str| text.strip_prefix(prefix).and_then(|t| t.strip_suffix(']'));
    let param = if let Some(indices) = inner("W[") {
        let (k, l) = indices.split_once(',').ok_or_else(refuse)?;
        Param::Weight { class: k.trim().parse().map_err(|_| refuse())?, input: l.trim().parse().map_err(|_| refuse())? }
    } else if let Some(k) = inner("b[") {
        Param::Bias { class: k.trim().parse().map_err(|_| refuse())? }
    } else {
        return Err(refuse());
    };
    let fits = match param {
        Param::Weight { class, input } => class < shape.classes && input < shape.dim,
        Param::Bias { class } => class < shape.classes,
    };
    if fits { Ok(param) } else { Err(refuse()) }
}

/// Two seeded Gaussian directions, filter-normalized to θ (see the module docs).
pub fn random_directions(shape: Shape, theta: &[f64], seed: u64) -> [Vec<f64>; 2] {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut draw = || -> Vec<f64> {
        let mut d: Vec<f64> = (0..shape.len()).map(|_| StandardNormal.sample(&mut rng)).collect();
        for k in 0..shape.classes {
            let row = shape.weight_index(k, 0)..shape.weight_index(k, 0) + shape.dim;
            let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
            let (target, current) = (norm(&theta[row.clone()]), norm(&d[row.clone()]));
            let scale = if target > 0.0 { target } else { 1.0 } / current.max(f64::MIN_POSITIVE);
            d[row].iter_mut().for_each(|x| *x *= scale);
        }
        d[shape.weights()..].fill(0.0);
        d
    };
    let first = draw();
    [first, draw()]
}

/// The (α, β) of the least-squares projection of Δ onto span(d₁, d₂).
fn project(directions: &[Vec<f64>; 2], delta: &[f64]) -> [f64; 2] {
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let [d1, d2] = directions;
    let (g11, g12, g22) = (dot(d1, d1), dot(d1, d2), dot(d2, d2));
    let (b1, b2) = (dot(d1, delta), dot(d2, delta));
    let det = g11 * g22 - g12 * g12;
    if det.abs() <= 1e-14 * g11 * g22 {
        return [b1 / g11.max(f64::MIN_POSITIVE), 0.0];
    }
    [(g22 * b1 - g12 * b2) / det, (g11 * b2 - g12 * b1) / det]
}

/// The landscape's settings, its source, the slice in progress and the drawing state.
#[derive(Clone, Debug)]
pub struct Landscape {
    source: Snapshot,
    directions: Directions,
    axes: [Param; 2],
    seed: u64,
    range: f64,
    slice: Slice,
    drawn: Option<usize>,
    heatmap: Heatmap,
    contours: Marks,
    marks: Marks,
    view: Viewport,
    pixel_ratio: f64,
}

impl Default for Landscape {
    /// The lab's initial state, random directions with seed 1, range 1.
    fn default() -> Self {
        let source = Lab::default().snapshot();
        let shape = Shape { classes: source.data.classes(), dim: source.data.dim() };
        let directions = random_directions(shape, &source.theta, 1);
        let plane = Plane { center: source.theta.clone(), directions, range: 1.0 };
        let slice = Slice::new(&source.data, &source.objective, plane, GRID).expect("the lab's initial state slices");
        Landscape {
            source,
            directions: Directions::Random,
            axes: [Param::Weight { class: 0, input: 0 }, Param::Weight { class: 0, input: 1 }],
            seed: 1,
            range: 1.0,
            slice,
            drawn: None,
            heatmap: Heatmap::default(),
            contours: Marks::new(),
            marks: Marks::new(),
            view: Viewport::centered(1.0, 1, 1),
            pixel_ratio: 1.0,
        }
    }
}

impl Landscape {
    /// The model's shape.
    pub fn shape(&self) -> Shape {
        Shape { classes: self.source.data.classes(), dim: self.source.data.dim() }
    }

    /// Changes a setting and restarts the slice; on error nothing changes.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingError> {
        let setting: LandscapeSetting = name.parse()?;
        let kind = setting.spec(self.shape()).kind;
        let previous = (self.directions, self.axes, self.seed, self.range);
        match setting {
            LandscapeSetting::Directions => {
                self.directions = Directions::from_name(value.trim())
                    .ok_or_else(|| SettingError::invalid("the directions", value, "\"random\" or \"axes\""))?;
            }
            LandscapeSetting::Axis(a) => {
                // The axes' own refusals say which parameters the model has.
                let param = parse_param(value, self.shape())?;
                if param == self.axes[1 - a] {
                    return Err(SettingError::other(format!(
                        "both axes would be {param}: pick two different parameters"
                    )));
                }
                self.axes[a] = param;
            }
            LandscapeSetting::Seed => self.seed = kind.parse_whole("the seed", value)?,
            LandscapeSetting::Range => self.range = read_number(&kind, "the range", value)?,
        }
        if let Err(e) = self.restart() {
            (self.directions, self.axes, self.seed, self.range) = previous;
            self.restart()?;
            return Err(e);
        }
        Ok(())
    }

    /// A setting's current value.
    pub fn get(&self, name: &str) -> Result<String, SettingError> {
        Ok(match name.parse()? {
            LandscapeSetting::Directions => self.directions.name().to_string(),
            LandscapeSetting::Axis(a) => self.axes[a].to_string(),
            LandscapeSetting::Seed => self.seed.to_string(),
            LandscapeSetting::Range => plain(self.range),
        })
    }

    /// Takes a new source; restarts the slice only when it differs from the current one.
    /// Returns whether it restarted.
    pub fn set_source(&mut self, source: Snapshot) -> Result<bool, SettingError> {
        if source == self.source {
            return Ok(false);
        }
        let len = Shape { classes: source.data.classes(), dim: source.data.dim() }.len();
        if source.theta.len() != len || source.trajectory.len() % len != 0 {
            return Err(SettingError::other(format!(
                "the landscape needs θ of {len} parameters and whole trajectory points"
            )));
        }
        let previous = std::mem::replace(&mut self.source, source);
        let shape = self.shape();
        if self.axes.iter().any(|&p| shape.index(p) >= shape.len() || parse_param(&p.to_string(), shape).is_err()) {
            self.axes = [Param::Weight { class: 0, input: 0 }, Param::Bias { class: 0 }];
        }
        if let Err(e) = self.restart() {
            self.source = previous;
            self.restart()?;
            return Err(e);
        }
        Ok(true)
    }

    /// The source.
    pub fn source(&self) -> &Snapshot {
        &self.source
    }

    /// The plane's two directions for the current settings.
    pub fn directions(&self) -> [Vec<f64>; 2] {
        let shape = self.shape();
        match self.directions {
            Directions::Random => random_directions(shape, &self.source.theta, self.seed),
            Directions::Axes => self.axes.map(|p| {
                let mut d = vec![0.0; shape.len()];
                d[shape.index(p)] = 1.0;
                d
            }),
        }
    }

    fn restart(&mut self) -> Result<(), SettingError> {
        let plane = Plane { center: self.source.theta.clone(), directions: self.directions(), range: self.range };
        self.slice = Slice::new(&self.source.data, &self.source.objective, plane, GRID)
            .map_err(|e| SettingError::other(e.to_string()))?;
        self.drawn = None;
        self.contours.clear();
        Ok(())
    }

    /// Does about `budget` example-point evaluations of the slice; true while work remains.
    pub fn advance(&mut self, budget: usize) -> bool {
        self.slice.advance(budget)
    }

    /// The slice in progress.
    pub fn slice(&self) -> &Slice {
        &self.slice
    }

    /// The value at the centre, L(θ), once computed.
    pub fn center_value(&self) -> f64 {
        self.slice.value(GRID / 2, GRID / 2)
    }

    /// Where (α, β) = (0, 0) sits in the view's coordinates: the parameters' values on
    /// parameter axes, the origin for random directions.
    pub fn origin(&self) -> [f64; 2] {
        match self.directions {
            Directions::Random => [0.0, 0.0],
            Directions::Axes => self.axes.map(|p| self.source.theta[self.shape().index(p)]),
        }
    }

    /// The trajectory in the view's coordinates: the two parameters' values on parameter
    /// axes, the least-squares (α, β) for random directions.
    pub fn projected_trajectory(&self) -> Vec<[f64; 2]> {
        let len = self.source.theta.len();
        if self.directions == Directions::Axes {
            let [p, q] = self.axes.map(|a| self.shape().index(a));
            return self.source.trajectory.chunks_exact(len).map(|point| [point[p], point[q]]).collect();
        }
        let directions = self.slice.plane().directions.clone();
        let origin = self.origin();
        let mut delta = vec![0.0; len];
        self.source
            .trajectory
            .chunks_exact(len)
            .map(|point| {
                for (d, (p, c)) in delta.iter_mut().zip(point.iter().zip(&self.source.theta)) {
                    *d = p - c;
                }
                let [a, b] = project(&directions, &delta);
                [origin[0] + a, origin[1] + b]
            })
            .collect()
    }

    /// The axes' captions: the parameters' names, or α and β.
    pub fn axis_names(&self) -> [String; 2] {
        match self.directions {
            Directions::Random => ["α (along d₁)".into(), "β (along d₂)".into()],
            Directions::Axes => self.axes.map(|p| p.to_string()),
        }
    }

    /// Sets the canvas size in device pixels and the device-pixel ratio.
    pub fn resize(&mut self, width: usize, height: usize, pixel_ratio: f64) {
        self.view.resize(width, height);
        self.pixel_ratio = checked_pixel_ratio(pixel_ratio);
        self.drawn = None;
        self.contours.clear();
    }

    /// The view of the plane.
    pub fn view(&self) -> &Viewport {
        &self.view
    }

    /// Repaints the image and redraws the contours when a finer level has completed (both
    /// show the finest completed level), and rebuilds the marks (axes, trajectory, θ).
    pub fn render(&mut self) {
        self.view.center = self.origin();
        self.view.half_width = self.range;
        let r = self.pixel_ratio;
        let Some(stride) = self.slice.finished_stride() else {
            self.marks.clear();
            return;
        };
        if self.drawn != Some(stride) {
            let values = self.slice.values();
            self.heatmap.render_grid(values, GRID, GRID, stride, &HEATMAP);
            self.contours.clear();
            if let Some(scale) = self.heatmap.scale() {
                let mut segments = Vec::new();
                for level in scale.levels(CONTOURS) {
                    level_set(values, GRID, stride, level, &mut segments);
                }
                // Grid units to view coordinates: origin + (−range + cell·i, −range + cell·j).
                let (origin, cell, range) = (self.origin(), self.cell(), self.range);
                let to_view = |p: [f64; 2]| [origin[0] - range + p[0] * cell, origin[1] - range + p[1] * cell];
                for (p, q) in segments {
                    self.contours.push(Mark::Line {
                        from: self.view.to_pixel(to_view(p)),
                        to: self.view.to_pixel(to_view(q)),
                        color: CONTOUR_COLOR,
                        width: 0.8 * r,
                        dashed: false,
                    });
                }
            }
            self.drawn = Some(stride);
        }
        let mut marks = Marks::new();
        push_axes(&mut marks, &self.view, 6, 12.0 * r);
        let trajectory = self.projected_trajectory();
        push_polyline(
            &mut marks,
            &self.view,
            trajectory.iter().copied(),
            Stroke { color: TRAJECTORY_COLOR, width: 2.0 * r, dashed: false },
        );
        if let Some(&start) = trajectory.first() {
            marks.push(Mark::Disc {
                at: self.view.to_pixel(start),
                radius: 4.0 * r,
                fill: Rgb(0x33, 0x33, 0x33),
                outline: TRAJECTORY_COLOR,
                outline_width: 1.5 * r,
            });
        }
        marks.push(Mark::Disc {
            at: self.view.to_pixel(self.origin()),
            radius: 5.0 * r,
            fill: THETA_COLOR,
            outline: TRAJECTORY_COLOR,
            outline_width: 1.5 * r,
        });
        self.marks = marks;
    }

    /// The grid's spacing in α (and β).
    fn cell(&self) -> f64 {
        2.0 * self.range / (GRID - 1) as f64
    }

    /// The image of the finest level completed at the last [`Landscape::render`], one pixel
    /// per grid point.
    pub fn image(&self) -> &Raster {
        self.heatmap.raster()
    }

    /// Where the image goes on the canvas: [left, top, width, height] in device pixels.
    pub fn image_rect(&self) -> [f64; 4] {
        let [x, y] = self.origin();
        let range = self.range;
        grid_image_rect(&self.view, [x - range, y - range], [x + range, y + range], GRID, GRID)
    }

    /// The contour lines of the finest completed level.
    pub fn contours(&self) -> &[Mark] {
        &self.contours
    }

    /// The axes, the trajectory and θ.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// The range.
    pub fn range(&self) -> f64 {
        self.range
    }
}

impl Table for Landscape {
    /// [`LandscapeSetting::ALL`], the axes among the current model's parameters.
    fn specs(&self) -> Vec<Spec> {
        let shape = self.shape();
        LandscapeSetting::ALL.map(|s| s.spec(shape)).into()
    }

    fn current(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }

    /// The seed only for random directions, the axes only for two parameters.
    fn applies(&self, name: &str) -> bool {
        match name.parse() {
            Ok(LandscapeSetting::Seed) => self.directions == Directions::Random,
            Ok(LandscapeSetting::Axis(_)) => self.directions == Directions::Axes,
            Ok(_) => true,
            Err(_) => false,
        }
    }
}

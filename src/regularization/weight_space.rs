//! Weight space: a two-weight classifier's data-loss landscape over w = (w₁, w₂), the
//! penalty's level sets, and the regularized optimum w*(λ) as λ moves, with its path over λ
//! (see [`path`](super::path) for the model and the solver).
//!
//! The picture is the constrained form of regularization: w*(λ) is where a data-loss contour
//! touches the penalty's level set R(w) = R(w*), so the view draws both through w*. The L1
//! diamond's corners sit on the axes, which is why the L1 path runs into an axis and stays
//! there (a weight exactly 0) while the L2 circle only shrinks both weights towards 0.

use std::str::FromStr;

use super::HEATMAP;
use super::display::{number, plain};
use super::path::{PathPoint, TwoWeights, log_grid, path, penalty_weights, solve, zero_crossing};
use super::settings::{choice_among, listed, read_count, read_number, unknown};
use super::slice::{Plane, Slice};
use crate::data::{Dataset, DatasetKind, DatasetSpec};
use crate::loss::{Loss, LossKind};
use crate::objective::Objective;
use crate::regularizer::{Regularizer, RegularizerKind};
use crate::render::contour::{Segment, level_set};
use crate::render::heatmap::{Heatmap, grid_image_rect};
use crate::render::overlay::{Align, Mark, Marks, push_axes};
use crate::render::palette::Rgb;
use crate::render::polyline::{Stroke, push_polyline};
use crate::render::raster::Raster;
use crate::render::viewport::{Viewport, checked_pixel_ratio};
use crate::setting::{Kind, SettingError, Spec, Table};

/// The λ range of the slider and of the path.
pub const LAMBDA_RANGE: (f64, f64) = (1e-3, 10.0);
/// Points of the path over λ (20 per decade).
pub const PATH_POINTS: usize = 81;
/// Grid points per side of the data-loss image.
pub const GRID: usize = 129;
/// Data-loss contour lines.
pub const CONTOURS: usize = 14;
/// The penalties the view compares.
pub const PENALTIES: [RegularizerKind; 3] = [RegularizerKind::L2, RegularizerKind::L1, RegularizerKind::ElasticNet];

/// Colour of each penalty's path and level set.
pub fn penalty_color(kind: RegularizerKind) -> Rgb {
    match kind {
        RegularizerKind::L2 => Rgb(0x56, 0xB4, 0xE9),
        RegularizerKind::L1 => Rgb(0xE6, 0x9F, 0x00),
        _ => Rgb(0xCC, 0x79, 0xA7),
    }
}
/// Colour of the data-loss contours.
const CONTOUR_COLOR: Rgb = Rgb(0xd4, 0xd4, 0xdc);
/// Colour of the data-loss contour through the optimum and of the optimum's outline.
const TOUCH_COLOR: Rgb = Rgb(0xff, 0xff, 0xff);

/// A setting of the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeightSetting {
    /// `penalty`: l2, l1 or elastic-net.
    Penalty,
    /// `lambda`: the strength λ.
    Lambda,
    /// `beta`: the elastic net's β.
    Beta,
    /// `dataset`: a two-class dataset kind.
    Dataset,
    /// `points`: the number of points.
    Points,
    /// `noise`: the dataset's noise σ.
    Noise,
    /// `angle`: the rotation of the dataset, in degrees (for blobs: the direction of class 1).
    Angle,
    /// `seed`: the dataset's seed.
    Seed,
}

impl WeightSetting {
    /// Every setting, in link order: the penalty's, then the data's (none changes another).
    pub const ALL: [WeightSetting; 8] = [
        WeightSetting::Penalty,
        WeightSetting::Lambda,
        WeightSetting::Beta,
        WeightSetting::Dataset,
        WeightSetting::Points,
        WeightSetting::Noise,
        WeightSetting::Angle,
        WeightSetting::Seed,
    ];

    /// The name of its control and in links.
    pub fn name(self) -> &'static str {
        self.row().0
    }

    /// Its row of the settings table.
    pub fn spec(self) -> Spec {
        let (name, label, _, kind) = self.row();
        Spec::new(name, label, kind)
    }

    /// Its name, label, name in messages and kind: the datasets of two classes, the
    /// [`PENALTIES`], λ over [`LAMBDA_RANGE`] on a log scale.
    fn row(self) -> (&'static str, &'static str, &'static str, Kind) {
        let two_classes: Vec<DatasetKind> =
            DatasetKind::ALL.into_iter().filter(|k| (k.class_range().0..=k.class_range().1).contains(&2)).collect();
        match self {
            WeightSetting::Penalty => ("penalty", "Penalty", "the penalty", choice_among(&PENALTIES)),
            WeightSetting::Lambda => ("lambda", "λ", "λ", Kind::log(LAMBDA_RANGE.0, LAMBDA_RANGE.1, 0)),
            WeightSetting::Beta => ("beta", "β", "β", Kind::number(0.0, 10.0, 0.05)),
            WeightSetting::Dataset => ("dataset", "Dataset", "the dataset", choice_among(&two_classes)),
            WeightSetting::Points => ("points", "Points", "the number of points", Kind::whole(10, 1000)),
            WeightSetting::Noise => ("noise", "Noise σ", "the noise σ", Kind::number(0.0, 2.0, 0.05)),
            WeightSetting::Angle => ("angle", "Angle°", "the angle", Kind::number(-360.0, 360.0, 1.0)),
            WeightSetting::Seed => ("seed", "Seed", "the seed", Kind::seed()),
        }
    }
}

impl FromStr for WeightSetting {
    type Err = SettingError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        WeightSetting::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| unknown("weight-space view", name, &listed(&WeightSetting::ALL.map(WeightSetting::name))))
    }
}

/// The dataset, its problem, the paths, the current optimum and the drawing state.
#[derive(Clone, Debug)]
pub struct WeightSpace {
    spec: DatasetSpec,
    angle: f64,
    regularizer: Regularizer,
    lambda: f64,
    data: Dataset,
    problem: TwoWeights,
    half_width: f64,
    grid: Vec<f64>,
    paths: Vec<(RegularizerKind, Vec<PathPoint>)>,
    crossings: Vec<(RegularizerKind, [Option<f64>; 2])>,
    optimum: [f64; 2],
    view: Viewport,
    pixel_ratio: f64,
    heatmap: Heatmap,
    background: Marks,
    marks: Marks,
}

impl Default for WeightSpace {
    /// Two Gaussian blobs of 100 points with σ = 0.7, class 1 towards 30°; L1 with λ = 0.03.
    fn default() -> Self {
        let spec = DatasetSpec { kind: DatasetKind::Blobs, points: 100, classes: 2, noise: 0.7, seed: 1 };
        let angle = 30.0;
        let (data, problem) = generate(&spec, angle).expect("the default blobs are a two-class planar dataset");
        let mut view = WeightSpace {
            spec,
            angle,
            regularizer: Regularizer { kind: RegularizerKind::L1, beta: 0.5 },
            lambda: 0.03,
            data,
            problem,
            half_width: 1.0,
            grid: Vec::new(),
            paths: Vec::new(),
            crossings: Vec::new(),
            optimum: [0.0; 2],
            view: Viewport::centered(1.0, 1, 1),
            pixel_ratio: 1.0,
            heatmap: Heatmap::default(),
            background: Marks::new(),
            marks: Marks::new(),
        };
        view.rebuild().expect("the default blobs are a two-class planar dataset");
        view
    }
}

/// The dataset of `spec` rotated by `angle` − 180° (so that the blobs' class 1, generated
/// towards 180°, points towards `angle`), and its two-weight problem.
fn generate(spec: &DatasetSpec, angle: f64) -> Result<(Dataset, TwoWeights), SettingError> {
    let fail = |e: &dyn std::fmt::Display| SettingError::other(e.to_string());
    let generated = spec.generate().map_err(|e| fail(&e))?;
    let (sin, cos) = (angle - 180.0).to_radians().sin_cos();
    let rotated: Vec<f64> = (0..generated.len())
        .flat_map(|i| {
            let p = generated.point(i);
            [cos * p[0] - sin * p[1], sin * p[0] + cos * p[1]]
        })
        .collect();
    let data = Dataset::new(2, 2, rotated, generated.labels().to_vec()).map_err(|e| fail(&e))?;
    let problem = TwoWeights::new(&data).map_err(|e| fail(&e))?;
    Ok((data, problem))
}

/// The rounded-up "nice" value (1, 2, 2.5 or 5 × 10^k) at or above x.
fn nice_ceiling(x: f64) -> f64 {
    let magnitude = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|&v| v >= x).unwrap_or(10.0 * magnitude)
}

impl WeightSpace {
    /// Changes a setting; on error nothing changes.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingError> {
        let setting: WeightSetting = name.parse()?;
        let previous = self.clone();
        let result = self.apply(setting, value);
        if result.is_err() {
            *self = previous;
        }
        result
    }

    fn apply(&mut self, setting: WeightSetting, value: &str) -> Result<(), SettingError> {
        let (_, _, what, kind) = setting.row();
        match setting {
            WeightSetting::Dataset => {
                let dataset: DatasetKind = Kind::parse_named(value)?;
                if !(dataset.class_range().0..=dataset.class_range().1).contains(&2) {
                    return Err(SettingError::other(format!(
                        "the two-weight model needs a dataset of two classes; {} has {}",
                        dataset.name(),
                        dataset.class_range().0
                    )));
                }
                self.spec.kind = dataset;
            }
            WeightSetting::Points => self.spec.points = read_count(&kind, what, value)?,
            WeightSetting::Noise => self.spec.noise = read_number(&kind, what, value)?,
            WeightSetting::Seed => self.spec.seed = kind.parse_whole(what, value)?,
            WeightSetting::Angle => self.angle = read_number(&kind, what, value)?,
            WeightSetting::Penalty => {
                let penalty: RegularizerKind = Kind::parse_named(value)?;
                if !PENALTIES.contains(&penalty) {
                    return Err(SettingError::invalid(what, value, "l2, l1 or elastic-net"));
                }
                self.regularizer.kind = penalty;
                self.update_optimum();
                return Ok(());
            }
            WeightSetting::Beta => {
                self.regularizer.beta = read_number(&kind, what, value)?;
                self.rebuild_paths();
                self.update_optimum();
                return Ok(());
            }
            WeightSetting::Lambda => {
                self.lambda = read_number(&kind, what, value)?;
                self.update_optimum();
                return Ok(());
            }
        }
        self.rebuild()
    }

    /// A setting's current value.
    pub fn get(&self, name: &str) -> Result<String, SettingError> {
        Ok(match name.parse()? {
            WeightSetting::Dataset => self.spec.kind.name().to_string(),
            WeightSetting::Points => self.spec.points.to_string(),
            WeightSetting::Noise => plain(self.spec.noise),
            WeightSetting::Seed => self.spec.seed.to_string(),
            WeightSetting::Angle => plain(self.angle),
            WeightSetting::Penalty => self.regularizer.kind.name().to_string(),
            WeightSetting::Beta => plain(self.regularizer.beta),
            WeightSetting::Lambda => plain(self.lambda),
        })
    }

    /// Regenerates the data and everything that depends on it.
    fn rebuild(&mut self) -> Result<(), SettingError> {
        (self.data, self.problem) = generate(&self.spec, self.angle)?;
        self.rebuild_paths();
        // The window shows the least-regularized L2 optimum with room to spare.
        let loosest = self.path(RegularizerKind::L2).first().map_or([1.0, 1.0], |p| p.w);
        self.half_width = nice_ceiling(1.15 * loosest[0].abs().max(loosest[1].abs()).max(1.0)).min(50.0);
        self.compute_grid()?;
        self.update_optimum();
        Ok(())
    }

    /// Traces each penalty's path over λ and finds where its weights reach exactly 0.
    fn rebuild_paths(&mut self) {
        let lambdas = log_grid(LAMBDA_RANGE.0, LAMBDA_RANGE.1, PATH_POINTS);
        let beta = self.regularizer.beta;
        self.paths =
            PENALTIES.iter().map(|&kind| (kind, path(&self.problem, &Regularizer { kind, beta }, &lambdas))).collect();
        self.crossings = self
            .paths
            .iter()
            .map(|(kind, points)| {
                let regularizer = Regularizer { kind: *kind, beta };
                (*kind, [0, 1].map(|k| zero_crossing(&self.problem, &regularizer, points, k)))
            })
            .collect();
    }

    /// The data loss over the window: the two-class softmax with class 0's score at 0 and
    /// class 1's weights (w₁, w₂), sliced along those two weights.
    fn compute_grid(&mut self) -> Result<(), SettingError> {
        let objective = Objective {
            loss: Loss { kind: LossKind::Softmax, margin: 1.0 },
            regularizer: Regularizer { kind: RegularizerKind::None, beta: 0.0 },
            lambda: 0.0,
            regularize_bias: false,
        };
        let unit = |k: usize| (0..6).map(|i| if i == k { 1.0 } else { 0.0 }).collect();
        let plane = Plane { center: vec![0.0; 6], directions: [unit(2), unit(3)], range: self.half_width };
        let mut slice =
            Slice::new(&self.data, &objective, plane, GRID).map_err(|e| SettingError::other(e.to_string()))?;
        slice.complete();
        self.grid = slice.values().to_vec();
        self.heatmap.render_grid(&self.grid, GRID, GRID, 1, &HEATMAP);
        if self.heatmap.scale().is_none() {
            return Err(SettingError::other("the data loss is not finite here"));
        }
        // The contours follow the new grid at the next render.
        self.background.clear();
        Ok(())
    }

    /// Solves at the current λ, warm-started from the nearest point of the path.
    fn update_optimum(&mut self) {
        let target = self.lambda.ln();
        let distance = |p: &&PathPoint| (p.lambda.ln() - target).abs();
        let nearest = self.path(self.regularizer.kind).iter().min_by(|a, b| distance(a).total_cmp(&distance(b)));
        self.optimum = solve(&self.problem, &self.regularizer, self.lambda, nearest.map_or([0.0; 2], |p| p.w));
    }

    /// The dataset (rotated).
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The two-weight problem.
    pub fn problem(&self) -> &TwoWeights {
        &self.problem
    }

    /// The penalty.
    pub fn regularizer(&self) -> &Regularizer {
        &self.regularizer
    }

    /// λ.
    pub fn lambda(&self) -> f64 {
        self.lambda
    }

    /// The regularized optimum w*(λ).
    pub fn optimum(&self) -> [f64; 2] {
        self.optimum
    }

    /// Half the side of the square of weight space shown.
    pub fn half_width(&self) -> f64 {
        self.half_width
    }

    /// The path over λ of one of the [`PENALTIES`] (empty for others).
    pub fn path(&self, kind: RegularizerKind) -> &[PathPoint] {
        self.paths.iter().find(|(k, _)| *k == kind).map_or(&[], |(_, p)| p)
    }

    /// The data loss f(w*), the regularization loss λR(w*) and their sum.
    pub fn losses(&self) -> (f64, f64, f64) {
        let data = self.problem.data_loss(self.optimum);
        let penalty = self.lambda * self.regularizer.value(&self.optimum);
        (data, penalty, data + penalty)
    }

    /// The λ from which weight k (0 or 1) is exactly 0 on the current penalty's path.
    pub fn zero_crossing(&self, k: usize) -> Option<f64> {
        self.crossings.iter().find(|(kind, _)| *kind == self.regularizer.kind).and_then(|(_, c)| c[k])
    }

    /// What the path does to weight k, in words.
    pub fn crossing_text(&self, k: usize) -> String {
        let name = ["w₁", "w₂"][k];
        if penalty_weights(&self.regularizer).1 == 0.0 {
            return format!("{name} only shrinks: L2 never makes it exactly 0");
        }
        match self.zero_crossing(k) {
            Some(lambda) => format!("{name} = 0 exactly for λ ≥ {}", number(lambda, 6)),
            None if self.path(self.regularizer.kind).first().is_some_and(|p| p.w[k] == 0.0) => {
                format!("{name} = 0 exactly over the whole range")
            }
            None => format!("{name} stays nonzero up to λ = {}", number(LAMBDA_RANGE.1, 0)),
        }
    }

    /// The data loss at grid point (i, j) of the image (row 0 at the bottom).
    pub fn grid_value(&self, i: usize, j: usize) -> f64 {
        self.grid[j * GRID + i]
    }

    /// The data-loss image, one pixel per grid point, row 0 at the top; grid point (i, j)
    /// sits at w = (−h + 2h·i/(n − 1), −h + 2h·j/(n − 1)) with h the half width.
    pub fn image(&self) -> &Raster {
        self.heatmap.raster()
    }

    /// Where the image goes on the canvas: [left, top, width, height] in device pixels.
    pub fn image_rect(&self) -> [f64; 4] {
        let h = self.half_width;
        grid_image_rect(&self.view, [-h, -h], [h, h], GRID, GRID)
    }

    /// Sets the canvas size in device pixels and the device-pixel ratio.
    pub fn resize(&mut self, width: usize, height: usize, pixel_ratio: f64) {
        self.view.resize(width, height);
        self.pixel_ratio = checked_pixel_ratio(pixel_ratio);
        self.background.clear();
    }

    /// The view of weight space.
    pub fn view(&self) -> &Viewport {
        &self.view
    }

    fn grid_to_weights(&self, p: [f64; 2]) -> [f64; 2] {
        let h = self.half_width;
        p.map(|v| -h + 2.0 * h * v / (GRID - 1) as f64)
    }

    fn push_segments(&self, marks: &mut Marks, segments: &[Segment], color: Rgb, width: f64) {
        for (p, q) in segments {
            marks.push(Mark::Line {
                from: self.view.to_pixel(self.grid_to_weights(*p)),
                to: self.view.to_pixel(self.grid_to_weights(*q)),
                color,
                width,
                dashed: false,
            });
        }
    }

    /// Rebuilds the marks: the background (data-loss contours, only when the data or the
    /// size changed) and the foreground (axes, paths, the level sets through w*, w*).
    pub fn render(&mut self) {
        self.view.half_width = self.half_width;
        let r = self.pixel_ratio;
        if self.background.is_empty() {
            let mut background = Marks::new();
            if let Some(scale) = self.heatmap.scale() {
                let mut segments = Vec::new();
                for level in scale.levels(CONTOURS) {
                    level_set(&self.grid, GRID, 1, level, &mut segments);
                }
                self.push_segments(&mut background, &segments, CONTOUR_COLOR, 0.8 * r);
            }
            self.background = background;
        }
        let mut marks = Marks::new();
        push_axes(&mut marks, &self.view, 6, 12.0 * r);
        let (_, high) = self.view.data_bounds();
        let label = |at: [f64; 2], text: &str, align| Mark::Text {
            at,
            text: text.into(),
            color: Rgb(255, 255, 255),
            size: 14.0 * r,
            align,
        };
        marks.push(label(self.view.to_pixel([high[0], 0.0]).map(|v| v - 6.0 * r), "w₁", Align::Right));
        let top = self.view.to_pixel([0.0, high[1]]);
        marks.push(label([top[0] + 8.0 * r, top[1] + 16.0 * r], "w₂", Align::Left));
        // The data-loss contour through w*: where it touches the penalty's level set.
        let mut touching = Vec::new();
        level_set(&self.grid, GRID, 1, self.problem.data_loss(self.optimum), &mut touching);
        self.push_segments(&mut marks, &touching, TOUCH_COLOR, 1.5 * r);
        for &kind in &PENALTIES {
            let current = kind == self.regularizer.kind;
            let stroke =
                Stroke { color: penalty_color(kind), width: if current { 3.0 } else { 1.5 } * r, dashed: false };
            push_polyline(&mut marks, &self.view, self.path(kind).iter().map(|p| p.w), stroke);
        }
        let level = self.regularizer.value(&self.optimum);
        let outline = level_set_outline(&self.regularizer, level);
        let stroke = Stroke { color: penalty_color(self.regularizer.kind), width: 2.0 * r, dashed: false };
        push_polyline(&mut marks, &self.view, outline, stroke);
        marks.push(Mark::Disc {
            at: self.view.to_pixel(self.optimum),
            radius: 6.0 * r,
            fill: penalty_color(self.regularizer.kind),
            outline: TOUCH_COLOR,
            outline_width: 2.0 * r,
        });
        self.marks = marks;
    }

    /// The data-loss contours of the last [`WeightSpace::render`].
    pub fn background(&self) -> &[Mark] {
        &self.background
    }

    /// The foreground marks of the last [`WeightSpace::render`].
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }
}

/// Points around the level set {w : R(w) = level} of a penalty, closed (empty when the level
/// is 0). Along each direction (cos φ, sin φ) the set is at the radius r solving
/// a·r² + b·(|cos φ| + |sin φ|)·r = level.
///
/// ```
/// use descent::regularization::weight_space::level_set_outline;
/// use descent::regularizer::{Regularizer, RegularizerKind};
/// let en = Regularizer { kind: RegularizerKind::ElasticNet, beta: 0.5 };
/// for w in level_set_outline(&en, 2.0) {
///     assert!((en.value(&w) - 2.0).abs() < 1e-12);
/// }
/// ```
pub fn level_set_outline(regularizer: &Regularizer, level: f64) -> Vec<[f64; 2]> {
    let (a, b) = penalty_weights(regularizer);
    if !(level > 0.0 && level.is_finite()) || (a == 0.0 && b == 0.0) {
        return Vec::new();
    }
    const SAMPLES: usize = 360;
    (0..=SAMPLES)
        .map(|k| {
            let phi = std::f64::consts::TAU * k as f64 / SAMPLES as f64;
            let (sin, cos) = phi.sin_cos();
            let q = b * (cos.abs() + sin.abs());
            // The positive root of a r² + q r − level, written to avoid cancellation.
            let r = if a == 0.0 { level / q } else { 2.0 * level / (q + (q * q + 4.0 * a * level).sqrt()) };
            [r * cos, r * sin]
        })
        .collect()
}

impl Table for WeightSpace {
    /// [`WeightSetting::ALL`].
    fn specs(&self) -> Vec<Spec> {
        WeightSetting::ALL.map(WeightSetting::spec).into()
    }

    fn current(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }

    /// Every setting always applies: β shapes the elastic net's path, which the view draws
    /// whichever penalty is chosen.
    fn applies(&self, _name: &str) -> bool {
        true
    }
}

//! "Prefer simpler models": noisy samples of a smooth function, a polynomial of a chosen
//! degree fitted to them with ridge regularization ([`polyfit`](super::polyfit)), and its
//! error on the training points and on held-out points drawn the same way. A high degree with
//! little λ fits the noise (training error near 0, test error large); λ pushes back.
//!
//! Points: y = sin(πx) + σ·ε with ε standard normal, from a seeded stream. The N training x
//! are stratified, one uniform in each of N equal bins of [−1, 1] (so no stretch of the
//! interval is left without data, as in Bishop's classic figure); the held-out x are uniform
//! on [−1, 1], from an independent stream of the same seed.

use std::str::FromStr;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

use super::polyfit::{MAX_DEGREE, Polynomial, ridge_fit};
use super::settings::{listed, read_count, read_number, unknown};
use crate::render::overlay::{Mark, Marks, push_axes};
use crate::render::palette::Rgb;
use crate::render::polyline::{Stroke, push_polyline};
use crate::render::viewport::{Viewport, checked_pixel_ratio};
use crate::setting::{Kind, SettingError, Spec, Table};

/// The smallest and largest λ of the slider and of the error-vs-λ curves.
pub const LAMBDA_RANGE: (f64, f64) = (1e-10, 10.0);
/// Most training points.
pub const MAX_POINTS: usize = 50;
/// Held-out points.
pub const TEST_POINTS: usize = 200;
/// Half the side of the square of the plane the view shows, centred on the origin.
pub const VIEW_HALF_WIDTH: f64 = 1.5;
/// How near (CSS pixels) a press must be to a point to grab it.
pub const GRAB_RADIUS: f64 = 12.0;
/// Samples of the drawn curves.
const CURVE_SAMPLES: usize = 400;
/// λ values on the error curves.
const CURVE_LAMBDAS: usize = 81;

/// Colour of the training points.
pub const TRAIN_COLOR: Rgb = Rgb(0x00, 0x72, 0xB2);
/// Colour of the held-out points.
pub const TEST_COLOR: Rgb = Rgb(0x99, 0x99, 0xA1);
/// Colour of the fitted polynomial.
pub const FIT_COLOR: Rgb = Rgb(0xD5, 0x5E, 0x00);
/// Colour of the function the points are sampled from.
pub const TRUTH_COLOR: Rgb = Rgb(0x00, 0x9E, 0x73);

/// The function the points are sampled from, sin(πx).
pub fn truth(x: f64) -> f64 {
    (std::f64::consts::PI * x).sin()
}

/// A setting of the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SimplerSetting {
    /// `points`: the number of training points.
    Points,
    /// `noise`: the noise's standard deviation σ.
    Noise,
    /// `seed`: the points' seed.
    Seed,
    /// `degree`: the polynomial's degree, 0 to 15.
    Degree,
    /// `lambda`: the ridge strength λ.
    Lambda,
}

impl SimplerSetting {
    /// Every setting, in link order: the points' recipe (each setting regenerates them), then
    /// the fit's degree and λ.
    pub const ALL: [SimplerSetting; 5] = [
        SimplerSetting::Points,
        SimplerSetting::Noise,
        SimplerSetting::Seed,
        SimplerSetting::Degree,
        SimplerSetting::Lambda,
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

    /// Its name, label, name in messages and kind: λ over [`LAMBDA_RANGE`] on a log scale.
    fn row(self) -> (&'static str, &'static str, &'static str, Kind) {
        match self {
            SimplerSetting::Points => ("points", "Points", "the number of points", Kind::whole(2, MAX_POINTS as u64)),
            SimplerSetting::Noise => ("noise", "Noise σ", "the noise σ", Kind::number(0.0, 1.0, 0.05)),
            SimplerSetting::Seed => ("seed", "Seed", "the seed", Kind::seed()),
            SimplerSetting::Degree => ("degree", "Degree", "the degree", Kind::whole(0, MAX_DEGREE as u64)),
            SimplerSetting::Lambda => ("lambda", "λ", "λ", Kind::log(LAMBDA_RANGE.0, LAMBDA_RANGE.1, 0)),
        }
    }
}

impl FromStr for SimplerSetting {
    type Err = SettingError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        SimplerSetting::ALL.into_iter().find(|s| s.name() == name).ok_or_else(|| {
            unknown("simpler-models view", name, &listed(&SimplerSetting::ALL.map(SimplerSetting::name)))
        })
    }
}

/// Training and held-out error at one λ.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ErrorAt {
    /// The strength.
    pub lambda: f64,
    /// Mean squared error on the training points.
    pub train: f64,
    /// Mean squared error on the held-out points.
    pub test: f64,
}

/// The points, the fit and the drawing state.
#[derive(Clone, Debug)]
pub struct Simpler {
    degree: usize,
    lambda: f64,
    points: usize,
    noise: f64,
    seed: u64,
    train: [Vec<f64>; 2],
    test: [Vec<f64>; 2],
    fit: Polynomial,
    grabbed: Option<usize>,
    view: Viewport,
    pixel_ratio: f64,
    marks: Marks,
}

impl Default for Simpler {
    /// Ten training points with σ = 0.25, a degree-9 polynomial and λ = 10⁻⁸: nearly an
    /// interpolation, the classic picture of overfitting.
    fn default() -> Self {
        let mut view = Simpler {
            degree: 9,
            lambda: 1e-8,
            points: 10,
            noise: 0.25,
            seed: 3,
            train: Default::default(),
            test: Default::default(),
            fit: Polynomial { coefficients: vec![0.0] },
            grabbed: None,
            view: Viewport::centered(VIEW_HALF_WIDTH, 1, 1),
            pixel_ratio: 1.0,
            marks: Marks::new(),
        };
        view.regenerate();
        view.refit().expect("points in [−1, 1] with λ > 0 always have a ridge fit");
        view
    }
}

/// Draws `count` points y = sin(πx) + σε from stream `stream` of `seed`; x is uniform in the
/// i-th of `count` equal bins of [−1, 1] when `stratified`, else uniform on [−1, 1].
fn sample(seed: u64, stream: u64, count: usize, noise: f64, stratified: bool) -> [Vec<f64>; 2] {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    let (mut xs, mut ys) = (Vec::with_capacity(count), Vec::with_capacity(count));
    for i in 0..count {
        let u: f64 = rng.random_range(0.0..=1.0);
        let x = if stratified { -1.0 + 2.0 * (i as f64 + u) / count as f64 } else { 2.0 * u - 1.0 };
        let e: f64 = rng.sample(StandardNormal);
        xs.push(x);
        ys.push(truth(x) + noise * e);
    }
    [xs, ys]
}

impl Simpler {
    /// Changes a setting and refits; on error nothing changes. Changing the points, the noise
    /// or the seed draws new points (dragged points are replaced).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingError> {
        let previous = self.clone();
        let result = self.apply(name, value).and_then(|()| self.refit());
        if result.is_err() {
            *self = previous;
        }
        result
    }

    fn apply(&mut self, name: &str, value: &str) -> Result<(), SettingError> {
        let setting: SimplerSetting = name.parse()?;
        let (_, _, what, kind) = setting.row();
        match setting {
            SimplerSetting::Degree => self.degree = read_count(&kind, what, value)?,
            SimplerSetting::Lambda => self.lambda = read_number(&kind, what, value)?,
            SimplerSetting::Points => {
                self.points = read_count(&kind, what, value)?;
                self.regenerate();
            }
            SimplerSetting::Noise => {
                self.noise = read_number(&kind, what, value)?;
                self.regenerate();
            }
            SimplerSetting::Seed => {
                self.seed = kind.parse_whole(what, value)?;
                self.regenerate();
            }
        }
        Ok(())
    }

    /// A setting's current value.
    pub fn get(&self, name: &str) -> Result<String, SettingError> {
        Ok(match name.parse()? {
            SimplerSetting::Degree => self.degree.to_string(),
            SimplerSetting::Lambda => super::display::plain(self.lambda),
            SimplerSetting::Points => self.points.to_string(),
            SimplerSetting::Noise => super::display::plain(self.noise),
            SimplerSetting::Seed => self.seed.to_string(),
        })
    }

    fn regenerate(&mut self) {
        self.train = sample(self.seed, 0, self.points, self.noise, true);
        self.test = sample(self.seed, 1, TEST_POINTS, self.noise, false);
        self.grabbed = None;
    }

    fn refit(&mut self) -> Result<(), SettingError> {
        self.fit = ridge_fit(&self.train[0], &self.train[1], self.degree, self.lambda)
            .map_err(|e| SettingError::other(e.to_string()))?;
        Ok(())
    }

    /// The training points (x, y).
    pub fn train(&self) -> (&[f64], &[f64]) {
        (&self.train[0], &self.train[1])
    }

    /// The held-out points (x, y).
    pub fn test(&self) -> (&[f64], &[f64]) {
        (&self.test[0], &self.test[1])
    }

    /// The fitted polynomial.
    pub fn fit(&self) -> &Polynomial {
        &self.fit
    }

    /// λ.
    pub fn lambda(&self) -> f64 {
        self.lambda
    }

    /// The training error (1/N) Σ (p(x_i) − y_i)².
    pub fn train_error(&self) -> f64 {
        self.fit.mean_squared_error(&self.train[0], &self.train[1])
    }

    /// The same on the held-out points.
    pub fn test_error(&self) -> f64 {
        self.fit.mean_squared_error(&self.test[0], &self.test[1])
    }

    /// Training and held-out error over log-spaced λ across [`LAMBDA_RANGE`], at this degree.
    pub fn error_curve(&self) -> Vec<ErrorAt> {
        let (lo, hi) = (LAMBDA_RANGE.0.log10(), LAMBDA_RANGE.1.log10());
        (0..CURVE_LAMBDAS)
            .filter_map(|k| {
                let lambda = 10f64.powf(lo + (hi - lo) * k as f64 / (CURVE_LAMBDAS - 1) as f64);
                let p = ridge_fit(&self.train[0], &self.train[1], self.degree, lambda).ok()?;
                Some(ErrorAt {
                    lambda,
                    train: p.mean_squared_error(&self.train[0], &self.train[1]),
                    test: p.mean_squared_error(&self.test[0], &self.test[1]),
                })
            })
            .collect()
    }

    /// Moves training point `i` to (x, y), x clamped to [−1, 1] and y to the view, and refits.
    pub fn move_point(&mut self, i: usize, x: f64, y: f64) -> Result<(), SettingError> {
        if i >= self.train[0].len() {
            return Err(SettingError::other(format!("there is no training point {i}")));
        }
        if !(x.is_finite() && y.is_finite()) {
            return Err(SettingError::other("a point's coordinates must be finite numbers"));
        }
        self.train[0][i] = x.clamp(-1.0, 1.0);
        self.train[1][i] = y.clamp(-VIEW_HALF_WIDTH, VIEW_HALF_WIDTH);
        self.refit()
    }

    /// Sets the canvas size in device pixels and the device-pixel ratio.
    pub fn resize(&mut self, width: usize, height: usize, pixel_ratio: f64) {
        self.view.resize(width, height);
        self.pixel_ratio = checked_pixel_ratio(pixel_ratio);
    }

    /// A press at device pixel (px, py): grabs the nearest training point within
    /// [`GRAB_RADIUS`]; returns whether one was grabbed.
    pub fn press(&mut self, px: f64, py: f64) -> bool {
        let radius = GRAB_RADIUS * self.pixel_ratio;
        self.grabbed = (0..self.train[0].len())
            .map(|i| {
                let p = self.view.to_pixel([self.train[0][i], self.train[1][i]]);
                (i, (p[0] - px).hypot(p[1] - py))
            })
            .filter(|&(_, d)| d <= radius)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        self.grabbed.is_some()
    }

    /// A drag to device pixel (px, py): moves the grabbed point there; returns whether a point
    /// moved.
    pub fn drag(&mut self, px: f64, py: f64) -> Result<bool, SettingError> {
        let Some(i) = self.grabbed else { return Ok(false) };
        let [x, y] = self.view.to_data([px, py]);
        self.move_point(i, x, y)?;
        Ok(true)
    }

    /// Releases the grabbed point.
    pub fn release(&mut self) {
        self.grabbed = None;
    }

    /// Rebuilds the marks: axes, the sampled function, the fit, then the points.
    pub fn render(&mut self) {
        let r = self.pixel_ratio;
        self.marks.clear();
        push_axes(&mut self.marks, &self.view, 6, 12.0 * r);
        let xs =
            (0..=CURVE_SAMPLES).map(|k| -VIEW_HALF_WIDTH + 2.0 * VIEW_HALF_WIDTH * k as f64 / CURVE_SAMPLES as f64);
        let truth_stroke = Stroke { color: TRUTH_COLOR, width: 1.5 * r, dashed: false };
        push_polyline(&mut self.marks, &self.view, xs.clone().map(|x| [x, truth(x)]), truth_stroke);
        let fit_stroke = Stroke { color: FIT_COLOR, width: 2.5 * r, dashed: false };
        let fit = &self.fit;
        push_polyline(&mut self.marks, &self.view, xs.map(|x| [x, fit.value(x)]), fit_stroke);
        for (x, y) in self.test[0].iter().zip(&self.test[1]) {
            self.marks.push(Mark::Disc {
                at: self.view.to_pixel([*x, *y]),
                radius: 2.5 * r,
                fill: TEST_COLOR,
                outline: TEST_COLOR,
                outline_width: 0.0,
            });
        }
        for (i, (x, y)) in self.train[0].iter().zip(&self.train[1]).enumerate() {
            let grabbed = self.grabbed == Some(i);
            self.marks.push(Mark::Disc {
                at: self.view.to_pixel([*x, *y]),
                radius: if grabbed { 8.0 } else { 6.0 } * r,
                fill: TRAIN_COLOR,
                outline: Rgb(255, 255, 255),
                outline_width: 1.5 * r,
            });
        }
    }

    /// The marks of the last [`Simpler::render`].
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// The view of the plane.
    pub fn view(&self) -> &Viewport {
        &self.view
    }
}

impl Table for Simpler {
    /// [`SimplerSetting::ALL`]; every setting always applies.
    fn specs(&self) -> Vec<Spec> {
        SimplerSetting::ALL.map(SimplerSetting::spec).into()
    }

    fn current(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }

    fn applies(&self, _name: &str) -> bool {
        true
    }
}

//! Seeded toy datasets in the plane, and CSV import.
//!
//! Every generator is a pure function of its [`DatasetSpec`]: the same spec gives the same
//! points on every machine (the generator is an owned ChaCha8 stream seeded from
//! `spec.seed`, never a global or OS source). Each class receives `⌊N/C⌋` points and the
//! first `N mod C` classes one more; points are stored class by class.
//!
//! `noise` is the standard deviation σ of Gaussian jitter added to every point *after* its
//! label is fixed (as in TensorFlow Playground), so at σ = 0 each dataset satisfies its
//! defining geometric property exactly and larger σ lets the classes overlap. For blobs it is
//! also the blobs' own spread.

use std::fmt;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

mod csv;
mod revision;
mod split;
pub use csv::lines::CsvLines;
pub use csv::parse_csv;

/// The most classes a dataset may have: enough for every generator and a CSV, few enough
/// for a colour-blind-safe palette.
pub const MAX_CLASSES: usize = 6;
/// The largest fraction of the points that may be held out of training ([`Dataset::split`]):
/// at least one in ten trains.
pub const MAX_HELD_OUT: f64 = 0.9;
/// The most points a dataset may hold; generous for a browser lab, small enough to stay fluid.
pub const MAX_POINTS: usize = 1_000_000;

/// A labelled point set: `x` holds N rows of `dim` coordinates, `y` the class of each row,
/// `held_out` whether each row is held out of training (see [`Dataset::split`]); `revision`
/// changes with any of them ([`Dataset::revision`]). Datasets are equal when their points,
/// labels and flags are, whatever their revisions.
#[derive(Clone, Debug)]
pub struct Dataset {
    dim: usize,
    classes: usize,
    x: Vec<f64>,
    y: Vec<usize>,
    held_out: Vec<bool>,
    revision: u64,
}

impl PartialEq for Dataset {
    fn eq(&self, other: &Self) -> bool {
        (self.dim, self.classes) == (other.dim, other.classes)
            && self.x == other.x
            && self.y == other.y
            && self.held_out == other.held_out
    }
}

/// Why a dataset could not be built or changed.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// The requested number of classes is outside what the generator supports.
    Classes { kind: &'static str, requested: usize, min: usize, max: usize },
    /// The requested number of points is outside `1..=MAX_POINTS`, or below one per class.
    Points { requested: usize, min: usize },
    /// A noise level that is negative or not finite.
    Noise(f64),
    /// A label at or beyond the number of classes.
    Label { label: usize, classes: usize },
    /// A coordinate that is not finite, or a row of the wrong length.
    Coordinates(String),
    /// An index past the end of the dataset.
    Index { index: usize, len: usize },
    /// A CSV line that could not be read; `line` counts from 1.
    Csv { line: usize, message: String },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Classes { kind, requested, min, max } => {
                write!(f, "{kind} takes {min} to {max} classes, not {requested}")
            }
            DataError::Points { requested, min } => {
                write!(f, "number of points must be between {min} and {MAX_POINTS}, not {requested}")
            }
            DataError::Noise(v) => write!(f, "noise must be a finite number ≥ 0, not {v}"),
            DataError::Label { label, classes } => {
                write!(f, "label {label} is out of range for {classes} classes")
            }
            DataError::Coordinates(msg) => write!(f, "{msg}"),
            DataError::Index { index, len } => {
                write!(f, "point {index} does not exist (the dataset has {len})")
            }
            DataError::Csv { line, message } => write!(f, "CSV line {line}: {message}"),
        }
    }
}

impl std::error::Error for DataError {}

impl Dataset {
    /// Builds a dataset from rows of `dim` coordinates and their labels, checking that every
    /// coordinate is finite and every label is below `classes`.
    ///
    /// ```
    /// let d = descent::data::Dataset::new(2, 2, vec![0.0, 1.0, 2.0, 3.0], vec![0, 1]).unwrap();
    /// assert_eq!(d.len(), 2);
    /// assert_eq!(d.point(1), &[2.0, 3.0]);
    /// ```
    pub fn new(dim: usize, classes: usize, x: Vec<f64>, y: Vec<usize>) -> Result<Self, DataError> {
        if dim == 0 || x.len() != dim * y.len() {
            return Err(DataError::Coordinates(format!(
                "{} coordinates do not form {} rows of {dim}",
                x.len(),
                y.len()
            )));
        }
        if !(1..=MAX_CLASSES).contains(&classes) {
            return Err(DataError::Classes { kind: "a dataset", requested: classes, min: 1, max: MAX_CLASSES });
        }
        if y.len() > MAX_POINTS {
            return Err(DataError::Points { requested: y.len(), min: 0 });
        }
        if let Some(&label) = y.iter().find(|&&label| label >= classes) {
            return Err(DataError::Label { label, classes });
        }
        if x.iter().any(|v| !v.is_finite()) {
            return Err(DataError::Coordinates("every coordinate must be a finite number".into()));
        }
        let held_out = vec![false; y.len()];
        Ok(Dataset { dim, classes, x, y, held_out, revision: revision::next() })
    }

    /// The revision of the points, labels and held-out flags: a number, unique in the
    /// process, that changes with each of them (a clone keeps it), so that what is drawn from
    /// the points can tell in O(1) whether they changed.
    ///
    /// ```
    /// let mut d = descent::data::Dataset::new(2, 2, vec![0.0, 1.0], vec![0]).unwrap();
    /// let before = d.revision();
    /// assert_eq!(d.clone().revision(), before);
    /// d.move_point(0, &[2.0, 3.0]).unwrap();
    /// assert_ne!(d.revision(), before);
    /// ```
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Marks a change of the points, labels or flags.
    fn touch(&mut self) {
        self.revision = revision::next();
    }

    /// Number of points N.
    pub fn len(&self) -> usize {
        self.y.len()
    }

    /// True when the dataset holds no points.
    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    /// Input dimension D.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Number of classes C.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The coordinates x_i of point `i`.
    pub fn point(&self, i: usize) -> &[f64] {
        &self.x[i * self.dim..(i + 1) * self.dim]
    }

    /// The label y_i of point `i`.
    pub fn label(&self, i: usize) -> usize {
        self.y[i]
    }

    /// All labels in order.
    pub fn labels(&self) -> &[usize] {
        &self.y
    }

    /// All coordinates, row-major (N × D).
    pub fn coordinates(&self) -> &[f64] {
        &self.x
    }

    /// All coordinates, to be changed in place (by a perturbation of the points during
    /// training); the caller keeps every coordinate finite.
    pub(crate) fn coordinates_mut(&mut self) -> &mut [f64] {
        self.touch();
        &mut self.x
    }

    /// Number of points of each class.
    pub fn class_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.classes];
        for &label in &self.y {
            counts[label] += 1;
        }
        counts
    }

    /// The largest |coordinate| over all points (0 for an empty set).
    pub fn max_abs_coordinate(&self) -> f64 {
        self.x.iter().fold(0.0, |m, v| m.max(v.abs()))
    }

    /// Appends a training point of class `label`.
    pub fn push(&mut self, point: &[f64], label: usize) -> Result<(), DataError> {
        self.check_point(point)?;
        if label >= self.classes {
            return Err(DataError::Label { label, classes: self.classes });
        }
        if self.len() >= MAX_POINTS {
            return Err(DataError::Points { requested: self.len() + 1, min: 0 });
        }
        self.x.extend_from_slice(point);
        self.y.push(label);
        self.held_out.push(false);
        self.touch();
        Ok(())
    }

    /// Removes point `i`; later points move down by one.
    pub fn remove(&mut self, i: usize) -> Result<(), DataError> {
        self.check_index(i)?;
        self.x.drain(i * self.dim..(i + 1) * self.dim);
        self.y.remove(i);
        self.held_out.remove(i);
        self.touch();
        Ok(())
    }

    /// Moves point `i` to `point`, keeping its label.
    pub fn move_point(&mut self, i: usize, point: &[f64]) -> Result<(), DataError> {
        self.check_index(i)?;
        self.check_point(point)?;
        self.x[i * self.dim..(i + 1) * self.dim].copy_from_slice(point);
        self.touch();
        Ok(())
    }

    /// Index of the point nearest to `at` (Euclidean) within `radius`, if any.
    pub fn nearest_within(&self, at: &[f64], radius: f64) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for i in 0..self.len() {
            let d2: f64 = self.point(i).iter().zip(at).map(|(a, b)| (a - b) * (a - b)).sum();
            if d2 <= radius * radius && best.is_none_or(|(_, b)| d2 < b) {
                best = Some((i, d2));
            }
        }
        best.map(|(i, _)| i)
    }

    fn check_index(&self, i: usize) -> Result<(), DataError> {
        if i < self.len() { Ok(()) } else { Err(DataError::Index { index: i, len: self.len() }) }
    }

    fn check_point(&self, point: &[f64]) -> Result<(), DataError> {
        if point.len() != self.dim {
            return Err(DataError::Coordinates(format!("a point needs {} coordinates, not {}", self.dim, point.len())));
        }
        if point.iter().any(|v| !v.is_finite()) {
            return Err(DataError::Coordinates("every coordinate must be a finite number".into()));
        }
        Ok(())
    }
}

crate::named! {
    /// The toy datasets of the lab.
    pub enum DatasetKind: "dataset" {
        /// The cs231n linear-classify demo's nine points in three classes (N, noise and seed
        /// unused).
        Cs231n = "cs231n", "cs231n demo (9 points)";
        /// C Gaussian blobs (2 ≤ C ≤ 6) with means on the unit circle at angles 2πk/C and
        /// standard deviation σ = noise.
        Blobs = "blobs", "Gaussian blobs";
        /// The lecture's ring: class 0 has 1 ≤ ‖x‖₂ ≤ 2, class 1 is everything else in
        /// ‖x‖₂ < 1 or 2 < ‖x‖₂ ≤ 3 (both area-uniform).
        Ring = "ring", "Ring";
        /// The lecture's "three modes": class 0 lies in three discs of radius 0.6 centred at
        /// radius 2 (angles 90°, 210°, 330°); class 1 is uniform on [−3, 3]² at distance ≥ 0.9
        /// from every centre.
        ThreeModes = "three-modes", "Three modes";
        /// XOR: uniform on [−1, 1]² with |x₀|, |x₁| ≥ 0.1; class 0 where x₀x₁ > 0.
        Xor = "xor", "XOR";
        /// C interleaved spiral arms (2 ≤ C ≤ 6): point i of class k sits at radius r = i/n_k
        /// and angle θ = 2πk/C + 4r, i.e. x = r(sin θ, cos θ).
        Spiral = "spiral", "Spiral";
    }
}

impl DatasetKind {
    /// The range of class counts this generator accepts.
    pub fn class_range(self) -> (usize, usize) {
        match self {
            DatasetKind::Cs231n => (3, 3),
            DatasetKind::Blobs | DatasetKind::Spiral => (2, MAX_CLASSES),
            DatasetKind::Ring | DatasetKind::ThreeModes | DatasetKind::Xor => (2, 2),
        }
    }

    /// Half the side of the square view that shows this dataset at noise 0 with a margin.
    pub fn view_half_width(self) -> f64 {
        match self {
            DatasetKind::Cs231n => 1.0,
            DatasetKind::Blobs => 2.0,
            DatasetKind::Ring | DatasetKind::ThreeModes => 3.0,
            DatasetKind::Xor | DatasetKind::Spiral => 1.2,
        }
    }
}

/// Everything that determines a generated dataset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DatasetSpec {
    /// Which generator.
    pub kind: DatasetKind,
    /// Number of points N (ignored by [`DatasetKind::Cs231n`]).
    pub points: usize,
    /// Number of classes C, where the generator lets it vary.
    pub classes: usize,
    /// Standard deviation of the Gaussian jitter.
    pub noise: f64,
    /// Seed of the generator's random stream.
    pub seed: u64,
}

impl Default for DatasetSpec {
    fn default() -> Self {
        DatasetSpec { kind: DatasetKind::Cs231n, points: 100, classes: 3, noise: 0.0, seed: 1 }
    }
}

/// The cs231n demo's points (x₀, x₁, y).
const CS231N_POINTS: [(f64, f64, usize); 9] = [
    (0.5, 0.4, 0),
    (0.8, 0.3, 0),
    (0.3, 0.8, 0),
    (-0.4, 0.3, 1),
    (-0.3, 0.7, 1),
    (-0.7, 0.2, 1),
    (0.7, -0.4, 2),
    (0.5, -0.6, 2),
    (-0.4, -0.5, 2),
];

/// Centres of the three modes, at radius 2 and angles 90°, 210°, 330°.
pub const THREE_MODE_CENTRES: [[f64; 2]; 3] =
    [[0.0, 2.0], [-1.732_050_807_568_877_2, -1.0], [1.732_050_807_568_877_2, -1.0]];
/// Radius of each mode's disc.
pub const THREE_MODE_RADIUS: f64 = 0.6;
/// Distance that separates "everything else" from the modes' centres.
pub const THREE_MODE_CLEARANCE: f64 = 0.9;

impl DatasetSpec {
    /// Generates the dataset this spec describes.
    ///
    /// ```
    /// use descent::data::{DatasetKind, DatasetSpec};
    /// let spec = DatasetSpec { kind: DatasetKind::Blobs, points: 90, classes: 3, noise: 0.2, seed: 7 };
    /// let d = spec.generate().unwrap();
    /// assert_eq!(d.class_counts(), vec![30, 30, 30]);
    /// assert_eq!(d, spec.generate().unwrap());
    /// ```
    pub fn generate(&self) -> Result<Dataset, DataError> {
        if !self.noise.is_finite() || self.noise < 0.0 {
            return Err(DataError::Noise(self.noise));
        }
        if self.kind == DatasetKind::Cs231n {
            let x = CS231N_POINTS.iter().flat_map(|&(a, b, _)| [a, b]).collect();
            let y = CS231N_POINTS.iter().map(|&(_, _, c)| c).collect();
            return Dataset::new(2, 3, x, y);
        }
        let (min, max) = self.kind.class_range();
        let classes = if min == max { min } else { self.classes };
        if !(min..=max).contains(&classes) {
            return Err(DataError::Classes { kind: self.kind.name(), requested: classes, min, max });
        }
        if self.points < classes || self.points > MAX_POINTS {
            return Err(DataError::Points { requested: self.points, min: classes });
        }
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        let mut x = Vec::with_capacity(2 * self.points);
        let mut y = Vec::with_capacity(self.points);
        for class in 0..classes {
            let count = self.points / classes + usize::from(class < self.points % classes);
            for i in 0..count {
                let p = self.sample(&mut rng, class, classes, i, count);
                let jitter: [f64; 2] = [rng.sample(StandardNormal), rng.sample(StandardNormal)];
                x.push(p[0] + self.noise * jitter[0]);
                x.push(p[1] + self.noise * jitter[1]);
                y.push(class);
            }
        }
        Dataset::new(2, classes, x, y)
    }

    /// The noise-free position of point `i` of `count` in `class`.
    fn sample(&self, rng: &mut ChaCha8Rng, class: usize, classes: usize, i: usize, count: usize) -> [f64; 2] {
        use std::f64::consts::TAU;
        match self.kind {
            DatasetKind::Cs231n => unreachable!("the cs231n points are fixed"),
            DatasetKind::Blobs => {
                let angle = TAU * class as f64 / classes as f64;
                [angle.cos(), angle.sin()]
            }
            DatasetKind::Ring => {
                // Area-uniform radius: r = √U(r₀², r₁²).
                let (r0, r1): (f64, f64) = if class == 0 {
                    (1.0, 2.0)
                } else if rng.random_bool(0.5) {
                    (0.0, 1.0)
                } else {
                    (2.0, 3.0)
                };
                let r = loop {
                    let r: f64 = rng.random_range(r0 * r0..r1 * r1);
                    let r = r.sqrt();
                    // Class 1 excludes the closed ring's edges.
                    if class == 0 || (r != 1.0 && r != 2.0) {
                        break r;
                    }
                };
                let angle = rng.random_range(0.0..TAU);
                [r * angle.cos(), r * angle.sin()]
            }
            DatasetKind::ThreeModes => {
                if class == 0 {
                    let centre = THREE_MODE_CENTRES[rng.random_range(0..3)];
                    let r = THREE_MODE_RADIUS * rng.random::<f64>().sqrt();
                    let angle = rng.random_range(0.0..TAU);
                    [centre[0] + r * angle.cos(), centre[1] + r * angle.sin()]
                } else {
                    loop {
                        let p = [rng.random_range(-3.0..=3.0), rng.random_range(-3.0..=3.0)];
                        let clear =
                            THREE_MODE_CENTRES.iter().all(|c| (p[0] - c[0]).hypot(p[1] - c[1]) >= THREE_MODE_CLEARANCE);
                        if clear {
                            break p;
                        }
                    }
                }
            }
            DatasetKind::Xor => {
                // Class 0: same signs (x₀x₁ > 0); class 1: opposite signs.
                let first = if rng.random_bool(0.5) { 1.0 } else { -1.0 };
                let second = if class == 0 { first } else { -first };
                [first * rng.random_range(0.1..=1.0), second * rng.random_range(0.1..=1.0)]
            }
            DatasetKind::Spiral => {
                let r = i as f64 / count as f64;
                let angle = TAU * class as f64 / classes as f64 + 4.0 * r;
                [r * angle.sin(), r * angle.cos()]
            }
        }
    }
}

//! A 2D slice of a linear classifier's objective: the values L(θ + α·d₁ + β·d₂) on a square
//! grid of (α, β), computed coarse to fine so that a picture appears at once and sharpens.
//!
//! # Levels
//!
//! The grid has n = 2^k + 1 points per side (so the centre of a symmetric range is a grid
//! point). The first level computes every `COARSE_STRIDE`-th point; each following level
//! halves the stride and computes only the points the previous levels lack (three quarters of
//! its grid). [`Slice::advance`] does a bounded amount of that work and returns, so a caller
//! can spread the slice over animation frames without ever blocking input.
//!
//! # Why it is fast
//!
//! Scores are affine along the plane: s_i(α, β) = s_i⁰ + α·s_iᵅ + β·s_iᵝ, where s_i⁰ are the
//! scores at θ and s_iᵅ, s_iᵝ the scores of d₁ and d₂ taken as parameter vectors (W x_i + b).
//! These are computed once. Along a row (β fixed, α in steps of h):
//!
//! - the hinge losses are sums (or a max) of max(0, c + k·δ) terms: a few flops per example
//!   and point;
//! - softmax's terms e^{s_ij − s_{i,y_i}} advance by multiplication along rows and from row to
//!   row, with one logarithm per point (the `partition` module), instead of C + 1
//!   transcendental calls per example and point.
//!
//! The regularization term λR is evaluated by the core's [`Objective::regularization`] at
//! each point.

use std::fmt;

use super::hinge_row::{Row as HingeRow, Scratch as HingeScratch, add_hinge_losses};
use super::partition::{Partitions, RowPlace};
use crate::data::Dataset;
use crate::loss::LossKind;
use crate::model::Shape;
use crate::objective::Objective;

/// Stride of the first level; the first level has (n − 1)/`COARSE_STRIDE` + 1 points per side.
pub const COARSE_STRIDE: usize = 8;

/// The plane of a slice: its centre θ, its two directions and the (α, β) square it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Plane {
    /// The centre θ (α = β = 0).
    pub center: Vec<f64>,
    /// The directions d₁ (α) and d₂ (β), each as long as θ.
    pub directions: [Vec<f64>; 2],
    /// α and β both range over [−`range`, `range`].
    pub range: f64,
}

impl Plane {
    /// The parameters θ + α·d₁ + β·d₂, written into `out`.
    pub fn point(&self, alpha: f64, beta: f64, out: &mut [f64]) {
        for (k, o) in out.iter_mut().enumerate() {
            *o = self.center[k] + alpha * self.directions[0][k] + beta * self.directions[1][k];
        }
    }
}

/// Why a slice could not be set up.
#[derive(Clone, Debug, PartialEq)]
pub enum SliceError {
    /// The centre or a direction does not have one entry per parameter.
    Length { expected: usize, found: usize },
    /// A non-finite entry, or a range that is not a positive finite number.
    NotFinite,
    /// A grid size that is not 2^k + 1 with 2^k ≥ `COARSE_STRIDE`.
    Size(usize),
    /// A dataset without points.
    NoData,
}

impl fmt::Display for SliceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SliceError::Length { expected, found } => {
                write!(f, "a slice needs vectors of {expected} parameters, not {found}")
            }
            SliceError::NotFinite => write!(f, "the slice's centre, directions and range must be finite (range > 0)"),
            SliceError::Size(n) => {
                write!(f, "a slice grid has 2^k + 1 points per side (at least {}), not {n}", COARSE_STRIDE + 1)
            }
            SliceError::NoData => write!(f, "a slice needs at least one data point"),
        }
    }
}

impl std::error::Error for SliceError {}

/// The slice's grid and the state of its progressive computation.
#[derive(Clone, Debug)]
pub struct Slice {
    n: usize,
    plane: Plane,
    objective: Objective,
    shape: Shape,
    labels: Vec<usize>,
    /// Per example i and class j (index i·C + j): the scores at θ, of d₁ and of d₂.
    base: Vec<f64>,
    along: Vec<f64>,
    across: Vec<f64>,
    values: Vec<f64>,
    stride: usize,
    next_row: usize,
    finished: Option<usize>,
    /// Scratch: per point of a row, the data-loss sum; θ; the scores at a row's first point
    /// and their step (softmax); the partition functions' scratch.
    sums: Vec<f64>,
    theta: Vec<f64>,
    row_start: Vec<f64>,
    row_step: Vec<f64>,
    partitions: Option<Partitions>,
    hinge: HingeScratch,
}

impl Slice {
    /// Sets up the slice of `objective` on `data` over `plane` with `n` × `n` points
    /// (n = 2^k + 1 ≥ `COARSE_STRIDE` + 1); nothing is computed yet.
    pub fn new(data: &Dataset, objective: &Objective, plane: Plane, n: usize) -> Result<Slice, SliceError> {
        let shape = Shape { classes: data.classes(), dim: data.dim() };
        for v in [&plane.center, &plane.directions[0], &plane.directions[1]] {
            if v.len() != shape.len() {
                return Err(SliceError::Length { expected: shape.len(), found: v.len() });
            }
            if v.iter().any(|x| !x.is_finite()) {
                return Err(SliceError::NotFinite);
            }
        }
        if !(plane.range.is_finite() && plane.range > 0.0) {
            return Err(SliceError::NotFinite);
        }
        if n < COARSE_STRIDE + 1 || !(n - 1).is_power_of_two() {
            return Err(SliceError::Size(n));
        }
        if data.is_empty() {
            return Err(SliceError::NoData);
        }
        let c = shape.classes;
        let mut base = vec![0.0; data.len() * c];
        let mut along = vec![0.0; data.len() * c];
        let mut across = vec![0.0; data.len() * c];
        for i in 0..data.len() {
            let x = data.point(i);
            for (out, theta) in
                [(&mut base, &plane.center), (&mut along, &plane.directions[0]), (&mut across, &plane.directions[1])]
            {
                shape.scores(theta, x, &mut out[i * c..(i + 1) * c]);
            }
        }
        let partitions = (objective.loss.kind == LossKind::Softmax)
            .then(|| Partitions::new(c, data.labels(), [&base, &along, &across], plane.range));
        Ok(Slice {
            n,
            objective: *objective,
            shape,
            labels: data.labels().to_vec(),
            base,
            along,
            across,
            values: vec![f64::NAN; n * n],
            stride: COARSE_STRIDE,
            next_row: 0,
            finished: None,
            sums: vec![0.0; n],
            theta: vec![0.0; shape.len()],
            row_start: vec![0.0; data.len() * c],
            row_step: vec![0.0; data.len() * c],
            partitions,
            hinge: HingeScratch::default(),
            plane,
        })
    }

    /// Points per side.
    pub fn size(&self) -> usize {
        self.n
    }

    /// The plane.
    pub fn plane(&self) -> &Plane {
        &self.plane
    }

    /// α at column i: −range + 2·range·i/(n − 1).
    pub fn alpha(&self, i: usize) -> f64 {
        self.coordinate(i)
    }

    /// β at row j (row 0 is β = −range).
    pub fn beta(&self, j: usize) -> f64 {
        self.coordinate(j)
    }

    fn coordinate(&self, i: usize) -> f64 {
        let half = (self.n - 1) / 2;
        self.plane.range * (i as f64 - half as f64) / half as f64
    }

    /// The value at column i, row j; NaN until computed.
    pub fn value(&self, i: usize, j: usize) -> f64 {
        self.values[j * self.n + i]
    }

    /// All values, row by row (NaN where not computed yet).
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The stride of the finest level completed so far (`None` before the first level ends;
    /// 1 when the slice is complete).
    pub fn finished_stride(&self) -> Option<usize> {
        self.finished
    }

    /// True once every point is computed.
    pub fn is_complete(&self) -> bool {
        self.finished == Some(1)
    }

    /// Computes rows until about `budget` example-point evaluations are spent (at least one
    /// row, unless complete). Returns true while work remains.
    pub fn advance(&mut self, budget: usize) -> bool {
        let mut spent = 0;
        while !self.is_complete() && (spent == 0 || spent < budget) {
            spent += self.next() * self.labels.len();
        }
        !self.is_complete()
    }

    /// Computes everything that remains.
    pub fn complete(&mut self) {
        while !self.is_complete() {
            self.next();
        }
    }

    /// Computes the next row of the current level; returns the number of points computed.
    fn next(&mut self) -> usize {
        let s = self.stride;
        let first_level = s == COARSE_STRIDE;
        let j = self.next_row * s;
        // Rows already on the coarser grid need only the columns between its points. Rows of
        // one kind (one column step) follow each other 2s apart, or s apart on the first level.
        let (first, step) = if !first_level && j % (2 * s) == 0 { (s, 2 * s) } else { (0, s) };
        let gap = if first_level { s } else { 2 * s };
        let count = self.row(j, first, step, gap);
        self.next_row += 1;
        if self.next_row * s >= self.n {
            self.finished = Some(s);
            self.next_row = 0;
            self.stride = (s / 2).max(1);
        }
        count
    }

    /// Computes the points of row j at columns first, first + step, …; returns how many.
    fn row(&mut self, j: usize, first: usize, step: usize, gap: usize) -> usize {
        let count = (self.n - 1 - first) / step + 1;
        let beta = self.beta(j);
        let alpha0 = self.alpha(first);
        let spacing = self.alpha(1) - self.alpha(0);
        let h = step as f64 * spacing;
        self.sums[..count].fill(0.0);
        if let Some(partitions) = &mut self.partitions {
            let place = RowPlace { row: j, step, stride: self.stride, gap, alpha0, beta, spacing };
            partitions.add_row(&place, &mut self.sums[..count]);
        } else {
            self.hinge_row(alpha0, beta, h, count);
        }
        let examples = self.labels.len() as f64;
        for k in 0..count {
            let alpha = alpha0 + k as f64 * h;
            let data = self.sums[k] / examples;
            self.plane.point(alpha, beta, &mut self.theta);
            let total = data + self.objective.regularization(self.shape, &self.theta);
            self.values[j * self.n + first + k * step] = total;
        }
        count
    }

    /// The hinge losses (see [`hinge_row`](super::hinge_row)).
    fn hinge_row(&mut self, alpha0: f64, beta: f64, h: f64, count: usize) {
        for (k, (start, step)) in self.row_start.iter_mut().zip(&mut self.row_step).enumerate() {
            *start = self.base[k] + beta * self.across[k] + alpha0 * self.along[k];
            *step = h * self.along[k];
        }
        let row = HingeRow {
            classes: self.shape.classes,
            labels: &self.labels,
            start: &self.row_start,
            step: &self.row_step,
        };
        let loss = self.objective.loss;
        add_hinge_losses(loss.kind, loss.margin, &row, &mut self.sums[..count], &mut self.hinge);
    }
}

//! What the racers run on: one of the 2D test surfaces, or a slice through the classifier's
//! own loss.

use crate::field::Field;
use crate::optim::{LossFn, StepError};
use crate::race::slice::ClassifierSlice;
use crate::surface::{Domain, Minimum, Surface, SurfaceKind};

/// The name of the classifier slice in the `surface` setting.
pub const CLASSIFIER: &str = "classifier";

/// The ground of the race: a loss function of two parameters with what the picture needs
/// (domain, known minima, a suggested start).
#[derive(Clone, Debug)]
pub enum Terrain {
    /// A 2D test surface.
    Surface(Surface),
    /// The classifier lab's loss along two of its parameters.
    Classifier(Box<ClassifierSlice>),
}

impl Default for Terrain {
    fn default() -> Self {
        Terrain::Surface(Surface::new(SurfaceKind::Quadratic))
    }
}

impl Terrain {
    /// The name the `surface` setting uses.
    pub fn name(&self) -> &'static str {
        match self {
            Terrain::Surface(s) => s.kind.name(),
            Terrain::Classifier(_) => CLASSIFIER,
        }
    }

    /// f(x, y).
    pub fn value(&self, p: [f64; 2]) -> f64 {
        match self {
            Terrain::Surface(s) => s.value(p),
            Terrain::Classifier(slice) => slice.value(p),
        }
    }

    /// The spacing in pixels of the grid the picture evaluates f on, for a canvas of
    /// `pixels` pixels: every pixel for the surfaces, coarser for a large dataset's slice.
    pub fn picture_cell(&self, pixels: usize) -> usize {
        match self {
            Terrain::Surface(_) => 1,
            Terrain::Classifier(slice) => slice.picture_cell(pixels),
        }
    }

    /// The rectangle to show.
    pub fn domain(&self) -> Domain {
        match self {
            Terrain::Surface(s) => s.domain(),
            Terrain::Classifier(slice) => slice.domain(),
        }
    }

    /// The known minima (none for the classifier slice).
    pub fn minima(&self) -> &[Minimum] {
        match self {
            Terrain::Surface(s) => s.minima(),
            Terrain::Classifier(_) => &[],
        }
    }

    /// The global minimum value f*, when known.
    pub fn floor(&self) -> Option<f64> {
        self.minima().iter().filter(|m| m.global).map(|m| m.value).reduce(f64::min)
    }

    /// The suggested start: the surface's, or the lab's current values on the slice.
    pub fn start(&self) -> [f64; 2] {
        match self {
            Terrain::Surface(s) => s.start(),
            Terrain::Classifier(slice) => slice.start(),
        }
    }
}

/// The picture's f: the surface's grid form (per-column and per-row caches, to the last bit),
/// or the slice's (only the scores the two parameters change).
impl Field for Terrain {
    fn at(&self, p: [f64; 2]) -> f64 {
        self.value(p)
    }

    fn fill_grid(&self, xs: &[f64], ys: &[f64], out: &mut [f64]) {
        match self {
            Terrain::Surface(s) => s.fill_grid(xs, ys, out),
            Terrain::Classifier(slice) => slice.fill_grid(xs, ys, out),
        }
    }
}

impl LossFn for Terrain {
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64 {
        match self {
            Terrain::Surface(s) => s.loss_and_gradient(theta, grad),
            Terrain::Classifier(slice) => slice.loss_and_gradient(theta, grad),
        }
    }

    fn loss(&mut self, theta: &[f64]) -> f64 {
        match self {
            Terrain::Surface(s) => LossFn::loss(s, theta),
            Terrain::Classifier(slice) => LossFn::loss(slice.as_mut(), theta),
        }
    }

    fn hessian(&mut self, theta: &[f64], hessian: &mut [f64]) -> Result<(), StepError> {
        match self {
            Terrain::Surface(s) => LossFn::hessian(s, theta, hessian),
            Terrain::Classifier(slice) => LossFn::hessian(slice.as_mut(), theta, hessian),
        }
    }
}

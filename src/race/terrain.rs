//! What the racers run on: one of the 2D test surfaces.

use crate::optim::{LossFn, StepError};
use crate::surface::{Domain, Minimum, Surface, SurfaceKind};

/// The ground of the race: a loss function of two parameters with what the picture needs
/// (domain, known minima, a suggested start).
#[derive(Clone, Debug, PartialEq)]
pub enum Terrain {
    /// A 2D test surface.
    Surface(Surface),
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
        }
    }

    /// f(x, y).
    pub fn value(&self, p: [f64; 2]) -> f64 {
        match self {
            Terrain::Surface(s) => s.value(p),
        }
    }

    /// f as a closure for the per-pixel picture. The quadratic is ½pᵀHp with its constant
    /// Hessian H, which spares the rotation's cosine and sine at every pixel.
    pub fn picture(&self) -> impl Fn([f64; 2]) -> f64 + '_ {
        let quadratic = match self {
            Terrain::Surface(s) if s.kind == SurfaceKind::Quadratic => Some(s.hessian([0.0, 0.0])),
            _ => None,
        };
        move |p: [f64; 2]| match quadratic {
            Some([[a, b], [_, c]]) => 0.5 * (a * p[0] * p[0] + 2.0 * b * p[0] * p[1] + c * p[1] * p[1]),
            None => self.value(p),
        }
    }

    /// The rectangle to show.
    pub fn domain(&self) -> Domain {
        match self {
            Terrain::Surface(s) => s.domain(),
        }
    }

    /// The known minima.
    pub fn minima(&self) -> &[Minimum] {
        match self {
            Terrain::Surface(s) => s.minima(),
        }
    }

    /// The global minimum value f*, when known.
    pub fn floor(&self) -> Option<f64> {
        self.minima().iter().filter(|m| m.global).map(|m| m.value).reduce(f64::min)
    }

    /// The suggested start.
    pub fn start(&self) -> [f64; 2] {
        match self {
            Terrain::Surface(s) => s.start(),
        }
    }
}

impl LossFn for Terrain {
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64 {
        match self {
            Terrain::Surface(s) => s.loss_and_gradient(theta, grad),
        }
    }

    fn loss(&mut self, theta: &[f64]) -> f64 {
        match self {
            Terrain::Surface(s) => LossFn::loss(s, theta),
        }
    }

    fn hessian(&mut self, theta: &[f64], hessian: &mut [f64]) -> Result<(), StepError> {
        match self {
            Terrain::Surface(s) => LossFn::hessian(s, theta, hessian),
        }
    }
}

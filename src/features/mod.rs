//! Feature maps φ: the classifier stays linear in its parameters, f(x) = W φ(x) + b, while φ
//! bends the input plane so that its decision boundaries can curve.
//!
//! Every map but the identity works on the plane's coordinates scaled to the view,
//! u = (x − c) / h, with c the view's centre and h its half-width ([`Frame`]), so that every
//! feature stays within about [−1, 1] over what the canvas shows whatever the dataset's scale
//! (x₀⁹ of a point at x₀ = 3 would otherwise be 19683, and no learning rate would suit both it
//! and x₀). The maps, with d the [`FeatureMap::degree`]:
//!
//! - [`FeatureKind::Identity`]: φ(x) = x, today's linear classifier (no scaling, no copy).
//! - [`FeatureKind::Polynomial`] ([`polynomial`]): every monomial u₀^a u₁^b with 1 ≤ a + b ≤ d,
//!   by total degree, then by falling power of u₀: u₀, u₁, u₀², u₀u₁, u₁², …;
//!   (d + 1)(d + 2)/2 − 1 features (54 at d = 9).
//! - [`FeatureKind::Fourier`] ([`fourier`]): u₀, u₁ and, for f = 1 … d, sin(fπu₀/2),
//!   cos(fπu₀/2), sin(fπu₁/2), cos(fπu₁/2); 2 + 4d features.
//! - [`FeatureKind::Radial`] ([`radial`]): u₀, u₁ and a Gaussian bump
//!   exp(−‖u − c_{ab}‖² / 2σ²) around each centre of a g × g grid, g = d ≤ [`radial::MAX_GRID`],
//!   at the cells' centres c_{ab} = (−1 + (2a + 1)/g, −1 + (2b + 1)/g) of the view's square,
//!   with σ = 2/g, the centres' spacing; 2 + g² features.
//!
//! The expanded points are cached per dataset ([`cache`]).

pub mod cache;
pub mod dropout;
pub mod fourier;
mod names;
pub mod polynomial;
pub mod radial;

use crate::data::{DataError, Dataset};

crate::named! {
    /// Which feature map φ the classifier sees.
    #[derive(Default)]
    pub enum FeatureKind: "feature map" {
        /// φ(x) = x.
        #[default]
        Identity = "identity", "None (x itself)";
        /// Monomials of the scaled coordinates up to degree d.
        Polynomial = "polynomial", "Polynomial up to degree d";
        /// The scaled coordinates with sines and cosines of d frequencies.
        Fourier = "sin-cos", "sin/cos, d frequencies";
        /// The scaled coordinates with Gaussian bumps on a d × d grid.
        Radial = "radial", "Radial, d × d centres";
    }
}

impl FeatureKind {
    /// The degrees the map takes: 1 to 9 (the radial grid to [`radial::MAX_GRID`]; the identity
    /// ignores it).
    pub fn max_degree(self) -> usize {
        match self {
            FeatureKind::Radial => radial::MAX_GRID,
            _ => MAX_DEGREE,
        }
    }
}

pub use polynomial::MAX_DEGREE;

/// The scaling u = (x − c) / h from the plane to the unit square of the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// The view's centre c.
    pub center: [f64; 2],
    /// The view's half-width h (> 0).
    pub half_width: f64,
}

impl Default for Frame {
    fn default() -> Self {
        Frame { center: [0.0, 0.0], half_width: 1.0 }
    }
}

impl Frame {
    /// u = (x − c) / h.
    pub fn scale(&self, x: &[f64]) -> [f64; 2] {
        [(x[0] - self.center[0]) / self.half_width, (x[1] - self.center[1]) / self.half_width]
    }
}

/// A feature map φ: its kind, its degree d and the frame it scales the plane by.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FeatureMap {
    /// Which map.
    pub kind: FeatureKind,
    /// The degree, number of frequencies or grid side d (1 ≤ d ≤ [`FeatureKind::max_degree`]).
    pub degree: usize,
    /// The scaling of the plane (unused by the identity).
    pub frame: Frame,
}

impl FeatureMap {
    /// Whether φ is the identity (the lab then uses the points themselves).
    pub fn is_identity(&self) -> bool {
        self.kind == FeatureKind::Identity
    }

    /// The number of features F of an input of dimension `input` (the identity keeps it; the
    /// others take points of the plane).
    ///
    /// ```
    /// use descent::features::{FeatureKind, FeatureMap};
    /// let map = |kind, degree| FeatureMap { kind, degree, ..Default::default() };
    /// assert_eq!(map(FeatureKind::Identity, 3).dim(2), 2);
    /// assert_eq!(map(FeatureKind::Polynomial, 9).dim(2), 54);
    /// assert_eq!(map(FeatureKind::Fourier, 3).dim(2), 14);
    /// assert_eq!(map(FeatureKind::Radial, 3).dim(2), 11);
    /// ```
    pub fn dim(&self, input: usize) -> usize {
        let d = self.degree.clamp(1, self.kind.max_degree());
        match self.kind {
            FeatureKind::Identity => input,
            FeatureKind::Polynomial => polynomial::count(d),
            FeatureKind::Fourier => fourier::count(d),
            FeatureKind::Radial => radial::count(d),
        }
    }

    /// φ(x) written into `out` (length [`FeatureMap::dim`]); `x` is a point of the plane
    /// unless φ is the identity.
    pub fn expand(&self, x: &[f64], out: &mut [f64]) {
        let d = self.degree.clamp(1, self.kind.max_degree());
        match self.kind {
            FeatureKind::Identity => out.copy_from_slice(x),
            FeatureKind::Polynomial => polynomial::expand(self.frame.scale(x), d, out),
            FeatureKind::Fourier => fourier::expand(self.frame.scale(x), d, out),
            FeatureKind::Radial => radial::expand(self.frame.scale(x), d, out),
        }
    }

    /// The features' names, as the W grid labels its columns: "x₀", "x₀²x₁", "sin 2πx₀/2",
    /// "rbf(1,2)". Every map but the identity names the scaled coordinates u by x.
    pub fn names(&self, input: usize) -> Vec<String> {
        let d = self.degree.clamp(1, self.kind.max_degree());
        match self.kind {
            FeatureKind::Identity => (0..input).map(|l| format!("x{}", names::subscript(l))).collect(),
            FeatureKind::Polynomial => polynomial::names(d),
            FeatureKind::Fourier => fourier::names(d),
            FeatureKind::Radial => radial::names(d),
        }
    }

    /// The dataset of φ(x_i) for the points `rows` of `data`, with their labels: what the
    /// objective trains on.
    pub fn expand_rows(&self, data: &Dataset, rows: &[usize]) -> Result<Dataset, DataError> {
        let f = self.dim(data.dim());
        let mut x = vec![0.0; f * rows.len()];
        for (out, &i) in x.chunks_exact_mut(f.max(1)).zip(rows) {
            self.expand(data.point(i), out);
        }
        Dataset::new(f, data.classes(), x, rows.iter().map(|&i| data.label(i)).collect())
    }
}

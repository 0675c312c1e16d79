//! Two-dimensional test functions f(x, y) for watching optimizers move: value, gradient and
//! Hessian in closed form, the domain to show, the known minima and a suggested start.
//!
//! Each [`Surface`] is a [`LossFn`] over θ = (x, y) with an analytic Hessian, so every
//! optimizer, Newton's method included, runs on it unchanged.
//!
//! ```
//! use descent::surface::{Surface, SurfaceKind};
//! let rosenbrock = Surface::new(SurfaceKind::Rosenbrock);
//! assert_eq!(rosenbrock.value([1.0, 1.0]), 0.0);
//! assert_eq!(rosenbrock.gradient([0.0, 0.0]), [-2.0, 0.0]);
//! ```

use crate::field::{Field, fill_separable};
use crate::optim::{LossFn, StepError};

crate::named! {
    /// Which test function. Its label is its name, as the race's menu lists it.
    #[derive(Default)]
    pub enum SurfaceKind: "surface" {
        /// ½(u² + κv²) with u = x cosθ + y sinθ, v = −x sinθ + y cosθ: a valley of condition
        /// number κ turned by θ (the lecture's Problem #1).
        #[default]
        Quadratic = "quadratic", "quadratic";
        /// x² − y²: the lecture's saddle point (Problem #2).
        Saddle = "saddle", "saddle";
        /// x³ − 3xy²: a saddle with three descending valleys and a zero Hessian at the origin.
        MonkeySaddle = "monkey-saddle", "monkey-saddle";
        /// (1 − x)² + 100(y − x²)²: a curved, narrow valley.
        Rosenbrock = "rosenbrock", "rosenbrock";
        /// (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: flat plateaus, sharp ridges.
        Beale = "beale", "beale";
        /// (x + 2y − 7)² + (2x + y − 5)²: a tilted quadratic bowl.
        Booth = "booth", "booth";
        /// (x² + y − 11)² + (x + y² − 7)²: four global minima.
        Himmelblau = "himmelblau", "himmelblau";
        /// 20 + Σ (x_i² − 10 cos 2πx_i): Rastrigin with A = 10, a grid of local minima.
        Rastrigin = "rastrigin", "rastrigin";
        /// ½ Σ (x_i⁴ − 16x_i² + 5x_i): Styblinski–Tang, four minima of which one is global.
        StyblinskiTang = "styblinski-tang", "styblinski-tang";
        /// (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²: six local minima, two global.
        SixHumpCamel = "six-hump-camel", "six-hump-camel";
    }
}

impl SurfaceKind {
    /// Whether the surface has a shape to set, the condition number κ and the angle θ (only
    /// the quadratic has).
    pub fn has_shape(self) -> bool {
        self == SurfaceKind::Quadratic
    }
}

/// A known local minimum.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Minimum {
    /// Its position (x, y).
    pub at: [f64; 2],
    /// f there.
    pub value: f64,
    /// True when no point of the plane is lower.
    pub global: bool,
}

const fn global(x: f64, y: f64, value: f64) -> Minimum {
    Minimum { at: [x, y], value, global: true }
}

const fn local(x: f64, y: f64, value: f64) -> Minimum {
    Minimum { at: [x, y], value, global: false }
}

const ORIGIN: [Minimum; 1] = [global(0.0, 0.0, 0.0)];
const ROSENBROCK: [Minimum; 1] = [global(1.0, 1.0, 0.0)];
const BEALE: [Minimum; 1] = [global(3.0, 0.5, 0.0)];
const BOOTH: [Minimum; 1] = [global(1.0, 3.0, 0.0)];
const HIMMELBLAU: [Minimum; 4] = [
    global(3.0, 2.0, 0.0),
    global(-2.805_118_086_952_745, 3.131_312_518_250_573, 0.0),
    global(-3.779_310_253_377_747, -3.283_185_991_286_169_6, 0.0),
    global(3.584_428_340_330_491_7, -1.848_126_526_964_403_6, 0.0),
];
/// Roots of 4x³ − 32x + 5 that are minima of x⁴ − 16x² + 5x, and the values there.
const ST_LOW: f64 = -2.903_534_027_771_177;
const ST_HIGH: f64 = 2.746_802_770_990_837;
const ST_LOW_VALUE: f64 = -39.166_165_703_771_41;
const ST_HIGH_VALUE: f64 = -25.029_446_655_283_94;
const STYBLINSKI_TANG: [Minimum; 4] = [
    global(ST_LOW, ST_LOW, 2.0 * ST_LOW_VALUE),
    local(ST_LOW, ST_HIGH, ST_LOW_VALUE + ST_HIGH_VALUE),
    local(ST_HIGH, ST_LOW, ST_LOW_VALUE + ST_HIGH_VALUE),
    local(ST_HIGH, ST_HIGH, 2.0 * ST_HIGH_VALUE),
];
const SIX_HUMP_CAMEL: [Minimum; 6] = [
    global(0.089_842_013_100_318_06, -0.712_656_403_020_739_6, -1.031_628_453_489_877_4),
    global(-0.089_842_013_100_318_06, 0.712_656_403_020_739_6, -1.031_628_453_489_877_4),
    local(-1.703_606_714_969_981, 0.796_083_568_672_625_1, -0.215_463_824_383_717_64),
    local(1.703_606_714_969_981, -0.796_083_568_672_625_1, -0.215_463_824_383_717_64),
    local(-1.607_104_752_920_197_2, -0.568_651_454_884_131_4, 2.104_250_310_311_258_4),
    local(1.607_104_752_920_197_2, 0.568_651_454_884_131_4, 2.104_250_310_311_258_4),
];

/// The rectangle [x_min, x_max] × [y_min, y_max] a surface is shown on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Domain {
    /// (x_min, x_max).
    pub x: (f64, f64),
    /// (y_min, y_max).
    pub y: (f64, f64),
}

impl Domain {
    /// True when p lies in the rectangle (edges included).
    pub fn contains(&self, p: [f64; 2]) -> bool {
        (self.x.0..=self.x.1).contains(&p[0]) && (self.y.0..=self.y.1).contains(&p[1])
    }
}

/// A test function with its parameters (κ and θ matter only for the quadratic).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Surface {
    /// Which function.
    pub kind: SurfaceKind,
    /// The quadratic's condition number κ (the ratio of its Hessian's eigenvalues).
    pub kappa: f64,
    /// The quadratic's angle θ in degrees.
    pub angle: f64,
}

impl Default for Surface {
    fn default() -> Self {
        Surface::new(SurfaceKind::default())
    }
}

impl Surface {
    /// The surface with the quadratic's defaults κ = 10, θ = 0°.
    pub fn new(kind: SurfaceKind) -> Self {
        Surface { kind, kappa: 10.0, angle: 0.0 }
    }

    /// The quadratic's (cos θ, sin θ).
    fn rotation(&self) -> (f64, f64) {
        let theta = self.angle.to_radians();
        (theta.cos(), theta.sin())
    }

    /// f(x, y).
    ///
    /// ```
    /// use descent::surface::{Surface, SurfaceKind};
    /// assert_eq!(Surface::new(SurfaceKind::Booth).value([1.0, 3.0]), 0.0);
    /// assert_eq!(Surface::new(SurfaceKind::Saddle).value([1.0, 2.0]), -3.0);
    /// ```
    pub fn value(&self, p: [f64; 2]) -> f64 {
        let [x, y] = p;
        match self.kind {
            SurfaceKind::Quadratic => {
                let (c, s) = self.rotation();
                let (u, v) = (c * x + s * y, -s * x + c * y);
                0.5 * (u * u + self.kappa * v * v)
            }
            SurfaceKind::Saddle => x * x - y * y,
            SurfaceKind::MonkeySaddle => x * x * x - 3.0 * x * y * y,
            SurfaceKind::Rosenbrock => square(1.0 - x) + 100.0 * square(y - x * x),
            SurfaceKind::Beale => beale_terms(x, y).iter().map(|t| t.value * t.value).sum(),
            SurfaceKind::Booth => square(x + 2.0 * y - 7.0) + square(2.0 * x + y - 5.0),
            SurfaceKind::Himmelblau => square(x * x + y - 11.0) + square(x + y * y - 7.0),
            SurfaceKind::Rastrigin => 20.0 + rastrigin(x) + rastrigin(y),
            SurfaceKind::StyblinskiTang => 0.5 * (styblinski_tang(x) + styblinski_tang(y)),
            SurfaceKind::SixHumpCamel => {
                (4.0 - 2.1 * x * x + x * x * x * x / 3.0) * x * x + x * y + (-4.0 + 4.0 * y * y) * y * y
            }
        }
    }

    /// ∇f(x, y) = (∂f/∂x, ∂f/∂y).
    pub fn gradient(&self, p: [f64; 2]) -> [f64; 2] {
        let [x, y] = p;
        match self.kind {
            SurfaceKind::Quadratic => {
                let (c, s) = self.rotation();
                let (u, v) = (c * x + s * y, -s * x + c * y);
                [c * u - s * self.kappa * v, s * u + c * self.kappa * v]
            }
            SurfaceKind::Saddle => [2.0 * x, -2.0 * y],
            SurfaceKind::MonkeySaddle => [3.0 * x * x - 3.0 * y * y, -6.0 * x * y],
            SurfaceKind::Rosenbrock => [-2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 200.0 * (y - x * x)],
            SurfaceKind::Beale => beale_terms(x, y)
                .iter()
                .fold([0.0, 0.0], |g, t| [g[0] + 2.0 * t.value * t.dx, g[1] + 2.0 * t.value * t.dy]),
            SurfaceKind::Booth => {
                let (a, b) = (x + 2.0 * y - 7.0, 2.0 * x + y - 5.0);
                [2.0 * a + 4.0 * b, 4.0 * a + 2.0 * b]
            }
            SurfaceKind::Himmelblau => {
                let (a, b) = (x * x + y - 11.0, x + y * y - 7.0);
                [4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b]
            }
            SurfaceKind::Rastrigin => [rastrigin_slope(x), rastrigin_slope(y)],
            SurfaceKind::StyblinskiTang => [st_slope(x), st_slope(y)],
            SurfaceKind::SixHumpCamel => {
                [8.0 * x - 8.4 * x * x * x + 2.0 * x * x * x * x * x + y, x - 8.0 * y + 16.0 * y * y * y]
            }
        }
    }

    /// The Hessian ∇²f(x, y) = [[f_xx, f_xy], [f_xy, f_yy]].
    ///
    /// ```
    /// use descent::surface::{Surface, SurfaceKind};
    /// let q = Surface { kind: SurfaceKind::Quadratic, kappa: 4.0, angle: 0.0 };
    /// assert_eq!(q.hessian([0.3, -0.2]), [[1.0, 0.0], [0.0, 4.0]]);
    /// ```
    pub fn hessian(&self, p: [f64; 2]) -> [[f64; 2]; 2] {
        let [x, y] = p;
        let symmetric = |xx: f64, xy: f64, yy: f64| [[xx, xy], [xy, yy]];
        match self.kind {
            SurfaceKind::Quadratic => {
                let (c, s) = self.rotation();
                let k = self.kappa;
                symmetric(c * c + k * s * s, (1.0 - k) * s * c, s * s + k * c * c)
            }
            SurfaceKind::Saddle => symmetric(2.0, 0.0, -2.0),
            SurfaceKind::MonkeySaddle => symmetric(6.0 * x, -6.0 * y, -6.0 * x),
            SurfaceKind::Rosenbrock => symmetric(2.0 - 400.0 * y + 1200.0 * x * x, -400.0 * x, 200.0),
            SurfaceKind::Beale => {
                let h = beale_terms(x, y).iter().fold([0.0; 3], |h, t| {
                    [
                        h[0] + 2.0 * t.dx * t.dx,
                        h[1] + 2.0 * (t.dx * t.dy + t.value * t.dxy),
                        h[2] + 2.0 * (t.dy * t.dy + t.value * t.dyy),
                    ]
                });
                symmetric(h[0], h[1], h[2])
            }
            SurfaceKind::Booth => symmetric(10.0, 8.0, 10.0),
            SurfaceKind::Himmelblau => {
                let (a, b) = (x * x + y - 11.0, x + y * y - 7.0);
                symmetric(4.0 * a + 8.0 * x * x + 2.0, 4.0 * x + 4.0 * y, 2.0 + 4.0 * b + 8.0 * y * y)
            }
            SurfaceKind::Rastrigin => symmetric(rastrigin_curvature(x), 0.0, rastrigin_curvature(y)),
            SurfaceKind::StyblinskiTang => symmetric(6.0 * x * x - 16.0, 0.0, 6.0 * y * y - 16.0),
            SurfaceKind::SixHumpCamel => symmetric(8.0 - 25.2 * x * x + 10.0 * x * x * x * x, 1.0, -8.0 + 48.0 * y * y),
        }
    }

    /// The rectangle to show: the usual evaluation domain of each test function.
    pub fn domain(&self) -> Domain {
        let square = |h: f64| Domain { x: (-h, h), y: (-h, h) };
        match self.kind {
            SurfaceKind::Quadratic | SurfaceKind::Saddle | SurfaceKind::MonkeySaddle => square(2.0),
            SurfaceKind::Rosenbrock => Domain { x: (-2.0, 2.0), y: (-1.0, 3.0) },
            SurfaceKind::Beale => square(4.5),
            SurfaceKind::Booth => square(10.0),
            SurfaceKind::Himmelblau | SurfaceKind::StyblinskiTang => square(5.0),
            SurfaceKind::Rastrigin => square(5.12),
            SurfaceKind::SixHumpCamel => Domain { x: (-3.0, 3.0), y: (-2.0, 2.0) },
        }
    }

    /// The known local minima (global ones flagged). The saddles have none (they are unbounded
    /// below); Rastrigin lists only its global minimum, not its grid of local ones.
    pub fn minima(&self) -> &'static [Minimum] {
        match self.kind {
            SurfaceKind::Quadratic | SurfaceKind::Rastrigin => &ORIGIN,
            SurfaceKind::Saddle | SurfaceKind::MonkeySaddle => &[],
            SurfaceKind::Rosenbrock => &ROSENBROCK,
            SurfaceKind::Beale => &BEALE,
            SurfaceKind::Booth => &BOOTH,
            SurfaceKind::Himmelblau => &HIMMELBLAU,
            SurfaceKind::StyblinskiTang => &STYBLINSKI_TANG,
            SurfaceKind::SixHumpCamel => &SIX_HUMP_CAMEL,
        }
    }

    /// A start that shows the surface's character: across the quadratic's valley, just off
    /// the saddle's stable axis, Rosenbrock's classic (−1.2, 1), between basins elsewhere.
    pub fn start(&self) -> [f64; 2] {
        match self.kind {
            SurfaceKind::Quadratic => [-1.5, 1.0],
            SurfaceKind::Saddle => [-1.5, 0.05],
            SurfaceKind::MonkeySaddle => [1.5, 0.5],
            SurfaceKind::Rosenbrock => [-1.2, 1.0],
            SurfaceKind::Beale => [1.0, 1.5],
            SurfaceKind::Booth => [-5.0, -5.0],
            SurfaceKind::Himmelblau => [0.0, 0.0],
            SurfaceKind::Rastrigin => [2.3, -1.8],
            SurfaceKind::StyblinskiTang => [0.5, 0.5],
            SurfaceKind::SixHumpCamel => [-1.5, -1.0],
        }
    }
}

/// One of Beale's three terms a_i = c_i − x + x·yⁱ with its derivatives.
struct BealeTerm {
    value: f64,
    dx: f64,
    dy: f64,
    dxy: f64,
    dyy: f64,
}

fn beale_terms(x: f64, y: f64) -> [BealeTerm; 3] {
    let (y2, y3) = (y * y, y * y * y);
    [
        // 1.5 − x + xy
        BealeTerm { value: 1.5 - x + x * y, dx: y - 1.0, dy: x, dxy: 1.0, dyy: 0.0 },
        // 2.25 − x + xy²
        BealeTerm { value: 2.25 - x + x * y2, dx: y2 - 1.0, dy: 2.0 * x * y, dxy: 2.0 * y, dyy: 2.0 * x },
        // 2.625 − x + xy³
        BealeTerm { value: 2.625 - x + x * y3, dx: y3 - 1.0, dy: 3.0 * x * y2, dxy: 3.0 * y2, dyy: 6.0 * x * y },
    ]
}

fn square(v: f64) -> f64 {
    v * v
}

fn rastrigin(x: f64) -> f64 {
    x * x - 10.0 * (std::f64::consts::TAU * x).cos()
}

fn rastrigin_slope(x: f64) -> f64 {
    2.0 * x + 20.0 * std::f64::consts::PI * (std::f64::consts::TAU * x).sin()
}

fn rastrigin_curvature(x: f64) -> f64 {
    2.0 + 40.0 * std::f64::consts::PI * std::f64::consts::PI * (std::f64::consts::TAU * x).cos()
}

fn styblinski_tang(x: f64) -> f64 {
    x * x * x * x - 16.0 * x * x + 5.0 * x
}

fn st_slope(x: f64) -> f64 {
    2.0 * x * x * x - 16.0 * x + 2.5
}

/// f on a grid, as [`Surface::value`] computes it point by point, to the last bit: every term
/// in x alone or y alone is computed once per column or row ([`fill_separable`]), and only the
/// terms that mix x and y are left per point, combined in the order `value` combines them.
/// Rastrigin and Styblinski–Tang are sums of a term in x and a term in y, so their cosines
/// and quartics cost nothing per point.
///
/// ```
/// use descent::field::Field;
/// use descent::surface::{Surface, SurfaceKind};
/// let rastrigin = Surface::new(SurfaceKind::Rastrigin);
/// let (xs, ys) = ([-1.3, 0.0, 2.5], [0.7, -4.1]);
/// let mut grid = [0.0; 6];
/// rastrigin.fill_grid(&xs, &ys, &mut grid);
/// assert_eq!(grid[3 + 2], rastrigin.value([2.5, -4.1]));
/// ```
impl Field for Surface {
    fn at(&self, p: [f64; 2]) -> f64 {
        self.value(p)
    }

    fn fill_grid(&self, xs: &[f64], ys: &[f64], out: &mut [f64]) {
        match self.kind {
            SurfaceKind::Quadratic => {
                // u = cx + sy, v = −sx + cy.
                let ((c, s), kappa) = (self.rotation(), self.kappa);
                fill_separable(
                    xs,
                    ys,
                    out,
                    |x| [c * x, -s * x],
                    |y| [s * y, c * y],
                    |[cx, nsx], [sy, cy]: [f64; 2]| {
                        let (u, v) = (cx + sy, nsx + cy);
                        0.5 * (u * u + kappa * v * v)
                    },
                );
            }
            SurfaceKind::Saddle => fill_separable(xs, ys, out, |x| x * x, |y| y * y, |xx, yy| xx - yy),
            SurfaceKind::MonkeySaddle => {
                fill_separable(xs, ys, out, |x| [x * x * x, 3.0 * x], |y| y, |[cube, x3], y| cube - x3 * y * y)
            }
            SurfaceKind::Rosenbrock => fill_separable(
                xs,
                ys,
                out,
                |x| [square(1.0 - x), x * x],
                |y| y,
                |[a, xx], y| a + 100.0 * square(y - xx),
            ),
            SurfaceKind::Beale => fill_separable(
                xs,
                ys,
                out,
                |x| [1.5 - x, 2.25 - x, 2.625 - x, x],
                |y| [y, y * y, y * y * y],
                |[a1, a2, a3, x], [y, y2, y3]: [f64; 3]| {
                    let (t1, t2, t3) = (a1 + x * y, a2 + x * y2, a3 + x * y3);
                    t1 * t1 + t2 * t2 + t3 * t3
                },
            ),
            SurfaceKind::Booth => fill_separable(
                xs,
                ys,
                out,
                |x| [x, 2.0 * x],
                |y| [2.0 * y, y],
                |[x, x2], [y2, y]: [f64; 2]| square(x + y2 - 7.0) + square(x2 + y - 5.0),
            ),
            SurfaceKind::Himmelblau => fill_separable(
                xs,
                ys,
                out,
                |x| [x * x, x],
                |y| [y, y * y],
                |[xx, x], [y, yy]: [f64; 2]| square(xx + y - 11.0) + square(x + yy - 7.0),
            ),
            SurfaceKind::Rastrigin => fill_separable(xs, ys, out, |x| 20.0 + rastrigin(x), rastrigin, |a, b| a + b),
            SurfaceKind::StyblinskiTang => {
                fill_separable(xs, ys, out, styblinski_tang, styblinski_tang, |a, b| 0.5 * (a + b))
            }
            SurfaceKind::SixHumpCamel => fill_separable(
                xs,
                ys,
                out,
                |x| [(4.0 - 2.1 * x * x + x * x * x * x / 3.0) * x * x, x],
                |y| [(-4.0 + 4.0 * y * y) * y * y, y],
                |[a, x], [b, y]: [f64; 2]| a + x * y + b,
            ),
        }
    }
}

/// θ's first two entries as a point (missing entries read as 0, so no length panics).
fn point(theta: &[f64]) -> [f64; 2] {
    [theta.first().copied().unwrap_or(0.0), theta.get(1).copied().unwrap_or(0.0)]
}

impl LossFn for Surface {
    fn loss_and_gradient(&mut self, theta: &[f64], grad: &mut [f64]) -> f64 {
        let p = point(theta);
        for (g, d) in grad.iter_mut().zip(self.gradient(p)) {
            *g = d;
        }
        self.value(p)
    }

    fn loss(&mut self, theta: &[f64]) -> f64 {
        self.value(point(theta))
    }

    fn hessian(&mut self, theta: &[f64], hessian: &mut [f64]) -> Result<(), StepError> {
        let [[xx, xy], [_, yy]] = Surface::hessian(self, point(theta));
        for (h, v) in hessian.iter_mut().zip([xx, xy, xy, yy]) {
            *h = v;
        }
        Ok(())
    }
}

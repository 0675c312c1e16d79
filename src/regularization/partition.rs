//! The softmax part of a slice: Σ_i L_i at every point of a row of the (α, β) grid, with few
//! transcendental calls.
//!
//! Softmax's loss is L_i = log(1 + Σ_{j≠y} e^{u_ij}) with u_ij = s_ij − s_{i,y_i}, and every
//! u_ij is affine on the plane. Each example gets one shift for the whole plane,
//! m_i = max(0, the largest u_ij at the plane's corners), so that
//! L_i = m_i + log(e^{−m_i} + Σ_j e^{u_ij − m_i}) with every term at most 1. The terms advance
//! by multiplication: along a row by e^{h·∂u/∂α} per point, and from one row to the next row
//! of the same kind by e^{Δβ·∂u/∂β}; both factors are tabulated once per level. The sum of
//! logs is the log of a product, accumulated with its binary exponent split off whenever it
//! leaves [2⁻¹⁰⁰, 2¹⁰⁰], so a point costs one logarithm and an example a few multiplications.
//!
//! Examples go four at a time (four independent chains of multiplications keep the processor
//! busy) when each one's u spans at most `GROUP_SPREAD` over the plane, so the product of four
//! partition functions stays above e^{−600}; alone when it spans at most `SINGLE_SPREAD`; and
//! point by point with [`log_sum_exp`] beyond that, where a shifted term could underflow and
//! later matter.

use crate::data::MAX_CLASSES;
use crate::loss::log_sum_exp;

/// Largest spread of an example's u over the plane for the grouped path.
const GROUP_SPREAD: f64 = 150.0;
/// Largest spread for the single path (e^{−600} is far above the smallest normal f64).
const SINGLE_SPREAD: f64 = 600.0;
/// The running products are renormalized outside [2⁻¹⁰⁰, 2¹⁰⁰]; a factor of at least
/// e^{−600} ≈ 2⁻⁸⁶⁶ and at most 6⁴ then keeps them normal.
const PRODUCT_LOW: f64 = 7.888609052210118e-31; // 2⁻¹⁰⁰
const PRODUCT_HIGH: f64 = 1.2676506002282294e30; // 2¹⁰⁰

/// How an example is evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Path {
    Grouped,
    Single,
    Direct,
}

/// Where a row lies: its grid row, its column step, the level's stride, the distance to the
/// previous row of its kind (same column step), α at its first point, β, and the grid spacing
/// in α and β.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RowPlace {
    pub row: usize,
    pub step: usize,
    pub stride: usize,
    pub gap: usize,
    pub alpha0: f64,
    pub beta: f64,
    pub spacing: f64,
}

/// Per kind of row (by its column step), the terms at the start of the last row computed.
#[derive(Clone, Debug, Default)]
struct RowKind {
    row: Option<usize>,
    starts: Vec<f64>,
    along: Vec<f64>,
    down: Vec<f64>,
}

/// The softmax slice's precomputed terms and per-level tables.
#[derive(Clone, Debug)]
pub(crate) struct Partitions {
    rivals: usize,
    /// Per example i and rival t (index i·T + t): u at θ and its rate along d₁ and d₂.
    base: Vec<f64>,
    along: Vec<f64>,
    across: Vec<f64>,
    shifts: Vec<f64>,
    floors: Vec<f64>,
    paths: Vec<Path>,
    shift_sum: f64,
    stride: usize,
    kinds: [RowKind; 2],
    products: Vec<f64>,
    exponents: Vec<i64>,
    scores: Vec<f64>,
}

impl Partitions {
    /// Sets up the terms from the scores at θ (`base`), of d₁ (`along`) and of d₂ (`across`),
    /// N × C each, for a plane spanning α, β ∈ [−range, range].
    pub(crate) fn new(classes: usize, labels: &[usize], scores: [&[f64]; 3], range: f64) -> Self {
        let rivals = classes - 1;
        let mut relative = [Vec::new(), Vec::new(), Vec::new()];
        for (out, s) in relative.iter_mut().zip(scores) {
            out.reserve(labels.len() * rivals);
            for (i, &y) in labels.iter().enumerate() {
                let row = &s[i * classes..(i + 1) * classes];
                out.extend((0..classes).filter(|&j| j != y).map(|j| row[j] - row[y]));
            }
        }
        let [base, along, across] = relative;
        let (mut shifts, mut floors, mut paths) = (Vec::new(), Vec::new(), Vec::new());
        let mut shift_sum = 0.0;
        for i in 0..labels.len() {
            let (mut high, mut low) = (0.0f64, 0.0f64);
            for t in i * rivals..(i + 1) * rivals {
                for (a, b) in [(-1.0, -1.0), (-1.0, 1.0), (1.0, -1.0), (1.0, 1.0)] {
                    let u = base[t] + range * (a * along[t] + b * across[t]);
                    high = high.max(u);
                    low = low.min(u);
                }
            }
            let path = match high - low {
                s if s <= GROUP_SPREAD => Path::Grouped,
                s if s <= SINGLE_SPREAD => Path::Single,
                _ => Path::Direct,
            };
            if path != Path::Direct {
                shift_sum += high;
            }
            shifts.push(high);
            floors.push((-high).exp());
            paths.push(path);
        }
        Partitions {
            rivals,
            base,
            along,
            across,
            shifts,
            floors,
            paths,
            shift_sum,
            stride: 0,
            kinds: Default::default(),
            products: Vec::new(),
            exponents: Vec::new(),
            scores: Vec::new(),
        }
    }

    /// Adds Σ_i L_i at each point of the row to `sums` (one entry per point).
    pub(crate) fn add_row(&mut self, place: &RowPlace, sums: &mut [f64]) {
        match self.rivals {
            0 => {}
            1 => self.add::<1>(place, sums),
            2 => self.add::<2>(place, sums),
            3 => self.add::<3>(place, sums),
            4 => self.add::<4>(place, sums),
            _ => self.add::<{ MAX_CLASSES - 1 }>(place, sums),
        }
    }

    /// Prepares the row's starting terms and its factor along the row.
    fn prepare(&mut self, place: &RowPlace) -> usize {
        if place.stride != self.stride {
            self.stride = place.stride;
            self.kinds = Default::default();
        }
        let kind = usize::from(place.step != place.stride);
        let state = &mut self.kinds[kind];
        if state.along.is_empty() {
            let h = place.step as f64 * place.spacing;
            state.along = self.along.iter().map(|b| (h * b).exp()).collect();
        }
        if state.row.is_some_and(|r| r + place.gap == place.row) {
            if state.down.is_empty() {
                let h = place.gap as f64 * place.spacing;
                state.down = self.across.iter().map(|b| (h * b).exp()).collect();
            }
            for (s, d) in state.starts.iter_mut().zip(&state.down) {
                *s *= d;
            }
        } else {
            let t = self.rivals;
            state.starts.clear();
            state.starts.extend(self.base.iter().enumerate().map(|(n, u0)| {
                let u = u0 + place.alpha0 * self.along[n] + place.beta * self.across[n];
                (u - self.shifts[n / t]).exp()
            }));
        }
        state.row = Some(place.row);
        kind
    }

    fn add<const T: usize>(&mut self, place: &RowPlace, sums: &mut [f64]) {
        let kind = self.prepare(place);
        let count = sums.len();
        self.products.clear();
        self.products.resize(count, 1.0);
        self.exponents.clear();
        self.exponents.resize(count, 0);
        let examples = self.paths.len();
        let mut i = 0;
        while i < examples {
            if i + 4 <= examples && self.paths[i..i + 4].iter().all(|&p| p == Path::Grouped) {
                self.grouped::<T>(kind, i);
                i += 4;
            } else {
                match self.paths[i] {
                    Path::Direct => self.direct::<T>(place, i, sums),
                    _ => self.single::<T>(kind, i),
                }
                i += 1;
            }
        }
        for (k, sum) in sums.iter_mut().enumerate() {
            *sum += self.shift_sum + self.products[k].ln() + self.exponents[k] as f64 * std::f64::consts::LN_2;
        }
    }

    /// Example i's current terms, their factors along the row and its constant term e^{−m}.
    fn terms<const T: usize>(&self, kind: usize, i: usize) -> ([f64; T], [f64; T], f64) {
        let state = &self.kinds[kind];
        let range = i * T..(i + 1) * T;
        let (starts, along) = (&state.starts[range.clone()], &state.along[range]);
        (std::array::from_fn(|t| starts[t]), std::array::from_fn(|t| along[t]), self.floors[i])
    }

    fn single<const T: usize>(&mut self, kind: usize, i: usize) {
        let (mut terms, factors, floor) = self.terms::<T>(kind, i);
        for (product, exponent) in self.products.iter_mut().zip(&mut self.exponents) {
            let mut z = floor;
            for t in 0..T {
                z += terms[t];
                terms[t] *= factors[t];
            }
            *product *= z;
            renormalize(product, exponent);
        }
    }

    fn grouped<const T: usize>(&mut self, kind: usize, i: usize) {
        let mut group: [([f64; T], [f64; T], f64); 4] = std::array::from_fn(|g| self.terms::<T>(kind, i + g));
        for (product, exponent) in self.products.iter_mut().zip(&mut self.exponents) {
            let mut z = [0.0; 4];
            for (zg, (terms, factors, floor)) in z.iter_mut().zip(group.iter_mut()) {
                *zg = *floor;
                for t in 0..T {
                    *zg += terms[t];
                    terms[t] *= factors[t];
                }
            }
            *product *= (z[0] * z[1]) * (z[2] * z[3]);
            renormalize(product, exponent);
        }
    }

    /// log(1 + Σ_t e^{u_t}) point by point, for terms too spread out to shift.
    fn direct<const T: usize>(&mut self, place: &RowPlace, i: usize, sums: &mut [f64]) {
        self.scores.resize(T + 1, 0.0);
        self.scores[T] = 0.0;
        let h = place.step as f64 * place.spacing;
        for (k, sum) in sums.iter_mut().enumerate() {
            let alpha = place.alpha0 + k as f64 * h;
            for t in 0..T {
                let n = i * T + t;
                self.scores[t] = self.base[n] + alpha * self.along[n] + place.beta * self.across[n];
            }
            *sum += log_sum_exp(&self.scores);
        }
    }
}

#[inline]
fn renormalize(product: &mut f64, exponent: &mut i64) {
    if !(*product > PRODUCT_LOW && *product < PRODUCT_HIGH) {
        let (mantissa, e) = split_exponent(*product);
        *product = mantissa;
        *exponent += e;
    }
}

/// Splits a positive finite x into m·2^e with m in [1, 2).
fn split_exponent(x: f64) -> (f64, i64) {
    let (x, bias) = if x < f64::MIN_POSITIVE { (x * 2f64.powi(64), -64) } else { (x, 0) };
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64 - 1023;
    (f64::from_bits((bits & !(0x7ff << 52)) | (1023 << 52)), e + bias)
}

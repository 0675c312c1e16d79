//! "Numeric gradient, by hand": the slides that nudge one entry of W at a time by h and fill
//! the gradient dW entry by entry with the difference quotient (L(W + h·e_k) − L(W)) / h,
//! ending with the analytic gradient beside it and the relative errors.
//!
//! The slides' W = [0.34, −1.11, 0.78, 0.12, 0.55, 2.81, −3.1, −1.5, 0.33, …] becomes the nine
//! parameters of the cs231n demo's classifier (three classes over two inputs): W =
//! [[0.34, −1.11], [0.78, 0.12], [0.55, 2.81]] and b = [−3.1, −1.5, 0.33], scored on the
//! demo's nine points. The slides' losses (1.25347, …) are illustrations without data behind
//! them; this view computes real ones.

use std::str::FromStr;

use super::display::{number, plain, significant};
use super::settings::{read_number, unknown};
use crate::data::{Dataset, DatasetKind, DatasetSpec};
use crate::loss::{Loss, LossKind};
use crate::model::Shape;
use crate::objective::{Difference, Objective, numeric_gradient, relative_error};
use crate::regularizer::{Regularizer, RegularizerKind};
use crate::setting::{Kind, Named, SettingError, Spec, Table};

/// The slides' W, as θ = (W row by row, b).
pub const LECTURE_W: [f64; 9] = [0.34, -1.11, 0.78, 0.12, 0.55, 2.81, -3.1, -1.5, 0.33];
/// The slides' step h.
pub const LECTURE_H: f64 = 0.0001;
/// Decimals of the losses shown: enough that the difference of two shown losses, divided by
/// h = 10⁻⁴, reproduces the shown quotient to about six digits.
pub const LOSS_DECIMALS: usize = 10;
/// Entries are limited to |θ_k| ≤ this.
pub const MAX_ENTRY: f64 = 100.0;
/// The smallest step h: smaller steps measure only rounding.
pub const MIN_H: f64 = 1e-12;

/// A setting of the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumericGradientSetting {
    /// `loss`: the per-example loss, by [`LossKind`] name.
    Loss,
    /// `lambda`: the L2 strength λ.
    Lambda,
    /// `h`: the step.
    Step,
    /// `difference`: `forward` (the slides) or `centered`.
    Difference,
    /// `w.<k>`: entry k of θ.
    Entry(usize),
}

impl NumericGradientSetting {
    /// Every setting for `parameters` entries of θ, in link order: the objective and the
    /// differences, then θ entry by entry.
    pub fn all(parameters: usize) -> impl Iterator<Item = NumericGradientSetting> {
        let settings = [
            NumericGradientSetting::Loss,
            NumericGradientSetting::Lambda,
            NumericGradientSetting::Step,
            NumericGradientSetting::Difference,
        ];
        settings.into_iter().chain((0..parameters).map(NumericGradientSetting::Entry))
    }

    /// The name of its control and in links.
    pub fn name(self) -> String {
        match self {
            NumericGradientSetting::Loss => "loss".into(),
            NumericGradientSetting::Lambda => "lambda".into(),
            NumericGradientSetting::Step => "h".into(),
            NumericGradientSetting::Difference => "difference".into(),
            NumericGradientSetting::Entry(k) => format!("w.{k}"),
        }
    }

    /// Its row of the settings table, for a model of `shape`: the label is also its name in
    /// messages (`λ`, `h`, `W[0,1]`); h is at least [`MIN_H`], entries lie within
    /// ±[`MAX_ENTRY`].
    pub fn spec(self, shape: Shape) -> Spec {
        let (label, kind) = match self {
            NumericGradientSetting::Loss => ("Loss".into(), Kind::choice_of::<LossKind>()),
            NumericGradientSetting::Lambda => ("λ".into(), Kind::number(0.0, 100.0, 0.05)),
            NumericGradientSetting::Step => ("h".into(), Kind::log(MIN_H, 1.0, 0)),
            NumericGradientSetting::Difference => ("Difference".into(), Kind::choice_of::<Difference>()),
            NumericGradientSetting::Entry(k) => (shape.param(k).to_string(), Kind::number(-MAX_ENTRY, MAX_ENTRY, 0.01)),
        };
        Spec::new(self.name(), label, kind)
    }
}

impl FromStr for NumericGradientSetting {
    type Err = SettingError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        NumericGradientSetting::all(LECTURE_W.len())
            .find(|s| s.name() == name)
            .ok_or_else(|| unknown("numeric-gradient view", name, "loss, lambda, h, difference or w.0–w.8"))
    }
}

/// One entry of the numeric gradient, as the slides write it.
#[derive(Clone, Debug, PartialEq)]
pub struct NudgedEntry {
    /// The loss at θ + h·e_k.
    pub plus: f64,
    /// The loss at θ − h·e_k (centered differences only).
    pub minus: Option<f64>,
    /// The difference quotient: the core's [`numeric_gradient`] entry.
    pub quotient: f64,
}

/// The parameters, the objective, the step and how many entries are filled so far.
#[derive(Clone, Debug)]
pub struct NumericGradient {
    data: Dataset,
    objective: Objective,
    theta: Vec<f64>,
    h: f64,
    scheme: Difference,
    filled: usize,
    numeric: Vec<f64>,
    analytic: Vec<f64>,
}

impl Default for NumericGradient {
    /// The slides' W and h = 0.0001 with forward differences, on the cs231n demo's points with
    /// its objective (multiclass SVM, Δ = 1, L2 with λ = 0.1).
    fn default() -> Self {
        let spec = DatasetSpec { kind: DatasetKind::Cs231n, ..DatasetSpec::default() };
        let mut view = NumericGradient {
            data: spec.generate().expect("the cs231n points are valid"),
            objective: Objective {
                loss: Loss { kind: LossKind::MulticlassSvm, margin: 1.0 },
                regularizer: Regularizer { kind: RegularizerKind::L2, beta: 0.0 },
                lambda: 0.1,
                regularize_bias: false,
            },
            theta: LECTURE_W.to_vec(),
            h: LECTURE_H,
            scheme: Difference::Forward,
            filled: 0,
            numeric: Vec::new(),
            analytic: Vec::new(),
        };
        view.recompute();
        view
    }
}

impl NumericGradient {
    /// Changes a setting and starts the filling over; on error nothing changes.
    ///
    /// ```
    /// use descent::regularization::numeric_gradient::NumericGradient;
    /// let mut view = NumericGradient::default();
    /// view.set("h", "1e-6").unwrap();
    /// assert!(view.set("h", "0").unwrap_err().to_string().contains("h must be"));
    /// assert!(view.set("loss", "hinge").is_err());
    /// ```
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingError> {
        let setting: NumericGradientSetting = name.parse()?;
        let spec = setting.spec(self.shape());
        let what = spec.label.as_str();
        match setting {
            NumericGradientSetting::Loss => self.objective.loss.kind = Kind::parse_named(value)?,
            NumericGradientSetting::Lambda => self.objective.lambda = read_number(&spec.kind, what, value)?,
            NumericGradientSetting::Step => {
                let too_fine = value.trim().replace('−', "-").parse::<f64>().is_ok_and(|h| (0.0..MIN_H).contains(&h));
                if too_fine {
                    return Err(SettingError::invalid(
                        what,
                        value,
                        "at least 1e-12 (smaller steps measure only rounding)",
                    ));
                }
                self.h = read_number(&spec.kind, what, value)?;
            }
            NumericGradientSetting::Difference => {
                self.scheme = Difference::from_name(value.trim())
                    .ok_or_else(|| SettingError::invalid("the difference", value, "\"forward\" or \"centered\""))?;
            }
            NumericGradientSetting::Entry(k) => self.theta[k] = read_number(&spec.kind, what, value)?,
        }
        self.filled = 0;
        self.recompute();
        Ok(())
    }

    /// A setting's current value.
    pub fn get(&self, name: &str) -> Result<String, SettingError> {
        Ok(match name.parse()? {
            NumericGradientSetting::Loss => self.objective.loss.kind.name().to_string(),
            NumericGradientSetting::Lambda => plain(self.objective.lambda),
            NumericGradientSetting::Step => plain(self.h),
            NumericGradientSetting::Difference => self.scheme.name().to_string(),
            NumericGradientSetting::Entry(k) => plain(self.theta[k]),
        })
    }

    fn recompute(&mut self) {
        let mut evaluator = self.objective.evaluator(&self.data);
        self.numeric = numeric_gradient(|p| evaluator.loss(p, None).total(), &self.theta, self.h, self.scheme);
        self.analytic = vec![0.0; self.theta.len()];
        evaluator.loss_and_gradient(&self.theta, None, &mut self.analytic);
    }

    /// The model's shape (three classes over two inputs).
    pub fn shape(&self) -> Shape {
        Shape { classes: self.data.classes(), dim: self.data.dim() }
    }

    /// The parameters θ.
    pub fn theta(&self) -> &[f64] {
        &self.theta
    }

    /// The step h.
    pub fn h(&self) -> f64 {
        self.h
    }

    /// How many entries of dW are filled.
    pub fn filled(&self) -> usize {
        self.filled
    }

    /// True once every entry is filled and the analytic gradient is shown beside them.
    pub fn complete(&self) -> bool {
        self.filled == self.theta.len()
    }

    /// Fills the next entry (nothing once complete).
    pub fn step(&mut self) {
        self.filled = (self.filled + 1).min(self.theta.len());
    }

    /// Empties the last filled entry.
    pub fn back(&mut self) {
        self.filled = self.filled.saturating_sub(1);
    }

    /// Empties every entry.
    pub fn reset(&mut self) {
        self.filled = 0;
    }

    /// Fills every entry.
    pub fn fill_all(&mut self) {
        self.filled = self.theta.len();
    }

    /// The total loss L(θ) at the current parameters.
    pub fn loss(&self) -> f64 {
        self.objective.evaluator(&self.data).loss(&self.theta, None).total()
    }

    /// Entry k as the slides compute it: the loss at θ + h·e_k (and θ − h·e_k for centered
    /// differences) and the difference quotient.
    pub fn entry(&self, k: usize) -> NudgedEntry {
        let mut evaluator = self.objective.evaluator(&self.data);
        let mut probe = self.theta.clone();
        probe[k] = self.theta[k] + self.h;
        let plus = evaluator.loss(&probe, None).total();
        let minus = (self.scheme == Difference::Centered).then(|| {
            probe[k] = self.theta[k] - self.h;
            evaluator.loss(&probe, None).total()
        });
        NudgedEntry { plus, minus, quotient: self.numeric[k] }
    }

    /// The whole numeric gradient (every entry, filled or not).
    pub fn numeric(&self) -> &[f64] {
        &self.numeric
    }

    /// The analytic gradient ∇_θ L.
    pub fn analytic(&self) -> &[f64] {
        &self.analytic
    }

    /// The relative error of entry k, |a − n| / max(|a|, |n|).
    pub fn relative_error(&self, k: usize) -> f64 {
        relative_error(self.analytic[k], self.numeric[k])
    }

    /// Entry k's difference quotient written out, e.g.
    /// "(1.2532200000 − 1.2534700000) / 0.0001 = −2.5".
    pub fn quotient_text(&self, k: usize) -> String {
        let e = self.entry(k);
        let loss = |v: f64| number(v, LOSS_DECIMALS);
        let base = self.loss();
        let q = significant(e.quotient, 6);
        match e.minus {
            None => format!("({} − {}) / {} = {q}", loss(e.plus), loss(base), plain(self.h)),
            Some(minus) => format!("({} − {}) / (2 × {}) = {q}", loss(e.plus), loss(minus), plain(self.h)),
        }
    }

    /// The nudged entry k as the slides write it, e.g. "0.34 + 0.0001".
    pub fn nudged_text(&self, k: usize) -> String {
        let sign = if self.scheme == Difference::Centered { "±" } else { "+" };
        format!("{} {sign} {}", number(self.theta[k], 6), plain(self.h))
    }
}

impl Table for NumericGradient {
    /// [`NumericGradientSetting::all`] for this θ; every setting always applies (the L2
    /// penalty is always on).
    fn specs(&self) -> Vec<Spec> {
        let shape = self.shape();
        NumericGradientSetting::all(self.theta.len()).map(|s| s.spec(shape)).collect()
    }

    fn current(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }

    fn applies(&self, _name: &str) -> bool {
        true
    }
}

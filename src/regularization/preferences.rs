//! "Expressing preferences": two weight vectors that give the same score on an input, and
//! which of them each penalty prefers. The lecture's example is `x = [1,1,1,1]`,
//! `w₁ = [1,0,0,0]`, `w₂ = [¼,¼,¼,¼]`: w₁ᵀx = w₂ᵀx = 1, R_L2(w₁) = 1 > R_L2(w₂) = ¼, so L2
//! prefers the spread-out w₂; R_L1 is 1 for both, so L1 has no preference here; the elastic
//! net's β·Σw² breaks the tie towards w₂.

use std::str::FromStr;

use super::display::{number, plain};
use super::settings::{read_number, unknown};
use crate::regularizer::{Regularizer, RegularizerKind};
use crate::setting::{Kind, SettingError, Spec, Table};

/// Length of x, w₁ and w₂.
pub const DIM: usize = 4;
/// Entries are limited to |v| ≤ this.
pub const MAX_ENTRY: f64 = 1e3;
/// Penalties closer than this, relative to the larger, count as a tie.
pub const TIE: f64 = 1e-12;
/// Decimals shown.
pub const DECIMALS: usize = 4;

/// A setting of the view: `x.<l>`, `w1.<l>`, `w2.<l>` (l = 0..3) or `beta`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreferenceSetting {
    /// An entry of the input x.
    Input(usize),
    /// An entry of w₁ (`which` = 0) or w₂ (`which` = 1).
    Weight { which: usize, entry: usize },
    /// The elastic net's β.
    Beta,
}

impl PreferenceSetting {
    /// Every setting, in link order: x, w₁ and w₂ entry by entry, then β.
    pub fn all() -> impl Iterator<Item = PreferenceSetting> {
        let inputs = (0..DIM).map(PreferenceSetting::Input);
        let weights = (0..2).flat_map(|which| (0..DIM).map(move |entry| PreferenceSetting::Weight { which, entry }));
        inputs.chain(weights).chain([PreferenceSetting::Beta])
    }

    /// The name of its control and in links: `x.0`, `w2.3`, `beta`.
    pub fn name(self) -> String {
        match self {
            PreferenceSetting::Input(l) => format!("x.{l}"),
            PreferenceSetting::Weight { which, entry } => format!("w{}.{entry}", which + 1),
            PreferenceSetting::Beta => "beta".into(),
        }
    }

    /// Its row of the settings table: the label is its name in messages (`x[0]`, `w₂[3]`,
    /// `β`); entries lie within ±[`MAX_ENTRY`].
    pub fn spec(self) -> Spec {
        let entry = Kind::number(-MAX_ENTRY, MAX_ENTRY, 0.05);
        let (label, kind) = match self {
            PreferenceSetting::Input(l) => (format!("x[{l}]"), entry),
            PreferenceSetting::Weight { which, entry: l } => (format!("w{}[{l}]", which + 1), entry),
            PreferenceSetting::Beta => ("β".into(), Kind::number(0.0, 100.0, 0.1)),
        };
        Spec::new(self.name(), label, kind)
    }
}

impl FromStr for PreferenceSetting {
    type Err = SettingError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        PreferenceSetting::all()
            .find(|s| s.name() == name)
            .ok_or_else(|| unknown("preferences view", name, "x.0–x.3, w1.0–w1.3, w2.0–w2.3 or beta"))
    }
}

/// Which of the two weight vectors a penalty prefers (the one it charges less).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preference {
    /// R(w₁) < R(w₂).
    First,
    /// R(w₂) < R(w₁).
    Second,
    /// R(w₁) = R(w₂) (within [`TIE`]).
    Neither,
}

/// The penalties the view compares, in its column order.
pub const PENALTIES: [RegularizerKind; 3] = [RegularizerKind::L2, RegularizerKind::L1, RegularizerKind::ElasticNet];

/// The input, the two weight vectors and β.
#[derive(Clone, Debug, PartialEq)]
pub struct Preferences {
    x: [f64; DIM],
    w: [[f64; DIM]; 2],
    beta: f64,
}

impl Default for Preferences {
    /// The lecture's `x = [1,1,1,1]`, `w₁ = [1,0,0,0]`, `w₂ = [0.25,0.25,0.25,0.25]`, and β = 0.5.
    fn default() -> Self {
        Preferences { x: [1.0; DIM], w: [[1.0, 0.0, 0.0, 0.0], [0.25; DIM]], beta: 0.5 }
    }
}

impl Preferences {
    /// Changes a setting; on error nothing changes.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingError> {
        let setting: PreferenceSetting = name.parse()?;
        let spec = setting.spec();
        let v = read_number(&spec.kind, &spec.label, value)?;
        match setting {
            PreferenceSetting::Input(l) => self.x[l] = v,
            PreferenceSetting::Weight { which, entry } => self.w[which][entry] = v,
            PreferenceSetting::Beta => self.beta = v,
        }
        Ok(())
    }

    /// A setting's current value.
    pub fn get(&self, name: &str) -> Result<String, SettingError> {
        Ok(plain(match name.parse()? {
            PreferenceSetting::Input(l) => self.x[l],
            PreferenceSetting::Weight { which, entry } => self.w[which][entry],
            PreferenceSetting::Beta => self.beta,
        }))
    }

    /// w₁ (`which` = 0) or w₂ (`which` = 1).
    pub fn weights(&self, which: usize) -> &[f64; DIM] {
        &self.w[which]
    }

    /// The score wᵀx of w₁ or w₂.
    pub fn score(&self, which: usize) -> f64 {
        self.w[which].iter().zip(&self.x).map(|(w, x)| w * x).sum()
    }

    /// R(w) of w₁ or w₂ for one of the [`PENALTIES`] (the elastic net with this view's β).
    ///
    /// ```
    /// use descent::regularization::preferences::Preferences;
    /// use descent::regularizer::RegularizerKind::{ElasticNet, L1, L2};
    /// let p = Preferences::default();
    /// assert_eq!((p.penalty(0, L2), p.penalty(1, L2)), (1.0, 0.25));
    /// assert_eq!((p.penalty(0, L1), p.penalty(1, L1)), (1.0, 1.0));
    /// assert_eq!((p.penalty(0, ElasticNet), p.penalty(1, ElasticNet)), (1.5, 1.125));
    /// ```
    pub fn penalty(&self, which: usize, kind: RegularizerKind) -> f64 {
        Regularizer { kind, beta: self.beta }.value(&self.w[which])
    }

    /// Which vector the penalty prefers.
    pub fn preference(&self, kind: RegularizerKind) -> Preference {
        let (a, b) = (self.penalty(0, kind), self.penalty(1, kind));
        if (a - b).abs() <= TIE * a.abs().max(b.abs()) {
            Preference::Neither
        } else if a < b {
            Preference::First
        } else {
            Preference::Second
        }
    }

    /// True when w₁ and w₂ give the same score on x (within [`TIE`]), so the data loss cannot
    /// tell them apart and only the penalty decides.
    pub fn same_score(&self) -> bool {
        let (a, b) = (self.score(0), self.score(1));
        (a - b).abs() <= TIE * a.abs().max(b.abs()).max(1.0)
    }

    /// The penalty's verdict in words, e.g. "L2 prefers w₂: R(w₂) = 0.25 < R(w₁) = 1".
    pub fn verdict(&self, kind: RegularizerKind) -> String {
        let label = match kind {
            RegularizerKind::L2 => "L2",
            RegularizerKind::L1 => "L1",
            RegularizerKind::ElasticNet => "Elastic net",
            RegularizerKind::None => "No penalty",
        };
        let (a, b) = (number(self.penalty(0, kind), DECIMALS), number(self.penalty(1, kind), DECIMALS));
        match self.preference(kind) {
            Preference::First => format!("{label} prefers w₁: R(w₁) = {a} < R(w₂) = {b}"),
            Preference::Second => format!("{label} prefers w₂: R(w₂) = {b} < R(w₁) = {a}"),
            Preference::Neither => format!("{label} has no preference: R(w₁) = R(w₂) = {a}"),
        }
    }
}

impl Table for Preferences {
    /// [`PreferenceSetting::all`]; every setting always applies (β sets the elastic net's
    /// column, always shown).
    fn specs(&self) -> Vec<Spec> {
        PreferenceSetting::all().map(PreferenceSetting::spec).collect()
    }

    fn current(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }

    fn applies(&self, _name: &str) -> bool {
        true
    }
}

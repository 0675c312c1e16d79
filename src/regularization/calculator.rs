//! The loss calculator: an editable score table (one column per example, one row per class)
//! with each example's multiclass SVM and softmax loss written out term by term, as on the
//! slides. The default is the lecture's cat/car/frog table.

use std::str::FromStr;

use super::display::{number, plain, significant};
use super::settings::{indexed, read_count, read_number, unknown};
use crate::loss::{Loss, LossKind};
use crate::setting::{Choice, Kind, SettingError, Spec, Table};

/// Most classes (rows) and examples (columns) the table holds.
pub const MAX_ROWS: usize = 6;
/// Scores are limited to |s| ≤ this, which keeps every written-out term readable.
pub const MAX_SCORE: f64 = 1e4;
/// Decimals of the losses and terms shown.
pub const DECIMALS: usize = 4;

/// A setting of the calculator, named as the page's controls are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalculatorSetting {
    /// `margin`: the SVM margin Δ.
    Margin,
    /// `scale`: a factor applied to every score (the slides' "W twice as large").
    Scale,
    /// `classes`: the number of rows.
    Classes,
    /// `examples`: the number of columns.
    Examples,
    /// `score.<class>.<example>`: one cell.
    Score { class: usize, example: usize },
    /// `label.<example>`: the true class of one column.
    Label { example: usize },
    /// `class.<class>`: a row's name.
    ClassName { class: usize },
}

const EXPECTED: &str = "margin, scale, classes, examples, score.<class>.<example>, label.<example> or class.<class>";

impl CalculatorSetting {
    /// The name of its control and in links.
    pub fn name(self) -> String {
        match self {
            CalculatorSetting::Margin => "margin".into(),
            CalculatorSetting::Scale => "scale".into(),
            CalculatorSetting::Classes => "classes".into(),
            CalculatorSetting::Examples => "examples".into(),
            CalculatorSetting::Score { class, example } => format!("score.{class}.{example}"),
            CalculatorSetting::Label { example } => format!("label.{example}"),
            CalculatorSetting::ClassName { class } => format!("class.{class}"),
        }
    }
}

impl FromStr for CalculatorSetting {
    type Err = SettingError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let unknown = || unknown("loss calculator", name, EXPECTED);
        Ok(match indexed(name) {
            ("margin", i) if i.is_empty() => CalculatorSetting::Margin,
            ("scale", i) if i.is_empty() => CalculatorSetting::Scale,
            ("classes", i) if i.is_empty() => CalculatorSetting::Classes,
            ("examples", i) if i.is_empty() => CalculatorSetting::Examples,
            ("score", i) => match i[..] {
                [Some(class), Some(example)] => CalculatorSetting::Score { class, example },
                _ => return Err(unknown()),
            },
            ("label", i) => match i[..] {
                [Some(example)] => CalculatorSetting::Label { example },
                _ => return Err(unknown()),
            },
            ("class", i) => match i[..] {
                [Some(class)] => CalculatorSetting::ClassName { class },
                _ => return Err(unknown()),
            },
            _ => return Err(unknown()),
        })
    }
}

/// The table and the margin.
#[derive(Clone, Debug, PartialEq)]
pub struct Calculator {
    names: Vec<String>,
    /// scores[example][class]
    scores: Vec<Vec<f64>>,
    labels: Vec<usize>,
    margin: f64,
    scale: f64,
}

impl Default for Calculator {
    /// The lecture's table: cat image (3.2, 5.1, −1.7), car image (1.3, 4.9, 2.0), frog image
    /// (2.2, 2.5, −3.1), each labelled with its own class; Δ = 1.
    fn default() -> Self {
        Calculator {
            names: ["cat", "car", "frog"].map(String::from).to_vec(),
            scores: vec![vec![3.2, 5.1, -1.7], vec![1.3, 4.9, 2.0], vec![2.2, 2.5, -3.1]],
            labels: vec![0, 1, 2],
            margin: 1.0,
            scale: 1.0,
        }
    }
}

impl Calculator {
    /// Number of classes (rows).
    pub fn classes(&self) -> usize {
        self.names.len()
    }

    /// Number of examples (columns).
    pub fn examples(&self) -> usize {
        self.labels.len()
    }

    /// The name of class `k`.
    pub fn class_name(&self, k: usize) -> &str {
        &self.names[k]
    }

    /// The true class of example `i`.
    pub fn label(&self, i: usize) -> usize {
        self.labels[i]
    }

    /// The scores of example `i` as the losses see them: the table's column times the scale.
    pub fn scores(&self, i: usize) -> Vec<f64> {
        self.scores[i].iter().map(|s| self.scale * s).collect()
    }

    /// Every setting of the table as it is, in link order: its size, each example's true
    /// class (by number, before any class is renamed, so that a class named "2" cannot be
    /// mistaken for class 2), the scores, the class names, then Δ and the scale.
    pub fn settings(&self) -> Vec<CalculatorSetting> {
        let (classes, examples) = (self.classes(), self.examples());
        let mut settings = vec![CalculatorSetting::Classes, CalculatorSetting::Examples];
        settings.extend((0..examples).map(|example| CalculatorSetting::Label { example }));
        settings.extend(
            (0..classes)
                .flat_map(|class| (0..examples).map(move |example| CalculatorSetting::Score { class, example })),
        );
        settings.extend((0..classes).map(|class| CalculatorSetting::ClassName { class }));
        settings.extend([CalculatorSetting::Margin, CalculatorSetting::Scale]);
        settings
    }

    /// The label, the name in messages and the kind of a setting of the table as it is: the
    /// true class is one of the classes (by number, labelled with its name), a score lies
    /// within ±[`MAX_SCORE`], a class name has 1 to 20 characters.
    fn row(&self, setting: CalculatorSetting) -> (String, String, Kind) {
        match setting {
            CalculatorSetting::Margin => ("Margin Δ".into(), "the margin Δ".into(), Kind::number(0.0, 100.0, 0.5)),
            CalculatorSetting::Scale => ("Scale W ×".into(), "the scale".into(), Kind::number(0.0, 100.0, 0.5)),
            CalculatorSetting::Classes => {
                ("Classes".into(), "the number of classes".into(), Kind::whole(2, MAX_ROWS as u64))
            }
            CalculatorSetting::Examples => {
                ("Examples".into(), "the number of examples".into(), Kind::whole(1, MAX_ROWS as u64))
            }
            CalculatorSetting::Score { class, example } => {
                let name = self.names.get(class).map_or("", String::as_str);
                let what = format!("the {name} score of example {}", example + 1);
                (what.clone(), what, Kind::number(-MAX_SCORE, MAX_SCORE, 0.1))
            }
            CalculatorSetting::Label { example } => {
                let options = self.names.iter().enumerate().map(|(k, name)| Choice::new(k.to_string(), name.clone()));
                (
                    format!("true class of example {}", example + 1),
                    format!("the label of example {}", example + 1),
                    Kind::Choice(options.collect()),
                )
            }
            CalculatorSetting::ClassName { class } => (
                format!("class {} name", class + 1),
                "a class name".into(),
                Kind::Text { expected: "1 to 20 characters" },
            ),
        }
    }

    /// A setting's row of the settings table.
    pub fn spec(&self, setting: CalculatorSetting) -> Spec {
        let (label, _, kind) = self.row(setting);
        Spec::new(setting.name(), label, kind)
    }

    /// Changes a setting; on error nothing changes.
    ///
    /// ```
    /// use descent::regularization::calculator::Calculator;
    /// let mut c = Calculator::default();
    /// c.set("score.1.0", "6.1").unwrap();
    /// assert!((c.svm_loss(0) - 3.9).abs() < 1e-12);
    /// assert!(c.set("score.1.0", "lots").is_err());
    /// assert!(c.set("score.9.0", "1").is_err());
    /// ```
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingError> {
        let setting: CalculatorSetting = name.parse()?;
        let (_, what, kind) = self.row(setting);
        match setting {
            CalculatorSetting::Margin => self.margin = read_number(&kind, &what, value)?,
            CalculatorSetting::Scale => self.scale = read_number(&kind, &what, value)?,
            CalculatorSetting::Classes => {
                let c = read_count(&kind, &what, value)?;
                self.names.resize_with(c, Default::default);
                for (k, name) in self.names.iter_mut().enumerate() {
                    if name.is_empty() {
                        *name = format!("class {}", k + 1);
                    }
                }
                for column in &mut self.scores {
                    column.resize(c, 0.0);
                }
                for label in &mut self.labels {
                    *label = (*label).min(c - 1);
                }
            }
            CalculatorSetting::Examples => {
                let n = read_count(&kind, &what, value)?;
                let c = self.classes();
                self.scores.resize(n, vec![0.0; c]);
                let old = self.labels.len();
                self.labels.extend((old..n).map(|i| i % c));
                self.labels.truncate(n);
            }
            CalculatorSetting::Score { class, example } => {
                self.check_cell(name, Some(class), example)?;
                self.scores[example][class] = read_number(&kind, &what, value)?;
            }
            CalculatorSetting::Label { example } => {
                self.check_cell(name, None, example)?;
                let text = value.trim();
                let label = self.names.iter().position(|n| n == text).or_else(|| text.parse().ok());
                match label {
                    Some(k) if k < self.classes() => self.labels[example] = k,
                    _ => {
                        return Err(SettingError::invalid(
                            &what,
                            value,
                            &format!(
                                "one of the classes ({}) or its number 0–{}",
                                self.names.join(", "),
                                self.classes() - 1
                            ),
                        ));
                    }
                }
            }
            CalculatorSetting::ClassName { class } => {
                self.check_cell(name, Some(class), 0)?;
                let text = value.trim();
                if text.is_empty() || text.chars().count() > 20 {
                    return Err(SettingError::invalid(&what, value, &kind.expected()));
                }
                self.names[class] = text.to_string();
            }
        }
        Ok(())
    }

    /// A setting's current value, as its control shows it.
    pub fn get(&self, name: &str) -> Result<String, SettingError> {
        Ok(match name.parse()? {
            CalculatorSetting::Margin => plain(self.margin),
            CalculatorSetting::Scale => plain(self.scale),
            CalculatorSetting::Classes => self.classes().to_string(),
            CalculatorSetting::Examples => self.examples().to_string(),
            CalculatorSetting::Score { class, example } => {
                self.check_cell(name, Some(class), example)?;
                plain(self.scores[example][class])
            }
            CalculatorSetting::Label { example } => {
                self.check_cell(name, None, example)?;
                self.labels[example].to_string()
            }
            CalculatorSetting::ClassName { class } => {
                self.check_cell(name, Some(class), 0)?;
                self.names[class].clone()
            }
        })
    }

    fn check_cell(&self, name: &str, class: Option<usize>, example: usize) -> Result<(), SettingError> {
        if class.is_some_and(|k| k >= self.classes()) || example >= self.examples() {
            return Err(SettingError::other(format!(
                "\"{name}\" is outside the table ({} classes × {} examples)",
                self.classes(),
                self.examples()
            )));
        }
        Ok(())
    }

    fn loss(&self, kind: LossKind) -> Loss {
        Loss { kind, margin: self.margin }
    }

    /// Example `i`'s multiclass SVM loss L_i = Σ_{j≠y_i} max(0, s_j − s_{y_i} + Δ).
    pub fn svm_loss(&self, i: usize) -> f64 {
        self.loss(LossKind::MulticlassSvm).value(&self.scores(i), self.labels[i])
    }

    /// Example `i`'s softmax loss L_i = −log(e^{s_{y_i}} / Σ_j e^{s_j}).
    pub fn softmax_loss(&self, i: usize) -> f64 {
        self.loss(LossKind::Softmax).value(&self.scores(i), self.labels[i])
    }

    /// The mean SVM loss L = (1/N) Σ_i L_i over the examples.
    pub fn mean_svm_loss(&self) -> f64 {
        (0..self.examples()).map(|i| self.svm_loss(i)).sum::<f64>() / self.examples() as f64
    }

    /// The mean softmax loss over the examples.
    pub fn mean_softmax_loss(&self) -> f64 {
        (0..self.examples()).map(|i| self.softmax_loss(i)).sum::<f64>() / self.examples() as f64
    }

    /// The SVM loss of example `i` written out, one line per step; for the cat column:
    ///
    /// ```
    /// let c = descent::regularization::calculator::Calculator::default();
    /// assert_eq!(c.svm_steps(0), [
    ///     "max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1)",
    ///     "= max(0, 2.9) + max(0, −3.9)",
    ///     "= 2.9 + 0",
    ///     "= 2.9",
    /// ]);
    /// ```
    pub fn svm_steps(&self, i: usize) -> Vec<String> {
        let s = self.scores(i);
        let y = self.labels[i];
        let n = |v: f64| number(v, DECIMALS);
        let rivals: Vec<usize> = (0..s.len()).filter(|&j| j != y).collect();
        let sy = if s[y] < 0.0 { format!("({})", n(s[y])) } else { n(s[y]) };
        let terms: Vec<String> =
            rivals.iter().map(|&j| format!("max(0, {} − {sy} + {})", n(s[j]), n(self.margin))).collect();
        let margins: Vec<String> =
            rivals.iter().map(|&j| format!("max(0, {})", n(s[j] - s[y] + self.margin))).collect();
        let hinges: Vec<String> = rivals.iter().map(|&j| n((s[j] - s[y] + self.margin).max(0.0))).collect();
        vec![
            terms.join(" + "),
            format!("= {}", margins.join(" + ")),
            format!("= {}", hinges.join(" + ")),
            format!("= {}", n(self.svm_loss(i))),
        ]
    }

    /// The softmax loss of example `i` written out; for the cat column:
    ///
    /// ```
    /// let c = descent::regularization::calculator::Calculator::default();
    /// assert_eq!(c.softmax_steps(0), [
    ///     "−log(exp(3.2) / (exp(3.2) + exp(5.1) + exp(−1.7)))",
    ///     "= −log(24.53 / (24.53 + 164 + 0.1827))",
    ///     "= −log(0.13)",
    ///     "= 2.0404",
    /// ]);
    /// ```
    ///
    /// When a score is so large or small that e^s over- or underflows, the second line shows
    /// every exponent shifted by the largest score m (which leaves the ratio unchanged).
    pub fn softmax_steps(&self, i: usize) -> Vec<String> {
        let s = self.scores(i);
        let y = self.labels[i];
        let loss = self.softmax_loss(i);
        let exps = |shift: f64| -> Vec<String> { s.iter().map(|v| significant((v - shift).exp(), 4)).collect() };
        let fits = s.iter().all(|v| v.abs() <= 300.0);
        let max = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (values, note) = if fits {
            (exps(0.0), String::new())
        } else {
            (exps(max), format!(" (exponents minus m = {})", number(max, DECIMALS)))
        };
        let symbols: Vec<String> = s.iter().map(|v| format!("exp({})", number(*v, DECIMALS))).collect();
        let mut steps = vec![
            format!("−log({} / ({}))", symbols[y], symbols.join(" + ")),
            format!("= −log({} / ({})){note}", values[y], values.join(" + ")),
        ];
        let probability = (-loss).exp();
        if probability > 0.0 {
            steps.push(format!("= −log({})", significant(probability, 4)));
        }
        steps.push(format!("= {}", number(loss, DECIMALS)));
        steps
    }

    /// The mean SVM loss written out: "(1/3)(2.9 + 0 + 12.9) = 5.2667" for the lecture's table.
    pub fn mean_svm_steps(&self) -> String {
        self.mean_steps((0..self.examples()).map(|i| self.svm_loss(i)).collect())
    }

    /// The mean softmax loss written out.
    pub fn mean_softmax_steps(&self) -> String {
        self.mean_steps((0..self.examples()).map(|i| self.softmax_loss(i)).collect())
    }

    fn mean_steps(&self, losses: Vec<f64>) -> String {
        let mean = losses.iter().sum::<f64>() / losses.len() as f64;
        let terms: Vec<String> = losses.iter().map(|l| number(*l, DECIMALS)).collect();
        format!("(1/{})({}) = {}", losses.len(), terms.join(" + "), number(mean, DECIMALS))
    }
}

impl Table for Calculator {
    /// [`Calculator::settings`]; every setting always applies.
    fn specs(&self) -> Vec<Spec> {
        self.settings().into_iter().map(|s| self.spec(s)).collect()
    }

    fn current(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }

    fn applies(&self, _name: &str) -> bool {
        true
    }
}

//! The lab's settings table: every setting's name (the `data-param` of its control), label and
//! kind ([`Lab::setting_spec`]), in link order ([`LabParam::table`], then W and b), read through
//! the table's parsers ([`crate::setting`]) so that the range a control shows is the range the
//! lab accepts, and a misspelled name fails a test instead of silently doing nothing.
//!
//! Values travel as strings, as the controls hold them: numbers in Rust's notation, booleans
//! as `true`/`false`, choices by their names (`svm`, `l2`, `blobs`, …). [`Lab::get`] answers in
//! the same notation, so every control can be refreshed from the lab after any change.

use std::fmt;
use std::str::FromStr;

use super::{Lab, LabError};
use crate::data::{DatasetKind, DatasetSpec, MAX_CLASSES, MAX_HELD_OUT, MAX_POINTS};
use crate::features::FeatureKind;
use crate::features::dropout::MAX_DROPOUT;
use crate::loss::LossKind;
use crate::model::Param;
use crate::optim::settings::Setting;
use crate::regularizer::RegularizerKind;
use crate::setting::{Choice, Kind, Scale, SettingError, Spec, Table};

/// A named setting of the lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabParam {
    /// `dataset`: which generator ([`DatasetKind`]'s names).
    Dataset,
    /// `points`: N, for the generators that take it.
    Points,
    /// `classes`: C, for the generators that let it vary.
    Classes,
    /// `noise`: the standard deviation of the points' jitter.
    Noise,
    /// `data-seed`: the seed of the points.
    DataSeed,
    /// `held-out`: the fraction of the points held out of training.
    HeldOut,
    /// `split-seed`: the seed of the shuffle that picks the held-out points.
    SplitSeed,
    /// `features`: the feature map φ ([`FeatureKind`]'s names).
    Features,
    /// `degree`: φ's degree, number of frequencies or grid side d.
    Degree,
    /// `loss`: which loss ([`LossKind`]'s names).
    Loss,
    /// `margin`: the hinge margin Δ.
    Margin,
    /// `regularizer`: which penalty ([`RegularizerKind`]'s names).
    Regularizer,
    /// `lambda`: the regularization strength λ.
    Lambda,
    /// `beta`: the elastic net's weight β on the squared term.
    Beta,
    /// `regularize-bias`: whether R also covers b.
    RegularizeBias,
    /// `dropout`: the probability p of dropping each feature during training.
    Dropout,
    /// `jitter`: the σ of the Gaussian jitter of the training points at each update.
    Jitter,
    /// `add-held-out`: whether a click adds a held-out point.
    AddHeldOut,
    /// `W[k,l]` or `b[k]`: one parameter of the classifier.
    Parameter(Param),
    /// `init-seed`: the seed of θ₀ (0 on the cs231n points is the demo's W and b).
    InitSeed,
    /// `show-margins`: draw the hinge losses' margin lines.
    ShowMargins,
    /// `show-confidence`: shade the regions by softmax confidence.
    ShowConfidence,
    /// `log-y`: the loss chart's logarithmic y axis.
    LogY,
    /// `add-class`: the class a click on empty canvas adds.
    AddClass,
    /// `batch-size`: the minibatch size; 0 (or N and more) trains on the whole dataset.
    BatchSize,
    /// `speed`: updates per frame while playing.
    Speed,
    /// `gradient-noise`: σ of the noise added to every gradient ([`super::gradient_noise`]).
    GradientNoise,
    /// An optimizer setting, by the library's names: `method`, a hyperparameter (`momentum`,
    /// `beta1`, …) or a schedule setting (`lr`, `schedule`, `warmup`, …).
    Optimizer(Setting),
}

impl LabParam {
    /// Every setting but W and b, in link order (each after every setting that may change it):
    /// the dataset (kind before class count, both before the points, which they regenerate),
    /// θ₀'s seed, the objective, the optimizer (the method first: it resets the learning rate
    /// and the method's defaults), then what changes nothing else. W and b follow, last: every
    /// other change keeps θ or, for a new model, replaces it with θ₀.
    pub fn table() -> impl Iterator<Item = LabParam> {
        const BEFORE_OPTIMIZER: [LabParam; 18] = [
            LabParam::Dataset,
            LabParam::Classes,
            LabParam::Points,
            LabParam::Noise,
            LabParam::DataSeed,
            LabParam::HeldOut,
            LabParam::SplitSeed,
            LabParam::Features,
            LabParam::Degree,
            LabParam::InitSeed,
            LabParam::Loss,
            LabParam::Margin,
            LabParam::Regularizer,
            LabParam::Lambda,
            LabParam::Beta,
            LabParam::RegularizeBias,
            LabParam::Dropout,
            LabParam::Jitter,
        ];
        const AFTER_OPTIMIZER: [LabParam; 8] = [
            LabParam::BatchSize,
            LabParam::GradientNoise,
            LabParam::Speed,
            LabParam::ShowMargins,
            LabParam::ShowConfidence,
            LabParam::LogY,
            LabParam::AddClass,
            LabParam::AddHeldOut,
        ];
        BEFORE_OPTIMIZER.into_iter().chain(Setting::all().map(LabParam::Optimizer)).chain(AFTER_OPTIMIZER)
    }

    /// The name used by the page's `data-param` attributes.
    pub fn name(self) -> String {
        let fixed = match self {
            LabParam::Dataset => "dataset",
            LabParam::Points => "points",
            LabParam::Classes => "classes",
            LabParam::Noise => "noise",
            LabParam::DataSeed => "data-seed",
            LabParam::HeldOut => "held-out",
            LabParam::SplitSeed => "split-seed",
            LabParam::Features => "features",
            LabParam::Degree => "degree",
            LabParam::Dropout => "dropout",
            LabParam::Jitter => "jitter",
            LabParam::AddHeldOut => "add-held-out",
            LabParam::Loss => "loss",
            LabParam::Margin => "margin",
            LabParam::Regularizer => "regularizer",
            LabParam::Lambda => "lambda",
            LabParam::Beta => "beta",
            LabParam::RegularizeBias => "regularize-bias",
            LabParam::InitSeed => "init-seed",
            LabParam::ShowMargins => "show-margins",
            LabParam::ShowConfidence => "show-confidence",
            LabParam::LogY => "log-y",
            LabParam::AddClass => "add-class",
            LabParam::BatchSize => "batch-size",
            LabParam::Speed => "speed",
            LabParam::GradientNoise => "gradient-noise",
            LabParam::Parameter(p) => return p.to_string(),
            LabParam::Optimizer(setting) => setting.name(),
        };
        fixed.to_string()
    }
}

impl fmt::Display for LabParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl FromStr for LabParam {
    type Err = LabError;

    /// ```
    /// use descent::lab::LabParam;
    /// use descent::model::Param;
    /// assert_eq!("lambda".parse::<LabParam>().unwrap(), LabParam::Lambda);
    /// assert_eq!("W[2,1]".parse::<LabParam>().unwrap(), LabParam::Parameter(Param::Weight { class: 2, input: 1 }));
    /// assert_eq!("b[0]".parse::<LabParam>().unwrap(), LabParam::Parameter(Param::Bias { class: 0 }));
    /// assert!("lamda".parse::<LabParam>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(p) = parse_parameter(s) {
            return Ok(LabParam::Parameter(p));
        }
        LabParam::table().find(|p| p.name() == s).ok_or_else(|| LabError::UnknownParam(s.to_string()))
    }
}

/// `W[k,l]` or `b[k]`.
fn parse_parameter(s: &str) -> Option<Param> {
    let index = |inner: &str| inner.trim().parse::<usize>().ok();
    if let Some(inner) = s.strip_prefix("W[").and_then(|r| r.strip_suffix(']')) {
        let (k, l) = inner.split_once(',')?;
        return Some(Param::Weight { class: index(k)?, input: index(l)? });
    }
    let inner = s.strip_prefix("b[")?.strip_suffix(']')?;
    Some(Param::Bias { class: index(inner)? })
}

/// A file name short enough for the dataset menu, which must show its whole text: the first 12
/// and last 9 characters around an ellipsis when it is longer than 22.
fn short_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= 22 {
        return name.to_string();
    }
    let head: String = chars[..12].iter().collect();
    let tail: String = chars[chars.len() - 9..].iter().collect();
    format!("{head}…{tail}")
}

/// The largest λ: far past any useful value (the slider spans 10⁻⁴ to 10⁶ on a log scale), small
/// enough that the objective stays finite for every θ a control may set.
pub const MAX_LAMBDA: f64 = 1e6;
/// The largest jitter σ of the training points.
pub const MAX_JITTER: f64 = 0.5;

impl Lab {
    /// Sets a named setting from its control's text, by the rules of the module docs of
    /// [`crate::lab`]. On error nothing changes.
    ///
    /// ```
    /// let mut lab = descent::lab::Lab::default();
    /// lab.set("lambda", "0.5").unwrap();
    /// assert_eq!(lab.get("lambda").unwrap(), "0.5");
    /// assert!(lab.set("lambda", "-1").unwrap_err().to_string().contains("lambda must be"));
    /// assert!(lab.set("lamda", "1").is_err());
    /// ```
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), LabError> {
        self.set_param(name.parse()?, value)
    }

    /// The current value of a named setting, as its control shows it.
    pub fn get(&self, name: &str) -> Result<String, LabError> {
        self.get_param(name.parse()?)
    }

    /// The row of the settings table for `param`, as the current state has it: the classes a
    /// dataset takes, the class a click may add, the loaded file among the datasets.
    pub fn setting_spec(&self, param: LabParam) -> Spec {
        let (label, kind) = match param {
            LabParam::Dataset => {
                let mut kind = Kind::choice_of::<DatasetKind>();
                if let (Kind::Choice(options), Some(file)) = (&mut kind, self.file_name()) {
                    options.push(Choice::new(super::csv::FILE_DATASET, format!("File: {}", short_name(file))));
                }
                ("Dataset", kind)
            }
            LabParam::Points => ("Points N", Kind::whole(1, MAX_POINTS as u64)),
            LabParam::Classes => {
                let (min, max) = if self.from_file() { (2, MAX_CLASSES) } else { self.spec.kind.class_range() };
                ("Classes", Kind::whole(min as u64, max as u64))
            }
            LabParam::Noise => ("Noise σ", Kind::number(0.0, 1.0, 0.01)),
            LabParam::DataSeed => ("Seed", Kind::seed()),
            LabParam::HeldOut => ("Held out", Kind::number(0.0, MAX_HELD_OUT, 0.05)),
            LabParam::SplitSeed => ("Split seed", Kind::seed()),
            LabParam::Features => ("Features φ", Kind::choice_of::<FeatureKind>()),
            LabParam::Degree => ("Degree d", Kind::whole(1, self.features.kind.max_degree() as u64)),
            LabParam::Dropout => ("Dropout p", Kind::number(0.0, MAX_DROPOUT, 0.05)),
            LabParam::Jitter => ("Jitter σ", Kind::number(0.0, MAX_JITTER, 0.01)),
            LabParam::AddHeldOut => ("clicks add held-out points", Kind::Switch),
            LabParam::Loss => ("Loss", Kind::choice_of::<LossKind>()),
            LabParam::Margin => ("Margin Δ", Kind::number(0.0, 5.0, 0.1)),
            LabParam::Regularizer => ("Regularizer", Kind::choice_of::<RegularizerKind>()),
            LabParam::Lambda => ("Strength λ", Kind::log_from_zero(1e-4, MAX_LAMBDA, 3)),
            LabParam::Beta => ("β", Kind::number(0.0, 2.0, 0.05)),
            LabParam::RegularizeBias => ("regularize b too", Kind::Switch),
            LabParam::Parameter(_) => ("", Kind::number(-super::PARAMETER_LIMIT, super::PARAMETER_LIMIT, 0.01)),
            LabParam::InitSeed => ("seed", Kind::seed()),
            LabParam::ShowMargins => ("margins", Kind::Switch),
            LabParam::ShowConfidence => ("softmax confidence", Kind::Switch),
            LabParam::LogY => ("log scale", Kind::Switch),
            LabParam::AddClass => ("Click adds class", Kind::whole(0, self.data.classes().saturating_sub(1) as u64)),
            LabParam::BatchSize => ("Batch size", Kind::whole(0, MAX_POINTS as u64)),
            LabParam::Speed => {
                let max = super::training::MAX_SPEED as u64;
                ("Speed", Kind::Whole { min: 1, max, scale: Scale::Log { floor: 1.0 } })
            }
            LabParam::GradientNoise => {
                ("Gradient noise σ", Kind::log_from_zero(0.01, super::gradient_noise::MAX_GRADIENT_NOISE, 2))
            }
            LabParam::Optimizer(setting) => (setting.label(), setting.kind()),
        };
        let label = match param {
            LabParam::Parameter(p) => p.to_string(),
            _ => label.to_string(),
        };
        Spec::new(param.name(), label, kind)
    }

    /// Sets `param` from text.
    pub fn set_param(&mut self, param: LabParam, value: &str) -> Result<(), LabError> {
        let name = param.name();
        let kind = self.setting_spec(param).kind;
        let number = || kind.parse_number(&name, value);
        let whole = || kind.parse_whole(&name, value);
        let switch = || kind.parse_switch(&name, value);
        let mut spec: DatasetSpec = self.spec;
        let mut objective = self.objective;
        match param {
            LabParam::Dataset => {
                if value.trim() == super::csv::FILE_DATASET {
                    return self.show_file();
                }
                spec.kind = Kind::parse_named(value)?;
                let (min, max) = spec.kind.class_range();
                spec.classes = spec.classes.clamp(min, max);
                if self.from_file || spec != self.spec {
                    self.set_spec(spec)?;
                }
                return Ok(());
            }
            LabParam::Points => spec.points = whole()? as usize,
            LabParam::Classes => spec.classes = whole()? as usize,
            LabParam::Noise => spec.noise = number()?,
            LabParam::DataSeed => spec.seed = whole()?,
            LabParam::HeldOut => {
                self.set_split(number()?, self.split_seed);
                return Ok(());
            }
            LabParam::SplitSeed => {
                self.set_split(self.held_out, whole()?);
                return Ok(());
            }
            LabParam::Features => return self.set_features(Kind::parse_named(value)?, self.features.degree),
            LabParam::Degree => return self.set_features(self.features.kind, whole()? as usize),
            LabParam::Dropout => {
                self.dropout = number()?;
                self.restart_run();
                return Ok(());
            }
            LabParam::Jitter => {
                self.jitter = number()?;
                self.restart_run();
                return Ok(());
            }
            LabParam::AddHeldOut => self.add_held_out = switch()?,
            LabParam::Loss => objective.loss.kind = Kind::parse_named(value)?,
            LabParam::Margin => objective.loss.margin = number()?,
            LabParam::Regularizer => objective.regularizer.kind = Kind::parse_named(value)?,
            LabParam::Lambda => objective.lambda = number()?,
            LabParam::Beta => objective.regularizer.beta = number()?,
            LabParam::RegularizeBias => objective.regularize_bias = switch()?,
            LabParam::Parameter(p) => {
                let index = self.parameter_index(p)?;
                let v = number()?;
                return self.set_parameter(index, v);
            }
            LabParam::InitSeed => {
                self.set_init_seed(whole()?);
                return Ok(());
            }
            LabParam::ShowMargins => self.overlays.margins = switch()?,
            LabParam::ShowConfidence => self.overlays.confidence = switch()?,
            LabParam::LogY => self.log_y = switch()?,
            LabParam::AddClass => return self.set_add_class(whole()? as usize),
            LabParam::BatchSize => {
                self.set_batch_size(whole()? as usize);
                return Ok(());
            }
            LabParam::Speed => return self.set_speed(whole()? as usize),
            LabParam::GradientNoise => return self.set_gradient_noise(number()?),
            LabParam::Optimizer(setting) => {
                let old = *self.optimizer();
                let mut settings = old;
                settings.set(&name, value).map_err(|e| LabError::Optimizer(e.to_string()))?;
                if setting == Setting::Method {
                    super::rate::after_switch(&old, &mut settings);
                }
                return self.set_optimizer(settings);
            }
        }
        self.dirty = true;
        if spec != self.spec {
            if self.from_file {
                // The generator's settings wait for the menu to return to it; the file's
                // points stay and a new run starts (rule 2).
                self.spec = spec;
                self.restart_run();
            } else {
                self.set_spec(spec)?;
            }
        }
        self.set_objective(objective);
        Ok(())
    }

    /// The value of `param` as text.
    pub fn get_param(&self, param: LabParam) -> Result<String, LabError> {
        let spec = &self.spec;
        let objective = &self.objective;
        Ok(match param {
            LabParam::Dataset if self.from_file => super::csv::FILE_DATASET.to_string(),
            LabParam::Dataset => spec.kind.name().to_string(),
            LabParam::Points => spec.points.to_string(),
            LabParam::Classes => self.data.classes().to_string(),
            LabParam::Noise => spec.noise.to_string(),
            LabParam::DataSeed => spec.seed.to_string(),
            LabParam::HeldOut => self.held_out.to_string(),
            LabParam::SplitSeed => self.split_seed.to_string(),
            LabParam::Features => self.features.kind.name().to_string(),
            LabParam::Degree => self.features.degree.to_string(),
            LabParam::Dropout => self.dropout.to_string(),
            LabParam::Jitter => self.jitter.to_string(),
            LabParam::AddHeldOut => self.add_held_out.to_string(),
            LabParam::Loss => objective.loss.kind.name().to_string(),
            LabParam::Margin => objective.loss.margin.to_string(),
            LabParam::Regularizer => objective.regularizer.kind.name().to_string(),
            LabParam::Lambda => objective.lambda.to_string(),
            LabParam::Beta => objective.regularizer.beta.to_string(),
            LabParam::RegularizeBias => objective.regularize_bias.to_string(),
            LabParam::Parameter(p) => self.theta()[self.parameter_index(p)?].to_string(),
            LabParam::InitSeed => self.init_seed.to_string(),
            LabParam::ShowMargins => self.overlays.margins.to_string(),
            LabParam::ShowConfidence => self.overlays.confidence.to_string(),
            LabParam::LogY => self.log_y.to_string(),
            LabParam::AddClass => self.add_class.to_string(),
            LabParam::BatchSize => self.batch_size().to_string(),
            LabParam::Speed => self.speed().to_string(),
            LabParam::GradientNoise => self.gradient_noise().to_string(),
            LabParam::Optimizer(_) => {
                self.optimizer().get(&param.name()).map_err(|e| LabError::Optimizer(e.to_string()))?
            }
        })
    }

    /// Whether a setting means anything in the current state: N, noise and the data seed do
    /// not for the fixed cs231n points nor a CSV file's, C does not where the generator or
    /// the file fixes it, Δ does not
    /// for softmax, β only for the elastic net, λ and regularize-bias not without a penalty,
    /// margin lines not for softmax; a method's hyperparameters only for that method, the
    /// schedule's settings only where [`ScheduleParam::applies`](crate::schedule::ScheduleParam::applies).
    /// The page hides or greys out the others.
    pub fn applies(&self, param: LabParam) -> bool {
        let kind = self.spec.kind;
        let regularized = self.objective.regularizer.kind != RegularizerKind::None;
        match param {
            LabParam::Points | LabParam::Noise | LabParam::DataSeed => !self.from_file && kind != DatasetKind::Cs231n,
            LabParam::Classes => !self.from_file && kind.class_range().0 < kind.class_range().1,
            LabParam::Margin | LabParam::ShowMargins => self.objective.loss.kind.uses_margin(),
            LabParam::Beta => self.objective.regularizer.kind == RegularizerKind::ElasticNet,
            LabParam::Lambda | LabParam::RegularizeBias => regularized,
            LabParam::Degree => !self.features.is_identity(),
            LabParam::SplitSeed => self.held_out > 0.0,
            LabParam::Parameter(p) => self.parameter_index(p).is_ok(),
            LabParam::Optimizer(Setting::Hyper(h)) => self.optimizer().method.hypers().contains(&h),
            LabParam::Optimizer(Setting::Schedule(p)) => p.applies(&self.optimizer().schedule),
            _ => true,
        }
    }

    /// Whether the loss chart uses a logarithmic y axis.
    pub fn log_y(&self) -> bool {
        self.log_y
    }

    /// The flat index of a parameter of the current shape.
    pub fn parameter_index(&self, p: Param) -> Result<usize, LabError> {
        let shape = self.shape();
        let fits = match p {
            Param::Weight { class, input } => class < shape.classes && input < shape.dim,
            Param::Bias { class } => class < shape.classes,
        };
        if fits {
            Ok(shape.index(p))
        } else {
            Err(LabError::NoSuchParameter { name: p.to_string(), classes: shape.classes, dim: shape.dim })
        }
    }
}

impl From<SettingError> for LabError {
    fn from(e: SettingError) -> Self {
        LabError::Invalid(e.to_string())
    }
}

impl Table for Lab {
    /// [`LabParam::table`], then W and b.
    fn specs(&self) -> Vec<Spec> {
        let shape = self.shape();
        let parameters = (0..shape.len()).map(|i| LabParam::Parameter(shape.param(i)));
        LabParam::table().chain(parameters).map(|p| self.setting_spec(p)).collect()
    }

    fn current(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }

    fn applies(&self, name: &str) -> bool {
        name.parse().is_ok_and(|p| Lab::applies(self, p))
    }
}

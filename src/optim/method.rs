//! The optimization methods: names, labels, PyTorch's defaults and the hyperparameters each
//! uses. (Also reachable as `optim::settings::Method`; names parse in [`super::settings`].)

use std::fmt;

use super::hyper::Hyper;

/// The optimization methods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Method {
    /// Random search (the lecture's Strategy #1).
    RandomSearch,
    /// Gradient descent / minibatch SGD.
    #[default]
    Sgd,
    /// SGD+Momentum.
    Momentum,
    /// Nesterov momentum.
    Nesterov,
    /// AdaGrad.
    AdaGrad,
    /// RMSProp.
    RmsProp,
    /// Adam (with or without bias correction).
    Adam,
    /// AdamW.
    AdamW,
    /// Newton's method.
    Newton,
    /// L-BFGS with a strong-Wolfe line search.
    Lbfgs,
}

impl Method {
    /// Every method, in the order the UI lists them.
    pub const ALL: [Method; 10] = [
        Method::RandomSearch,
        Method::Sgd,
        Method::Momentum,
        Method::Nesterov,
        Method::AdaGrad,
        Method::RmsProp,
        Method::Adam,
        Method::AdamW,
        Method::Newton,
        Method::Lbfgs,
    ];

    /// The name used in settings and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Method::RandomSearch => "random",
            Method::Sgd => "sgd",
            Method::Momentum => "momentum",
            Method::Nesterov => "nesterov",
            Method::AdaGrad => "adagrad",
            Method::RmsProp => "rmsprop",
            Method::Adam => "adam",
            Method::AdamW => "adamw",
            Method::Newton => "newton",
            Method::Lbfgs => "lbfgs",
        }
    }

    /// The name to show people.
    pub fn label(self) -> &'static str {
        match self {
            Method::RandomSearch => "Random search",
            Method::Sgd => "SGD",
            Method::Momentum => "SGD+Momentum",
            Method::Nesterov => "Nesterov",
            Method::AdaGrad => "AdaGrad",
            Method::RmsProp => "RMSProp",
            Method::Adam => "Adam",
            Method::AdamW => "AdamW",
            Method::Newton => "Newton",
            Method::Lbfgs => "L-BFGS",
        }
    }

    /// PyTorch's default learning rate for the method; 1 (the full step) for Newton, and
    /// for random search, where it is the scale of the draws.
    pub fn default_lr(self) -> f64 {
        match self {
            Method::Sgd | Method::Momentum | Method::Nesterov | Method::Adam | Method::AdamW => 1e-3,
            Method::AdaGrad | Method::RmsProp => 1e-2,
            Method::RandomSearch | Method::Newton | Method::Lbfgs => 1.0,
        }
    }

    /// PyTorch's default ε for the method (1e-8 where it has none).
    pub fn default_eps(self) -> f64 {
        match self {
            Method::AdaGrad => 1e-10,
            _ => 1e-8,
        }
    }

    /// PyTorch's default weight decay for the method.
    pub fn default_weight_decay(self) -> f64 {
        match self {
            Method::AdamW => 1e-2,
            _ => 0.0,
        }
    }

    /// The hyperparameters the method uses (the schedule's apply to all).
    pub fn hypers(self) -> &'static [Hyper] {
        match self {
            Method::RandomSearch => &[Hyper::Samples, Hyper::Seed],
            Method::Sgd => &[Hyper::WeightDecay],
            Method::Momentum => &[Hyper::Momentum, Hyper::Form, Hyper::WeightDecay],
            Method::Nesterov => &[Hyper::Momentum, Hyper::WeightDecay],
            Method::AdaGrad => &[Hyper::Eps, Hyper::WeightDecay],
            Method::RmsProp => &[Hyper::Decay, Hyper::Eps, Hyper::WeightDecay],
            Method::Adam | Method::AdamW => {
                &[Hyper::Beta1, Hyper::Beta2, Hyper::Eps, Hyper::WeightDecay, Hyper::BiasCorrection]
            }
            Method::Newton => &[],
            Method::Lbfgs => &[Hyper::History],
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

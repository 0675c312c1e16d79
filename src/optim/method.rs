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
    /// NAdam: Adam with Nesterov momentum.
    NAdam,
    /// RAdam: Adam with a rectified adaptive rate.
    RAdam,
    /// Adamax: Adam with the infinity norm.
    Adamax,
    /// Adadelta.
    Adadelta,
    /// Rprop: resilient backpropagation.
    Rprop,
    /// Newton's method.
    Newton,
    /// L-BFGS, with a strong-Wolfe line search or none.
    Lbfgs,
}

impl Method {
    /// Every method, in the order the UI lists them.
    pub const ALL: [Method; 15] = [
        Method::RandomSearch,
        Method::Sgd,
        Method::Momentum,
        Method::Nesterov,
        Method::AdaGrad,
        Method::RmsProp,
        Method::Adam,
        Method::AdamW,
        Method::NAdam,
        Method::RAdam,
        Method::Adamax,
        Method::Adadelta,
        Method::Rprop,
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
            Method::NAdam => "nadam",
            Method::RAdam => "radam",
            Method::Adamax => "adamax",
            Method::Adadelta => "adadelta",
            Method::Rprop => "rprop",
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
            Method::NAdam => "NAdam",
            Method::RAdam => "RAdam",
            Method::Adamax => "Adamax",
            Method::Adadelta => "Adadelta",
            Method::Rprop => "Rprop",
            Method::Newton => "Newton",
            Method::Lbfgs => "L-BFGS",
        }
    }

    /// PyTorch's default learning rate for the method; 1 (the full step) for Newton, and
    /// for random search, where it is the scale of the draws. (For Rprop it is only the
    /// initial step size.)
    pub fn default_lr(self) -> f64 {
        match self {
            Method::Sgd | Method::Momentum | Method::Nesterov | Method::Adam | Method::AdamW | Method::RAdam => 1e-3,
            Method::NAdam | Method::Adamax => 2e-3,
            Method::AdaGrad | Method::RmsProp | Method::Rprop => 1e-2,
            Method::RandomSearch | Method::Newton | Method::Lbfgs | Method::Adadelta => 1.0,
        }
    }

    /// PyTorch's default ε for the method (1e-8 where it has none).
    pub fn default_eps(self) -> f64 {
        match self {
            Method::AdaGrad => 1e-10,
            Method::Adadelta => 1e-6,
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
            Method::Momentum => &[Hyper::Momentum, Hyper::Form, Hyper::Dampening, Hyper::WeightDecay],
            Method::Nesterov => &[Hyper::Momentum, Hyper::WeightDecay],
            Method::AdaGrad => &[Hyper::Eps, Hyper::WeightDecay, Hyper::LrDecay, Hyper::InitialAccumulator],
            Method::RmsProp => &[Hyper::Decay, Hyper::Eps, Hyper::WeightDecay, Hyper::RmsPropMomentum, Hyper::Centered],
            Method::Adam | Method::AdamW => {
                &[Hyper::Beta1, Hyper::Beta2, Hyper::Eps, Hyper::WeightDecay, Hyper::BiasCorrection, Hyper::Amsgrad]
            }
            Method::NAdam => &[Hyper::Beta1, Hyper::Beta2, Hyper::Eps, Hyper::WeightDecay, Hyper::MomentumDecay],
            Method::RAdam | Method::Adamax => &[Hyper::Beta1, Hyper::Beta2, Hyper::Eps, Hyper::WeightDecay],
            Method::Adadelta => &[Hyper::Rho, Hyper::Eps, Hyper::WeightDecay],
            Method::Rprop => &[Hyper::EtaMinus, Hyper::EtaPlus, Hyper::StepMin, Hyper::StepMax],
            Method::Newton => &[],
            Method::Lbfgs => &[
                Hyper::History,
                Hyper::MaxIter,
                Hyper::MaxEval,
                Hyper::ToleranceGrad,
                Hyper::ToleranceChange,
                Hyper::LineSearch,
            ],
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

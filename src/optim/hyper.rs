//! The optimizer hyperparameters by name, as the controls and command-line options name them.
//! (Also reachable as `optim::settings::Hyper`; names parse in [`super::settings`].)

use std::fmt;

/// An optimizer hyperparameter, named like its control and command-line option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hyper {
    /// `momentum`: the friction ρ of momentum and Nesterov, in [0, 1).
    Momentum,
    /// `form`: momentum's formulation, `gradient` (PyTorch's) or `velocity`.
    Form,
    /// `decay`: RMSProp's decay rate (PyTorch's `alpha`), in [0, 1).
    Decay,
    /// `beta1`: Adam's first-moment decay, in [0, 1).
    Beta1,
    /// `beta2`: Adam's second-moment decay, in [0, 1).
    Beta2,
    /// `eps`: ε of AdaGrad, RMSProp and Adam, > 0.
    Eps,
    /// `weight-decay`: PyTorch's `weight_decay` (decoupled for AdamW), ≥ 0.
    WeightDecay,
    /// `bias-correction`: Adam's bias correction, `true` or `false`.
    BiasCorrection,
    /// `history`: L-BFGS's history size m, 1 to 1000.
    History,
    /// `samples`: random search's candidates per step, 1 to 10000.
    Samples,
    /// `seed`: random search's seed, a whole number.
    Seed,
}

impl Hyper {
    /// Every hyperparameter.
    pub const ALL: [Hyper; 11] = [
        Hyper::Momentum,
        Hyper::Form,
        Hyper::Decay,
        Hyper::Beta1,
        Hyper::Beta2,
        Hyper::Eps,
        Hyper::WeightDecay,
        Hyper::BiasCorrection,
        Hyper::History,
        Hyper::Samples,
        Hyper::Seed,
    ];

    /// The hyperparameter's name.
    pub fn name(self) -> &'static str {
        match self {
            Hyper::Momentum => "momentum",
            Hyper::Form => "form",
            Hyper::Decay => "decay",
            Hyper::Beta1 => "beta1",
            Hyper::Beta2 => "beta2",
            Hyper::Eps => "eps",
            Hyper::WeightDecay => "weight-decay",
            Hyper::BiasCorrection => "bias-correction",
            Hyper::History => "history",
            Hyper::Samples => "samples",
            Hyper::Seed => "seed",
        }
    }
}

impl fmt::Display for Hyper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

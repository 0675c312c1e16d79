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
    /// `dampening`: SGD+Momentum's dampening d, in [0, 1]: v ← ρv + (1 − d)∇L after the first step.
    Dampening,
    /// `amsgrad`: Adam's and AdamW's AMSGrad variant, `true` or `false`.
    Amsgrad,
    /// `rmsprop-momentum`: RMSProp's momentum μ (PyTorch's `momentum`), in [0, 1).
    RmsPropMomentum,
    /// `centered`: centered RMSProp, `true` or `false`.
    Centered,
    /// `lr-decay`: AdaGrad's learning-rate decay, ≥ 0.
    LrDecay,
    /// `initial-accumulator`: AdaGrad's initial G (PyTorch's `initial_accumulator_value`), ≥ 0.
    InitialAccumulator,
    /// `momentum-decay`: NAdam's momentum decay ψ, ≥ 0.
    MomentumDecay,
    /// `rho`: Adadelta's decay rate ρ, in [0, 1].
    Rho,
    /// `eta-minus`: Rprop's shrink factor η⁻, in (0, 1).
    EtaMinus,
    /// `eta-plus`: Rprop's growth factor η⁺, > 1.
    EtaPlus,
    /// `step-min`: Rprop's smallest step size, ≥ 0.
    StepMin,
    /// `step-max`: Rprop's largest step size, > 0.
    StepMax,
    /// `max-iter`: L-BFGS iterations per step (PyTorch's `max_iter`), 1 to 1000.
    MaxIter,
    /// `max-eval`: L-BFGS evaluations per step (PyTorch's `max_eval`), 1 to 10000.
    MaxEval,
    /// `tolerance-grad`: L-BFGS stops a step once max|∇L| ≤ this, ≥ 0.
    ToleranceGrad,
    /// `tolerance-change`: L-BFGS stops a step once the step or the loss change is below this, ≥ 0.
    ToleranceChange,
    /// `line-search`: L-BFGS's line search, `strong-wolfe` or `none`.
    LineSearch,
}

impl Hyper {
    /// Every hyperparameter.
    pub const ALL: [Hyper; 28] = [
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
        Hyper::Dampening,
        Hyper::Amsgrad,
        Hyper::RmsPropMomentum,
        Hyper::Centered,
        Hyper::LrDecay,
        Hyper::InitialAccumulator,
        Hyper::MomentumDecay,
        Hyper::Rho,
        Hyper::EtaMinus,
        Hyper::EtaPlus,
        Hyper::StepMin,
        Hyper::StepMax,
        Hyper::MaxIter,
        Hyper::MaxEval,
        Hyper::ToleranceGrad,
        Hyper::ToleranceChange,
        Hyper::LineSearch,
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
            Hyper::Dampening => "dampening",
            Hyper::Amsgrad => "amsgrad",
            Hyper::RmsPropMomentum => "rmsprop-momentum",
            Hyper::Centered => "centered",
            Hyper::LrDecay => "lr-decay",
            Hyper::InitialAccumulator => "initial-accumulator",
            Hyper::MomentumDecay => "momentum-decay",
            Hyper::Rho => "rho",
            Hyper::EtaMinus => "eta-minus",
            Hyper::EtaPlus => "eta-plus",
            Hyper::StepMin => "step-min",
            Hyper::StepMax => "step-max",
            Hyper::MaxIter => "max-iter",
            Hyper::MaxEval => "max-eval",
            Hyper::ToleranceGrad => "tolerance-grad",
            Hyper::ToleranceChange => "tolerance-change",
            Hyper::LineSearch => "line-search",
        }
    }
}

impl fmt::Display for Hyper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

//! The optimizer hyperparameters by name, as the controls and command-line options name them.
//! (Also reachable as `optim::settings::Hyper`; names parse in [`super::settings`].)

crate::named! {
    /// An optimizer hyperparameter, named like its control and command-line option, with the
    /// label of its control.
    pub enum Hyper: "hyperparameter" {
        /// `momentum`: the friction ρ of momentum and Nesterov, in [0, 1).
        Momentum = "momentum", "Momentum ρ";
        /// `form`: momentum's formulation, `gradient` (PyTorch's) or `velocity`.
        Form = "form", "Form";
        /// `decay`: RMSProp's decay rate (PyTorch's `alpha`), in [0, 1).
        Decay = "decay", "Decay rate";
        /// `beta1`: Adam's first-moment decay, in [0, 1).
        Beta1 = "beta1", "β₁";
        /// `beta2`: Adam's second-moment decay, in [0, 1).
        Beta2 = "beta2", "β₂";
        /// `eps`: ε of AdaGrad, RMSProp and Adam, > 0.
        Eps = "eps", "ε";
        /// `weight-decay`: PyTorch's `weight_decay` (decoupled for AdamW), ≥ 0.
        WeightDecay = "weight-decay", "Weight decay";
        /// `bias-correction`: Adam's bias correction, `true` or `false`.
        BiasCorrection = "bias-correction", "bias correction";
        /// `history`: L-BFGS's history size m, 1 to 1000.
        History = "history", "History m";
        /// `samples`: random search's candidates per step, 1 to 10000.
        Samples = "samples", "Candidates";
        /// `seed`: random search's seed, a whole number.
        Seed = "seed", "Search seed";
        /// `dampening`: SGD+Momentum's dampening d, in [0, 1]: v ← ρv + (1 − d)∇L after the first step.
        Dampening = "dampening", "Dampening d";
        /// `amsgrad`: Adam's and AdamW's AMSGrad variant, `true` or `false`.
        Amsgrad = "amsgrad", "AMSGrad";
        /// `rmsprop-momentum`: RMSProp's momentum μ (PyTorch's `momentum`), in [0, 1).
        RmsPropMomentum = "rmsprop-momentum", "Momentum μ";
        /// `centered`: centered RMSProp, `true` or `false`.
        Centered = "centered", "centered";
        /// `lr-decay`: AdaGrad's learning-rate decay, ≥ 0.
        LrDecay = "lr-decay", "Rate decay η";
        /// `initial-accumulator`: AdaGrad's initial G (PyTorch's `initial_accumulator_value`), ≥ 0.
        InitialAccumulator = "initial-accumulator", "Initial G₀";
        /// `momentum-decay`: NAdam's momentum decay ψ, ≥ 0.
        MomentumDecay = "momentum-decay", "Momentum decay ψ";
        /// `rho`: Adadelta's decay rate ρ, in [0, 1].
        Rho = "rho", "Decay ρ";
        /// `eta-minus`: Rprop's shrink factor η⁻, in (0, 1).
        EtaMinus = "eta-minus", "Shrink η⁻";
        /// `eta-plus`: Rprop's growth factor η⁺, > 1.
        EtaPlus = "eta-plus", "Growth η⁺";
        /// `step-min`: Rprop's smallest step size, ≥ 0.
        StepMin = "step-min", "Smallest step";
        /// `step-max`: Rprop's largest step size, > 0.
        StepMax = "step-max", "Largest step";
        /// `max-iter`: L-BFGS iterations per step (PyTorch's `max_iter`), 1 to 1000.
        MaxIter = "max-iter", "Iterations per step";
        /// `max-eval`: L-BFGS evaluations per step (PyTorch's `max_eval`), 1 to 10000.
        MaxEval = "max-eval", "Evaluations per step";
        /// `tolerance-grad`: L-BFGS stops a step once max|∇L| ≤ this, ≥ 0.
        ToleranceGrad = "tolerance-grad", "Gradient tolerance";
        /// `tolerance-change`: L-BFGS stops a step once the step or the loss change is below this, ≥ 0.
        ToleranceChange = "tolerance-change", "Change tolerance";
        /// `line-search`: L-BFGS's line search, `strong-wolfe` or `none`.
        LineSearch = "line-search", "Line search";
    }
}

//! The optimization methods: names, labels, PyTorch's defaults and the hyperparameters each
//! uses. (Also reachable as `optim::settings::Method`; names parse in [`super::settings`].)

use super::hyper::Hyper;

crate::named! {
    /// The optimization methods, with the names settings and the command line use and the
    /// labels people read.
    #[derive(Default)]
    pub enum Method: "optimizer" {
        /// Random search (the lecture's Strategy #1).
        RandomSearch = "random", "Random search";
        /// Gradient descent / minibatch SGD.
        #[default]
        Sgd = "sgd", "SGD";
        /// SGD+Momentum.
        Momentum = "momentum", "SGD+Momentum";
        /// Nesterov momentum.
        Nesterov = "nesterov", "Nesterov";
        /// AdaGrad.
        AdaGrad = "adagrad", "AdaGrad";
        /// RMSProp.
        RmsProp = "rmsprop", "RMSProp";
        /// Adam (with or without bias correction).
        Adam = "adam", "Adam";
        /// AdamW.
        AdamW = "adamw", "AdamW";
        /// NAdam: Adam with Nesterov momentum.
        NAdam = "nadam", "NAdam";
        /// RAdam: Adam with a rectified adaptive rate.
        RAdam = "radam", "RAdam";
        /// Adamax: Adam with the infinity norm.
        Adamax = "adamax", "Adamax";
        /// Adadelta.
        Adadelta = "adadelta", "Adadelta";
        /// Rprop: resilient backpropagation.
        Rprop = "rprop", "Rprop";
        /// Newton's method.
        Newton = "newton", "Newton";
        /// L-BFGS, with a strong-Wolfe line search or none.
        Lbfgs = "lbfgs", "L-BFGS";
    }
}

impl Method {
    /// The method's update rule in the lecture's notation, on one line, as the method picker
    /// shows it (each method's rustdoc has it in full, with PyTorch's form).
    pub fn rule(self) -> &'static str {
        match self {
            Method::RandomSearch => "θ ← θ + αz when L(θ + αz) is the lowest yet, z ~ N(0, I)",
            Method::Sgd => "θ ← θ − α∇L",
            Method::Momentum => "v ← ρv + ∇L;  θ ← θ − αv",
            Method::Nesterov => "v ← ρv − α∇L(θ + ρv);  θ ← θ + v",
            Method::AdaGrad => "G ← G + (∇L)²;  θ ← θ − α∇L / (√G + ε)",
            Method::RmsProp => "S ← δS + (1 − δ)(∇L)²;  θ ← θ − α∇L / (√S + ε)",
            Method::Adam => "m ← β₁m + (1 − β₁)∇L;  v ← β₂v + (1 − β₂)(∇L)²;  θ ← θ − α m̂ / (√v̂ + ε)",
            Method::AdamW => "Adam's step on the data loss;  θ ← θ − αλθ beside it (decoupled decay)",
            Method::NAdam => "Adam's m and v;  θ ← θ − α (μₜ₊₁m̂ + (1 − μₜ)∇L̂) / (√v̂ + ε)",
            Method::RAdam => "Adam's m and v;  θ ← θ − α rₜ m̂ / (√v̂ + ε), or θ ← θ − α m̂ while ρₜ ≤ 5",
            Method::Adamax => "m ← β₁m + (1 − β₁)∇L;  u ← max(β₂u, |∇L| + ε);  θ ← θ − α m / ((1 − β₁ᵗ) u)",
            Method::Adadelta => {
                "S ← ρS + (1 − ρ)(∇L)²;  Δ ← √(D + ε) / √(S + ε) · ∇L;  D ← ρD + (1 − ρ)Δ²;  θ ← θ − αΔ"
            }
            Method::Rprop => "Δᵢ ← Δᵢη⁺ while ∂L/∂θᵢ keeps its sign, Δᵢη⁻ when it flips;  θᵢ ← θᵢ − Δᵢ sign(∂L/∂θᵢ)",
            Method::Newton => "θ ← θ − α [∇²L]⁻¹ ∇L",
            Method::Lbfgs => "θ ← θ − α Hₘ∇L, Hₘ ≈ [∇²L]⁻¹ from the last m steps, α by line search",
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

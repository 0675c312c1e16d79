//! The learning rate a method starts at in the lab. The library keeps PyTorch's defaults
//! ([`Method::default_lr`]: α = 10⁻³ for SGD, Adam and AdamW), which on the lab's default data
//! (the cs231n demo's nine points, SVM loss, L2 with λ = 0.1) leave 100 steps at 22–33 %
//! accuracy, so the lab picks its own. The rule, applied when the method changes:
//!
//! 1. α keeps its value if you set it yourself (it is not the old method's lab rate) and the
//!    new method reads α on the same scale as the old one: a multiple of the gradient (SGD,
//!    SGD+Momentum, Nesterov: θ ← θ − α∇L, with or without a velocity) or a step per coordinate
//!    (AdaGrad, RMSProp, Adam, AdamW, NAdam, RAdam, Adamax: θ ← θ − α m̂ / (√v̂ + ε)).
//! 2. Otherwise α becomes the new method's lab rate ([`lab_rate`]): a value inside the range
//!    where 100 full-batch steps on the default data reach 100 % accuracy (a test checks
//!    ≥ 90 % for every gradient method).
//! 3. Adadelta also takes ε = 10⁻³: its first steps are about √ε per coordinate, and
//!    PyTorch's ε = 10⁻⁶ makes them 10⁻³, too small to train in 100 steps at any α ≤ 10.
//!
//! The other method defaults (ε, weight decay) are PyTorch's, as [`Settings::set_method`] sets
//! them. The rule depends only on the settings, so a link replayed on a fresh lab rebuilds
//! the same α.

use crate::optim::settings::{Method, Settings};

/// Adadelta's ε in the lab (rule 3).
pub const ADADELTA_EPS: f64 = 1e-3;

/// What α multiplies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scale {
    /// The gradient (or a velocity summing gradients).
    Gradient,
    /// A step of about unit size per coordinate.
    PerCoordinate,
    /// A scale of the method's own: Adadelta's multiplier, Rprop's initial step, the fraction
    /// of the (quasi-)Newton step, random search's draw size.
    Own(Method),
}

fn scale(method: Method) -> Scale {
    match method {
        Method::Sgd | Method::Momentum | Method::Nesterov => Scale::Gradient,
        Method::AdaGrad
        | Method::RmsProp
        | Method::Adam
        | Method::AdamW
        | Method::NAdam
        | Method::RAdam
        | Method::Adamax => Scale::PerCoordinate,
        Method::RandomSearch | Method::Adadelta | Method::Rprop | Method::Newton | Method::Lbfgs => Scale::Own(method),
    }
}

/// The α a method starts at in the lab. Measured ranges of α where 100 steps on the default
/// data reach 100 % accuracy (SVM, L2, λ = 0.1): SGD 0.1–1, SGD+Momentum 0.01–1, Nesterov
/// 0.01–0.5, RMSProp 0.03–0.1, Adam 0.05–5 (0.02–0.5 without bias correction), AdamW 0.05–5,
/// NAdam 0.1–0.5, Adamax 0.1–2, AdaGrad 0.3–5, RAdam 0.3–2 (its first steps are unadapted),
/// Rprop and L-BFGS at every α tried from 10⁻³ to 10. The others keep PyTorch's.
pub fn lab_rate(method: Method) -> f64 {
    match method {
        Method::Sgd
        | Method::Momentum
        | Method::Nesterov
        | Method::RmsProp
        | Method::Adam
        | Method::AdamW
        | Method::NAdam
        | Method::Adamax => 0.1,
        Method::AdaGrad | Method::RAdam => 0.5,
        Method::RandomSearch | Method::Adadelta | Method::Rprop | Method::Newton | Method::Lbfgs => method.default_lr(),
    }
}

/// `settings` after switching from `old` to its method by [`Settings::set_method`]: α and
/// Adadelta's ε by the rule of the module docs.
pub fn after_switch(old: &Settings, settings: &mut Settings) {
    let method = settings.method;
    let set_by_hand = old.schedule.lr != lab_rate(old.method);
    let keep = set_by_hand && scale(old.method) == scale(method);
    settings.schedule.lr = if keep { old.schedule.lr } else { lab_rate(method) };
    if method == Method::Adadelta {
        settings.hyper.eps = ADADELTA_EPS;
    }
}

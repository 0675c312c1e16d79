//! The learning rate a racer starts at. The library keeps PyTorch's defaults
//! ([`Method::default_lr`]), at which Adam and AdamW (α = 10⁻³) move a racer 0.07 in 50 steps
//! on the default surface (the quadratic with κ = 100 from (−1.8, 1.2), 2.16 from its minimum):
//! a racer that seems not to race. The rule: whenever a racer's method is chosen (its menu, a
//! link, a preset) α becomes the method's race rate ([`race_rate`]); a link or a preset that
//! names α sets it after the method, and idle racers wait with SGD at its race rate, so "Add
//! racer" starts one that moves.

use crate::optim::settings::{Method, Settings};

/// The α a racer starts at with `method`. Measured on the default surface, as the distance
/// covered in 50 steps from the default start (2.16 from the minimum) and the largest stable α:
/// SGD 1.98 at α = 0.01 (it diverges from α = 0.02 = 2/L, L = 100 the largest curvature: 1/L is
/// the fastest stable step across the valley), SGD+Momentum and Nesterov (ρ = 0.9) 2.1 at
/// 0.005, AdaGrad 2.01 at 0.3, RMSProp 1.96 at 0.02, Adam and AdamW 2.15 at 0.05, NAdam 1.95
/// and Adamax 1.90 at 0.05, RAdam 2.06 at 0.003 (its first steps are unadapted momentum
/// steps: 6.7 away at 0.05). Adadelta (0.25 at its α = 1), Rprop, Newton, L-BFGS and random
/// search (2.0–2.3) keep PyTorch's.
pub fn race_rate(method: Method) -> f64 {
    match method {
        Method::Sgd => 0.01,
        Method::Momentum | Method::Nesterov => 0.005,
        Method::AdaGrad => 0.3,
        Method::RmsProp => 0.02,
        Method::Adam | Method::AdamW | Method::NAdam | Method::Adamax => 0.05,
        Method::RAdam => 0.003,
        Method::RandomSearch | Method::Adadelta | Method::Rprop | Method::Newton | Method::Lbfgs => method.default_lr(),
    }
}

/// `method`'s settings for a racer: PyTorch's defaults with α at its race rate.
pub fn race_settings(method: Method) -> Settings {
    let mut settings = Settings::new(method);
    settings.schedule.lr = race_rate(method);
    settings
}

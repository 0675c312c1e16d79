//! The start every first-order step shares (SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam,
//! NAdam, RAdam, Adamax, Adadelta, Rprop):
//! check α_t, size the per-parameter state on the first step, evaluate g = ∇L(θ) once and add
//! PyTorch's coupled weight decay, g ← g + wd·θ.

use super::{LossFn, StepError, check_lr};

/// Checks `lr`, fits each of `states` to θ's length ([`fit_state`]), writes ∇L(θ) into the
/// reused buffer `grad` and adds the coupled weight decay wd·θ to it ([`add_weight_decay`]);
/// returns the gradient the update steps with. AdamW passes wd = 0 and shrinks θ itself
/// (decoupled decay).
pub(crate) fn gradient<'g>(
    f: &mut dyn LossFn,
    theta: &[f64],
    lr: f64,
    weight_decay: f64,
    states: &mut [&mut Vec<f64>],
    grad: &'g mut Vec<f64>,
) -> Result<&'g [f64], StepError> {
    check_lr(lr)?;
    for state in states {
        fit_state(state, theta.len())?;
    }
    grad.resize(theta.len(), 0.0);
    f.loss_and_gradient(theta, grad);
    add_weight_decay(grad, theta, weight_decay);
    Ok(grad)
}

/// Sizes per-parameter state on the first step and checks it on later ones: `state` is empty
/// before the first step.
fn fit_state(state: &mut Vec<f64>, n: usize) -> Result<(), StepError> {
    if state.is_empty() {
        state.resize(n, 0.0);
    }
    if state.len() == n { Ok(()) } else { Err(StepError::Dimension { expected: state.len(), found: n }) }
}

/// g ← g + wd·x, PyTorch's coupled weight decay (`grad.add(param, alpha=weight_decay)`).
fn add_weight_decay(grad: &mut [f64], theta: &[f64], weight_decay: f64) {
    if weight_decay != 0.0 {
        for (g, &x) in grad.iter_mut().zip(theta) {
            *g += weight_decay * x;
        }
    }
}

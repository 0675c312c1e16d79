//! Newton's method: step to the minimum of the local quadratic model.

use super::eigen::pseudo_solve;
use super::method::Method;
use super::{LossFn, Optimizer, StepError, check_lr};

/// Newton's method, the lecture's second-order update θ* = θ₀ − H⁻¹∇J(θ₀), damped by the
/// learning rate: θ_{t+1} = θ_t − α_t H⁻¹∇f(θ_t) (α = 1 is the pure Newton step).
///
/// The Hessian comes from [`LossFn::hessian`]: exact on the 2D surfaces and on the
/// classifier's softmax objective with no penalty or L2; other losses say why they have none
/// and the step fails with that reason. H is solved through its eigendecomposition, and
/// directions of zero curvature (|λ| ≤ 1e-12·max|λ|) are left out: the minimum-norm step
/// H⁺∇f. This matters for the softmax classifier, whose Hessian is exactly singular along
/// its shift invariances (the gradient has no component there, so nothing is lost); on a
/// surface a Hessian with no curvature at all (the monkey saddle's origin) fails with
/// [`StepError::SingularHessian`]. Where H is indefinite the step heads for the stationary
/// point of the model, a saddle or maximum included; that is the pure method (PyTorch has
/// no Newton optimizer; the golden tests compare with `numpy.linalg.solve`).
///
/// ```
/// use descent::optim::{Optimizer, newton::Newton};
/// use descent::surface::{Surface, SurfaceKind};
/// // One step reaches the minimum of a quadratic, however badly conditioned.
/// let mut q = Surface { kind: SurfaceKind::Quadratic, kappa: 1000.0, angle: 30.0 };
/// let mut theta = [1.5, -0.7];
/// Newton::default().step(&mut theta, 1.0, &mut q).unwrap();
/// assert!(theta[0].abs() < 1e-12 && theta[1].abs() < 1e-12);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Newton {
    grad: Vec<f64>,
    hessian: Vec<f64>,
    vectors: Vec<f64>,
    direction: Vec<f64>,
}

impl Optimizer for Newton {
    fn method(&self) -> Method {
        Method::Newton
    }

    fn step(&mut self, theta: &mut [f64], lr: f64, f: &mut dyn LossFn) -> Result<(), StepError> {
        check_lr(lr)?;
        let n = theta.len();
        self.grad.resize(n, 0.0);
        self.hessian.resize(n * n, 0.0);
        self.vectors.resize(n * n, 0.0);
        self.direction.resize(n, 0.0);
        f.loss_and_gradient(theta, &mut self.grad);
        f.hessian(theta, &mut self.hessian)?;
        if !pseudo_solve(&mut self.hessian, &mut self.vectors, &self.grad, &mut self.direction) {
            return Err(StepError::SingularHessian);
        }
        for (x, d) in theta.iter_mut().zip(&self.direction) {
            *x -= lr * d;
        }
        Ok(())
    }

    fn reset(&mut self) {}
}

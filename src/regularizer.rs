//! Regularization penalties R(W), summed over the regularized parameters.
//!
//! The total objective adds λR(W). Gradients use sign(0) = 0 for |w|, the subgradient of the
//! kink that leaves an exact zero where it is.

crate::named! {
    /// Which penalty.
    pub enum RegularizerKind: "regularizer" {
        /// R(W) = 0.
        None = "none", "None";
        /// L2: R(W) = Σ_k Σ_l W_{k,l}², gradient 2W (PyTorch's `weight_decay` is 2λ).
        L2 = "l2", "L2: ΣW²";
        /// L1: R(W) = Σ_k Σ_l |W_{k,l}|, subgradient sign(W).
        L1 = "l1", "L1: Σ|W|";
        /// Elastic net: R(W) = Σ_k Σ_l β W_{k,l}² + |W_{k,l}|, subgradient 2βW + sign(W).
        ElasticNet = "elastic-net", "Elastic net: Σ βW² + |W|";
    }
}

/// A penalty with its elastic-net mix β (unused by the others).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Regularizer {
    /// Which penalty.
    pub kind: RegularizerKind,
    /// The elastic net's weight β on the squared term.
    pub beta: f64,
}

impl Default for Regularizer {
    fn default() -> Self {
        Regularizer { kind: RegularizerKind::L2, beta: 0.5 }
    }
}

fn sign(w: f64) -> f64 {
    if w > 0.0 {
        1.0
    } else if w < 0.0 {
        -1.0
    } else {
        0.0
    }
}

impl Regularizer {
    /// R over the given parameters.
    ///
    /// The lecture's preference example, w₁ = (1, 0, 0, 0) and w₂ = (¼, ¼, ¼, ¼):
    /// ```
    /// use descent::regularizer::{Regularizer, RegularizerKind};
    /// let l2 = Regularizer { kind: RegularizerKind::L2, beta: 0.0 };
    /// assert_eq!(l2.value(&[1.0, 0.0, 0.0, 0.0]), 1.0);
    /// assert_eq!(l2.value(&[0.25; 4]), 0.25);
    /// ```
    pub fn value(&self, w: &[f64]) -> f64 {
        match self.kind {
            RegularizerKind::None => 0.0,
            RegularizerKind::L2 => w.iter().map(|v| v * v).sum(),
            RegularizerKind::L1 => w.iter().map(|v| v.abs()).sum(),
            RegularizerKind::ElasticNet => w.iter().map(|v| self.beta * v * v + v.abs()).sum(),
        }
    }

    /// Adds scale · ∂R/∂w to `grad` (pass scale = λ for the objective's term).
    pub fn add_gradient(&self, w: &[f64], scale: f64, grad: &mut [f64]) {
        for (g, &v) in grad.iter_mut().zip(w) {
            *g += scale
                * match self.kind {
                    RegularizerKind::None => 0.0,
                    RegularizerKind::L2 => 2.0 * v,
                    RegularizerKind::L1 => sign(v),
                    RegularizerKind::ElasticNet => 2.0 * self.beta * v + sign(v),
                };
        }
    }
}

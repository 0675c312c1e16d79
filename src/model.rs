//! The linear classifier f(x) = Wx + b with C classes over D inputs.
//!
//! Its parameters live in one flat vector θ (the form every optimizer works on): first W
//! row by row (W_{k,l} at index k·D + l), then b (b_k at index C·D + k). Row k of W is
//! class k's template; s_k = W_k · x + b_k is its score.

use std::fmt;

/// The dimensions of a linear classifier: C classes over D inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Number of classes C.
    pub classes: usize,
    /// Input dimension D.
    pub dim: usize,
}

/// A parameter of the classifier, named as the lab shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// W_{k,l}: weight of input l in class k's score.
    Weight { class: usize, input: usize },
    /// b_k: class k's bias.
    Bias { class: usize },
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Param::Weight { class, input } => write!(f, "W[{class},{input}]"),
            Param::Bias { class } => write!(f, "b[{class}]"),
        }
    }
}

impl Shape {
    /// Number of weights C·D.
    pub fn weights(&self) -> usize {
        self.classes * self.dim
    }

    /// Total number of parameters C·D + C.
    pub fn len(&self) -> usize {
        self.weights() + self.classes
    }

    /// True only for the degenerate shape with no classes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Flat index of W_{k,l}.
    pub fn weight_index(&self, class: usize, input: usize) -> usize {
        class * self.dim + input
    }

    /// Flat index of b_k.
    pub fn bias_index(&self, class: usize) -> usize {
        self.weights() + class
    }

    /// Flat index of a named parameter.
    pub fn index(&self, param: Param) -> usize {
        match param {
            Param::Weight { class, input } => self.weight_index(class, input),
            Param::Bias { class } => self.bias_index(class),
        }
    }

    /// The parameter at a flat index (`index < self.len()`).
    ///
    /// ```
    /// use descent::model::{Param, Shape};
    /// let shape = Shape { classes: 3, dim: 2 };
    /// assert_eq!(shape.param(3), Param::Weight { class: 1, input: 1 });
    /// assert_eq!(shape.param(7), Param::Bias { class: 1 });
    /// ```
    pub fn param(&self, index: usize) -> Param {
        if index < self.weights() {
            Param::Weight { class: index / self.dim, input: index % self.dim }
        } else {
            Param::Bias { class: index - self.weights() }
        }
    }

    /// Class scores s = Wx + b of one input, written into `scores` (length C).
    ///
    /// ```
    /// use descent::model::Shape;
    /// let shape = Shape { classes: 3, dim: 2 };
    /// // The cs231n demo's initial W = [[1, 2], [2, -4], [3, -1]], b = [0, 0.5, -0.5].
    /// let theta = [1.0, 2.0, 2.0, -4.0, 3.0, -1.0, 0.0, 0.5, -0.5];
    /// let mut s = [0.0; 3];
    /// shape.scores(&theta, &[0.5, 0.4], &mut s);
    /// for (got, want) in s.iter().zip([1.3, -0.1, 0.6]) {
    ///     assert!((got - want).abs() < 1e-15);
    /// }
    /// ```
    pub fn scores(&self, theta: &[f64], x: &[f64], scores: &mut [f64]) {
        debug_assert_eq!(theta.len(), self.len());
        let (w, b) = theta.split_at(self.weights());
        for (k, s) in scores.iter_mut().enumerate().take(self.classes) {
            let row = &w[k * self.dim..(k + 1) * self.dim];
            *s = row.iter().zip(x).map(|(wk, xl)| wk * xl).sum::<f64>() + b[k];
        }
    }
}

/// The predicted class argmax_k s_k; ties go to the lowest index.
///
/// ```
/// assert_eq!(descent::model::predict(&[0.2, 1.5, 1.5]), 1);
/// ```
pub fn predict(scores: &[f64]) -> usize {
    let mut best = 0;
    for (k, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = k;
        }
    }
    best
}

/// The cs231n demo's initial parameters W = [[1, 2], [2, −4], [3, −1]], b = [0, 0.5, −0.5].
pub const CS231N_INITIAL: [f64; 9] = [1.0, 2.0, 2.0, -4.0, 3.0, -1.0, 0.0, 0.5, -0.5];

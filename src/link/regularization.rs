//! The regularization scene's views in links: a link names one view
//! (`#regularization/landscape`) and carries that view's settings, each view's by the names
//! of its controls. Not carried: the numeric gradient's progress (a link opens it with no
//! entry filled) and training points dragged in "prefer simpler models" (regenerated from
//! their seed; [`Linkable::omitted`] says so when they were dragged). The landscape slices
//! the classifier lab's current state, which a landscape link does not carry.

use super::Linkable;
use crate::regularization::calculator::Calculator;
use crate::regularization::landscape::Landscape;
use crate::regularization::numeric_gradient::NumericGradient;
use crate::regularization::preferences::{DIM, Preferences};
use crate::regularization::simpler::Simpler;
use crate::regularization::weight_space::WeightSpace;

/// A view's link values and settings are its `get` and `set`.
macro_rules! by_name {
    () => {
        fn link_value(&self, name: &str) -> Result<String, String> {
            self.get(name).map_err(|e| e.to_string())
        }

        fn link_set(&mut self, name: &str, value: &str) -> Result<(), String> {
            self.set(name, value).map_err(|e| e.to_string())
        }
    };
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|name| name.to_string()).collect()
}

impl Linkable for WeightSpace {
    /// Independent settings, in the order of the view's controls.
    fn link_names(&self) -> Vec<String> {
        names(&["penalty", "lambda", "beta", "dataset", "points", "noise", "angle", "seed"])
    }

    by_name!();

    fn blank(&self) -> Self {
        WeightSpace::default()
    }
}

impl Linkable for Preferences {
    /// x, w₁ and w₂ entry by entry, then β.
    fn link_names(&self) -> Vec<String> {
        let entries = ["x", "w1", "w2"].into_iter().flat_map(|row| (0..DIM).map(move |l| format!("{row}.{l}")));
        entries.chain(["beta".to_string()]).collect()
    }

    by_name!();

    fn blank(&self) -> Self {
        Preferences::default()
    }
}

impl Linkable for Simpler {
    /// The points' recipe (each setting regenerates them), then the fit's degree and λ.
    fn link_names(&self) -> Vec<String> {
        names(&["points", "noise", "seed", "degree", "lambda"])
    }

    by_name!();

    fn blank(&self) -> Self {
        Simpler::default()
    }

    fn omitted(&self) -> Option<String> {
        let mut regenerated = self.clone();
        regenerated.set("seed", &self.get("seed").ok()?).ok()?;
        (regenerated.train() != self.train()).then(|| "the training points you dragged".to_string())
    }
}

impl Linkable for Landscape {
    /// The kind of plane, the random directions' seed, the range, the two parameter axes.
    fn link_names(&self) -> Vec<String> {
        names(&["directions", "seed", "range", "axis1", "axis2"])
    }

    fn link_value(&self, name: &str) -> Result<String, String> {
        self.get(name).map_err(|e| e.to_string())
    }

    /// As `set`, except that an axis given the other axis's parameter trades places with it
    /// (as the race's slice axes do), so that a link can carry swapped axes: the view refuses
    /// two equal axes, and no order of two plain settings swaps them.
    fn link_set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let refused = match self.set(name, value) {
            Ok(()) => return Ok(()),
            Err(refused) => refused.to_string(),
        };
        let other = match name {
            "axis1" => "axis2",
            "axis2" => "axis1",
            _ => return Err(refused),
        };
        let own = self.get(name).map_err(|e| e.to_string())?;
        if self.get(other).ok().as_deref() != Some(value.trim()) {
            return Err(refused);
        }
        let shape = self.shape();
        let spare = (0..shape.len()).map(|i| shape.param(i).to_string()).find(|p| *p != own && p != value.trim());
        let Some(spare) = spare else { return Err(refused) };
        let mut swapped = self.clone();
        for (axis, to) in [(other, spare.as_str()), (name, value), (other, own.as_str())] {
            swapped.set(axis, to).map_err(|e| e.to_string())?;
        }
        *self = swapped;
        Ok(())
    }

    /// A fresh landscape of the same source (the lab's state it slices).
    fn blank(&self) -> Self {
        let mut landscape = Landscape::default();
        // This landscape took the same source, so the fresh one does too.
        let _ = landscape.set_source(self.source().clone());
        landscape
    }
}

impl Linkable for NumericGradient {
    /// The objective and the differences, then W entry by entry.
    fn link_names(&self) -> Vec<String> {
        let settings = names(&["loss", "lambda", "h", "difference"]);
        settings.into_iter().chain((0..self.theta().len()).map(|k| format!("w.{k}"))).collect()
    }

    by_name!();

    fn blank(&self) -> Self {
        NumericGradient::default()
    }
}

impl Linkable for Calculator {
    /// The table's size, each example's true class (by number, before any class is renamed,
    /// so that a class named "2" cannot be mistaken for class 2), the scores, the class
    /// names, then Δ and the scale.
    fn link_names(&self) -> Vec<String> {
        let (classes, examples) = (self.classes(), self.examples());
        let mut names = names(&["classes", "examples"]);
        names.extend((0..examples).map(|i| format!("label.{i}")));
        names.extend((0..classes).flat_map(|k| (0..examples).map(move |i| format!("score.{k}.{i}"))));
        names.extend((0..classes).map(|k| format!("class.{k}")));
        names.extend(["margin", "scale"].map(String::from));
        names
    }

    by_name!();

    fn blank(&self) -> Self {
        Calculator::default()
    }
}

//! The regularization scene's views in links: a link names one view
//! (`#regularization/landscape`) and carries that view's settings, each view's by the names
//! of its controls. Not carried: the numeric gradient's progress (a link opens it with no
//! entry filled) and training points dragged in "prefer simpler models" (regenerated from
//! their seed; [`Linkable::omitted`] says so when they were dragged). The landscape slices
//! the classifier lab's current state, which the page adds to a landscape link as the lab's
//! own link (`lab=…`, see `www/link.js`).

use super::Linkable;
use crate::regularization::calculator::Calculator;
use crate::regularization::landscape::Landscape;
use crate::regularization::numeric_gradient::NumericGradient;
use crate::regularization::preferences::Preferences;
use crate::regularization::simpler::Simpler;
use crate::regularization::weight_space::WeightSpace;
use crate::setting::Table;

/// A view's link names are its settings table's, in its order; its link values and settings
/// are its `get` and `set`.
macro_rules! by_name {
    () => {
        fn link_names(&self) -> Vec<String> {
            self.specs().into_iter().map(|spec| spec.name).collect()
        }

        fn link_value(&self, name: &str) -> Result<String, String> {
            self.get(name).map_err(|e| e.to_string())
        }

        fn link_set(&mut self, name: &str, value: &str) -> Result<(), String> {
            self.set(name, value).map_err(|e| e.to_string())
        }
    };
}

impl Linkable for WeightSpace {
    by_name!();

    fn blank(&self) -> Self {
        WeightSpace::default()
    }
}

impl Linkable for Preferences {
    by_name!();

    fn blank(&self) -> Self {
        Preferences::default()
    }
}

impl Linkable for Simpler {
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
    /// The settings table's names, in its order.
    fn link_names(&self) -> Vec<String> {
        self.specs().into_iter().map(|spec| spec.name).collect()
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
    by_name!();

    fn blank(&self) -> Self {
        NumericGradient::default()
    }
}

impl Linkable for Calculator {
    by_name!();

    fn blank(&self) -> Self {
        Calculator::default()
    }
}

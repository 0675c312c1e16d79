//! The classifier lab in links.
//!
//! A link carries every setting of the lab (dataset, objective, optimizer, display) and, when
//! the current run did not start at θ₀ (W or b set by hand: a slider, a nudge, ×2 W, or a
//! setting changed mid-training, which starts a new run where training had got to), the
//! run's starting W and b, exactly. It never carries training's progress: the student's page
//! opens at step 0 of the same run, and Play replays it step for step (every random choice,
//! minibatches included, is seeded). It does not carry points added, moved or removed by hand
//! either, nor a CSV file's (the dataset `file` is no value a fresh lab takes): a link
//! regenerates the points from the dataset's recipe, and [`Lab`]'s [`Linkable::omitted`] says
//! so when the points were edited or loaded.

use super::Linkable;
use crate::lab::{Lab, LabParam};
use crate::setting::Table;

impl Linkable for Lab {
    /// The settings table's names, in its order (W and b last: every other change keeps θ
    /// or, for a new model, replaces it with θ₀, so the run's start is set after them).
    fn link_names(&self) -> Vec<String> {
        self.specs().into_iter().map(|spec| spec.name).collect()
    }

    /// A setting's value; for W and b, the current run's starting value (step 0 of its
    /// history), not where training has got to.
    fn link_value(&self, name: &str) -> Result<String, String> {
        match name.parse::<LabParam>().map_err(|e| e.to_string())? {
            LabParam::Parameter(p) => {
                let index = self.parameter_index(p).map_err(|e| e.to_string())?;
                Ok(self.history().theta(0)[index].to_string())
            }
            param => self.get_param(param).map_err(|e| e.to_string()),
        }
    }

    fn link_set(&mut self, name: &str, value: &str) -> Result<(), String> {
        self.set(name, value).map_err(|e| e.to_string())
    }

    fn blank(&self) -> Self {
        Lab::default()
    }

    fn omitted(&self) -> Option<String> {
        if let (true, Some(name)) = (self.from_file(), self.file_name()) {
            return Some(format!("the points of {name}: load the file there too"));
        }
        let regenerated = self.spec().generate().ok()?;
        (regenerated != *self.data()).then(|| "the points you added, moved or removed".to_string())
    }
}

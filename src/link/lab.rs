//! The classifier lab in links: the whole state a student needs to see what the teacher saw.
//!
//! A link carries every setting of the lab (dataset, objective, optimizer, display); when the
//! current run did not start at θ₀ (W or b set by hand: a slider, a nudge, ×2 W, or a setting
//! changed mid-training, which starts a new run where training had got to), the run's
//! starting W and b, exactly; and three pieces of state beyond the settings, each only when a
//! fresh page would not reach it from the settings before it:
//!
//! - `data`: the points, when they are not the recipe's (added, moved or removed by hand, or
//!   a CSV file's), exactly ([`super::points`]), each with its held-out flag as mark
//!   [`HELD_OUT_MARK`], if that takes at most [`DATA_LIMIT`] characters; a larger dataset is
//!   left out and [`Linkable::omitted`] says so. They come after the split's settings, so
//!   the sender's flags are the ones kept.
//! - `step`: the updates training has made. Opening it replays the run from its start
//!   ([`Lab::set_step`]): training is seeded, so the replay reaches the sender's θ bit for
//!   bit, with its loss history and optimizer state, and Play goes on as the sender's would.
//!   This is cheaper in a link than θ and reproduces more; a replay longer than
//!   [`REPLAY_BUDGET`](crate::lab::restore::REPLAY_BUDGET) point-updates is not made.
//! - `theta`: θ, bit for bit ([`super::theta`]), only when the replay does not reach it (too
//!   long to replay, or a run that went on from a given θ): the lab then goes on from θ at
//!   that step.

use super::{Linkable, points, theta};
use crate::lab::{Lab, LabParam};
use crate::setting::Table;

/// The link's name of the points.
pub const DATA: &str = "data";
/// The link's name of the step training reached.
pub const STEP: &str = "step";
/// The link's name of θ.
pub const THETA: &str = "theta";

/// The mark of a held-out point in the points text ([`super::points::Points::marks`]).
pub const HELD_OUT_MARK: u8 = 1;

/// The longest points text a link carries (characters): with the settings, a link stays
/// under about 8 KB, which every browser, chat and mail program passes on. About 600 points
/// with f32 coordinates, 330 with f64 ones.
pub const DATA_LIMIT: usize = 7000;

/// More points than this cannot fit in [`DATA_LIMIT`] (10 bytes a point at least), so they
/// are not even encoded.
const DATA_POINTS: usize = DATA_LIMIT * 3 / 4 / 10;

impl Linkable for Lab {
    /// The settings table's names, in its order (W and b last: every other change keeps θ
    /// or, for a new model, replaces it with θ₀, so the run's start is set after them), with
    /// the points after the settings that generate and split them, and the step and θ last.
    fn link_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.specs().into_iter().map(|spec| spec.name).collect();
        let after = names.iter().position(|n| *n == LabParam::SplitSeed.name()).map_or(0, |i| i + 1);
        names.insert(after, DATA.to_string());
        names.extend([STEP.to_string(), THETA.to_string()]);
        names
    }

    /// A setting's value; for W and b, the current run's starting value (its first entry),
    /// not where training has got to.
    fn link_value(&self, name: &str) -> Result<String, String> {
        match name {
            DATA => return data_text(self),
            STEP => return Ok(self.steps().to_string()),
            THETA => return Ok(theta::encode(self.theta())),
            _ => {}
        }
        match name.parse::<LabParam>().map_err(|e| e.to_string())? {
            LabParam::Parameter(p) => {
                let index = self.parameter_index(p).map_err(|e| e.to_string())?;
                Ok(self.history().theta(0)[index].to_string())
            }
            param => self.get_param(param).map_err(|e| e.to_string()),
        }
    }

    fn link_set(&mut self, name: &str, value: &str) -> Result<(), String> {
        match name {
            DATA => {
                let decoded = points::decode(value.trim()).map_err(|e| format!("the points could not be read: {e}"))?;
                if let Some(i) = decoded.marks.iter().position(|&m| m & !HELD_OUT_MARK != 0) {
                    return Err(format!("point {} carries a mark this page does not know", i + 1));
                }
                let mut data = decoded.data;
                for (i, &mark) in decoded.marks.iter().enumerate() {
                    data.set_held_out(i, mark == HELD_OUT_MARK).map_err(|e| e.to_string())?;
                }
                self.set_points(data);
                Ok(())
            }
            STEP => {
                let step =
                    value.trim().parse().map_err(|_| format!("step must be a whole number ≥ 0, not \"{value}\""))?;
                self.set_step(step).map_err(|e| e.to_string())
            }
            THETA => {
                let theta = theta::decode(value.trim()).map_err(|e| format!("θ could not be read: {e}"))?;
                self.set_theta(&theta).map_err(|e| e.to_string())
            }
            _ => self.set(name, value).map_err(|e| e.to_string()),
        }
    }

    fn blank(&self) -> Self {
        Lab::default()
    }

    fn omitted(&self) -> Option<String> {
        let regenerated = self.spec().generate().ok().map(|mut data| {
            data.split(self.held_out_ratio(), self.split_seed());
            data
        });
        let edited = self.from_file() || regenerated.as_ref() != Some(self.data());
        (edited && data_text(self).is_err()).then(|| {
            format!(
                "the {} points (a link carries about {} at most): export them as CSV and load the file there too",
                self.data().len(),
                DATA_POINTS
            )
        })
    }
}

/// The lab's points as a link carries them, or why a link cannot.
fn data_text(lab: &Lab) -> Result<String, String> {
    let too_many = || format!("{} points are too many for a link", lab.data().len());
    if lab.data().len() > DATA_POINTS {
        return Err(too_many());
    }
    let data = lab.data();
    let marks: Vec<u8> = (0..data.len()).map(|i| if data.is_held_out(i) { HELD_OUT_MARK } else { 0 }).collect();
    let text = points::encode(data, &marks);
    if text.len() > DATA_LIMIT { Err(too_many()) } else { Ok(text) }
}

//! The multi-step schedule's milestones: a short sorted list of steps, kept in a fixed array so
//! that a schedule stays `Copy`.

use std::fmt;
use std::str::FromStr;

/// The most milestones a multi-step schedule takes.
pub const MAX_MILESTONES: usize = 16;
/// The largest step a schedule counts to (`schedule::MAX_STEPS`).
pub const LAST_STEP: usize = 1_000_000;

/// The steps after which the multi-step schedule multiplies the rate by γ, sorted; a step
/// listed twice decays twice (PyTorch's `MultiStepLR` counts them the same way). Written
/// `30,60`.
///
/// ```
/// use descent::schedule::Milestones;
/// let m: Milestones = "60, 30".parse().unwrap();
/// assert_eq!(m.to_string(), "30,60");
/// assert_eq!([m.passed(29), m.passed(30), m.passed(75)], [0, 1, 2]);
/// assert!("30,x".parse::<Milestones>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Milestones {
    steps: [usize; MAX_MILESTONES],
    len: usize,
}

impl Milestones {
    /// The milestones, sorted.
    pub fn steps(&self) -> &[usize] {
        &self.steps[..self.len]
    }

    /// How many milestones are ≤ `u`: the decays made by step u.
    pub fn passed(&self, u: usize) -> usize {
        self.steps().partition_point(|&m| m <= u)
    }
}

impl Default for Milestones {
    /// 30 and 60.
    fn default() -> Self {
        let mut steps = [0; MAX_MILESTONES];
        steps[..2].copy_from_slice(&[30, 60]);
        Milestones { steps, len: 2 }
    }
}

impl fmt::Display for Milestones {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text: Vec<String> = self.steps().iter().map(usize::to_string).collect();
        f.write_str(&text.join(","))
    }
}

/// Why milestones were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadMilestones;

impl FromStr for Milestones {
    type Err = BadMilestones;

    /// Whole numbers from 1 to [`LAST_STEP`] separated by commas, at most
    /// [`MAX_MILESTONES`]; an empty text is no milestone.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut steps = [0; MAX_MILESTONES];
        let mut len = 0;
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let step: usize = part.parse().map_err(|_| BadMilestones)?;
            if len == MAX_MILESTONES || step == 0 || step > LAST_STEP {
                return Err(BadMilestones);
            }
            steps[len] = step;
            len += 1;
        }
        steps[..len].sort_unstable();
        Ok(Milestones { steps, len })
    }
}

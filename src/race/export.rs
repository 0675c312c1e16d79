//! The race's trajectories as CSV, for a spreadsheet or a plot elsewhere.

use super::Race;

/// The CSV header of [`Race::trajectories_csv`].
pub const TRAJECTORIES_HEADER: &str = "racer,step,x,y,loss,learning_rate";

impl Race {
    /// Every enabled racer's kept trajectory as CSV, racer by racer: the racer's number
    /// (from 0, as `racerK.` settings count them), the step t, the point θ_t = (x, y) on the
    /// surface (the two sliced parameters on the classifier slice), the loss f(θ_t) there, and
    /// α_t, the learning rate of the update from θ_t. Numbers are written in full.
    ///
    /// ```
    /// let mut race = descent::race::Race::default();
    /// race.advance(3);
    /// let csv = race.trajectories_csv();
    /// assert_eq!(csv.lines().next(), Some("racer,step,x,y,loss,learning_rate"));
    /// assert!(csv.lines().any(|row| row.starts_with("0,3,")));
    /// ```
    pub fn trajectories_csv(&self) -> String {
        let mut out = String::from(TRAJECTORIES_HEADER);
        out.push('\n');
        for (k, racer) in self.racers.iter().enumerate().filter(|(_, r)| r.enabled()) {
            let trajectory = racer.run().trajectory();
            for t in 0..trajectory.len() {
                let point = trajectory.point(t);
                let (x, y) = (point.first().copied().unwrap_or(f64::NAN), point.get(1).copied().unwrap_or(f64::NAN));
                let step = trajectory.first_step() + t;
                let loss = trajectory.losses()[t];
                let rate = trajectory.rates().get(t).copied().unwrap_or(f64::NAN);
                out.push_str(&format!("{k},{step},{x},{y},{loss},{rate}\n"));
            }
        }
        out
    }
}

//! The race's settings table: every setting's row ([`Race::setting_spec`]) in link order
//! ([`Param::table`]), as the race's state has it (the classifier slice among the surfaces
//! and the model's parameters as the slice's axes once the lab has handed its model over),
//! and whether each applies now ([`Race::applies`]). The page builds its panel from it, links
//! walk it, and [`Race::set`] parses every value with its row's kind.

use super::Race;
use super::param::{Param, RaceParam, RacerParam};
use super::terrain::{CLASSIFIER, Terrain};
use crate::optim::settings::Setting;
use crate::schedule::ScheduleParam;
use crate::setting::{Choice, Kind, Spec, Table};

impl Race {
    /// The row of the settings table for `param`, as the current state has it: the surfaces
    /// with the classifier slice once the race has the lab's model, the slice's axes over the
    /// model's parameters (none before).
    ///
    /// ```
    /// use descent::race::Race;
    /// use descent::race::param::{Param, RaceParam};
    /// let spec = Race::default().setting_spec(Param::Race(RaceParam::Kappa));
    /// assert_eq!(spec.kind.expected(), "a number from 1 to 1000");
    /// ```
    pub fn setting_spec(&self, param: Param) -> Spec {
        match param {
            Param::Race(p) => {
                let mut kind = p.kind();
                if let (Kind::Choice(options), Some(source)) = (&mut kind, &self.classifier) {
                    match p {
                        RaceParam::Surface => options.push(Choice::new(CLASSIFIER, "classifier (the lab's loss)")),
                        RaceParam::SliceAxis(_) => {
                            let shape = source.shape();
                            options.extend((0..shape.len()).map(|i| Choice::plain(shape.param(i).to_string())));
                        }
                        _ => {}
                    }
                }
                Spec::new(p.name(), p.label(), kind)
            }
            Param::Racer { index, param } => param.spec(&format!("racer{index}.")),
        }
    }

    /// Whether a setting means anything now: κ and θ only on a surface that has them (the
    /// quadratic), the slice's axes only on the classifier slice, a racer's hyperparameter only
    /// when its method uses it, a racer's own schedule (but its α₀, which it always brings)
    /// only when it follows it, and a schedule's settings only for the schedules that use them
    /// ([`ScheduleParam::applies`], the lab's rule too). The page hides the others.
    pub fn applies(&self, param: Param) -> bool {
        match param {
            Param::Race(RaceParam::Kappa | RaceParam::Angle) => {
                matches!(&self.terrain, Terrain::Surface(surface) if surface.kind.has_shape())
            }
            Param::Race(RaceParam::SliceAxis(_)) => matches!(self.terrain, Terrain::Classifier(_)),
            Param::Race(RaceParam::Schedule(p)) => p.applies(self.shared_schedule()),
            Param::Race(_) => true,
            Param::Racer { index, param } => self.racers.get(index).is_some_and(|racer| match param {
                RacerParam::Optimizer(Setting::Hyper(h)) => racer.method().hypers().contains(&h),
                RacerParam::Optimizer(Setting::Schedule(ScheduleParam::Lr)) => true,
                RacerParam::Optimizer(Setting::Schedule(p)) => {
                    racer.own_schedule() && p.applies(&racer.settings().schedule)
                }
                _ => true,
            }),
        }
    }
}

impl Table for Race {
    fn specs(&self) -> Vec<Spec> {
        Param::table().map(|param| self.setting_spec(param)).collect()
    }

    fn current(&self, name: &str) -> String {
        self.get(name).unwrap_or_default()
    }

    fn applies(&self, name: &str) -> bool {
        name.parse().is_ok_and(|param| Race::applies(self, param))
    }
}

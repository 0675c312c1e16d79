//! The race's two charts, drawn with plotters through [`render::chart`](crate::render::chart):
//! loss against step for every racer, and each racer's learning rate α_t over the whole run
//! with a cursor at the current step.
//!
//! The loss chart plots f − f* on a log axis when the surface's global minimum f* is known
//! (every surface but the saddles), and f on a linear axis otherwise. Its series grow by one
//! value per racer per tick, and the schedule curves are recomputed only when a setting or the
//! horizon changes, so a frame allocates nothing for them.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::Race;
use super::preset::CLAIM_STEPS;
use super::racer::Racer;
use crate::render::chart::{ChartResult, LineChart, Series, draw_line_chart};
use crate::schedule::Schedule;

/// The series behind the charts, kept up to date by the race.
#[derive(Clone, Debug, Default)]
pub(crate) struct ChartData {
    /// Per racer slot: f − f* (or f) at each recorded point.
    losses: Vec<Vec<f64>>,
    /// Per racer slot: α_t for t = 0, …, horizon.
    rates: Vec<Vec<f64>>,
    /// The last step the schedule chart shows.
    horizon: usize,
}

impl ChartData {
    /// Starts over: each racer's loss so far, and the schedule curves up to a horizon that
    /// covers the schedules (warmup and T), the presets' 200 steps and the clock.
    pub(crate) fn restart(&mut self, racers: &[Racer], shared: &Schedule, floor: Option<f64>, clock: usize) {
        self.losses.resize_with(racers.len(), Vec::new);
        for (series, racer) in self.losses.iter_mut().zip(racers) {
            series.clear();
            series.extend(racer.run().trajectory().losses().iter().map(|f| f - floor.unwrap_or(0.0)));
        }
        let reach = |s: &Schedule| if s.kind.uses_total() || s.warmup > 0 { s.total.max(s.warmup) } else { 0 };
        let schedules: Vec<Schedule> = racers.iter().map(|r| r.schedule(shared)).collect();
        let mut horizon = schedules.iter().map(reach).fold(CLAIM_STEPS, usize::max);
        while horizon < clock {
            horizon *= 2;
        }
        self.horizon = horizon;
        self.rates.resize_with(racers.len(), Vec::new);
        for ((series, schedule), racer) in self.rates.iter_mut().zip(&schedules).zip(racers) {
            series.clear();
            if schedule.kind.reads_loss() {
                plateau_curve(series, racer, horizon);
            } else {
                series.extend((0..=horizon).map(|t| schedule.rate(t)));
            }
        }
    }

    /// Appends what the last tick recorded; extends the schedule curves when the clock passes
    /// their horizon.
    pub(crate) fn extend(&mut self, racers: &[Racer], shared: &Schedule, floor: Option<f64>, clock: usize) {
        if clock > self.horizon {
            self.restart(racers, shared, floor, clock);
            return;
        }
        for (series, racer) in self.losses.iter_mut().zip(racers) {
            let losses = racer.run().trajectory().losses();
            series.extend(losses[series.len().min(losses.len())..].iter().map(|f| f - floor.unwrap_or(0.0)));
        }
        for (series, racer) in self.rates.iter_mut().zip(racers) {
            if racer.schedule(shared).kind.reads_loss() {
                series.clear();
                plateau_curve(series, racer, self.horizon);
            }
        }
    }
}

/// The plateau schedule's curve, which depends on the run: the rates recorded so far (when
/// the trajectory still holds them all), then the current rate held to `horizon`.
fn plateau_curve(series: &mut Vec<f64>, racer: &Racer, horizon: usize) {
    let run = racer.run();
    let recorded = run.trajectory().rates();
    if recorded.len() == run.updates() + 1 {
        series.extend(recorded.iter().take(horizon + 1));
    }
    let now = run.rate();
    series.resize(horizon + 1, now);
}

/// One point per bucket of `bucket` consecutive values, at the bucket's middle step: the
/// mean of its values, geometric (the mean of the logarithms) when `log`, ignoring values a
/// log axis cannot show. With a bucket per few pixel columns, a noisy run reads as a curve
/// through its noise instead of a band of vertical strokes, and costs the rasterizer a few
/// hundred short segments instead of thousands of long ones.
///
/// ```
/// use descent::race::charts::column_means;
/// let (x, y) = column_means(&[3.0, 1.0, 2.0, 5.0, 4.0, 6.0, 0.5], 3, false);
/// assert_eq!(x, [1.0, 4.0, 6.0]);
/// assert_eq!(y, [2.0, 5.0, 0.5]);
/// let (_, y) = column_means(&[1.0, 100.0, 0.0], 3, true);
/// assert!((y[0] - 10.0).abs() < 1e-12);
/// ```
pub fn column_means(values: &[f64], bucket: usize, log: bool) -> (Vec<f64>, Vec<f64>) {
    let bucket = bucket.max(1);
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for (b, chunk) in values.chunks(bucket).enumerate() {
        let (sum, count) = chunk
            .iter()
            .filter(|v| if log { **v > 0.0 && v.is_finite() } else { v.is_finite() })
            .fold((0.0, 0usize), |(s, n), &v| (s + if log { v.ln() } else { v }, n + 1));
        if count == 0 {
            continue;
        }
        let mean = sum / count as f64;
        x.push((b * bucket) as f64 + 0.5 * (chunk.len() - 1) as f64);
        y.push(if log { mean.exp() } else { mean });
    }
    (x, y)
}

/// The enabled racers' labels, colours and series, one (x, y) per racer slot in `data`.
fn series_of<'a>(
    race: &Race,
    data: impl IntoIterator<Item = (Option<&'a [f64]>, &'a [f64])>,
    labels: &'a [String],
) -> Vec<Series<'a>> {
    race.racers()
        .iter()
        .zip(data)
        .zip(labels)
        .filter(|((racer, _), _)| racer.enabled())
        .map(|((racer, (x, y)), name)| Series { name, color: racer.color(), x, y })
        .collect()
}

impl Race {
    /// Draws every enabled racer's loss by step into `area`: f − f* on a log axis when f* is
    /// known, f on a linear one otherwise. Once a run has more steps than the chart is wide in
    /// units of three CSS pixels, each such column shows the [`column_means`] of its steps.
    /// `scale` is the device-pixel ratio.
    pub fn draw_loss_chart<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scale: f64) -> ChartResult<DB> {
        let labels: Vec<String> = self.racers().iter().map(Racer::label).collect();
        // Buckets of at least three CSS pixels' worth of steps: a noisy run's jagged line costs
        // the rasterizer in proportion to its length, and finer detail reads no better.
        let columns = ((f64::from(area.dim_in_pixel().0) / (3.0 * scale.max(1.0))) as usize).max(1);
        let bucket = (self.clock() + 1) / columns;
        let known = self.terrain().floor().is_some();
        let series_data: Vec<(Vec<f64>, Vec<f64>)> =
            self.charts.losses.iter().map(|y| column_means(y, bucket, known)).collect();
        let series = series_of(self, series_data.iter().map(|(x, y)| (Some(&x[..]), &y[..])), &labels);
        let chart = LineChart {
            x_label: "step",
            y_label: if known { "f − f*" } else { "f" },
            log_y: known,
            x_range: Some([0.0, self.clock().max(1) as f64]),
            legend: false,
            scale,
            ..LineChart::default()
        };
        draw_line_chart(area, &chart, &series)
    }

    /// Draws every enabled racer's learning rate α_t over the whole run (log axis), with a
    /// cursor at the current step.
    pub fn draw_schedule_chart<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        scale: f64,
    ) -> ChartResult<DB> {
        let labels: Vec<String> = self.racers().iter().map(Racer::label).collect();
        let series = series_of(self, self.charts.rates.iter().map(|y| (None, &y[..])), &labels);
        let chart = LineChart {
            x_label: "step",
            y_label: "α_t",
            log_y: true,
            cursor: Some(self.clock() as f64),
            x_range: Some([0.0, self.charts.horizon as f64]),
            legend: false,
            scale,
        };
        draw_line_chart(area, &chart, &series)
    }
}

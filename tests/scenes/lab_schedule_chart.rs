//! The lab's charts: the learning-rate chart α_t (shown while a schedule or a warmup is
//! chosen; the schedule's own rates over T, W and at least 200 steps, doubled past the steps
//! made) and the loss chart, whose legend is the page's.

use descent::lab::Lab;
use descent::schedule::Schedule;
use plotters::prelude::{IntoDrawingArea, SVGBackend};

fn lab(settings: &[(&str, &str)]) -> Lab {
    let mut lab = Lab::default();
    for (name, value) in settings {
        lab.set(name, value).unwrap();
    }
    lab
}

#[test]
fn the_chart_shows_while_the_rate_changes() {
    assert!(!lab(&[]).shows_schedule());
    assert!(lab(&[("schedule", "step")]).shows_schedule());
    assert!(lab(&[("warmup", "10")]).shows_schedule());
    assert!(!lab(&[("schedule", "cosine"), ("schedule", "constant")]).shows_schedule());
}

#[test]
fn the_rates_are_the_schedules_over_its_horizon() {
    let cosine = lab(&[("schedule", "cosine"), ("total", "300"), ("warmup", "30")]);
    assert_eq!(cosine.schedule_horizon(), 300);
    let rates = cosine.schedule_rates();
    assert_eq!(rates.len(), 301);
    let schedule: Schedule = cosine.optimizer().schedule;
    for (t, rate) in rates.iter().enumerate() {
        assert_eq!(*rate, schedule.rate(t), "α_{t}");
    }
    // Warmup from 0 to α₀ = 0.1 over W = 30 steps, then the cosine on t − W with horizon
    // T − W: α₁₆₅ = α₀(1 + cos(135π/270))/2 = α₀/2.
    assert_eq!(rates[0], 0.0);
    assert!((rates[15] - 0.05).abs() < 1e-15, "{}", rates[15]);
    assert_eq!(rates[30], 0.1);
    assert!((rates[165] - 0.05).abs() < 1e-15, "{}", rates[165]);
    assert_eq!(rates[300], 0.0);
    // A schedule without a horizon spans 200 steps, doubled until it covers the steps made.
    let mut step = lab(&[("schedule", "step"), ("step-size", "50"), ("gamma", "0.5")]);
    assert_eq!(step.schedule_horizon(), 200);
    for _ in 0..450 {
        step.step().unwrap();
    }
    assert_eq!(step.schedule_horizon(), 800);
    assert!((step.schedule_rates()[450] - 0.1 * 0.5f64.powi(9)).abs() < 1e-18);
}

#[test]
fn the_charts_draw_into_svg_the_loss_chart_without_its_legend() {
    let mut trained = lab(&[("schedule", "linear"), ("total", "100")]);
    for _ in 0..20 {
        trained.step().unwrap();
    }
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (340, 170)).into_drawing_area();
        let plotted = trained.draw_schedule_chart(&area, 1.0).unwrap();
        assert!(plotted.log_y);
    }
    assert!(svg.contains("α_t") && svg.contains("<polyline"), "{svg}");
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (340, 250)).into_drawing_area();
        trained.draw_loss_chart(&area, 1.0).unwrap();
    }
    assert!(svg.contains("loss") && svg.matches("<polyline").count() >= 3, "{svg}");
    assert!(!svg.contains("regularization"), "the legend is the page's");
}

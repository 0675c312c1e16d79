//! What the race's canvas shows: the heatmap redrawn only when it must be, trajectories as
//! thinned polylines with nothing non-finite, Nesterov's look-ahead against the lecture's own
//! form, L-BFGS's line-search points and Newton's steps.

use descent::race::Race;
use descent::render::overlay::Mark;
use descent::render::palette::Rgb;
use descent::surface::{Surface, SurfaceKind};

/// A race on a 400 × 400 canvas with the given racers on the quadratic κ = 10 from (−1.5, 1).
fn race_with(racers: &[&[(&str, &str)]]) -> Race {
    let mut race = Race::default();
    race.resize(400, 400, 1.0);
    for (name, value) in [("surface", "quadratic"), ("kappa", "10"), ("angle", "0"), ("start", "-1.5,1")] {
        race.set(name, value).unwrap();
    }
    for k in 0..8 {
        race.set(&format!("racer{k}.enabled"), &(k < racers.len()).to_string()).unwrap();
    }
    for (k, settings) in racers.iter().enumerate() {
        for (name, value) in settings.iter() {
            race.set(&format!("racer{k}.{name}"), value).unwrap();
        }
    }
    race
}

/// Every coordinate a mark holds.
fn coordinates(mark: &Mark) -> Vec<[f64; 2]> {
    match mark {
        Mark::Line { from, to, .. } | Mark::Arrow { from, to, .. } => vec![*from, *to],
        Mark::Disc { at, .. } | Mark::Text { at, .. } => vec![*at],
        Mark::Polyline { points, .. } | Mark::Dots { points, .. } => points.clone(),
    }
}

/// The trail polylines the last render drew in `color`.
fn polylines(race: &Race, color: Rgb) -> Vec<&Vec<[f64; 2]>> {
    race.picture()
        .trails()
        .marks()
        .iter()
        .filter_map(|m| match m {
            Mark::Polyline { points, color: c, .. } if *c == color => Some(points),
            _ => None,
        })
        .collect()
}

#[test]
fn the_heatmap_is_redrawn_only_when_the_terrain_or_size_changes() {
    let mut race = race_with(&[&[("method", "sgd"), ("lr", "0.05")]]);
    assert!(race.render(), "first render draws the heatmap");
    race.advance(10);
    assert!(!race.render(), "racers moving do not redraw it");
    race.set("racer0.lr", "0.07").unwrap();
    assert!(!race.render(), "nor do racer settings");
    race.set("kappa", "12").unwrap();
    assert!(race.render(), "κ does");
    race.resize(300, 300, 1.0);
    assert!(race.render(), "a new size does");
    race.set("surface", "booth").unwrap();
    assert!(race.render(), "a new surface does");
    // The heatmap shows the terrain: its scale spans f over the view, Booth's on [−10, 10]².
    let scale = race.picture().heatmap().scale().unwrap();
    let booth = Surface::new(SurfaceKind::Booth);
    let corner = race.picture().view().pixel_center(0, 299);
    assert!(scale.f_max >= booth.value(corner) && scale.f_min < 0.1);
}

#[test]
fn trajectories_are_thinned_cased_polylines_ending_at_the_current_point() {
    let mut race = race_with(&[&[("method", "sgd"), ("lr", "0.05")], &[("method", "adam"), ("lr", "0.05")]]);
    race.advance(300);
    race.render();
    let view = *race.picture().view();
    for k in 0..2 {
        let racer = &race.racers()[k];
        let lines = polylines(&race, racer.color());
        assert_eq!(lines.len(), 1, "racer {k}: one line in its colour (its casing is dark)");
        let line = lines[0];
        let tr = racer.run().trajectory();
        assert_eq!(line[0], view.to_pixel([tr.point(0)[0], tr.point(0)[1]]));
        // Thinned: 301 points, but consecutive ones at least a pixel apart, and the line ends
        // within a pixel of the current point.
        let end = tr.last_point().unwrap();
        let (last, now) = (*line.last().unwrap(), view.to_pixel([end[0], end[1]]));
        assert!((last[0] - now[0]).hypot(last[1] - now[1]) < 1.0);
        assert!(line.len() < tr.len());
        for pair in line.windows(2) {
            assert!((pair[1][0] - pair[0][0]).hypot(pair[1][1] - pair[0][1]) >= 1.0);
        }
        // The current point is a disc in the racer's colour.
        let current = race.picture().marks().iter().any(|m| {
            matches!(m, Mark::Disc { at, fill, .. } if *fill == racer.color() && *at == view.to_pixel([end[0], end[1]]))
        });
        assert!(current, "racer {k}'s current point");
    }
}

#[test]
fn nothing_non_finite_is_drawn_when_racers_diverge_or_escape() {
    // SGD at α = 0.5 on κ = 10 diverges; momentum at α = 0.3 flies far before it does.
    let mut race = race_with(&[&[("method", "sgd"), ("lr", "0.5")], &[("method", "momentum"), ("lr", "0.3")]]);
    race.advance(200);
    race.render();
    assert!(race.racers()[0].run().stopped().is_some());
    // Points are pulled in to 2·(width + height) around the canvas (marks around them reach
    // a few pixels further).
    let margin = 2.0 * 800.0 + 10.0;
    for mark in race.picture().marks().iter().chain(race.picture().trails().marks()) {
        for p in coordinates(mark) {
            assert!(p.iter().all(|v| v.is_finite() && (-margin..=400.0 + margin).contains(v)), "{mark:?}");
        }
    }
    // The stopped racer is crossed out: a ring in its colour where it stopped.
    let wild = &race.racers()[0];
    let end = wild.run().trajectory().last_point().unwrap();
    let at = race.picture().view().to_pixel([end[0], end[1]]).map(|v| v.clamp(-1600.0, 2000.0));
    let ring = race.picture().marks().iter().any(
        |m| matches!(m, Mark::Dots { points, filled: false, color, .. } if *color == wild.color() && points[0] == at),
    );
    assert!(ring);
}

#[test]
fn nesterov_look_ahead_matches_the_lectures_form() {
    // The lecture's look-ahead form at a constant α: v ← ρv − α∇f(x + ρv), x ← x + v. The
    // racer records x̃ = x + ρv; the picture must show x itself, and the look-ahead x̃.
    let (alpha, rho) = (0.02, 0.9);
    let mut race = race_with(&[&[("method", "nesterov"), ("lr", "0.02"), ("momentum", "0.9")]]);
    let steps = 17;
    race.advance(steps);
    race.render();
    let surface = Surface { kind: SurfaceKind::Quadratic, kappa: 10.0, angle: 0.0 };
    let (mut x, mut v) = ([-1.5, 1.0], [0.0, 0.0]);
    for _ in 0..steps {
        let g = surface.gradient([x[0] + rho * v[0], x[1] + rho * v[1]]);
        v = [rho * v[0] - alpha * g[0], rho * v[1] - alpha * g[1]];
        x = [x[0] + v[0], x[1] + v[1]];
    }
    let recorded = race.racers()[0].run().trajectory().last_point().unwrap();
    assert!((recorded[0] - (x[0] + rho * v[0])).abs() < 1e-12 && (recorded[1] - (x[1] + rho * v[1])).abs() < 1e-12);
    let view = race.picture().view();
    let expected = view.to_pixel(x);
    let color = race.racers()[0].color();
    let shown = race
        .picture()
        .marks()
        .iter()
        .find_map(|m| match m {
            Mark::Dots { points, filled: false, radius, color: c, .. } if *c == color && *radius == 4.0 => {
                Some(points[0])
            }
            _ => None,
        })
        .expect("the position x_t is drawn as a hollow dot");
    assert!(
        (shown[0] - expected[0]).abs() < 1e-6 && (shown[1] - expected[1]).abs() < 1e-6,
        "{shown:?} vs {expected:?}"
    );
    let arrow = race.picture().marks().iter().any(|m| {
        matches!(m, Mark::Line { from, to, dashed: true, .. }
            if *from == shown && *to == view.to_pixel([recorded[0], recorded[1]]))
    });
    assert!(arrow, "a dashed line from x_t to the look-ahead point");
}

#[test]
fn line_search_trials_and_newton_steps_are_drawn() {
    let mut race = race_with(&[&[("method", "lbfgs")], &[("method", "newton")]]);
    race.set("surface", "rosenbrock").unwrap();
    race.advance(12);
    race.render();
    let view = *race.picture().view();
    // Every point L-BFGS's last 12 updates tried, but each update's own start, is a ring.
    let tr = race.racers()[0].run().trajectory();
    let mut trials = Vec::new();
    for t in 1..tr.len() {
        let from = tr.point(t - 1);
        trials.extend(tr.evaluations(t).filter(|e| e.point != from).map(|e| view.to_pixel([e.point[0], e.point[1]])));
    }
    assert!(trials.len() >= 12, "L-BFGS tried {} points", trials.len());
    let color = race.racers()[0].color();
    let rings = race
        .picture()
        .marks()
        .iter()
        .find_map(|m| match m {
            Mark::Dots { points, filled: false, color: c, radius, .. } if *c == color && *radius == 3.5 => Some(points),
            _ => None,
        })
        .expect("rings at the trial points");
    assert_eq!(rings, &trials);
    // Newton's steps are arrows, one per step longer than 8 pixels.
    let newton = &race.racers()[1];
    let arrows = race
        .picture()
        .marks()
        .iter()
        .filter(|m| matches!(m, Mark::Arrow { color, .. } if *color == newton.color()))
        .count();
    let tr = newton.run().trajectory();
    let long = (1..tr.len())
        .filter(|&t| {
            let (a, b) = (
                view.to_pixel([tr.point(t - 1)[0], tr.point(t - 1)[1]]),
                view.to_pixel([tr.point(t)[0], tr.point(t)[1]]),
            );
            (b[0] - a[0]).hypot(b[1] - a[1]) > 8.0
        })
        .count();
    assert!(long >= 4 && arrows == long, "{arrows} arrows for {long} long steps");
}

#[test]
fn trails_add_only_the_new_steps_until_a_restart() {
    // Noisy SGD wanders, moving more than a pixel nearly every step.
    let mut race = race_with(&[&[("method", "sgd"), ("lr", "0.05")], &[("method", "adam"), ("lr", "0.05")]]);
    race.set("noise", "3").unwrap();
    race.advance(100);
    race.render();
    assert!(race.picture().trails().clear(), "the first render starts on a cleared canvas");
    let view = *race.picture().view();
    let color = race.racers()[0].color();
    let mut drawn: Vec<[f64; 2]> = polylines(&race, color)[0].clone();
    assert!(drawn.len() > 80, "{} of 101 points", drawn.len());
    for _ in 0..20 {
        race.advance(7);
        race.render();
        assert!(!race.picture().trails().clear());
        let chunk = polylines(&race, color)[0];
        // Each chunk starts two points back (its casing one), so the joints are seamless.
        assert!(chunk.len() <= 7 + 2, "{} points", chunk.len());
        assert_eq!(chunk[..2], drawn[drawn.len() - 2..]);
        drawn.extend_from_slice(&chunk[2..]);
    }
    // The chunks add up to the whole trajectory, thinned: each point a pixel or more from
    // the last one kept.
    let tr = race.racers()[0].run().trajectory();
    let mut all: Vec<[f64; 2]> = Vec::new();
    for t in 0..tr.len() {
        let q = view.to_pixel([tr.point(t)[0], tr.point(t)[1]]);
        if all.last().is_none_or(|l| (q[0] - l[0]).hypot(q[1] - l[1]) >= 1.0) {
            all.push(q);
        }
    }
    assert_eq!(drawn, all);
    // A render with no new steps adds nothing; a restart redraws from a cleared canvas.
    race.render();
    assert!(race.picture().trails().marks().is_empty());
    race.reset();
    race.advance(3);
    race.render();
    assert!(race.picture().trails().clear());
    assert_eq!(polylines(&race, color)[0].len(), 4);
    // So does a new size, or another set of racers.
    race.render();
    race.resize(300, 300, 1.0);
    race.render();
    assert!(race.picture().trails().clear());
    race.set("racer2.enabled", "true").unwrap();
    race.render();
    assert!(race.picture().trails().clear());
}

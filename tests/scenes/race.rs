//! The race scene's rules: settings by name, what a change restarts and what it keeps, one
//! clock, the start, noise and schedules, divergence and the leaderboard.

use descent::optim::noise::{GradientNoise, Normals};
use descent::optim::run::Run;
use descent::optim::settings::Settings;
use descent::race::leaderboard::standings;
use descent::race::racer::Status;
use descent::race::{MAX_STEPS, Race};
use descent::schedule::{Schedule, ScheduleKind};
use descent::surface::{Surface, SurfaceKind};

/// A race with the given racers (settings by name) on the quadratic κ = 10 from (−1.5, 1).
fn race_with(racers: &[&[(&str, &str)]]) -> Race {
    let mut race = Race::default();
    race.set("surface", "quadratic").unwrap();
    race.set("kappa", "10").unwrap();
    race.set("angle", "0").unwrap();
    race.set("start", "-1.5,1").unwrap();
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

/// An independent run of `settings` on `surface` from `start` (the optimizer library's own
/// driver, no race around it), with gradient noise σ from `seed` when σ > 0.
fn solo(settings: &[(&str, &str)], surface: Surface, start: [f64; 2], sigma: f64, seed: u64, steps: usize) -> Run {
    let mut s = Settings::default();
    for (name, value) in settings {
        s.set(name, value).unwrap();
    }
    let mut f = surface;
    let mut run = Run::new(s.build().unwrap(), s.schedule, &start, &mut f);
    let mut normals = Normals::new(seed);
    for _ in 0..steps {
        let _ =
            if sigma > 0.0 { run.step(&mut GradientNoise::new(&mut f, sigma, &mut normals)) } else { run.step(&mut f) };
    }
    run
}

#[test]
fn settings_round_trip_and_bad_ones_change_nothing() {
    let mut race = Race::default();
    for (name, value) in [
        ("surface", "rosenbrock"),
        ("kappa", "25"),
        ("angle", "-40"),
        ("noise", "0.5"),
        ("seed", "12"),
        ("steps-per-frame", "10"),
        ("start", "0.25,-0.5"),
        ("target", "0.001"),
        ("schedule", "cosine"),
        ("total", "300"),
        ("warmup", "20"),
        ("racer3.enabled", "true"),
        ("racer3.method", "adam"),
        ("racer3.lr", "0.02"),
        ("racer3.beta2", "0.99"),
        ("racer3.bias-correction", "false"),
        ("racer3.own-schedule", "true"),
        ("racer3.noise-free", "true"),
        ("racer3.schedule", "step"),
        ("racer7.method", "lbfgs"),
        ("racer7.history", "5"),
    ] {
        race.set(name, value).unwrap();
        assert_eq!(race.get(name).unwrap(), value, "{name}");
    }
    assert_eq!(race.get("preset").unwrap(), "custom");
    let before: Vec<String> = ["kappa", "noise", "start", "racer3.lr", "racer3.beta2", "steps-per-frame"]
        .iter()
        .map(|n| race.get(n).unwrap())
        .collect();
    for (name, value, says) in [
        ("kappa", "0.5", "kappa must be a number from 1 to 1000"),
        ("kappa", "lots", "kappa must be"),
        ("noise", "-1", "noise must be a number from 0 to 100"),
        ("noise", "NaN", "noise must be"),
        ("start", "1", "start must be two numbers"),
        ("start", "1,inf", "start must be two numbers"),
        ("racer3.lr", "-0.1", "racer 3: lr must be"),
        ("racer3.beta2", "1", "racer 3: beta2 must be a number in [0, 1)"),
        ("steps-per-frame", "0", "steps-per-frame must be a whole number from 1 to 100"),
        ("steps-per-frame", "101", "steps-per-frame must be"),
        ("surface", "moon", "unknown surface \"moon\""),
        ("preset", "fast", "unknown preset \"fast\""),
        ("racer8.lr", "1", "there is no racer 8"),
        ("racer3.lrr", "1", "unknown race setting \"racer3.lrr\""),
        ("nosie", "1", "unknown race setting \"nosie\""),
        ("racer3.method", "adabelief", "unknown optimizer \"adabelief\""),
    ] {
        let error = race.set(name, value).unwrap_err().to_string();
        assert!(error.contains(says), "{name}={value}: {error}");
    }
    let after: Vec<String> = ["kappa", "noise", "start", "racer3.lr", "racer3.beta2", "steps-per-frame"]
        .iter()
        .map(|n| race.get(n).unwrap())
        .collect();
    assert_eq!(before, after);
}

#[test]
fn switching_surfaces_keeps_racers_and_settings() {
    let mut race = Race::default();
    race.set("preset", "conditioning").unwrap();
    race.set("noise", "0.3").unwrap();
    race.advance(15);
    let settings = |race: &Race| -> Vec<(bool, String)> {
        race.racers().iter().map(|r| (r.enabled(), format!("{:?}", r.settings()))).collect()
    };
    let before = settings(&race);
    race.set("surface", "himmelblau").unwrap();
    assert_eq!(settings(&race), before);
    assert_eq!(race.get("noise").unwrap(), "0.3");
    assert_eq!(race.get("kappa").unwrap(), "100", "the quadratic's κ is kept for when it comes back");
    // The start moves to the new surface's suggested start, and every racer restarts there.
    let start = Surface::new(SurfaceKind::Himmelblau).start();
    assert_eq!(race.start(), start);
    assert_eq!(race.clock(), 0);
    for racer in race.racers() {
        assert_eq!(racer.run().trajectory().len(), 1);
        assert_eq!(racer.run().theta(), start);
    }
}

#[test]
fn moving_the_start_restarts_every_racer_there() {
    let mut race = race_with(&[&[("method", "sgd"), ("lr", "0.05")], &[("method", "adam"), ("lr", "0.1")]]);
    race.resize(400, 400, 1.0);
    race.render();
    race.advance(30);
    assert_eq!(race.clock(), 30);
    // The canvas shows [−2, 2]²: pixel (300, 100) is (1, 1).
    race.place_start([300.0, 100.0]).unwrap();
    assert_eq!(race.start(), [1.0, 1.0]);
    assert_eq!(race.clock(), 0);
    for racer in &race.racers()[..2] {
        assert_eq!(racer.run().theta(), [1.0, 1.0]);
        assert_eq!(racer.run().trajectory().len(), 1);
    }
    race.advance(5);
    assert!(race.racers()[..2].iter().all(|r| r.run().trajectory().len() == 6));
}

#[test]
fn racers_step_on_one_clock_exactly_as_they_would_alone() {
    let sgd = [("method", "sgd"), ("lr", "0.05")];
    let momentum = [("method", "momentum"), ("lr", "0.02"), ("momentum", "0.8")];
    let nesterov = [("method", "nesterov"), ("lr", "0.02")];
    let mut race = race_with(&[&sgd, &momentum, &nesterov]);
    race.advance(40);
    assert_eq!(race.clock(), 40);
    let surface = Surface::new(SurfaceKind::Quadratic);
    for (k, settings) in [&sgd[..], &momentum[..], &nesterov[..]].into_iter().enumerate() {
        let alone = solo(settings, surface, [-1.5, 1.0], 0.0, 0, 40);
        assert_eq!(race.racers()[k].run().trajectory().points(), alone.trajectory().points(), "racer {k}");
    }
    // Disabled racers do not move.
    assert_eq!(race.racers()[5].run().trajectory().len(), 1);
}

#[test]
fn noise_is_seeded_per_race_and_noise_free_racers_ignore_it() {
    let sgd = [("method", "sgd"), ("lr", "0.05")];
    let mut race = race_with(&[&sgd, &[("method", "sgd"), ("lr", "0.05"), ("noise-free", "true")]]);
    race.set("noise", "0.7").unwrap();
    race.set("seed", "3").unwrap();
    race.advance(25);
    let surface = Surface::new(SurfaceKind::Quadratic);
    let noisy = solo(&sgd, surface, [-1.5, 1.0], 0.7, 3, 25);
    let exact = solo(&sgd, surface, [-1.5, 1.0], 0.0, 3, 25);
    assert_eq!(race.racers()[0].run().trajectory().points(), noisy.trajectory().points());
    assert_eq!(race.racers()[1].run().trajectory().points(), exact.trajectory().points());
    // Reset replays the same noise; another seed gives other noise.
    let first = race.racers()[0].run().trajectory().points().to_vec();
    race.reset();
    race.advance(25);
    assert_eq!(race.racers()[0].run().trajectory().points(), &first[..]);
    race.set("seed", "4").unwrap();
    race.advance(25);
    assert_ne!(race.racers()[0].run().trajectory().points(), &first[..]);
}

#[test]
fn racers_follow_the_shared_schedule_or_their_own() {
    let mut race = race_with(&[
        &[("method", "sgd"), ("lr", "0.1")],
        &[("method", "sgd"), ("lr", "0.05"), ("own-schedule", "true"), ("schedule", "step"), ("step-size", "10")],
    ]);
    race.set("schedule", "cosine").unwrap();
    race.set("total", "50").unwrap();
    race.set("warmup", "5").unwrap();
    race.advance(60);
    let shared = Schedule { kind: ScheduleKind::Cosine, lr: 0.1, total: 50, warmup: 5, ..Schedule::default() };
    let own = Schedule { kind: ScheduleKind::Step, lr: 0.05, step_size: 10, ..Schedule::default() };
    for (k, schedule) in [shared, own].into_iter().enumerate() {
        let rates = race.racers()[k].run().trajectory().rates();
        assert_eq!(rates.len(), 61);
        for (t, &rate) in rates.iter().enumerate() {
            assert_eq!(rate, schedule.rate(t), "racer {k}, t = {t}");
        }
    }
    assert_eq!(race.racers()[0].schedule(race.shared_schedule()), shared);
}

#[test]
fn a_diverging_racer_stops_and_the_others_go_on() {
    let mut race = race_with(&[&[("method", "sgd"), ("lr", "0.25")], &[("method", "sgd"), ("lr", "0.05")]]);
    // κ = 10: SGD diverges for α > 2/10.
    race.advance(200);
    let [wild, calm] = [&race.racers()[0], &race.racers()[1]];
    let Status::Stopped(error) = wild.status() else { panic!("racer 0 should have stopped") };
    assert!(error.to_string().starts_with("diverged at step"), "{error}");
    let stopped_at = wild.run().updates();
    assert!(stopped_at < 200);
    assert!(wild.run().trajectory().points().iter().all(|v| v.is_finite()));
    assert_eq!(calm.status(), Status::Running);
    assert_eq!(calm.run().updates(), 200);
    let board = standings(&race);
    assert_eq!(board.len(), 2);
    assert_eq!(board[0].index, 1, "the running racer ranks first");
    assert!(board[1].diverged && board[1].status.starts_with("diverged at step"));
    assert_eq!(board[1].steps, stopped_at);
}

#[test]
fn the_leaderboard_counts_steps_to_epsilon_from_the_trajectory() {
    let mut race = race_with(&[
        &[("method", "sgd"), ("lr", "0.01")],
        &[("method", "sgd"), ("lr", "0.15")],
        &[("method", "momentum"), ("lr", "0.05"), ("momentum", "0.5")],
    ]);
    race.set("target", "1e-4").unwrap();
    assert_eq!(race.clock(), 0, "target restarts nothing");
    race.advance(150);
    let board = standings(&race);
    for row in &board {
        let losses = race.racers()[row.index].run().trajectory().losses();
        let first = losses.iter().position(|&f| f < 1e-4);
        assert_eq!(row.reached, first, "racer {}", row.index);
        assert_eq!(row.loss, *losses.last().unwrap());
        let last = &losses[losses.len() - 25..];
        assert!((row.recent - last.iter().sum::<f64>() / 25.0).abs() <= 1e-15 * row.recent.abs().max(1e-300));
        assert_eq!(row.steps, 150);
    }
    // Sorted: those that reached ε by how soon, then the rest by their recent mean loss.
    let order: Vec<Option<usize>> = board.iter().map(|r| r.reached).collect();
    let reached: Vec<usize> = order.iter().flatten().copied().collect();
    assert!(reached.windows(2).all(|w| w[0] <= w[1]));
    assert!(order.iter().skip_while(|r| r.is_some()).all(|r| r.is_none()));
    assert_eq!(board.last().unwrap().index, 0, "SGD at α = 0.01 is slowest");
    // The saddle has no global minimum: nobody "reaches" anything.
    race.set("surface", "saddle").unwrap();
    race.advance(50);
    assert!(standings(&race).iter().all(|r| r.reached.is_none()));
}

#[test]
fn the_clock_plays_per_frame_and_stops_at_the_end() {
    let mut race = race_with(&[&[("method", "sgd"), ("lr", "0.05")]]);
    race.set("steps-per-frame", "7").unwrap();
    race.frame(&mut || true);
    assert_eq!(race.clock(), 0, "paused: frames do not tick");
    race.set_playing(true);
    race.frame(&mut || true);
    race.frame(&mut || true);
    assert_eq!(race.clock(), 14);
    race.set("steps-per-frame", "100").unwrap();
    assert_eq!(race.clock(), 14, "steps-per-frame restarts nothing");
    while race.playing() {
        race.frame(&mut || true);
    }
    assert_eq!(race.clock(), MAX_STEPS);
    race.tick();
    assert_eq!(race.clock(), MAX_STEPS);
    race.set_playing(true);
    assert!(!race.playing(), "a finished race does not play");
    race.reset();
    assert_eq!(race.clock(), 0);
}

#[test]
fn every_preset_loads_paused_at_the_start_with_its_racers() {
    use descent::race::preset::Preset;
    let mut race = Race::default();
    assert_eq!(race.preset(), Some(Preset::ALL[0]));
    for preset in Preset::ALL {
        race.set_playing(true);
        race.set("preset", preset.name()).unwrap();
        let spec = preset.spec();
        assert_eq!(race.get("preset").unwrap(), preset.name());
        assert!(!race.playing());
        assert_eq!(race.clock(), 0);
        assert_eq!(race.start(), spec.start);
        assert_eq!(race.terrain().name(), spec.surface.name());
        let enabled = race.racers().iter().filter(|r| r.enabled()).count();
        assert_eq!(enabled, spec.racers.len(), "{preset}");
        assert!(!preset.caption().is_empty() && !preset.label().is_empty());
        // Any change makes it a custom race.
        race.set("racer0.lr", "0.0123").unwrap();
        assert_eq!(race.get("preset").unwrap(), "custom");
        assert!(race.claim().is_none());
    }
}

#[test]
fn under_gradient_noise_the_leaderboard_ranks_by_the_recent_mean_not_by_luck() {
    let mut race = Race::default();
    race.set("preset", "noise").unwrap();
    race.advance(200);
    let board = standings(&race);
    // Constant-rate SGD (racer 0) plateaus at its noise floor; the decaying schedules settle
    // lower on average, so they rank above it whatever this step's jitter says.
    assert_eq!(board.last().unwrap().index, 0, "{board:?}");
    for row in &board {
        let losses = race.racers()[row.index].run().trajectory().losses();
        let mean = losses[losses.len() - 25..].iter().sum::<f64>() / 25.0;
        assert!((row.recent - mean).abs() <= 1e-12 * mean);
    }
    assert!(board.windows(2).all(|w| w[0].recent <= w[1].recent));
}

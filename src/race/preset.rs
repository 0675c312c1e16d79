//! Presets: one race per point the lecture makes about optimization, each with the claim it
//! demonstrates and a check of that claim in numbers after 200 steps.

use super::Race;
use crate::optim::run::Run;
use crate::surface::SurfaceKind;

/// The steps after which a preset's claim is checked.
pub const CLAIM_STEPS: usize = 200;

crate::named! {
    /// A preset race; its label is the title the page lists.
    pub enum Preset: "preset" {
        /// Problem #1, poor conditioning: SGD zig-zags across a narrow valley and crawls along
        /// it; momentum does not.
        Conditioning = "conditioning", "Poor conditioning";
        /// Problem #2, a saddle point: SGD stays; RMSProp and Adam escape.
        Saddle = "saddle", "Saddle point";
        /// Problem #2, local minima on Styblinski–Tang: from one start, the method decides the
        /// basin.
        LocalMinima = "local-minima", "Local minima: Styblinski–Tang";
        /// Problem #2, local minima on Rastrigin: every method stops in a local minimum; how far
        /// it rolls first depends on the method.
        Rastrigin = "rastrigin", "Local minima: Rastrigin";
        /// Problem #3, noisy gradients: constant-rate SGD plateaus at the noise floor; a decaying
        /// schedule breaks through.
        Noise = "noise", "Noisy gradients";
        /// Adam's first step with and without bias correction.
        AdamBias = "adam-bias", "Adam's first step";
        /// Second-order methods: Newton and L-BFGS against first-order ones on Rosenbrock.
        SecondOrder = "second-order", "Newton vs L-BFGS vs first order";
        /// L-BFGS with and without gradient noise: it needs full-batch, noise-free gradients.
        LbfgsNoise = "lbfgs-noise", "L-BFGS with noisy gradients";
        /// Adam's effective rate α/√v̂ grows once its second moment forgets the large early
        /// gradients; AMSGrad's running maximum keeps it in check.
        Amsgrad = "amsgrad", "AMSGrad vs Adam";
        /// Warm restarts (SGDR) on Rastrigin: every restart shakes SGD out of the local minimum
        /// the last cycle settled in.
        WarmRestarts = "sgdr", "Warm restarts (SGDR) on Rastrigin";
    }
}

/// What a preset sets up.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// The surface.
    pub surface: SurfaceKind,
    /// The quadratic's κ.
    pub kappa: f64,
    /// The quadratic's θ in degrees.
    pub angle: f64,
    /// The start.
    pub start: [f64; 2],
    /// Gradient noise σ.
    pub noise: f64,
    /// The noise's seed.
    pub seed: u64,
    /// Steps per frame while playing.
    pub steps_per_frame: usize,
    /// Each racer's settings, by name, in order (racers past the list are disabled).
    pub racers: &'static [&'static [(&'static str, &'static str)]],
}

/// A claim checked on a race: whether it holds, and the numbers that say so.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Whether the numbers bear the claim out.
    pub holds: bool,
    /// The measured numbers, in words.
    pub evidence: String,
}

const QUADRATIC: Spec = Spec {
    surface: SurfaceKind::Quadratic,
    kappa: 10.0,
    angle: 0.0,
    start: [-1.5, 1.0],
    noise: 0.0,
    seed: 0,
    steps_per_frame: 1,
    racers: &[],
};

impl Preset {
    /// The lecture's claim the preset demonstrates, in one line.
    pub fn caption(self) -> &'static str {
        match self {
            Preset::Conditioning => {
                "Condition number 100: SGD zig-zags across the valley and crawls along it; momentum \
                 and Nesterov damp the zig-zag and race down the valley."
            }
            Preset::Saddle => {
                "f = x² − y² from just off the stable axis: the gradient vanishes at the saddle, so SGD \
                 stays there (|y| < 10⁻³), while RMSProp and Adam rescale the tiny gradient and escape (|y| > 1)."
            }
            Preset::LocalMinima => {
                "Styblinski–Tang from one start: SGD, RMSProp and Adam settle in the nearest local \
                 minimum; momentum's velocity carries it over two ridges into the global one."
            }
            Preset::Rastrigin => {
                "Rastrigin: zero gradient in every bump. SGD stops in the first local minimum; heavy \
                 momentum and Adam roll two basins further; none reaches the global minimum at 0."
            }
            Preset::Noise => {
                "Gradient noise σ = 1: SGD at a constant rate plateaus at its noise floor; the same SGD \
                 with a step or cosine decay breaks through it (mean loss of the last 50 steps ≥ 4× lower)."
            }
            Preset::AdamBias => {
                "Adam's first step: without bias correction the second moment starts near 0, so the \
                 first step is (1 − β₁)/√(1 − β₂) ≈ 3.16 times longer than with it."
            }
            Preset::SecondOrder => {
                "Rosenbrock's curved valley: Newton jumps to the minimum of its quadratic model and \
                 gets within 10⁻⁸ in a handful of steps, L-BFGS in a few dozen; no first-order method \
                 gets there in 200."
            }
            Preset::LbfgsNoise => {
                "L-BFGS needs full-batch, noise-free gradients: without noise it reaches the minimum in \
                 a few dozen steps; with noisy, minibatch-like gradients (σ = 1) it stalls far from it."
            }
            Preset::Amsgrad => {
                "Adam with β₂ = 0.9 in a valley of κ = 100: v̂ forgets the large early gradients within a few \
                 steps, so near the minimum the effective rate α/√v̂ grows until Adam overshoots and keeps \
                 bouncing at f ≈ 10⁻⁴–10⁻³; AMSGrad divides by the largest v so far and settles (last 50 steps: \
                 mean loss over 100× lower)."
            }
            Preset::WarmRestarts => {
                "Rastrigin, SGD at α₀ = 0.0135, above the 2/f'' ≈ 0.005 its minima tolerate: one cosine \
                 cycle of 20 steps settles in a local minimum (f ≈ 17.9) and stays; warm restarts every 20 \
                 steps shake it loose again and its cycles end lower and lower, 17.9 → 8.0 → 2.0 → 0, the \
                 global minimum (each restart still throws it out; every later cycle ends back at 0)."
            }
        }
    }

    /// What the preset sets up.
    pub fn spec(self) -> Spec {
        match self {
            Preset::Conditioning => Spec {
                kappa: 100.0,
                angle: 30.0,
                start: [-1.8, 1.2],
                racers: &[
                    &[("method", "sgd"), ("lr", "0.019")],
                    &[("method", "momentum"), ("lr", "0.005"), ("momentum", "0.9")],
                    &[("method", "nesterov"), ("lr", "0.005"), ("momentum", "0.9")],
                ],
                ..QUADRATIC
            },
            Preset::Saddle => Spec {
                surface: SurfaceKind::Saddle,
                start: [-1.5, 1e-6],
                racers: &[
                    &[("method", "sgd"), ("lr", "0.01")],
                    &[("method", "rmsprop"), ("lr", "0.01")],
                    &[("method", "adam"), ("lr", "0.02")],
                ],
                ..QUADRATIC
            },
            Preset::LocalMinima => Spec {
                surface: SurfaceKind::StyblinskiTang,
                start: [4.55, 4.55],
                racers: &[
                    &[("method", "sgd"), ("lr", "0.005")],
                    &[("method", "momentum"), ("lr", "0.005"), ("momentum", "0.9")],
                    &[("method", "rmsprop"), ("lr", "0.05")],
                    &[("method", "adam"), ("lr", "0.1")],
                ],
                ..QUADRATIC
            },
            Preset::Rastrigin => Spec {
                surface: SurfaceKind::Rastrigin,
                start: [-4.5, 4.5],
                racers: &[
                    &[("method", "sgd"), ("lr", "0.002")],
                    &[("method", "momentum"), ("lr", "0.001"), ("momentum", "0.95")],
                    &[("method", "adam"), ("lr", "0.5")],
                ],
                ..QUADRATIC
            },
            Preset::Noise => Spec {
                kappa: 4.0,
                noise: 1.0,
                seed: 7,
                racers: &[
                    &[("method", "sgd"), ("lr", "0.1")],
                    &[
                        ("method", "sgd"),
                        ("lr", "0.1"),
                        ("own-schedule", "true"),
                        ("schedule", "step"),
                        ("step-size", "50"),
                        ("gamma", "0.3"),
                    ],
                    &[
                        ("method", "sgd"),
                        ("lr", "0.1"),
                        ("own-schedule", "true"),
                        ("schedule", "cosine"),
                        ("total", "200"),
                    ],
                ],
                ..QUADRATIC
            },
            Preset::AdamBias => Spec {
                surface: SurfaceKind::Rosenbrock,
                start: [-1.2, 1.0],
                racers: &[
                    &[("method", "adam"), ("lr", "0.1")],
                    &[("method", "adam"), ("lr", "0.1"), ("bias-correction", "false")],
                ],
                ..QUADRATIC
            },
            Preset::SecondOrder => Spec {
                surface: SurfaceKind::Rosenbrock,
                start: [-1.2, 1.0],
                racers: &[
                    &[("method", "newton")],
                    &[("method", "lbfgs")],
                    &[("method", "momentum"), ("lr", "0.001"), ("momentum", "0.9")],
                    &[("method", "adam"), ("lr", "0.05")],
                ],
                ..QUADRATIC
            },
            Preset::LbfgsNoise => Spec {
                surface: SurfaceKind::Rosenbrock,
                start: [-1.2, 1.0],
                noise: 1.0,
                seed: 1,
                racers: &[&[("method", "lbfgs"), ("noise-free", "true")], &[("method", "lbfgs")]],
                ..QUADRATIC
            },
            Preset::Amsgrad => Spec {
                kappa: 100.0,
                start: [0.5, 1.5],
                racers: &[
                    &[("method", "adam"), ("lr", "0.1"), ("beta2", "0.9")],
                    &[("method", "adam"), ("lr", "0.1"), ("beta2", "0.9"), ("amsgrad", "true")],
                ],
                ..QUADRATIC
            },
            Preset::WarmRestarts => Spec {
                surface: SurfaceKind::Rastrigin,
                start: [-4.5, 4.5],
                racers: &[
                    &[("method", "sgd"), ("lr", "0.002")],
                    &[
                        ("method", "sgd"),
                        ("lr", "0.0135"),
                        ("own-schedule", "true"),
                        ("schedule", "cosine"),
                        ("total", "20"),
                    ],
                    &[
                        ("method", "sgd"),
                        ("lr", "0.0135"),
                        ("own-schedule", "true"),
                        ("schedule", "sgdr"),
                        ("t0", "20"),
                        ("t-mult", "1"),
                    ],
                ],
                ..QUADRATIC
            },
        }
    }

    /// Checks the claim on `race` (meant after [`CLAIM_STEPS`] steps of this preset).
    pub fn claim(self, race: &Race) -> Claim {
        let run = |k: usize| race.racers()[k].run();
        match self {
            Preset::Conditioning => {
                let angle = race.surface().angle.to_radians();
                let steep = [-angle.sin(), angle.cos()];
                let [sgd, momentum, nesterov] = [0, 1, 2].map(|k| (reversals(run(k), steep, 30), last_loss(run(k))));
                Claim {
                    holds: sgd.0 >= 25
                        && momentum.0 <= 10
                        && nesterov.0 <= 10
                        && 100.0 * momentum.1 < sgd.1
                        && 100.0 * nesterov.1 < sgd.1,
                    evidence: format!(
                        "reversals across the valley in the first 30 steps: SGD {}, momentum {}, Nesterov {}; \
                         loss now: SGD {:.2e}, momentum {:.2e}, Nesterov {:.2e}",
                        sgd.0, momentum.0, nesterov.0, sgd.1, momentum.1, nesterov.1
                    ),
                }
            }
            Preset::Saddle => {
                let [sgd, rmsprop, adam] = [0, 1, 2].map(|k| last_point(run(k))[1].abs());
                Claim {
                    holds: sgd < 1e-3 && rmsprop > 1.0 && adam > 1.0,
                    evidence: format!("|y| now: SGD {sgd:.2e}, RMSProp {rmsprop:.3}, Adam {adam:.3}"),
                }
            }
            Preset::LocalMinima => {
                let minima = race.terrain().minima();
                let basin = |k: usize| {
                    let p = last_point(run(k));
                    minima.iter().find(|m| (p[0] - m.at[0]).hypot(p[1] - m.at[1]) < 0.05)
                };
                let [sgd, momentum, rmsprop, adam] = [0, 1, 2, 3].map(basin);
                let local = |m: Option<&crate::surface::Minimum>| {
                    m.is_some_and(|m| !m.global && m.at[0] > 0.0 && m.at[1] > 0.0)
                };
                let describe = |m: Option<&crate::surface::Minimum>| {
                    m.map_or("no minimum".to_string(), |m| {
                        format!(
                            "({:.2}, {:.2}), f = {:.2}{}",
                            m.at[0],
                            m.at[1],
                            m.value,
                            if m.global { " (global)" } else { "" }
                        )
                    })
                };
                Claim {
                    holds: local(sgd) && local(rmsprop) && local(adam) && momentum.is_some_and(|m| m.global),
                    evidence: format!(
                        "SGD ends at {}, RMSProp at {}, Adam at {}; momentum at {}",
                        describe(sgd),
                        describe(rmsprop),
                        describe(adam),
                        describe(momentum)
                    ),
                }
            }
            Preset::Rastrigin => {
                let [sgd, momentum, adam] = [0, 1, 2].map(|k| last_loss(run(k)));
                Claim {
                    holds: (sgd - 31.84).abs() < 0.1 && (momentum - 7.96).abs() < 0.1 && (adam - 7.96).abs() < 0.1,
                    evidence: format!("loss now: SGD {sgd:.2}, momentum {momentum:.2}, Adam {adam:.2}"),
                }
            }
            Preset::Noise => {
                let [constant, step, cosine] = [0, 1, 2].map(|k| tail_mean(run(k), 50));
                Claim {
                    holds: constant >= 4.0 * step && constant >= 4.0 * cosine,
                    evidence: format!(
                        "mean loss over the last 50 steps: constant {constant:.2e}, step decay {step:.2e}, cosine {cosine:.2e}"
                    ),
                }
            }
            Preset::AdamBias => {
                let [corrected, almost] = [0, 1].map(|k| first_step(run(k)));
                let ratio = almost / corrected;
                Claim {
                    holds: (ratio - 0.1 / 0.001f64.sqrt()).abs() < 0.01,
                    evidence: format!(
                        "first step: with bias correction {corrected:.4}, without {almost:.4}, ratio {ratio:.3}"
                    ),
                }
            }
            Preset::SecondOrder => {
                let [newton, lbfgs, momentum, adam] = [0, 1, 2, 3].map(|k| reached(run(k), 1e-8));
                let [momentum_loss, adam_loss] = [2, 3].map(|k| last_loss(run(k)));
                Claim {
                    holds: newton.is_some_and(|t| t <= 10)
                        && lbfgs.is_some_and(|t| t <= 60)
                        && momentum.is_none()
                        && adam.is_none(),
                    evidence: format!(
                        "f < 10⁻⁸: Newton {}, L-BFGS {}; momentum is now at {momentum_loss:.2e}, \
                         Adam at {adam_loss:.2e}",
                        describe_steps(newton),
                        describe_steps(lbfgs)
                    ),
                }
            }
            Preset::LbfgsNoise => {
                let exact = reached(run(0), 1e-8);
                let noisy = tail_mean(run(1), 50);
                Claim {
                    holds: exact.is_some_and(|t| t <= 60) && noisy > 1e-4,
                    evidence: format!(
                        "noise-free L-BFGS: f < 10⁻⁸ {}; with noise its mean loss over the last \
                         50 steps is {noisy:.2e}",
                        describe_steps(exact)
                    ),
                }
            }
            Preset::Amsgrad => {
                let [adam, amsgrad] = [0, 1].map(|k| tail_mean(run(k), 50));
                let [adam_peak, amsgrad_peak] = [0, 1].map(|k| tail_peak(run(k), 50));
                Claim {
                    holds: adam > 1e-4 && 100.0 * amsgrad < adam && 100.0 * amsgrad_peak < adam_peak,
                    evidence: format!(
                        "over the last 50 steps: Adam's mean loss {adam:.2e} (up to {adam_peak:.2e}), \
                         AMSGrad's {amsgrad:.2e} (up to {amsgrad_peak:.2e})"
                    ),
                }
            }
            Preset::WarmRestarts => {
                let [constant, cosine, restarts] = [0, 1, 2].map(|k| last_loss(run(k)));
                let losses = run(2).trajectory().losses();
                let cycle_ends: Vec<f64> = (20..losses.len()).step_by(20).map(|t| losses[t]).collect();
                let descends = cycle_ends.windows(2).all(|w| w[1] <= w[0] + 1e-3);
                let shown: Vec<String> = cycle_ends.iter().map(|f| format!("{f:.2}")).collect();
                Claim {
                    holds: (constant - 31.84).abs() < 0.1
                        && (cosine - 17.91).abs() < 0.1
                        && cycle_ends.first().is_some_and(|&f| (f - cosine).abs() < 1e-9)
                        && descends
                        && restarts < 0.5,
                    evidence: format!(
                        "loss now: constant SGD {constant:.2}, one cosine cycle {cosine:.2}, warm restarts \
                         {restarts:.2e}; at the end of each SGDR cycle: {}",
                        shown.join(", ")
                    ),
                }
            }
        }
    }
}

/// The highest loss over the last `n` rows.
fn tail_peak(run: &Run, n: usize) -> f64 {
    let losses = run.trajectory().losses();
    losses[losses.len().saturating_sub(n)..].iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// How often the component of the step along `direction` changes sign in the first `steps`
/// steps.
fn reversals(run: &Run, direction: [f64; 2], steps: usize) -> usize {
    let tr = run.trajectory();
    let along = |t: usize| {
        let (a, b) = (tr.point(t - 1), tr.point(t));
        (b[0] - a[0]) * direction[0] + (b[1] - a[1]) * direction[1]
    };
    let last = steps.min(tr.len().saturating_sub(1));
    (2..=last).filter(|&t| along(t) * along(t - 1) < 0.0).count()
}

/// The first step at which the loss is below `level`.
fn reached(run: &Run, level: f64) -> Option<usize> {
    run.trajectory().losses().iter().position(|&loss| loss < level)
}

/// "at step t", or "not yet".
fn describe_steps(steps: Option<usize>) -> String {
    steps.map_or("not yet".to_string(), |t| format!("at step {t}"))
}

/// The loss at the last recorded point.
fn last_loss(run: &Run) -> f64 {
    run.trajectory().losses().last().copied().unwrap_or(f64::NAN)
}

/// The last recorded point.
fn last_point(run: &Run) -> [f64; 2] {
    run.trajectory().last_point().map_or([f64::NAN; 2], |p| [p[0], p[1]])
}

/// The mean loss over the last `n` rows.
fn tail_mean(run: &Run, n: usize) -> f64 {
    let losses = run.trajectory().losses();
    let tail = &losses[losses.len().saturating_sub(n)..];
    tail.iter().sum::<f64>() / tail.len() as f64
}

/// The length of the first step.
fn first_step(run: &Run) -> f64 {
    let tr = run.trajectory();
    if tr.len() < 2 {
        return f64::NAN;
    }
    let (a, b) = (tr.point(0), tr.point(1));
    (b[0] - a[0]).hypot(b[1] - a[1])
}

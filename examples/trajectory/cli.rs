//! The command line of the trajectory tool: parsing the options into a run, and the CSV it
//! prints. Its contract is pinned by the tests in `tests.rs` (`cargo test --example
//! trajectory`, part of `cargo test --all-targets`).

use std::fmt;
use std::io::{self, Write};

use descent::optim::noise::{GradientNoise, Normals};
use descent::optim::run::{Run, RunError};
use descent::optim::settings::{Method, Setting, Settings};
use descent::surface::{Surface, SurfaceKind};

/// The most steps one invocation may ask for.
pub const MAX_STEPS: usize = 1_000_000;

/// `--help`'s text.
pub const HELP: &str = "\
trajectory: run an optimizer on a 2D test surface and print its trajectory as CSV.

Usage: cargo run --release --example trajectory -- [options]

Output: a header `step,x,y,loss,lr`, then one row per step t = 0..N: the point after t
updates (row 0 is the start; for nesterov it is PyTorch's iterate x̃), f there, and α_t, the
learning rate update t+1 uses.

Surface:
  --surface NAME     quadratic|saddle|monkey-saddle|rosenbrock|beale|booth|himmelblau|
                     rastrigin|styblinski-tang|six-hump-camel   [quadratic]
  --kappa K          the quadratic's condition number, > 0      [10]
  --angle DEG        the quadratic's angle in degrees           [0]
Optimizer:
  --optimizer NAME   random|sgd|momentum|nesterov|adagrad|rmsprop|adam|adamw|nadam|radam|
                     adamax|adadelta|rprop|newton|lbfgs         [sgd]
  --lr A             learning rate α₀ (random search: the scale of its draws; rprop: its
                     initial step size) [PyTorch's default: 1e-3 sgd, momentum, nesterov,
                     adam, adamw, radam; 2e-3 nadam, adamax; 1e-2 adagrad, rmsprop, rprop;
                     1 adadelta, lbfgs, newton, random]
  --momentum RHO     momentum and nesterov's ρ, in [0, 1)      [0.9]
  --form F           momentum's form: gradient (PyTorch's) or velocity   [gradient]
  --dampening D      momentum's dampening, in [0, 1]            [0]
  --decay D          rmsprop's decay rate (PyTorch's alpha)     [0.99]
  --rmsprop-momentum MU  rmsprop's momentum, in [0, 1)          [0]
  --centered BOOL    centered rmsprop: true or false            [false]
  --lr-decay ETA     adagrad's lr_decay                         [0]
  --initial-accumulator G0  adagrad's initial_accumulator_value [0]
  --beta1 B1         β₁ of adam, adamw, nadam, radam, adamax    [0.9]
  --beta2 B2         β₂ of the same                             [0.999]
  --amsgrad BOOL     adam's and adamw's AMSGrad: true or false  [false]
  --momentum-decay PSI  nadam's momentum_decay                  [0.004]
  --rho RHO          adadelta's ρ                               [0.9]
  --eps E            ε of the adaptive methods   [1e-10 adagrad, 1e-6 adadelta, else 1e-8]
  --weight-decay WD  PyTorch's weight_decay (decoupled for adamw) [0; adamw 0.01]
  --no-bias-correction  adam without bias correction (the lecture's \"Adam (almost)\")
  --eta-minus E, --eta-plus E  rprop's etas                     [0.5, 1.2]
  --step-min S, --step-max S   rprop's step_sizes               [1e-6, 50]
  --history M        lbfgs's history size                       [100]
  --max-iter N       lbfgs's iterations per step (max_iter)     [1; PyTorch's default 20]
  --max-eval N       lbfgs's evaluations per step (max_eval)    [25]
  --tolerance-grad G, --tolerance-change C  lbfgs's tolerances  [0, 0; PyTorch's 1e-7, 1e-9]
  --line-search L    lbfgs's line search: strong-wolfe or none  [strong-wolfe]
  --samples K        random search's candidates per step        [1]
Schedule:
  --schedule NAME    constant|step|cosine|linear|invsqrt|exponential|multistep|
                     polynomial|sgdr|onecycle|plateau           [constant]
  --step-size S      step: decay every S updates                [30]
  --gamma G          step, exponential, multistep: factor; plateau: its factor  [0.1]
  --milestones LIST  multistep: steps, comma-separated          [30,60]
  --total T          cosine, linear, polynomial, onecycle: horizon T  [100]
  --power P          polynomial's power                         [1]
  --min-lr ETA       cosine's and sgdr's eta_min, plateau's min_lr  [0]
  --periodic BOOL    cosine swings back up after T, as PyTorch's  [false: holds at η]
  --t0 T0, --t-mult M  sgdr's first period and its factor       [10, 1]
  --pct-start F, --div-factor D, --final-div-factor DF  onecycle's  [0.3, 25, 1e4]
  --patience N, --threshold R, --cooldown N  plateau's          [10, 1e-4, 0]
  --warmup W         linear warmup over W updates               [0]
  --warmup-start S   the warmup's start factor, in [0, 1]       [0]
Run:
  --start X,Y        starting point                             [the surface's suggestion]
  --steps N          number of updates                          [100]
  --noise SIGMA      Gaussian gradient noise σ                  [0]
  --seed S           seed of the noise and of random search     [0]
  --help             this text

Exit status: 0 after all N steps; 1 for a bad option (the message names it); 3 when the
run stops early (diverged, or Newton without curvature): the rows so far are printed and
the reason goes to stderr.
";

/// A command-line mistake, naming the option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CliError {
    /// The option, with its dashes (or the stray argument).
    pub option: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.option, self.message)
    }
}

impl std::error::Error for CliError {}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Cli {
    /// Print [`HELP`].
    Help,
    /// Run and print the CSV.
    Run(Box<TrajectoryArgs>),
}

/// A parsed run.
#[derive(Clone, Debug, PartialEq)]
pub struct TrajectoryArgs {
    /// The surface.
    pub surface: Surface,
    /// Method, hyperparameters and schedule.
    pub settings: Settings,
    /// The start (None: the surface's suggestion).
    pub start: Option<[f64; 2]>,
    /// Updates to make.
    pub steps: usize,
    /// Gradient noise σ.
    pub noise: f64,
    /// Seed of the noise and of random search.
    pub seed: u64,
}

/// Options that take no value.
const FLAGS: [&str; 2] = ["--help", "--no-bias-correction"];
/// Options the tool itself reads.
const RUN: [&str; 8] = ["surface", "kappa", "angle", "optimizer", "start", "steps", "noise", "seed"];

fn error(option: &str, message: impl Into<String>) -> CliError {
    CliError { option: option.to_string(), message: message.into() }
}

fn number(option: &str, value: &str, ok: impl Fn(f64) -> bool, expected: &str) -> Result<f64, CliError> {
    match value.trim().parse::<f64>() {
        Ok(v) if ok(v) => Ok(v),
        _ => Err(error(option, format!("expected {expected}, not \"{value}\""))),
    }
}

/// Splits the arguments into (option, value) pairs: `--name value` or `--name=value`.
fn pairs(args: Vec<String>) -> Result<Vec<(String, Option<String>)>, CliError> {
    let known = |name: &str| {
        let bare = name.trim_start_matches("--");
        // Every optimizer setting but `method` (spelt --optimizer) goes to Settings::set.
        let setting = bare != "method" && Setting::names().any(|n| n == bare);
        FLAGS.contains(&name) || setting || RUN.contains(&bare)
    };
    let mut out = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        if !name.starts_with("--") || !known(&name) {
            let message = if name.starts_with("--") { "unknown option (see --help)" } else { "unexpected argument" };
            return Err(error(&name, message));
        }
        if FLAGS.contains(&name.as_str()) {
            if inline.is_some() {
                return Err(error(&name, "takes no value"));
            }
            out.push((name, None));
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => match args.next() {
                Some(v) if !v.starts_with("--") => v,
                _ => return Err(error(&name, "needs a value")),
            },
        };
        out.push((name, Some(value)));
    }
    Ok(out)
}

/// Parses the arguments after the program name.
pub fn parse<I, S>(args: I) -> Result<Cli, CliError>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let pairs = pairs(args.into_iter().map(Into::into).collect())?;
    if pairs.iter().any(|(name, _)| name == "--help") {
        return Ok(Cli::Help);
    }
    // The optimizer first: choosing it sets its PyTorch defaults, which later options change.
    let mut method = Method::Sgd;
    for (name, value) in &pairs {
        if name == "--optimizer" {
            method = value.as_deref().unwrap_or_default().parse().map_err(|e| error(name, format!("{e}")))?;
        }
    }
    let mut args = TrajectoryArgs {
        surface: Surface::default(),
        settings: Settings::new(method),
        start: None,
        steps: 100,
        noise: 0.0,
        seed: 0,
    };
    for (name, value) in &pairs {
        let bare = name.trim_start_matches("--");
        let value = value.as_deref().unwrap_or_default();
        match bare {
            "optimizer" => {}
            "no-bias-correction" => args.settings.hyper.bias_correction = false,
            "surface" => {
                args.surface.kind = value.parse::<SurfaceKind>().map_err(|e| error(name, format!("{e}")))?;
            }
            "kappa" => args.surface.kappa = number(name, value, |v| v.is_finite() && v > 0.0, "a finite number > 0")?,
            "angle" => args.surface.angle = number(name, value, f64::is_finite, "a finite number of degrees")?,
            "start" => {
                let parts: Vec<&str> = value.split(',').collect();
                let coordinates: Vec<f64> = parts.iter().filter_map(|p| p.trim().parse::<f64>().ok()).collect();
                if parts.len() != 2 || coordinates.len() != 2 || !coordinates.iter().all(|c| c.is_finite()) {
                    return Err(error(name, format!("expected two finite numbers X,Y, not \"{value}\"")));
                }
                args.start = Some([coordinates[0], coordinates[1]]);
            }
            "steps" => {
                args.steps = match value.trim().parse::<usize>() {
                    Ok(n) if n <= MAX_STEPS => n,
                    _ => {
                        return Err(error(
                            name,
                            format!("expected a whole number from 0 to {MAX_STEPS}, not \"{value}\""),
                        ));
                    }
                }
            }
            "noise" => args.noise = number(name, value, |v| v.is_finite() && v >= 0.0, "a finite number ≥ 0")?,
            "seed" => {
                args.seed = value
                    .trim()
                    .parse()
                    .map_err(|_| error(name, format!("expected a whole number ≥ 0, not \"{value}\"")))?;
                args.settings.hyper.seed = args.seed;
            }
            _ => args.settings.set(bare, value).map_err(|e| error(name, e.to_string()))?,
        }
    }
    args.settings.validate().map_err(|e| error("--total", e.to_string()))?;
    Ok(Cli::Run(Box::new(args)))
}

impl TrajectoryArgs {
    /// Runs the optimizer and writes the CSV; returns why the run stopped early, if it did.
    pub fn write_csv(&self, out: &mut impl Write) -> io::Result<Option<RunError>> {
        let mut surface = self.surface;
        let start = self.start.unwrap_or_else(|| surface.start());
        let optimizer = self.settings.build().map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        let mut noisy = GradientNoise::new(&mut surface, self.noise, Normals::new(self.seed));
        let mut run = Run::new(optimizer, self.settings.schedule, &start, &mut noisy);
        let stopped = run.run(self.steps, &mut noisy).err();
        let tr = run.trajectory();
        writeln!(out, "step,x,y,loss,lr")?;
        for t in 0..tr.len() {
            let p = tr.point(t);
            writeln!(out, "{t},{},{},{},{}", p[0], p[1], tr.losses()[t], tr.rates()[t])?;
        }
        Ok(stopped)
    }
}

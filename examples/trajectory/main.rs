//! Runs an optimizer on a 2D test surface and prints its trajectory as CSV:
//! `cargo run --release --example trajectory -- --help`. The parsing and the CSV live in
//! `cli.rs`; `tests.rs` pins their contract.

mod cli;
#[cfg(test)]
mod tests;

use std::io::{self, Write};
use std::process::ExitCode;

use cli::{Cli, HELP, parse};

fn main() -> ExitCode {
    let cli = match parse(std::env::args().skip(1)) {
        Ok(cli) => cli,
        Err(e) => {
            eprintln!("trajectory: {e}");
            return ExitCode::from(1);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let outcome = match cli {
        Cli::Help => out.write_all(HELP.as_bytes()).map(|()| None),
        Cli::Run(args) => args.write_csv(&mut out),
    };
    match outcome.and_then(|stopped| out.flush().map(|()| stopped)) {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(stopped)) => {
            eprintln!("trajectory: {stopped}");
            ExitCode::from(3)
        }
        Err(e) => {
            eprintln!("trajectory: {e}");
            ExitCode::from(1)
        }
    }
}

//! Prints the median and 95th percentile of every benchmark criterion has measured, read from
//! `target/criterion/**/new/sample.json` (criterion's own summary gives means and
//! confidence intervals only). Each of criterion's samples times a batch of iterations; the
//! percentiles are over the samples' per-iteration times.
//!
//! `cargo bench --bench summary` (after `cargo bench --bench optimizers`).

use std::fs;
use std::path::{Path, PathBuf};

fn sample_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sample_files(&path, out);
        } else if path.ends_with("new/sample.json") {
            out.push(path);
        }
    }
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    // Nearest rank.
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn human(ns: f64) -> String {
    match ns {
        n if n < 1e3 => format!("{n:.0} ns"),
        n if n < 1e6 => format!("{:.2} µs", n / 1e3),
        n => format!("{:.2} ms", n / 1e6),
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/criterion");
    let mut files = Vec::new();
    sample_files(&root, &mut files);
    files.sort();
    if files.is_empty() {
        println!("no criterion results under {}: run `cargo bench --bench optimizers` first", root.display());
        return;
    }
    println!("| benchmark | median | p95 |\n|---|---:|---:|");
    for file in files {
        let Ok(text) = fs::read_to_string(&file) else { continue };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
        let numbers = |key: &str| -> Vec<f64> {
            json[key].as_array().map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect()).unwrap_or_default()
        };
        let (iters, times) = (numbers("iters"), numbers("times"));
        let mut per_iteration: Vec<f64> = times.iter().zip(&iters).map(|(t, n)| t / n).collect();
        if per_iteration.is_empty() {
            continue;
        }
        per_iteration.sort_by(f64::total_cmp);
        let name = file.strip_prefix(&root).unwrap_or(&file).parent().and_then(Path::parent).unwrap_or(&file);
        println!(
            "| {} | {} | {} |",
            name.display(),
            human(percentile(&per_iteration, 0.5)),
            human(percentile(&per_iteration, 0.95))
        );
    }
}

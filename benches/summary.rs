//! Prints the median and 95th percentile of every benchmark criterion has measured, read from
//! `target/criterion/**/new/sample.json` (criterion's own summary gives means and
//! confidence intervals only). Each of criterion's samples times a batch of iterations; the
//! percentiles are over the samples' per-iteration times.
//!
//! After them come the browser benches' figures, which they append to
//! `target/bench-browser.jsonl` (tests/bench/record.mjs), and first the machine: one table for
//! `make bench`.
//!
//! `cargo bench --bench summary` (after `cargo bench --bench optimizers --bench kernels` and
//! the browser benches).

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

/// The processor's name, the cores and the load average, read from /proc where there is one.
fn machine() -> String {
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("model name").map(|m| m.trim_start_matches([' ', '\t', ':']).to_string()))
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let load = fs::read_to_string("/proc/loadavg").map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    format!("{cpu}, {cores} cores, load average {}", load.as_deref().unwrap_or("unknown"))
}

/// The browser benches' rows, `| name | median | p95 |`, and the browser's version.
fn browser_rows(file: &Path) -> (Vec<String>, Option<String>) {
    let Ok(text) = fs::read_to_string(file) else { return (Vec::new(), None) };
    let mut version = None;
    let rows = text
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|row| {
            version = row["browser"].as_str().map(str::to_string).or(version.take());
            let unit = row["unit"].as_str().unwrap_or("ms");
            let figure = |key: &str| row[key].as_f64().map_or("–".to_string(), |v| format!("{v:.2} {unit}"));
            let (median, p95) = (figure("median"), figure("p95"));
            let p95 = if row["samples"].as_u64() == Some(1) { "–".to_string() } else { p95 };
            format!("| browser: {} | {median} | {p95} |", row["name"].as_str().unwrap_or("?"))
        })
        .collect();
    (rows, version)
}

fn main() {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let (browser, version) = browser_rows(&target.join("bench-browser.jsonl"));
    println!("machine: {}", machine());
    if let Some(version) = version {
        println!("browser: headless Chromium {version}");
    }
    println!();
    let root = target.join("criterion");
    let mut files = Vec::new();
    sample_files(&root, &mut files);
    files.sort();
    if files.is_empty() {
        println!("no criterion results under {}: run `cargo bench --bench optimizers` first", root.display());
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
    for row in browser {
        println!("{row}");
    }
}

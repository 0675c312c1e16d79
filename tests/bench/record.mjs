// The browser benches' figures for `make bench`'s one table: each bench prints its own lines
// and also appends one JSON line per figure to target/bench-browser.jsonl, which
// `cargo bench --bench summary` prints after criterion's figures, with the machine and the
// browser version.
import { appendFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('../../target/bench-browser.jsonl', import.meta.url));

/** The q-quantile (nearest rank below) of the samples. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Records one figure: its name, the median and p95 of `samples` in `unit` (ms or any other). */
export function record(name, samples, { unit = 'ms', browser = '' } = {}) {
  mkdirSync(fileURLToPath(new URL('../../target/', import.meta.url)), { recursive: true });
  const line = { name, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), unit, browser, samples: samples.length };
  appendFileSync(FILE, `${JSON.stringify(line)}\n`);
}

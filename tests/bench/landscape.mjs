// The loss landscape's slice, measured in headless Chromium: the classifier lab set to
// N = 1,000 points, C = 3 classes, softmax (after 50 optimizer steps, so a trajectory is
// drawn), sliced at 129 × 129 (128 × 128 cells) along two random filter-normalized directions.
//
// Run: make bench-browser   (or: node tests/bench/landscape.mjs [--runs 40] [--directions axes])
// Each run restarts the slice (a new direction seed) and waits until it is complete. Prints the
// median and 95th percentile of: the coarse pass's computation (17 × 17), the whole slice's
// computation, the wall time from the restart to the last refinement drawn, and the longest
// uninterrupted stretch of computation (the most that input can wait for).
import { launch, openLab } from '../e2e/harness.mjs';
import { record } from './record.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg('runs', 40));
const WARMUP = 5;
const DIRECTIONS = arg('directions', 'random');

const env = await launch();
try {
  const page = await openLab(env, { width: 1280, height: 900 });
  const setup = await page.evaluate(async (directions) => {
    const lab = window.descent.lab;
    for (const [name, value] of [['dataset', 'blobs'], ['points', '1000'], ['classes', '3'], ['loss', 'softmax']]) {
      lab.set(name, value);
    }
    for (let i = 0; i < 50; i += 1) lab.step();
    location.hash = 'regularization';
    await new Promise((resolve) => setTimeout(resolve, 50));
    const scene = window.descent.scenes.regularization.handle;
    scene.select('landscape');
    scene.landscape.set('directions', directions);
    return { points: lab.points, classes: lab.classes, loss: lab.get('loss'), trajectory: scene.landscape.trajectoryLength };
  }, DIRECTIONS);
  if (setup.points !== 1000 || setup.classes !== 3 || setup.loss !== 'softmax') {
    throw new Error(`unexpected set-up: ${JSON.stringify(setup)}`);
  }
  const runs = [];
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    await page.evaluate((seed) => window.descent.scenes.regularization.handle.landscape.set('seed', String(seed)), run + 2);
    await page.waitForFunction(() => window.descent.scenes.regularization.handle.landscape.complete, null, { timeout: 20000 });
    const timings = await page.evaluate(() => Array.from(window.descent.scenes.regularization.handle.landscape.timings));
    if (run >= WARMUP) runs.push(timings);
  }
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  const quantile = (values, q) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  };
  console.log(`loss landscape, N = ${setup.points}, C = ${setup.classes}, ${setup.loss}, 129 × 129, ${DIRECTIONS} directions, ${RUNS} runs (trajectory of ${setup.trajectory} points)`);
  for (const [index, name] of ['coarse pass (17 × 17) compute', 'whole slice compute', 'wall, restart to complete', 'longest uninterrupted compute'].entries()) {
    const values = runs.map((t) => t[index]);
    console.log(`  ${name.padEnd(32)} median ${quantile(values, 0.5).toFixed(1).padStart(6)} ms   p95 ${quantile(values, 0.95).toFixed(1).padStart(6)} ms   min ${Math.min(...values).toFixed(1).padStart(6)} ms`);
    record(`landscape 129², N = 1000, softmax: ${name}`, values, { browser: env.browser.version() });
  }
} finally {
  await env.close();
}

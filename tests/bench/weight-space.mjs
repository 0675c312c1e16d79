// The regularization scene's weight-space view: a dataset change (regenerate the points, the
// three paths over λ with their zero crossings, the data-loss grid and its heatmap) and the
// render after it, at N = 500 (the issue measured 62 ms), alternating 500 and 501 points so
// that every change recomputes.
//
// Run: node tests/bench/weight-space.mjs [--changes 30] [--points 500]
// Prints the median, 95th percentile and minimum of each.
import { launch, openLab } from '../e2e/harness.mjs';
import { quantile, record } from './record.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const CHANGES = Number(arg('changes', 30));
const POINTS = Number(arg('points', 500));
const WARMUP = 3;

const env = await launch();
try {
  const page = await openLab(env, { hash: '#regularization', width: 1400, height: 1000, deviceScaleFactor: 2 });
  await page.click('.subviews button[data-view="weights"]');
  const times = await page.evaluate(
    ({ changes, points, warmup }) => {
      const view = window.descent.scenes.regularization.handle.weights;
      const out = { change: [], render: [] };
      for (let i = 0; i < changes + warmup; i += 1) {
        const t0 = performance.now();
        view.set('points', String(points + (i % 2)));
        const t1 = performance.now();
        view.render();
        const t2 = performance.now();
        if (i >= warmup) {
          out.change.push(t1 - t0);
          out.render.push(t2 - t1);
        }
      }
      return out;
    },
    { changes: CHANGES, points: POINTS, warmup: WARMUP },
  );
  console.log(`weight space, dataset change at N = ${POINTS} (${CHANGES} changes):`);
  for (const [name, values] of Object.entries(times)) {
    const line = `median ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms, min ${Math.min(...values).toFixed(1)} ms`;
    console.log(`  ${name.padEnd(8)} ${line}`);
    record(`weight space ${name}, N = ${POINTS}`, values, { browser: env.browser.version() });
  }
} finally {
  await env.close();
}

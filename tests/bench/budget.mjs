// Frame budgets under the settings that used to hang the tab (issue 14: "no frame of any scene
// takes longer than about 50 ms whatever the settings"): the intervals between
// requestAnimationFrame timestamps while each heavy state plays, median, p95 and the longest,
// beside the default lab playing for scale. tests/e2e/budget.test.mjs checks the same states
// against a generous bound; this measures them.
//
// Run: node tests/bench/budget.mjs [--seconds 4]   (part of make bench)
import { frameGaps, launch, openLab, settle } from '../e2e/harness.mjs';
import { quantile, record } from './record.mjs';

const at = process.argv.indexOf('--seconds');
const SECONDS = at >= 0 ? Number(process.argv[at + 1]) : 4;

/** Each state: its name, its link, the button that starts it, and what to do first. */
const STATES = [
  ['default lab, Play', '#lab', '#lab-play'],
  ['lab, random search K = 10,000, N = 100,000, Step', '#lab?dataset=blobs&points=100000&method=random&samples=10000&speed=1000', '#lab-step'],
  ['lab, random search K = 10,000, N = 100,000, Play', '#lab?dataset=blobs&points=100000&method=random&samples=10000&speed=1000', '#lab-play'],
  ['lab, Adam, batch 32, speed 1000, N = 100,000, 6 classes, Play', '#lab?dataset=blobs&points=100000&classes=6&method=adam&speed=1000&batch-size=32', '#lab-play'],
  ['lab, gradient descent, speed 1000, N = 100,000, Play', '#lab?dataset=blobs&points=100000&speed=1000', '#lab-play'],
  ['race, random-search racer K = 10,000, 100 ticks a frame', '#race?surface=rosenbrock&racer0.method=random&racer0.samples=10000&steps-per-frame=100', '#race-play'],
];

const env = await launch();
try {
  const browser = env.browser.version();
  console.log(`frame intervals over ${SECONDS} s of each state (headless Chromium ${browser}):`);
  for (const [name, hash, button] of STATES) {
    const page = await openLab(env, { hash });
    await settle(page);
    await page.click(button);
    const gaps = await frameGaps(page, SECONDS * 1000);
    const line = `median ${quantile(gaps, 0.5).toFixed(1)} ms, p95 ${quantile(gaps, 0.95).toFixed(1)} ms, longest ${Math.max(...gaps).toFixed(1)} ms`;
    console.log(`  ${name.padEnd(66)} ${line} (${gaps.length} frames)`);
    record(`frame interval: ${name}`, gaps, { browser });
    await page.close();
  }
} finally {
  await env.close();
}

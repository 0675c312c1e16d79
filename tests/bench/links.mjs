// What a link costs, measured in headless Chromium on the real page: making a scene's link
// (link(): a fresh scene replaying the settings that differ, what the address bar does at
// most every 250 ms while settings change) and opening one on the scene on screen
// (applyLink()), for everyday states (the lab on the demo's points, weight space at 100
// points) and heavy ones:
//
// - the lab with 100,000 blobs, softmax, Adam and hand-set W (the dataset regenerated and the
//   loss evaluated over every point for each replayed setting);
// - a custom race on the classifier slice of that lab (every preset tried as the start);
// - weight space at 500 points (each dataset setting rebuilds three paths and the image);
// - the loss calculator at its largest, every cell and name set.
//
// Run: node tests/bench/links.mjs [--runs 40]   (part of make bench-browser)
// Prints the median and 95th percentile of each.
import { launch, openLab } from '../e2e/harness.mjs';

const at = process.argv.indexOf('--runs');
const RUNS = at >= 0 ? Number(process.argv[at + 1]) : 40;
const WARMUP = 3;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms`;
};

const env = await launch();
try {
  const page = await openLab(env, { width: 1280, height: 900 });
  const results = await page.evaluate(
    ({ runs, warmup }) => {
      const time = (fn) => {
        const times = [];
        for (let i = 0; i < warmup + runs; i += 1) {
          const start = performance.now();
          fn();
          if (i >= warmup) times.push(performance.now() - start);
        }
        return times;
      };
      const { lab, scenes } = window.descent;
      const race = scenes.race.handle;
      const reg = scenes.regularization.handle;
      const set = (scene, pairs) => pairs.forEach(([n, v]) => scene.set(n, v));
      const out = {};
      // Everyday states: the demo's points, weight space's 100.
      set(lab, [['loss', 'softmax'], ['method', 'adam'], ['W[0,1]', '-0.5']]);
      out['lab on the demo’s 9 points: link()'] = time(() => lab.link());
      set(reg.weights, [['penalty', 'l2'], ['lambda', '0.05']]);
      out['weight space at 100 points: link()'] = time(() => reg.weights.link());
      set(lab, [['dataset', 'blobs'], ['points', '100000'], ['loss', 'softmax'], ['method', 'adam'], ['lr', '0.01'], ['W[0,1]', '-0.5']]);
      const snapshot = lab.snapshot();
      race.useLab(snapshot);
      snapshot.free();
      set(race, [['surface', 'classifier'], ['slice-x', 'W[1,0]'], ['slice-y', 'b[2]'], ['racer2.method', 'adam'], ['racer2.lr', '0.05']]);
      set(reg.weights, [['dataset', 'xor'], ['points', '500'], ['noise', '0.3'], ['penalty', 'l2'], ['lambda', '0.05']]);
      const calc = reg.calculator;
      set(calc, [['classes', '6'], ['examples', '6']]);
      for (let k = 0; k < 6; k += 1) {
        calc.set(`class.${k}`, `class ${k} name`);
        for (let i = 0; i < 6; i += 1) calc.set(`score.${k}.${i}`, String(k - i + 0.5));
      }
      const scenesToTime = { lab, race, weights: reg.weights, calculator: calc };
      for (const [name, scene] of Object.entries(scenesToTime)) {
        const query = scene.link();
        out[`${name}, heavy: link()`] = time(() => scene.link());
        out[`${name}, heavy: applyLink() of its own link`] = time(() => scene.applyLink(query));
      }
      return out;
    },
    { runs: RUNS, warmup: WARMUP },
  );
  for (const [name, times] of Object.entries(results)) console.log(`${name}: ${stats(times)} (${RUNS} runs)`);
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
} finally {
  await env.close();
}

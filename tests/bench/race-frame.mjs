// The optimizer race's budgets, measured in headless Chromium on the real page:
//
// 1. Re-rendering the surface (the heatmap of f at every device pixel, its contour lines, one
//    putImageData) on a 1024 × 1024 device-pixel canvas, as dragging the κ slider does: the
//    quadratic with κ alternating, and every other surface (alternating with the quadratic);
//    the classifier slice of the lab's nine points (SVM, then softmax) and of 1,000 blobs.
// 2. Frames with eight racers at ten steps per frame: the page's frame hook (80 optimizer
//    updates, the marks, both charts, the leaderboard) and the requestAnimationFrame
//    interval, over a long run, on Rosenbrock (eight methods) and with gradient noise (eight
//    racers wandering: the longest paths to draw).
//
// Run: make bench-race   (or: node tests/bench/race-frame.mjs [--renders 60] [--frames 600])
// Prints the median and 95th percentile of each.
import { launch, openLab } from '../e2e/harness.mjs';
import { record } from './record.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const RENDERS = Number(arg('renders', 60));
const FRAMES = Number(arg('frames', 600));
const WARMUP = 30;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  // The minimum too: on a shared machine it is the figure least moved by other processes.
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, min ${s[0].toFixed(2)} ms`;
};

const env = await launch();
try {
  // 512 CSS px at devicePixelRatio 2: 1024 × 1024 device pixels.
  const page = await openLab(env, { hash: '#race', width: 1400, height: 1000, deviceScaleFactor: 2 });
  // (Through the CSSOM: the page's Content-Security-Policy refuses inline style sheets.)
  await page.evaluate(() => {
    for (const stage of document.querySelectorAll('.race-stage')) stage.style.setProperty('width', '512px', 'important');
    for (const box of document.querySelectorAll('.race-canvases')) box.style.setProperty('border', 'none', 'important');
  });
  const size = await page.evaluate(async () => {
    window.descent.scenes.race.redraw();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const canvas = document.getElementById('race-surface');
    return [canvas.width, canvas.height];
  });
  if (size[0] !== 1024 || size[1] !== 1024) throw new Error(`the canvas is ${size}, not 1024 × 1024`);

  const surfaces = await page.evaluate(
    ({ renders, warmup }) => {
      const race = window.descent.scenes.race.handle;
      const time = (change) => {
        change();
        const t0 = performance.now();
        if (!race.renderPicture()) throw new Error('the heatmap was not redrawn');
        return performance.now() - t0;
      };
      const results = {};
      race.set('preset', 'conditioning');
      const kappa = [];
      for (let i = 0; i < renders + warmup; i += 1) kappa.push(time(() => race.set('kappa', String(10 + (i % 2) * 90 + i / 100))));
      results['quadratic (κ slider)'] = kappa.slice(warmup);
      const surfaces = JSON.parse(race.table()).find((entry) => entry.name === 'surface').options;
      for (const [name] of surfaces) {
        if (name === 'quadratic') continue;
        const times = [];
        for (let i = 0; i < renders / 2 + 5; i += 1) {
          times.push(time(() => race.set('surface', name)));
          time(() => race.set('surface', 'quadratic'));
        }
        results[name] = times.slice(5);
      }
      return results;
    },
    { renders: RENDERS, warmup: WARMUP },
  );
  // The classifier slice of other lab set-ups: softmax on the nine points, and 1,000 blobs (the
  // grid coarsens with N·C, see ClassifierSlice::picture_cell).
  for (const [name, settings] of [
    ['classifier, softmax', { loss: 'softmax' }],
    ['classifier, 1000 blobs', { dataset: 'blobs', points: '1000', loss: 'svm' }],
  ]) {
    surfaces[name] = await page.evaluate(
      ({ renders, settings }) => {
        const scene = window.descent.scenes.race;
        const race = scene.handle;
        for (const [key, value] of Object.entries(settings)) window.descent.lab.set(key, value);
        scene.redraw();
        const times = [];
        for (let i = 0; i < renders / 2 + 5; i += 1) {
          race.set('surface', 'classifier');
          const t0 = performance.now();
          if (!race.renderPicture()) throw new Error('the heatmap was not redrawn');
          times.push(performance.now() - t0);
          race.set('surface', 'quadratic');
          race.renderPicture();
        }
        return times.slice(5);
      },
      { renders: RENDERS, settings },
    );
  }
  console.log('surface re-render (heatmap + contours + putImageData + marks), 1024×1024 device px:');
  for (const [name, times] of Object.entries(surfaces)) {
    console.log(`  ${name.padEnd(24)} ${stats(times)}`);
    record(`race heatmap + contours 1024², ${name}`, times, { browser: env.browser.version() });
  }

  // Two races of eight racers: the optimizers on Rosenbrock (most converge: short paths),
  // and eight noisy racers wandering on the quadratic (σ = 3: long paths, the worst case).
  const scenarios = {
    'Rosenbrock, 8 methods': {
      preset: 'second-order',
      methods: ['newton', 'lbfgs', 'momentum', 'adam', 'sgd', 'nesterov', 'rmsprop', 'adagrad'],
      rates: ['1', '1', '0.001', '0.05', '0.001', '0.001', '0.01', '0.5'],
      noise: '0',
    },
    'quadratic, noise σ = 3': {
      preset: 'noise',
      methods: ['sgd', 'momentum', 'adam', 'rmsprop', 'nesterov', 'adagrad', 'sgd', 'adamw'],
      rates: ['0.05', '0.01', '0.05', '0.01', '0.01', '0.5', '0.1', '0.05'],
      noise: '3',
    },
  };
  for (const [name, scenario] of Object.entries(scenarios)) {
    const frames = await page.evaluate(
      ({ frames, warmup, scenario }) =>
        new Promise((resolve) => {
          const scene = window.descent.scenes.race;
          const race = scene.handle;
          race.set('preset', scenario.preset);
          race.set('noise', scenario.noise);
          scenario.methods.forEach((method, k) => {
            race.set(`racer${k}.enabled`, 'true');
            race.set(`racer${k}.own-schedule`, 'false');
            race.set(`racer${k}.method`, method);
            race.set(`racer${k}.lr`, scenario.rates[k]);
          });
          race.set('steps-per-frame', '10');
          scene.redraw();
          const original = scene.frame;
          const total = [];
          const intervals = [];
          let last = 0;
          scene.frame = (now) => {
            const t0 = performance.now();
            original(now);
            total.push(performance.now() - t0);
            if (last) intervals.push(now - last);
            last = now;
            if (total.length === frames + warmup) {
              scene.frame = original;
              race.pause();
              resolve({ total: total.slice(warmup), intervals: intervals.slice(warmup), clock: race.clock });
            }
          };
          race.play();
        }),
      { frames: FRAMES, warmup: WARMUP, scenario },
    );
    console.log(`race frames, ${name}: 8 racers × 10 steps per frame, ${FRAMES} frames (to step ${frames.clock}):`);
    console.log(`  frame hook (80 updates, marks, 2 charts, leaderboard): ${stats(frames.total)}`);
    record(`race frame hook, ${name}`, frames.total, { browser: env.browser.version() });
    console.log(`  requestAnimationFrame interval: ${stats(frames.intervals)}`);
  }
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
} finally {
  await env.close();
}

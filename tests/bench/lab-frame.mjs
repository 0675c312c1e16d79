// The classifier lab's frame budget, measured in headless Chromium: N = 1,000 points on a
// 1024 × 1024 device-pixel canvas, playing (one optimizer step per frame), with regions,
// points, marks, the table, the W/b grid and the loss chart redrawn every frame.
//
// Run: make bench-browser   (or: node tests/bench/lab-frame.mjs [--frames 300] [--method sgd]
// [--points 1000] [--confidence false] [--batch-size 0] [--speed 1]; a batch size of 0 is full
// batch, and --speed is the most updates per frame, e.g. --batch-size 10 --speed 1000)
// Prints the median and 95th percentile of the frame's work (the page's frame hook: step,
// raster, putImageData, marks, chart, DOM readouts) and of its parts.
import { launch, openLab } from '../e2e/harness.mjs';
import { record } from './record.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const FRAMES = Number(arg('frames', 300));
const WARMUP = 30;
const METHOD = arg('method', 'sgd');
const SHADING = arg('confidence', 'false');
const POINTS = Number(arg('points', 1000));
const BATCH = Number(arg('batch-size', 0));
const SPEED = Number(arg('speed', 1));

const env = await launch();
try {
  // 512 CSS px at devicePixelRatio 2: a 1024 × 1024 device-pixel canvas.
  const page = await openLab(env, { width: 1400, height: 1000, deviceScaleFactor: 2 });
  // (Through the CSSOM: the page's Content-Security-Policy refuses inline style sheets.)
  await page.evaluate(() => document.getElementById('lab-canvas').style.setProperty('width', '512px', 'important'));
  const setup = await page.evaluate(
    async ({ method, shading, points, batch, speed }) => {
      const lab = window.descent.lab;
      for (const [name, value] of [
        ['dataset', 'blobs'],
        ['points', String(points)],
        ['classes', '3'],
        ['method', method],
        ['lr', '0.05'],
        ['batch-size', String(batch)],
        ['speed', String(speed)],
        ['show-confidence', shading],
      ]) {
        lab.set(name, value);
      }
      window.descent.scenes.lab.redraw();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const canvas = document.getElementById('lab-canvas');
      return { width: canvas.width, height: canvas.height, points: lab.points };
    },
    { method: METHOD, shading: SHADING, points: POINTS, batch: BATCH, speed: SPEED },
  );
  if (setup.width !== 1024 || setup.height !== 1024 || setup.points !== POINTS) {
    throw new Error(`unexpected set-up: ${JSON.stringify(setup)}`);
  }
  const times = await page.evaluate(
    ({ frames, warmup }) =>
      new Promise((resolve) => {
        const scene = window.descent.scenes.lab;
        const lab = window.descent.lab;
        const original = scene.frame;
        const total = [];
        const core = [];
        const intervals = [];
        let last = 0;
        // Time the lab's own frame (step + drawing) inside the page's frame hook.
        const labFrame = lab.frame.bind(lab);
        lab.frame = () => {
          const t0 = performance.now();
          const drawn = labFrame();
          core.push(performance.now() - t0);
          return drawn;
        };
        scene.frame = (now) => {
          const t0 = performance.now();
          original(now);
          total.push(performance.now() - t0);
          if (last) intervals.push(now - last);
          last = now;
          if (total.length === frames + warmup) {
            scene.frame = original;
            lab.pause();
            resolve({ total: total.slice(warmup), core: core.slice(warmup), intervals: intervals.slice(warmup) });
          }
        };
        lab.play();
      }),
    { frames: FRAMES, warmup: WARMUP },
  );
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
    return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`;
  };
  const steps = await page.evaluate(() => window.descent.lab.steps);
  const batching = BATCH > 0 ? `, batch ${BATCH}` : '';
  console.log(`lab frame, N = ${POINTS}, 1024×1024 device px, ${METHOD}${batching}, speed ${SPEED}, confidence ${SHADING}, ${FRAMES} frames (${steps} steps, ${(steps / (FRAMES + WARMUP)).toFixed(1)} a frame)`);
  console.log(`  whole frame hook (step, raster, marks, chart, table, grid): ${stats(times.total)}`);
  console.log(`  lab.frame() alone (step, raster, putImageData, marks, chart): ${stats(times.core)}`);
  console.log(`  requestAnimationFrame interval: ${stats(times.intervals)}`);
  const speed = SPEED > 1 ? `, ${SPEED} updates per frame` : '';
  const what = `lab frame hook, N = ${POINTS.toLocaleString('en')}, ${METHOD}${batching}${speed}${SHADING === 'true' ? ', confidence shading' : ''}`;
  record(what, times.total, { browser: env.browser.version() });
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
} finally {
  await env.close();
}

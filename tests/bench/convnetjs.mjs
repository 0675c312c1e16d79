// Descent beside ConvNetJS, in one headless Chromium at devicePixelRatio 2 on a 1024 × 1024
// device-pixel canvas, in alternating rounds: ConvNetJS (the npm package, a test-only
// dependency, on a page only this bench serves: tests/bench/convnetjs/) trains a linear
// softmax by SGD over every point and draws its decision grid as one forward pass per 5-pixel
// cell and a disc per point; Descent's lab trains softmax by gradient descent (one step per
// frame) and draws everything at every device pixel. Each frame's work is timed inside the
// page (performance.now() around the frame's code).
//
// Run: make bench   (or: node tests/bench/convnetjs.mjs [--rounds 2] [--frames 60])
// Prints, per N, the median and p95 of each side's frame and the ratio of the medians.
import { readFileSync } from 'node:fs';
import { launch, openLab } from '../e2e/harness.mjs';
import { quantile, record } from './record.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const ROUNDS = Number(arg('rounds', 2));
const FRAMES = Number(arg('frames', 60));
const SIZES = [100, 1_000, 10_000, 100_000];
// ConvNetJS needs seconds per frame at 100,000 points: fewer frames there.
const framesFor = (n, side) => (side === 'convnetjs' && n >= 100_000 ? 5 : n >= 100_000 ? 30 : FRAMES);

const env = await launch();
try {
  const files = {
    'page.html': ['text/html', new URL('./convnetjs/page.html', import.meta.url)],
    'page.js': ['text/javascript', new URL('./convnetjs/page.js', import.meta.url)],
    'convnet.js': ['text/javascript', new URL('../../node_modules/convnetjs/build/convnet.js', import.meta.url)],
  };
  const cnjContext = await env.browser.newContext({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 2 });
  await cnjContext.route(`${env.url}convnetjs-bench/*`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const [type, file] = files[name] ?? [];
    return file ? route.fulfill({ contentType: type, body: readFileSync(file) }) : route.fulfill({ status: 404 });
  });
  const cnj = await cnjContext.newPage();
  await cnj.goto(`${env.url}convnetjs-bench/page.html`);
  await cnj.waitForFunction(() => window.bench !== undefined);

  const lab = await openLab(env, { width: 1400, height: 1000, deviceScaleFactor: 2 });
  // (Through the CSSOM: the page's Content-Security-Policy refuses inline style sheets.)
  await lab.evaluate(() => document.getElementById('lab-canvas').style.setProperty('width', '512px', 'important'));
  const descent = {
    async setup(n) {
      return lab.evaluate(async (n) => {
        const lab = window.descent.lab;
        lab.pause();
        for (const [name, value] of [['dataset', 'blobs'], ['points', String(n)], ['classes', '3'], ['loss', 'softmax'], ['method', 'sgd'], ['lr', '0.05'], ['speed', '1']]) {
          lab.set(name, value);
        }
        window.descent.scenes.lab.redraw();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const canvas = document.getElementById('lab-canvas');
        return [canvas.width, canvas.height, lab.points];
      }, n);
    },
    async frames(k) {
      return lab.evaluate((k) => new Promise((resolve) => {
        const scene = window.descent.scenes.lab;
        const original = scene.frame;
        const times = [];
        scene.frame = (now) => {
          const t0 = performance.now();
          original(now);
          times.push(performance.now() - t0);
          if (times.length === k) {
            scene.frame = original;
            window.descent.lab.pause();
            resolve(times);
          }
        };
        window.descent.lab.play();
      }), k);
    },
  };
  const version = env.browser.version();
  const results = new Map(SIZES.map((n) => [n, { convnetjs: [], descent: [] }]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const n of SIZES) {
      await cnj.evaluate((n) => window.bench.setup(n), n);
      await cnj.evaluate((k) => window.bench.frames(k), 2); // warm-up
      results.get(n).convnetjs.push(...(await cnj.evaluate((k) => window.bench.frames(k), framesFor(n, 'convnetjs'))));
      const setup = await descent.setup(n);
      if (setup[0] !== 1024 || setup[2] !== n) throw new Error(`unexpected set-up: ${setup}`);
      await descent.frames(5); // warm-up
      results.get(n).descent.push(...(await descent.frames(framesFor(n, 'descent'))));
    }
  }
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`Descent vs ConvNetJS 0.3.0, Chromium ${version}, 1024×1024 device px, ${ROUNDS} alternating rounds`);
  console.log('| N | ConvNetJS (5-px cells) median / p95 | Descent (every pixel) median / p95 | ratio of medians |');
  console.log('|---:|---:|---:|---:|');
  for (const [n, { convnetjs, descent: ours }] of results) {
    const [c, d] = [quantile(convnetjs, 0.5), quantile(ours, 0.5)];
    console.log(`| ${n.toLocaleString('en')} | ${ms(c)} / ${ms(quantile(convnetjs, 0.95))} | ${ms(d)} / ${ms(quantile(ours, 0.95))} | ${(d / c).toFixed(3)} |`);
    record(`ConvNetJS frame (SGD epoch, 5-px grid, discs), N = ${n.toLocaleString('en')}`, convnetjs, { browser: version });
    record(`Descent lab frame beside it (GD step, every pixel), N = ${n.toLocaleString('en')}`, ours, { browser: version });
    record(`Descent / ConvNetJS frame (ratio of medians), N = ${n.toLocaleString('en')}`, [d / c], { unit: '×', browser: version });
  }
  for (const page of [lab]) if (page.problems.length) throw new Error(page.problems.join('\n'));
  await cnjContext.close();
  await lab.context().close();
} finally {
  await env.close();
}

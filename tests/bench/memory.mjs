// Steady state allocates nothing per frame: in every scene, Play (where the scene has it) and
// 10,000 frames of the page's frame hook, with wasm linear memory and the JS heap (after a
// garbage collection) read before and after. wasm memory never shrinks, so growth means the
// module allocated more than it ever freed; a JS heap that grows means garbage kept alive.
//
// Run: make bench   (or: node tests/bench/memory.mjs [--frames 10000])
import { launch, openLab } from '../e2e/harness.mjs';
import { record } from './record.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const FRAMES = Number(arg('frames', 10_000));
const CHUNK = 250;

const env = await launch();
try {
  const page = await openLab(env, { width: 1280, height: 900 });
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(async () => (await (await import('./pkg/descent.js')).default()).memory.buffer.byteLength);
    return { wasm, js: usedSize };
  };
  const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
  console.log(`memory over ${FRAMES} frames of Play per scene, Chromium ${env.browser.version()}`);
  console.log('| scene | wasm memory start → end | JS heap start → end |\n|---|---:|---:|');
  for (const [scene, play] of [['lab', '#lab-play'], ['race', '#race-play'], ['regularization', null]]) {
    await page.click(`[role="tab"][data-scene="${scene}"]`);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    if (play) await page.click(play);
    // A first stretch of frames reaches the steady state (buffers sized, charts full).
    const run = (frames) =>
      page.evaluate(
        async ({ scene, frames, chunk }) => {
          let now = performance.now();
          for (let done = 0; done < frames; done += chunk) {
            for (let k = 0; k < chunk; k += 1) window.descent.scenes[scene].frame((now += 1000 / 60));
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        },
        { scene, frames, chunk: CHUNK },
      );
    await run(500);
    const start = await measure();
    await run(FRAMES);
    const end = await measure();
    console.log(`| ${scene} | ${mb(start.wasm)} → ${mb(end.wasm)} | ${mb(start.js)} → ${mb(end.js)} |`);
    const browser = env.browser.version();
    record(`${scene}: wasm memory growth over ${FRAMES} frames`, [(end.wasm - start.wasm) / 2 ** 20], { unit: 'MB', browser });
    record(`${scene}: JS heap growth over ${FRAMES} frames`, [(end.js - start.js) / 2 ** 20], { unit: 'MB', browser });
    if (play && (await page.textContent(play)).trim() === 'Pause') await page.click(play);
  }
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
} finally {
  await env.close();
}

// Steady state allocates nothing per frame: in every scene, Play (where the scene has it) and
// two stretches of 10,000 frames of the page's frame hook, with the wasm heap's live bytes
// (`heapInUse`, counted by the global allocator), wasm linear memory and the JS heap (after a
// garbage collection) read before, between and after. The first stretch may fill the runs'
// bounded records (the lab's history to its capacity, a race to its last step); past them the
// second must leave the live bytes where they were. wasm memory never shrinks, so it shows the
// highest peak; a JS heap that grows means garbage kept alive.
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
    const { wasm, live } = await page.evaluate(async () => {
      const module = await import('./pkg/descent.js');
      return { wasm: (await module.default()).memory.buffer.byteLength, live: module.heapInUse() };
    });
    return { wasm, live, js: usedSize };
  };
  const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
  console.log(`memory over ${FRAMES} frames of Play per scene, Chromium ${env.browser.version()}`);
  console.log('| scene | wasm heap live: start → after 1st stretch → after 2nd | wasm memory start → end | JS heap start → end |\n|---|---:|---:|---:|');
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
    const middle = await measure();
    await run(FRAMES);
    const end = await measure();
    console.log(`| ${scene} | ${start.live} → ${middle.live} → ${end.live} B | ${mb(start.wasm)} → ${mb(end.wasm)} | ${mb(start.js)} → ${mb(end.js)} |`);
    const browser = env.browser.version();
    record(`${scene}: wasm heap live bytes' growth over the second ${FRAMES} frames`, [end.live - middle.live], { unit: 'B', browser });
    record(`${scene}: wasm memory growth over ${FRAMES} frames`, [(end.wasm - start.wasm) / 2 ** 20], { unit: 'MB', browser });
    record(`${scene}: JS heap growth over ${FRAMES} frames`, [(end.js - start.js) / 2 ** 20], { unit: 'MB', browser });
    if (play && (await page.textContent(play)).trim() === 'Pause') await page.click(play);
  }
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
} finally {
  await env.close();
}

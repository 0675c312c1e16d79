// A soak: at least 200,000 updates across the scenes at their highest speeds (the lab at speed
// 1000 through minibatch SGD, Adam, random search and momentum; a whole race of the saddle
// preset's racers at 100 ticks per frame), with memory flat and no console error.
// Memory: the bytes the wasm heap holds allocated (`heapInUse`, counted by the global
// allocator: a leak raises them) and, where Chromium offers it, performance.memory's JS heap.
// The wasm memory's size is reported, not held flat: it only grows, to the highest peak so
// far, and where a peak lands depends on the heap's fragmentation (one CI run saw a third
// round reach a new one, 12.1 → 16.0 MiB, with nothing leaked).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab } from './harness.mjs';

const STEPS = 200_000;
const MIB = 1024 * 1024;

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** The wasm heap's live bytes, the wasm memory's size and the JS heap in use (null when not offered). */
function memory(page) {
  return page.evaluate(async () => {
    const module = await import('./pkg/descent.js');
    const wasm = await module.default();
    return {
      live: module.heapInUse(),
      wasm: wasm.memory.buffer.byteLength,
      heap: performance.memory?.usedJSHeapSize ?? null,
    };
  });
}

/** Waits until `done(arg)` (evaluated in the page) holds, or `ms` pass. */
function until(page, done, arg, ms) {
  return page.waitForFunction(done, arg, { timeout: ms, polling: 200 });
}

test('200,000 updates across the scenes keep memory flat and the console clean', async () => {
  const page = await openLab(env, { hash: '#lab?dataset=spiral&points=300&method=sgd&batch-size=8&speed=1000' });
  const started = Date.now();
  let steps = 0;
  const lab = (hash, count) => async () => {
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    await page.waitForFunction(() => window.descent.lab.steps === 0);
    await page.click('#lab-play');
    await until(page, (n) => window.descent.lab.steps >= n, count, 60_000);
    await page.click('#lab-play');
    steps += await page.evaluate(() => window.descent.lab.steps);
  };
  const race = async (ticks) => {
    await page.evaluate(() => {
      window.location.hash = '#race?preset=saddle&steps-per-frame=100';
    });
    await page.waitForFunction(() => window.descent.scenes.race.handle.get('preset') === 'saddle');
    const racers = await page.evaluate(() => window.descent.scenes.race.handle.leaderboard().length);
    let made = 0;
    while (made < ticks) {
      await page.evaluate(() => window.descent.scenes.race.handle.reset());
      await page.click('#race-play');
      await until(page, () => !window.descent.scenes.race.handle.playing, null, 60_000);
      made += await page.evaluate(() => window.descent.scenes.race.handle.clock);
    }
    steps += made * racers;
  };

  // Rounds of the same phases: the first fills every scene's bounded buffers (rasters,
  // histories, a whole race's trajectories), and later rounds must not grow memory.
  const round = async () => {
    await lab('#lab?dataset=spiral&points=300&method=sgd&batch-size=8&speed=1000', 20_000)();
    await lab('#lab?dataset=blobs&points=500&classes=5&method=adam&batch-size=16&speed=1000', 40_000)();
    await race(10_000);
    await lab('#lab?dataset=xor&points=200&method=random&samples=5&speed=1000', 20_000)();
    await lab('#lab?dataset=ring&points=200&method=momentum&speed=1000', 30_000)();
  };
  // Each round ends in the same scene with the same settings, so its live bytes are the same
  // unless something leaked; the first round fills the bounded buffers.
  await round();
  const warm = await memory(page);
  await round();
  await round();
  const end = await memory(page);
  const seconds = (Date.now() - started) / 1000;
  console.log(`soak: ${steps} updates in ${seconds.toFixed(0)} s; wasm heap live ${warm.live} → ${end.live} B; wasm memory ${(warm.wasm / MIB).toFixed(1)} → ${(end.wasm / MIB).toFixed(1)} MiB; JS heap ${warm.heap === null ? 'n/a' : `${(warm.heap / MIB).toFixed(1)} → ${(end.heap / MIB).toFixed(1)} MiB`}`);
  assert.ok(steps >= STEPS, `${steps} updates`);
  assert.ok(end.live - warm.live <= 16 * 1024, `the wasm heap's live bytes grew ${warm.live} → ${end.live} over two rounds`);
  assert.ok(end.wasm <= 64 * MIB, `wasm memory reached ${end.wasm} bytes`);
  if (warm.heap !== null) assert.ok(end.heap - warm.heap <= 16 * MIB, `JS heap grew ${warm.heap} → ${end.heap}`);
  assert.deepEqual(page.problems, []);
});

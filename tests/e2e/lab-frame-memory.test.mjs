// Steady state allocates nothing that stays: frames of Play at 10,000 points (full batch, and
// minibatches with held-out points) and in the density view leave the wasm heap's live bytes
// (`heapInUse`, counted by the global allocator) exactly where they were. The points' layer,
// the fused pass's buffers, the history and the held-out curve are all made before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** Sets `settings`, plays `warmup` frames, then `frames` more; the live bytes before and after
 *  those, and the steps made. Frames are called directly, one after another. */
function liveBytesOverFrames(page, settings, warmup, frames) {
  return page.evaluate(
    async ({ settings, warmup, frames }) => {
      const module = await import('./pkg/descent.js');
      const scene = window.descent.scenes.lab;
      const lab = window.descent.lab;
      for (const [name, value] of settings) lab.set(name, value);
      lab.play();
      for (let f = 0; f < warmup; f += 1) scene.frame(performance.now());
      const before = module.heapInUse();
      const steps = lab.steps;
      for (let f = 0; f < frames; f += 1) scene.frame(performance.now());
      const live = module.heapInUse();
      lab.pause();
      return { before, after: live, steps: lab.steps - steps };
    },
    { settings, warmup, frames },
  );
}

test('frames of Play at 10,000 points and in the density view keep the live heap bytes exact', async () => {
  const page = await openLab(env, { width: 1280, height: 900, deviceScaleFactor: 2 });
  const base = [['dataset', 'blobs'], ['points', '10000'], ['classes', '3'], ['loss', 'softmax']];
  const full = await liveBytesOverFrames(page, [...base, ['method', 'sgd'], ['speed', '1']], 3, 40);
  assert.equal(full.steps, 40);
  assert.equal(full.after, full.before, 'full batch');
  const batches = [['held-out', '0.2'], ['batch-size', '10'], ['speed', '100']];
  const mini = await liveBytesOverFrames(page, [...base, ...batches], 3, 40);
  assert.ok(mini.steps >= 40, `${mini.steps} steps`);
  assert.equal(mini.after, mini.before, 'minibatches with held-out points');
  const density = [['held-out', '0'], ['batch-size', '0'], ['speed', '1'], ['points', '40000']];
  const dense = await liveBytesOverFrames(page, [...base, ...density], 3, 20);
  assert.equal(dense.steps, 20);
  assert.equal(dense.after, dense.before, 'density view');
  assert.deepEqual(page.problems, []);
});

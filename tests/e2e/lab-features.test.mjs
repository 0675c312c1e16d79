// Feature maps, held-out data and the λ sweep in the real page: each prepared example opens
// from its link with no refusal, shows training and held-out readouts side by side, draws
// curved regions, and (the blobs example) overfits; the λ sweep runs across frames and marks
// its best λ. Screenshots at 1280 × 720 and 390 × 844.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, launch, openLab, screenshot, settle } from './harness.mjs';
import { LAB_EXAMPLES } from '../../www/lab-examples.js';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** The readouts as the page shows them. */
function readouts(page) {
  return page.evaluate(() => ({
    accuracy: document.getElementById('lab-accuracy').textContent,
    heldLoss: document.getElementById('held-out-loss').textContent,
    heldAccuracy: document.getElementById('held-out-accuracy').textContent,
    training: document.getElementById('lab-training-points').textContent,
  }));
}

for (const [index, example] of LAB_EXAMPLES.entries()) {
  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ]) {
    test(`example ${index + 1} at ${width}×${height}: ${example.title}`, async () => {
      const page = await openLab(env, { width, height, hash: example.hash });
      await settle(page);
      assert.deepEqual(page.refusals, [], 'the link opens without a refusal');
      // Train through the page's own button, then read what it shows.
      await page.evaluate(() => {
        const button = document.getElementById('lab-step');
        for (let i = 0; i < 200; i += 1) button.click();
      });
      await settle(page);
      const shown = await readouts(page);
      assert.match(shown.accuracy, /^\d+\.\d %$/, 'training accuracy');
      assert.match(shown.heldLoss, /^\d+\.\d{4}$/, 'held-out loss');
      assert.match(shown.heldAccuracy, /^\d+\.\d % of \d+$/, 'held-out accuracy');
      assert.ok(Number(shown.training) > 0);
      // The W grid groups the classes (more than two weights each) and the picture stays.
      assert.ok((await page.locator('#lab-params details.param-class').count()) >= 2);
      assert.ok(await page.locator('#lab-canvas').isVisible());
      await screenshot(page, `lab-example-${index + 1}-${width}x${height}`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
}

test('the blobs example overfits, and the λ sweep runs across frames to a best λ', async () => {
  const page = await openLab(env, { width: 1280, height: 720, hash: LAB_EXAMPLES[2].hash });
  await page.evaluate(() => {
    const button = document.getElementById('lab-step');
    for (let i = 0; i < 300; i += 1) button.click();
  });
  await settle(page);
  const shown = await readouts(page);
  assert.equal(shown.accuracy, '100.0 %');
  const held = Number(shown.heldAccuracy.split(' ')[0]);
  assert.ok(held < 85, `held-out accuracy ${held} %`);
  await page.click('#lab-sweep');
  await settle(page);
  // Sliced across frames: the page keeps answering while the sweep is under way.
  await page.waitForFunction(() => document.getElementById('lab-sweep-status').textContent.startsWith('Done'), null, { timeout: 60000 });
  const best = await page.evaluate(() => window.descent.lab.sweepBest);
  assert.ok(best > 1e-5 && best < 100, `best λ ${best}`);
  await screenshot(page, 'lab-sweep-1280x720');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a click adds a hollow held-out point when the switch is on', async () => {
  const page = await openLab(env, { width: 1280, height: 720 });
  await page.check('#lab [data-param="add-held-out"]');
  // The switch sits with the held-out settings below the canvas: back to the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('#lab-canvas').boundingBox();
  await page.mouse.click(box.x + 20, box.y + 20);
  await settle(page);
  const shown = await page.evaluate(() => ({ n: window.descent.lab.points, held: window.descent.lab.isHeldOut(9) }));
  assert.equal(shown.n, 10);
  assert.equal(shown.held, true);
  assert.match((await readouts(page)).heldAccuracy, / of 1$/);
  assert.equal((await readouts(page)).training, '9');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('margins and confidence are drawn through φ: a curved band and shading', async () => {
  const hash = `${LAB_EXAMPLES[0].hash}&loss=svm&show-margins=true`;
  const page = await openLab(env, { width: 1280, height: 720, hash });
  await page.evaluate(() => {
    const button = document.getElementById('lab-step');
    for (let i = 0; i < 100; i += 1) button.click();
  });
  await settle(page);
  assert.deepEqual(page.refusals, []);
  await page.locator('#lab-canvas').screenshot({ path: `${ARTIFACTS}lab-features-margins.png` });
  await page.check('#lab [data-param="show-confidence"]');
  await settle(page);
  await page.locator('#lab-canvas').screenshot({ path: `${ARTIFACTS}lab-features-confidence.png` });
  // The region pixels take more than the two flat tints and two boundary colours.
  const colours = await page.evaluate(() => {
    const canvas = document.getElementById('lab-canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return seen.size;
  });
  assert.ok(colours > 10, `${colours} colours`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The loss landscape in the real page: a slice of the classifier lab's own loss through its
// current parameters, following the lab, with its centre equal to the lab's loss, its θ marker
// at the centre, no console errors, and screenshots of both kinds of plane.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasPixels, launch, openLab, screenshot } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

const landscape = (page, fn, arg) =>
  page.evaluate(([source, a]) => new Function('view', 'lab', 'arg', `return (${source})(view, lab, arg);`)(window.descent.scenes.regularization.handle.landscape, window.descent.lab, a), [fn.toString(), arg]);
const complete = (page) => page.waitForFunction(() => window.descent.scenes.regularization.handle.landscape.complete, null, { timeout: 20000 });

test('the landscape slices the lab through its current θ', async () => {
  const page = await openLab(env, { hash: '#lab' });
  await page.evaluate(() => {
    const lab = window.descent.lab;
    for (const [name, value] of [['dataset', 'blobs'], ['points', '300'], ['classes', '3'], ['loss', 'softmax'], ['lambda', '0.01']]) lab.set(name, value);
    for (let i = 0; i < 30; i += 1) lab.step();
  });
  await page.click('[role="tab"][data-scene="regularization"]');
  await page.click('.subviews button[data-view="landscape"]');
  await complete(page);
  const state = await landscape(page, (view, lab) => ({
    center: view.centerValue,
    text: view.centerValueText,
    loss: lab.totalLoss,
    trajectory: view.trajectoryLength,
  }));
  assert.ok(Math.abs(state.center - state.loss) < 1e-12 * state.loss, `centre ${state.center} vs the lab's ${state.loss}`);
  assert.equal(await page.locator('#landscape-center').textContent(), state.text);
  assert.ok(Math.abs(Number(state.text) - state.loss) <= 5e-7);
  assert.equal(state.trajectory, 31, 'the start and 30 steps');
  assert.equal(await page.locator('#landscape-resolution').textContent(), '129 × 129');
  const [low, high] = await landscape(page, (view) => view.rangeTexts);
  assert.equal(await page.locator('#landscape-low').textContent(), low);
  assert.equal(await page.locator('#landscape-high').textContent(), high);
  // θ's marker (vermillion) sits at the centre of the canvas.
  const size = await page.evaluate(() => [document.getElementById('landscape-canvas').width, document.getElementById('landscape-canvas').height]);
  const [centre] = await canvasPixels(page, '#landscape-canvas', [[Math.floor(size[0] / 2), Math.floor(size[1] / 2)]]);
  assert.deepEqual(centre.slice(0, 3), [0xd5, 0x5e, 0x00]);
  await screenshot(page, 'regularization-landscape-random');

  // Two parameters as axes: the controls appear, the slice restarts and still centres on θ.
  assert.equal(await page.locator('#reg-landscape label.axis').first().isVisible(), false);
  await page.selectOption('#reg-landscape select[data-param="directions"]', 'axes');
  assert.equal(await page.locator('#reg-landscape label.axis').first().isVisible(), true);
  await page.selectOption('#reg-landscape select[data-param="axis2"]', 'b[1]');
  await page.locator('#reg-landscape input[data-param="range"]').fill('0.5');
  await complete(page);
  const axes = await landscape(page, (view, lab) => ({ center: view.centerValue, loss: lab.totalLoss, names: view.axisNames }));
  assert.deepEqual(axes.names, ['W[0,0]', 'b[1]']);
  assert.ok(Math.abs(axes.center - axes.loss) < 1e-12 * axes.loss);
  assert.match(await page.locator('#landscape-axes').textContent(), /Horizontal: W\[0,0\]; vertical: b\[1\]/);
  // Choosing the same parameter twice is refused with the core's reason.
  await page.selectOption('#reg-landscape select[data-param="axis2"]', 'W[0,0]');
  assert.match(await page.locator('#notice').textContent(), /pick two different parameters/);
  assert.equal(await page.inputValue('#reg-landscape select[data-param="axis2"]'), 'b[1]');
  assert.equal(page.refusals.length, 1);
  assert.match(page.refusals[0], /pick two different parameters/);
  await screenshot(page, 'regularization-landscape-axes');

  // Training on in the lab: the landscape follows when shown again.
  await page.click('[role="tab"][data-scene="lab"]');
  await page.evaluate(() => {
    for (let i = 0; i < 20; i += 1) window.descent.lab.step();
  });
  await page.click('[role="tab"][data-scene="regularization"]');
  await complete(page);
  const later = await landscape(page, (view, lab) => ({ center: view.centerValue, loss: lab.totalLoss, trajectory: view.trajectoryLength }));
  assert.equal(later.trajectory, 51);
  assert.ok(Math.abs(later.center - later.loss) < 1e-12 * later.loss);
  assert.ok(later.loss < state.loss, 'training lowered the loss');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

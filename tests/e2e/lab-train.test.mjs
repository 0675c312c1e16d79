// Training in the real page: every optimizer lowers the loss, minibatches are highlighted, a
// diverging run stops with a notice that Reset clears, and the schedule drives the rate.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, screenshot, settle } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** Clicks the Step button `n` times (real clicks on the page's button) and lets it redraw. */
async function clickStep(page, n) {
  await page.evaluate((count) => {
    const button = document.getElementById('lab-step');
    for (let i = 0; i < count; i += 1) button.click();
  }, n);
  await settle(page);
}

const METHODS = ['random', 'sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'newton', 'lbfgs'];

test('a hundred steps of each optimizer lower the loss', async () => {
  const page = await openLab(env);
  // Softmax, so that Newton's method has its Hessian.
  await page.selectOption('#lab [data-param="loss"]', 'softmax');
  for (const method of METHODS) {
    await page.click('#lab-reset');
    await page.selectOption('#lab [data-param="method"]', method);
    await settle(page);
    const before = Number(await page.locator('#total-loss').textContent());
    await clickStep(page, 100);
    const shown = await page.evaluate(() => ({
      total: document.getElementById('total-loss').textContent,
      steps: document.getElementById('lab-steps').textContent,
      core: window.descent.lab.totalLoss,
      stopped: window.descent.lab.stopped,
    }));
    assert.equal(shown.stopped, undefined, `${method} ran`);
    assert.equal(shown.steps, '100', method);
    assert.equal(shown.total, shown.core.toFixed(4), `${method}: the shown loss is the core's`);
    assert.ok(shown.core < before, `${method}: ${before} → ${shown.core}`);
  }
  // The method's own settings are the ones listed.
  assert.ok(await page.locator('#lab [data-param="history"]').isVisible(), 'L-BFGS shows its history m');
  assert.ok(!(await page.locator('#lab [data-param="momentum"]').isVisible()), 'but not momentum');
  await page.selectOption('#lab [data-param="method"]', 'adam');
  assert.ok(await page.locator('#lab [data-param="beta1"]').isVisible());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('minibatch SGD highlights its batch on the canvas and in the table', async () => {
  const page = await openLab(env);
  await page.selectOption('#lab [data-param="dataset"]', 'blobs');
  await page.locator('#lab [data-param="batch-size"]').fill('8');
  await page.locator('#lab [data-param="batch-size"]').dispatchEvent('change');
  await clickStep(page, 3);
  const state = await page.evaluate(() => {
    const lab = window.descent.lab;
    const rows = lab.tableRows(0, lab.points);
    const w = lab.rowWidth;
    const batch = [];
    for (let i = 0; i < lab.points; i += 1) if (rows[i * w + w - 1] & 1) batch.push(i);
    return { batch, steps: document.getElementById('lab-steps').textContent };
  });
  assert.equal(state.batch.length, 8);
  assert.equal(state.steps, '3 (epoch 1)');
  const highlighted = await page.locator('#lab-table .table-row.batch').evaluateAll((rows) => rows.map((r) => Number(r.dataset.index)));
  assert.deepEqual(highlighted.sort((a, b) => a - b), state.batch.filter((i) => i < 20), 'visible batch rows are marked');
  await screenshot(page, 'lab-minibatch');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a diverging run stops with a notice, draws nothing non-finite, and Reset recovers', async () => {
  const page = await openLab(env);
  // Learning rate 100: the slider holds log₁₀ α.
  await page.locator('#lab [data-param="lr"]').fill('2');
  assert.equal(await page.evaluate(() => window.descent.lab.get('lr')), '100');
  await page.click('#lab-play');
  await page.waitForSelector('#lab-divergence:not([hidden])', { timeout: 5000 });
  const notice = await page.locator('#lab-divergence').textContent();
  assert.match(notice, /^Training diverged at step \d+: (the total loss reached|W\[\d,\d\] reached|b\[\d\] reached)/);
  assert.match(notice, /lower the learning rate and press Reset/);
  const state = await page.evaluate(() => {
    const lab = window.descent.lab;
    return {
      running: lab.running,
      theta: Array.from(lab.theta()),
      shown: ['data-loss', 'regularization-loss', 'total-loss'].map((id) => document.getElementById(id).textContent),
      play: document.getElementById('lab-play').textContent,
      cells: [...document.querySelectorAll('#lab-table .table-row:not([hidden]) span, #lab-params .value, #lab-params .grad')].map((c) => c.textContent),
    };
  });
  assert.equal(state.running, false);
  assert.equal(state.play, 'Play');
  assert.ok(state.theta.every(Number.isFinite));
  for (const text of [...state.shown, ...state.cells]) assert.ok(Number.isFinite(Number(text)), `shown "${text}"`);
  await screenshot(page, 'lab-diverged');
  // Play does nothing until Reset.
  await page.click('#lab-play');
  assert.equal(await page.evaluate(() => window.descent.lab.running), false);
  await page.click('#lab-reset');
  await settle(page);
  assert.ok(await page.locator('#lab-divergence').isHidden());
  assert.equal(await page.locator('#lab-steps').textContent(), '0');
  assert.deepEqual(await page.evaluate(() => Array.from(window.descent.lab.theta())), [1, 2, 2, -4, 3, -1, 0, 0.5, -0.5]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('play trains and draws the loss chart; the schedule with warmup drives the rate', async () => {
  const page = await openLab(env);
  await page.selectOption('#lab [data-param="schedule"]', 'step');
  await page.locator('#lab [data-param="step-size"]').fill('10');
  await page.locator('#lab [data-param="step-size"]').dispatchEvent('change');
  await page.locator('#lab [data-param="gamma"]').fill('0.5');
  await page.locator('#lab [data-param="warmup"]').fill('4');
  await page.locator('#lab [data-param="warmup"]').dispatchEvent('change');
  await settle(page);
  assert.equal(await page.locator('#lab-lr').textContent(), '0', 'warmup starts at 0');
  await clickStep(page, 2);
  assert.equal(await page.locator('#lab-lr').textContent(), '0.05', 'α₂ = α₀ · 2/4');
  await clickStep(page, 12);
  assert.equal(await page.locator('#lab-lr').textContent(), '0.05', 'α₁₄ = α₀ · γ^⌊10/10⌋');
  await page.locator('#lab [data-param="speed"]').fill('1');
  await page.click('#lab-play');
  await page.waitForFunction(() => window.descent.lab.steps >= 200);
  await page.click('#lab-play');
  await page.check('#lab [data-param="log-y"]');
  await settle(page);
  // The chart canvas has ink: its three curves in their colours.
  const colours = await page.evaluate(() => {
    const canvas = document.getElementById('lab-chart');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return [...seen];
  });
  for (const rgb of ['29,29,31', '0,114,178', '230,159,0']) assert.ok(colours.includes(rgb), `the chart shows ${rgb}`);
  await screenshot(page, 'lab-trained-log-chart');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a schedule that leaves α = 0 for the steps ahead is named under the readouts', async () => {
  const page = await openLab(env, { hash: '#lab?schedule=cosine&total=1&warmup=5' });
  const warning = page.locator('#lab-schedule-warning');
  assert.ok(await warning.isHidden(), 'the warmup moves');
  await clickStep(page, 5);
  assert.ok(await warning.isVisible());
  assert.match(await warning.textContent(), /^The learning rate is 0 from step 5 on, because the horizon T = 1 ends before the warmup W = 5 does/);
  await page.fill('#lab [data-param="total"]', '50');
  await page.dispatchEvent('#lab [data-param="total"]', 'change');
  await settle(page);
  assert.ok(await warning.isHidden(), 'a longer horizon moves again');
  assert.deepEqual(page.problems, []);
});

test('a loss that keeps swinging far above its start is named under the readouts', async () => {
  // L1 with λ = 10⁶ and step 0.1 alternates between 1.3·10⁷ and 6·10¹¹ (see src/lab/growth.rs).
  const page = await openLab(env, { hash: '#lab?regularizer=l1&lambda=1000000' });
  const warning = page.locator('#lab-growth-warning');
  await clickStep(page, 9);
  assert.ok(await warning.isHidden(), 'nine chart points after the start: too few to say');
  await clickStep(page, 1);
  assert.ok(await warning.isVisible());
  assert.equal(
    await warning.textContent(),
    'The loss has been above 10 × its start (1.300e7) at 5 of the last 10 chart points (highest 6.000e11): the steps overshoot. Lower the learning rate or λ, or choose another method, then press Reset.',
  );
  await page.click('#lab-reset');
  await settle(page);
  assert.ok(await warning.isHidden(), 'a new run starts afresh');
  assert.deepEqual(page.problems, []);
});

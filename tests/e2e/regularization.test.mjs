// The regularization scene's views in the real page: each driven through its controls (edits,
// sliders, menus, drags), every number shown checked against the core's, no console errors,
// a screenshot of each (tests/e2e/artifacts/regularization-*.png).
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

/** Opens the scene on one of its views; `page.core` evaluates a function of the view's handle. */
async function openView(name, options = {}) {
  const page = await openLab(env, { hash: '#regularization', ...options });
  await page.click(`.subviews button[data-view="${name}"]`);
  page.core = (fn, arg) =>
    page.evaluate(([source, a]) => new Function('view', 'arg', `return (${source})(view, arg);`)(window.descent.scenes.regularization.handle[a.name], a.arg), [fn.toString(), { name, arg }]);
  return page;
}

const text = (page, selector) => page.locator(selector).textContent();
/** The number a readout shows ("−" is the typographic minus, "×10⁻⁵" a power of ten). */
function parseShown(shown) {
  const superscripts = { '⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9 };
  const [mantissa, power] = shown.replace(/−/g, '-').split('×10');
  const exponent = power ? Number(power.replace('⁻', '-').replace(/[⁰-⁹]/g, (d) => superscripts[d])) : 0;
  return Number(mantissa) * 10 ** exponent;
}

test('the loss calculator shows the slides and follows edits', async () => {
  const page = await openView('calculator');
  const svm = await page.locator('#calculator-table tr.svm td').allTextContents();
  assert.deepEqual(svm, ['2.9', '0', '12.9'], 'the slides: 2.9, 0, 12.9');
  const core = await page.core((view) => ({
    svm: [0, 1, 2].map((i) => view.svmLossText(i)),
    softmax: [0, 1, 2].map((i) => view.softmaxLossText(i)),
    values: [0, 1, 2].map((i) => view.softmaxLoss(i)),
    steps: view.svmSteps(0),
  }));
  assert.deepEqual(svm, core.svm);
  const softmax = await page.locator('#calculator-table tr.softmax td').allTextContents();
  assert.deepEqual(softmax, core.softmax);
  softmax.forEach((shown, i) => assert.ok(Math.abs(parseShown(shown) - core.values[i]) <= 5e-5));
  const cat = await page.locator('.example[data-example="0"] .expression.svm span').allTextContents();
  assert.deepEqual(cat, core.steps);
  assert.equal(cat[0], 'max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1)');
  assert.equal(cat.at(-1), '= 2.9');
  assert.equal(await text(page, '.expression.mean.svm span'), '(1/3)(2.9 + 0 + 12.9) = 5.2667');

  // An edit: the car score of the cat image from 5.1 to 6.1 raises its loss to 3.9.
  await page.fill('#reg-calculator input[data-param="score.1.0"]', '6.1');
  await page.press('#reg-calculator input[data-param="score.1.0"]', 'Enter');
  assert.equal(await text(page, '#calculator-table tr.svm td[data-example="0"]'), '3.9');
  // A refused edit explains itself and keeps the value.
  await page.fill('#reg-calculator input[data-param="margin"]', '-2');
  await page.press('#reg-calculator input[data-param="margin"]', 'Enter');
  assert.match(await text(page, '#notice'), /the margin Δ must be a number between 0 and 100/);
  assert.equal(await page.inputValue('#reg-calculator input[data-param="margin"]'), '1');
  assert.equal(await page.core((view) => view.get('margin')), '1');
  assert.match(page.refusals.join('\n'), /the margin Δ must be/);
  // A fourth class grows the table, with a row of zeros the losses account for.
  await page.fill('#reg-calculator input[data-param="classes"]', '4');
  await page.press('#reg-calculator input[data-param="classes"]', 'Enter');
  assert.equal(await page.locator('#calculator-table tbody tr').count(), 5);
  assert.equal(await text(page, '#calculator-table tr.svm td[data-example="0"]'), await page.core((view) => view.svmLossText(0)));
  await page.selectOption('#reg-calculator select[data-param="label.1"]', '3');
  assert.equal(await page.core((view) => view.get('label.1')), '3');
  assert.equal(await text(page, '#calculator-table tr.svm td[data-example="1"]'), await page.core((view) => view.svmLossText(1)));
  await screenshot(page, 'regularization-calculator');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('preferences: L2 spreads, L1 is indifferent, edits change the verdicts', async () => {
  const page = await openView('preferences');
  assert.equal(await text(page, '#pref-verdict-l2'), 'L2 prefers w₂: R(w₂) = 0.25 < R(w₁) = 1');
  assert.equal(await text(page, '#pref-verdict-l1'), 'L1 has no preference: R(w₁) = R(w₂) = 1');
  for (const kind of ['l2', 'l1', 'elastic-net']) {
    for (const which of [0, 1]) {
      assert.equal(await text(page, `#pref-${kind}-${which}`), await page.core((view, a) => view.penaltyText(a[0], a[1]), [which, kind]));
    }
  }
  assert.equal(await page.locator('td.preferred').count(), 2, 'L2 and the elastic net each mark w₂');
  assert.equal(await page.locator('#pref-same').isHidden(), true);
  await page.fill('#reg-preferences input[data-param="w1.0"]', '0.9');
  await page.press('#reg-preferences input[data-param="w1.0"]', 'Enter');
  assert.equal(await text(page, '#pref-verdict-l1'), 'L1 prefers w₁: R(w₁) = 0.9 < R(w₂) = 1');
  assert.equal(await text(page, '#pref-score-0'), '0.9');
  assert.equal(await page.locator('#pref-same').isVisible(), true, 'the scores differ now');
  await screenshot(page, 'regularization-preferences');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the numeric gradient fills entry by entry, then shows the analytic gradient', async () => {
  const page = await openView('gradient');
  assert.equal(await page.locator('#gradient-rows .numeric').first().textContent(), '?');
  for (let i = 0; i < 3; i += 1) await page.click('#gradient-step');
  const formula = await text(page, '#gradient-formula');
  assert.equal(formula, `dW[2] = ${await page.core((view) => view.quotientText(2))}`);
  assert.match(formula, /^dW\[2\] = \(\d\.\d{10} − \d\.\d{10}\) \/ 0\.0001 = /);
  const numeric = await page.locator('#gradient-rows .numeric').allTextContents();
  assert.deepEqual(numeric.slice(3), Array(6).fill('?'));
  assert.deepEqual(numeric.slice(0, 3), await page.core((view) => [0, 1, 2].map((k) => view.numericText(k))));
  assert.equal(await text(page, '#gradient-rows tr.current .nudged'), '0.78 + 0.0001');
  assert.equal(await text(page, '#gradient-plus'), await page.core((view) => view.plusLossText(2)));
  assert.equal(await page.locator('#gradient-rows .analytic').first().isVisible(), false);
  await page.click('#gradient-all');
  const core = await page.core((view) =>
    Array.from({ length: view.parameters }, (_, k) => [view.numericText(k), view.analyticText(k), view.relativeErrorText(k), view.relativeError(k)]),
  );
  const rows = await page.locator('#gradient-rows tr').evaluateAll((trs) =>
    trs.map((tr) => ['.numeric', '.analytic', '.error'].map((c) => tr.querySelector(c).textContent)),
  );
  assert.deepEqual(rows, core.map((c) => c.slice(0, 3)));
  assert.equal(await page.locator('#gradient-rows .analytic').first().isVisible(), true);
  // Multiclass SVM with L2: forward differences are off by λh = 10⁻⁵ on the weights only.
  assert.ok(core.every(([, , , error]) => error < 1e-3));
  await screenshot(page, 'regularization-gradient');
  await page.selectOption('#reg-gradient select[data-param="loss"]', 'softmax');
  assert.equal(await page.core((view) => view.filled), 0, 'a new loss starts over');
  assert.equal(await page.locator('#gradient-rows .numeric').first().textContent(), '?');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('prefer simpler models: sliders refit, a dragged point moves the fit', async () => {
  const page = await openView('simpler');
  const readouts = async () => ({ train: await text(page, '#simpler-train'), test: await text(page, '#simpler-test') });
  const coreReadouts = () => page.core((view) => ({ train: view.trainErrorText, test: view.testErrorText, values: [view.trainError, view.testError] }));
  let core = await coreReadouts();
  assert.deepEqual(await readouts(), { train: core.train, test: core.test });
  const overfit = core.values;
  // A stronger λ: the training error grows, the held-out error falls.
  await page.locator('#reg-simpler input[data-param="lambda"]').fill('-3');
  core = await coreReadouts();
  assert.deepEqual(await readouts(), { train: core.train, test: core.test });
  assert.ok(core.values[0] > overfit[0] && core.values[1] < overfit[1], JSON.stringify([overfit, core.values]));
  assert.equal(await page.core((view) => view.get('lambda')), '0.001');
  await page.locator('#reg-simpler input[data-param="degree"]').fill('15');
  assert.equal(await page.core((view) => view.coefficients.length), 16);
  // Drag training point 0 upwards by 60 CSS pixels.
  const box = await page.locator('#simpler-canvas').boundingBox();
  const ratio = await page.evaluate(() => devicePixelRatio);
  const [px, py] = await page.core((view) => view.trainPixel(0));
  const before = await page.core((view) => Array.from(view.trainPoints));
  await page.mouse.move(box.x + px / ratio, box.y + py / ratio);
  await page.mouse.down();
  await page.mouse.move(box.x + px / ratio, box.y + py / ratio - 30, { steps: 3 });
  await page.mouse.move(box.x + px / ratio, box.y + py / ratio - 60, { steps: 3 });
  await page.mouse.up();
  const afterDrag = await page.core((view) => Array.from(view.trainPoints));
  // The point follows the pointer: 60 CSS pixels up, the same column (within a pixel).
  const unit = await page.evaluate(() => {
    const canvas = document.getElementById('simpler-canvas');
    return Math.min(canvas.width, canvas.height) / 3 / devicePixelRatio;
  });
  assert.ok(Math.abs(afterDrag[0] - before[0]) < 1 / unit, `x kept: ${before[0]} → ${afterDrag[0]}`);
  assert.ok(Math.abs(afterDrag[1] - before[1] - 60 / unit) < 1 / unit, `y rose by 60 px: ${before[1]} → ${afterDrag[1]}`);
  core = await coreReadouts();
  assert.deepEqual(await readouts(), { train: core.train, test: core.test });
  // The fit's colour is on the canvas where the core says the curve is: in the column whose
  // centre is at x, the pixel containing (x, p(x)) lies within the 2.5-pixel-wide stroke.
  const probe = await page.evaluate(() => {
    const view = window.descent.scenes.regularization.handle.simpler;
    const canvas = document.getElementById('simpler-canvas');
    const scale = Math.min(canvas.width, canvas.height) / 3;
    const i = Math.floor(canvas.width / 2 + 0.1 * scale);
    const x = (i + 0.5 - canvas.width / 2) / scale;
    return { i, j: Math.floor(canvas.height / 2 - view.fitAt(x) * scale), x, y: view.fitAt(x) };
  });
  const [rgba] = await canvasPixels(page, '#simpler-canvas', [[probe.i, probe.j]]);
  assert.deepEqual(rgba.slice(0, 3), [0xd5, 0x5e, 0x00], `the fit's colour at (${probe.x}, ${probe.y})`);
  await screenshot(page, 'regularization-simpler');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('weight space: λ moves the optimum, L1 reaches exactly zero, L2 does not', async () => {
  const page = await openView('weights', { deviceScaleFactor: 2 });
  const shown = async () => ({ w1: await text(page, '#weights-w1'), w2: await text(page, '#weights-w2'), total: await text(page, '#weights-total') });
  const core = () => page.core((view) => ({ w1: view.weightText(0), w2: view.weightText(1), total: view.lossTexts[2], w: Array.from(view.optimum), crossing: view.zeroCrossing(1) }));
  let c = await core();
  assert.deepEqual(await shown(), { w1: c.w1, w2: c.w2, total: c.total });
  assert.ok(c.w[1] !== 0, 'L1 at λ = 0.03 keeps both weights');
  const crossing = c.crossing;
  assert.ok(crossing > 0.03 && crossing < 1, `w₂'s zero crossing at ${crossing}`);
  assert.equal(await text(page, '#weights-crossing-1'), await page.core((view) => view.crossingText(1)));
  // Past the crossing, w₂ is exactly 0.
  await page.locator('#reg-weights input[data-param="lambda"]').fill(String(Math.log10(crossing) + 0.05));
  c = await core();
  assert.equal(c.w[1], 0);
  assert.deepEqual(await shown(), { w1: c.w1, w2: '0', total: c.total });
  // L2 at the same λ only shrinks it.
  await page.selectOption('#reg-weights select[data-param="penalty"]', 'l2');
  c = await core();
  assert.ok(c.w[0] !== 0 && c.w[1] !== 0);
  assert.deepEqual(await shown(), { w1: c.w1, w2: c.w2, total: c.total });
  assert.match(await text(page, '#weights-crossing-1'), /never makes it exactly 0/);
  // The optimum's disc, in L2's colour, is where the core puts w*.
  const [px, py] = await page.core((view) => {
    const w = view.optimum;
    return view.toPixel(w[0], w[1]);
  });
  const [rgba] = await canvasPixels(page, '#weights-canvas', [[Math.round(px), Math.round(py)]]);
  assert.deepEqual(rgba.slice(0, 3), [0x56, 0xb4, 0xe9]);
  // A refused setting explains itself.
  await page.fill('#reg-weights input[data-param="seed"]', '-4');
  await page.press('#reg-weights input[data-param="seed"]', 'Enter');
  assert.match(await text(page, '#notice'), /the seed must be a whole number/);
  assert.match(page.refusals.join('\n'), /the seed must be/);
  await page.selectOption('#reg-weights select[data-param="penalty"]', 'l1');
  await screenshot(page, 'regularization-weights');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

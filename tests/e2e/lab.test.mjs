// The classifier lab in the real page: W sliders, the table, point editing, settings, ×2 W and
// the gradient check, each checked against the core's own numbers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasPixels, launch, openLab, screenshot, settle } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** The lab's state as the core reports it. */
function core(page) {
  return page.evaluate(() => {
    const lab = window.descent.lab;
    return {
      theta: Array.from(lab.theta()),
      points: lab.points,
      classes: lab.classes,
      data: lab.dataLoss,
      regularization: lab.regularizationLoss,
      total: lab.totalLoss,
      rows: Array.from(lab.tableRows(0, 100000)),
      width: lab.rowWidth,
    };
  });
}

/** The texts of the table's visible rows, by point index. */
function tableTexts(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('#lab-table .table-row:not([hidden])')].map((row) => [
        row.dataset.index,
        [...row.children].map((cell) => cell.textContent),
      ]),
    ),
  );
}

/** Device pixels of the canvas whose 7×7 neighbourhood has one predicted class and lies
 *  clear of every zero-score line, arrow and point: what the canvas shows there is the region
 *  colour alone. */
function clearProbes(page, candidates) {
  return page.evaluate((points) => {
    const lab = window.descent.lab;
    const canvas = document.getElementById('lab-canvas');
    const theta = lab.theta();
    const c = lab.classes;
    const scale = canvas.width / 2; // the cs231n view spans [−1, 1]
    const toData = (i, j) => [(i + 0.5 - canvas.width / 2) / scale, -(j + 0.5 - canvas.height / 2) / scale];
    const rows = lab.tableRows(0, 100000);
    const w = lab.rowWidth;
    return points.filter(([i, j]) => {
      const k = lab.predictPixel(i, j);
      for (let di = -3; di <= 3; di += 1) {
        for (let dj = -3; dj <= 3; dj += 1) if (lab.predictPixel(i + di, j + dj) !== k) return false;
      }
      const [x, y] = toData(i, j);
      for (let m = 0; m < c; m += 1) {
        const [a, b, bias] = [theta[2 * m], theta[2 * m + 1], theta[2 * c + m]];
        const norm = Math.hypot(a, b);
        if ((Math.abs(a * x + b * y + bias) / norm) * scale < 8) return false;
        // The arrow of W_m: from −b W/‖W‖² along W, 0.1‖W‖ long (the view's half-width is 1).
        const foot = [(-bias * a) / norm ** 2, (-bias * b) / norm ** 2];
        const u = [a / norm, b / norm];
        const t = Math.max(0, Math.min(0.1 * norm, (x - foot[0]) * u[0] + (y - foot[1]) * u[1]));
        if (Math.hypot(x - foot[0] - t * u[0], y - foot[1] - t * u[1]) * scale < 12) return false;
      }
      for (let n = 0; n < rows.length / w; n += 1) {
        if (Math.hypot(rows[n * w] - x, rows[n * w + 1] - y) * scale < 20) return false;
      }
      return true;
    });
  }, candidates);
}

test('moving a W slider changes the table and the regions exactly as the core predicts', async () => {
  const page = await openLab(env);
  const size = await page.evaluate(() => document.getElementById('lab-canvas').width);
  const candidates = [];
  for (let fx = 0.05; fx < 1; fx += 0.1) for (let fy = 0.05; fy < 1; fy += 0.1) candidates.push([Math.floor(fx * size), Math.floor(fy * size)]);
  const before = await core(page);
  const classesBefore = await page.evaluate((pts) => pts.map(([i, j]) => window.descent.lab.predictPixel(i, j)), candidates);

  await page.locator('#lab [data-param="W[0,0]"]').fill('-3');
  await settle(page);
  const state = await core(page);
  assert.equal(state.theta[0], -3, 'the slider set W[0,0]');
  assert.deepEqual(state.theta.slice(1), before.theta.slice(1), 'and nothing else');

  // The table shows the core's rows, which are s = Wx + b computed independently here.
  const texts = await tableTexts(page);
  const w = state.width;
  for (let n = 0; n < state.points; n += 1) {
    const row = state.rows.slice(n * w, (n + 1) * w);
    const [x0, x1, y] = row;
    for (let k = 0; k < 3; k += 1) {
      const s = state.theta[2 * k] * x0 + state.theta[2 * k + 1] * x1 + state.theta[6 + k];
      assert.ok(Math.abs(row[3 + k] - s) < 1e-12, `s${k} of point ${n}`);
      assert.equal(texts[n][3 + k], s.toFixed(2).replace(/^-0\.00$/, '0.00'), `shown s${k} of point ${n}`);
    }
    assert.equal(texts[n][2], String(y));
    assert.equal(texts[n][6], row[6].toFixed(2), `shown L of point ${n}`);
  }
  const grid = await page.locator('[data-name="W[0,0]"] .value').textContent();
  assert.equal(grid, '-3.00');
  assert.equal(await page.locator('#data-loss').textContent(), state.data.toFixed(4));

  // Some probe pixel changed class, and every clear probe shows the predicted region colour.
  const classesAfter = await page.evaluate((pts) => pts.map(([i, j]) => window.descent.lab.predictPixel(i, j)), candidates);
  const flipped = candidates.filter((_, n) => classesBefore[n] !== classesAfter[n]);
  assert.ok(flipped.length > 0, 'the slider moved a boundary across some probe');
  const probes = await clearProbes(page, candidates);
  assert.ok(probes.length >= 20, `${probes.length} clear probes`);
  const pixels = await canvasPixels(page, '#lab-canvas', probes);
  const expected = await page.evaluate(
    (pts) => pts.map(([i, j]) => Array.from(window.descent.regionColor(window.descent.lab.predictPixel(i, j)))),
    probes,
  );
  probes.forEach(([i, j], n) => assert.deepEqual(pixels[n].slice(0, 3), expected[n], `pixel (${i}, ${j})`));
  const flippedClear = probes.filter(([i, j]) => flipped.some(([a, b]) => a === i && b === j));
  assert.ok(flippedClear.length > 0, 'a probe that changed class is among the checked ones');
  await screenshot(page, 'lab-w-slider');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('adding, dragging and removing points update N, the table and the loss', async () => {
  const page = await openLab(env);
  const box = await page.locator('#lab-canvas').boundingBox();
  // CSS position of a data point (the cs231n view spans [−1, 1]²).
  const at = (x, y) => [box.x + ((x + 1) / 2) * box.width, box.y + ((1 - y) / 2) * box.height];
  const before = await core(page);
  assert.equal(before.points, 9);

  await page.selectOption('#lab-add-class', '2');
  await page.mouse.click(...at(0.85, 0.85));
  await settle(page);
  let state = await core(page);
  assert.equal(state.points, 10, 'a click on empty canvas added a point');
  const added = state.rows.slice(9 * state.width, 10 * state.width);
  assert.ok(Math.abs(added[0] - 0.85) < 0.01 && Math.abs(added[1] - 0.85) < 0.01, `at ${added.slice(0, 2)}`);
  assert.equal(added[2], 2, 'of the selected class');
  assert.notEqual(state.data, before.data, 'the data loss changed');
  assert.equal(await page.locator('#data-loss').textContent(), state.data.toFixed(4));
  assert.equal((await tableTexts(page))[9][2], '2');

  // Drag it to (−0.8, −0.8).
  await page.mouse.move(...at(0.85, 0.85));
  await page.mouse.down();
  await page.mouse.move(...at(0.0, 0.0), { steps: 4 });
  await page.mouse.move(...at(-0.8, -0.8), { steps: 4 });
  await page.mouse.up();
  await settle(page);
  state = await core(page);
  assert.equal(state.points, 10);
  const moved = state.rows.slice(9 * state.width, 10 * state.width);
  assert.ok(Math.abs(moved[0] + 0.8) < 0.01 && Math.abs(moved[1] + 0.8) < 0.01, `moved to ${moved.slice(0, 2)}`);
  assert.equal((await tableTexts(page))[9][0], moved[0].toFixed(2));

  // Shift-click removes it.
  await page.keyboard.down('Shift');
  await page.mouse.click(...at(moved[0], moved[1]));
  await page.keyboard.up('Shift');
  await settle(page);
  state = await core(page);
  assert.equal(state.points, 9);
  assert.equal(state.data, before.data, 'back to the demo loss');
  assert.equal(Object.keys(await tableTexts(page)).length, 9);
  assert.equal(await page.locator('#data-loss').textContent(), before.data.toFixed(4));

  // A long press removes a point too.
  const first = at(0.5, 0.4);
  await page.mouse.move(...first);
  await page.mouse.down();
  await page.waitForTimeout(800);
  await page.mouse.up();
  await settle(page);
  state = await core(page);
  assert.equal(state.points, 8, 'a long press removed the point');
  assert.notEqual(state.rows[0], 0.5);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('hovering a point highlights its row, and hovering a row highlights the point', async () => {
  const page = await openLab(env);
  const box = await page.locator('#lab-canvas').boundingBox();
  await page.mouse.move(box.x + ((0.8 + 1) / 2) * box.width, box.y + ((1 - 0.3) / 2) * box.height);
  await settle(page);
  assert.equal(await page.evaluate(() => window.descent.lab.hover), 1);
  assert.deepEqual(await page.locator('#lab-table .table-row.hover').evaluateAll((rows) => rows.map((r) => r.dataset.index)), ['1']);
  await page.locator('#lab-table .table-row[data-index="5"]').hover();
  await settle(page);
  assert.equal(await page.evaluate(() => window.descent.lab.hover), 5);
  assert.deepEqual(await page.locator('#lab-table .table-row.hover').evaluateAll((rows) => rows.map((r) => r.dataset.index)), ['5']);
  await screenshot(page, 'lab-hover');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('×2 W keeps a zero SVM data loss and quadruples the L2 penalty', async () => {
  const page = await openLab(env);
  // W = [[3, 3], [−4, 2], [1, −5]], b = [0, 0, 0.5]: every point clears its margin.
  const theta = { 'W[0,0]': 3, 'W[0,1]': 3, 'W[1,0]': -4, 'W[1,1]': 2, 'W[2,0]': 1, 'W[2,1]': -5, 'b[0]': 0, 'b[1]': 0, 'b[2]': 0.5 };
  for (const [name, value] of Object.entries(theta)) await page.locator(`#lab [data-param="${name}"]`).fill(String(value));
  await settle(page);
  assert.equal(await page.locator('#data-loss').textContent(), '0.0000');
  assert.equal(await page.locator('#regularization-loss').textContent(), '6.4000');
  await page.click('#lab-double');
  await settle(page);
  assert.equal(await page.locator('#data-loss').textContent(), '0.0000');
  assert.equal(await page.locator('#regularization-loss').textContent(), '25.6000');
  assert.equal(await page.locator('[data-name="W[2,1]"] .value').textContent(), '-10.00');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('settings flow through names: the loss, λ on its log slider, the data, applicability', async () => {
  const page = await openLab(env);
  await page.selectOption('#lab [data-param="loss"]', 'softmax');
  await settle(page);
  assert.equal(await page.evaluate(() => window.descent.lab.get('loss')), 'softmax');
  assert.ok(await page.locator('#lab [data-param="margin"]').isDisabled(), 'Δ means nothing for softmax');
  // λ's slider holds log₁₀ λ: position −2 sets λ = 0.01.
  await page.locator('#lab [data-param="lambda"]').fill('-2');
  await settle(page);
  assert.equal(await page.evaluate(() => window.descent.lab.get('lambda')), '0.01');
  assert.equal(await page.locator('output[for="lab-lambda"]').textContent(), '0.01');
  const state = await core(page);
  assert.equal(await page.locator('#regularization-loss').textContent(), (0.01 * 35).toFixed(4));
  assert.equal(await page.locator('#total-loss').textContent(), state.total.toFixed(4));
  // A bigger dataset: blobs with five classes; the grid and table follow the new shape.
  await page.selectOption('#lab [data-param="dataset"]', 'blobs');
  await page.locator('#lab [data-param="classes"]').fill('5');
  await page.locator('#lab [data-param="points"]').fill('1000');
  await page.locator('#lab [data-param="points"]').dispatchEvent('change');
  await settle(page);
  const big = await core(page);
  assert.equal(big.points, 1000);
  assert.equal(big.classes, 5);
  assert.equal(await page.locator('#lab-params .param').count(), 15);
  assert.equal(await page.locator('#lab-table .table-head span').count(), 3 + 5 + 1);
  assert.ok((await page.locator('#lab-table .table-row:not([hidden])').count()) < 40, 'only the visible rows exist');
  // Scrolling to the end shows the last rows, and the mean row stays.
  await page.locator('#lab-table .table-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await settle(page);
  const indices = Object.keys(await tableTexts(page)).map(Number);
  assert.ok(indices.includes(999), `rows ${Math.min(...indices)}–${Math.max(...indices)}`);
  assert.equal(await page.locator('#lab-table .table-foot .mean').textContent(), big.data.toFixed(2));
  // A bad value is refused with a clear message and changes nothing.
  await page.locator('#lab [data-param="points"]').fill('0');
  await page.locator('#lab [data-param="points"]').dispatchEvent('change');
  assert.match(await page.locator('#notice').textContent(), /points must be a whole number from 1/);
  assert.equal(await page.locator('#lab [data-param="points"]').inputValue(), '1000', 'the control shows the kept value');
  assert.equal((await core(page)).points, 1000);
  assert.deepEqual(page.refusals, [await page.locator('#notice').textContent()], 'logged as a refusal, not an error');
  // The notice floats over the page; a click puts it away.
  await page.locator('#notice').click();
  assert.ok(await page.locator('#notice').isHidden());
  await page.check('#lab [data-param="show-confidence"]');
  await settle(page);
  await screenshot(page, 'lab-blobs-softmax-confidence');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the gradient check passes for every parameter', async () => {
  const page = await openLab(env);
  await page.check('#lab [data-param="show-margins"]');
  await page.locator('.gradient-check summary').click();
  await page.click('#lab-check');
  const rows = await page.locator('#lab-check-table tr').evaluateAll((trs) => trs.slice(1).map((tr) => [tr.className, ...[...tr.children].map((td) => td.textContent)]));
  assert.equal(rows.length, 9);
  for (const [verdict, name, analytic, numeric, error] of rows) {
    assert.equal(verdict, 'pass', `${name}: ${analytic} vs ${numeric} (${error})`);
    assert.ok(Number(error) < 1e-6);
  }
  await settle(page);
  await screenshot(page, 'lab-margins-gradient-check');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The first page: the cs231n points, the regions of the demo's initial W and b at device-pixel
// resolution, and the losses, all as the core computes them.
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

for (const deviceScaleFactor of [1, 2]) {
  test(`regions match the core's predictions at devicePixelRatio ${deviceScaleFactor}`, async () => {
    const page = await openLab(env, { deviceScaleFactor });
    const size = await page.evaluate(() => {
      const canvas = document.getElementById('lab-canvas');
      const box = canvas.getBoundingClientRect();
      return { width: canvas.width, height: canvas.height, css: box.width, ratio: window.devicePixelRatio };
    });
    assert.equal(size.ratio, deviceScaleFactor);
    assert.equal(size.width, Math.round(size.css * deviceScaleFactor), 'backing store is in device pixels');

    // Probe a grid of pixels away from the marks (lines, points, axes, labels): each shows the
    // region colour of the class the core predicts at that pixel's centre.
    const probes = [];
    for (const fx of [0.1, 0.27, 0.55, 0.92]) {
      for (const fy of [0.08, 0.33, 0.58, 0.8]) {
        probes.push([Math.floor(fx * size.width), Math.floor(fy * size.height)]);
      }
    }
    const expected = await page.evaluate((points) => {
      const lab = window.descent.lab;
      return points.map(([x, y]) => {
        const k = lab.predictPixel(x, y);
        const around = [[-3, 0], [3, 0], [0, -3], [0, 3]].map(([dx, dy]) => lab.predictPixel(x + dx, y + dy));
        return { k, uniform: around.every((n) => n === k), color: Array.from(window.descent.regionColor(k)) };
      });
    }, probes);
    const pixels = await canvasPixels(page, '#lab-canvas', probes);
    let probed = 0;
    const seen = new Set();
    probes.forEach(([i, j], n) => {
      if (!expected[n].uniform) return; // within 3 px of a decision boundary, where a line is drawn
      assert.deepEqual(pixels[n].slice(0, 3), expected[n].color, `pixel (${i}, ${j}) shows class ${expected[n].k}'s region`);
      probed += 1;
      seen.add(expected[n].k);
    });
    assert.ok(probed >= 12, `only ${probed} probes were away from boundaries`);
    assert.equal(seen.size, 3, 'all three regions were probed');
    await screenshot(page, `foundation-dpr${deviceScaleFactor}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('the displayed losses are the core losses', async () => {
  const page = await openLab(env);
  const shown = await page.evaluate(() => ({
    data: document.getElementById('data-loss').textContent,
    regularization: document.getElementById('regularization-loss').textContent,
    total: document.getElementById('total-loss').textContent,
    core: {
      data: window.descent.lab.dataLoss,
      regularization: window.descent.lab.regularizationLoss,
      total: window.descent.lab.totalLoss,
    },
  }));
  for (const key of ['data', 'regularization', 'total']) {
    assert.equal(shown[key], shown.core[key].toFixed(4), `${key} loss`);
  }
  // λR(W) = 0.1 · ΣW² = 0.1 · 35 for the demo's initial W.
  assert.equal(shown.regularization, '3.5000');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The lab's layout on a 1920 × 1080 screen and on a 1280 × 720 projector: the panels do not
// overlap and nothing is cut (no menu, button, W/b cell or table cell clips its text, and the
// per-point table keeps its L_i column in view however many classes), in the opening state and
// with six classes after a divergence (the widest numbers). Screenshots land in the artifacts.
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

/** Room a menu keeps beside its text for the arrow, in CSS pixels (Chromium sizes a menu to its
 *  widest option plus 21). */
const ARROW = 20;

/** Everything the test checks, measured in the page. */
function measure(page) {
  return page.evaluate((arrow) => {
    const rect = (e) => e.getBoundingClientRect();
    const shown = (e) => e.offsetParent !== null;
    const panels = ['.lab-stage', '.lab-middle', '.lab-side', '.data-settings'].map((s) => [s, rect(document.querySelector(s))]);
    const overlaps = [];
    panels.forEach(([a, ra], i) =>
      panels.slice(i + 1).forEach(([b, rb]) => {
        const apart = ra.right <= rb.left || rb.right <= ra.left || ra.bottom <= rb.top || rb.bottom <= ra.top;
        if (!apart) overlaps.push(`${a} × ${b}`);
      }),
    );
    const context = document.createElement('canvas').getContext('2d');
    const cutMenus = [];
    for (const select of document.querySelectorAll('#lab select')) {
      if (!shown(select)) continue;
      const style = getComputedStyle(select);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      for (const option of select.options) {
        const width = context.measureText(option.textContent).width;
        if (width + arrow > select.clientWidth) cutMenus.push(`${select.dataset.param ?? select.id}: "${option.textContent}" (${Math.round(width)} px in ${select.clientWidth})`);
      }
    }
    const cutButtons = [...document.querySelectorAll('#lab button')]
      .filter((b) => shown(b) && b.scrollWidth > b.clientWidth)
      .map((b) => b.textContent);
    const cutParams = [...document.querySelectorAll('#lab-params .param')]
      .filter((p) => p.scrollWidth > p.clientWidth)
      .map((p) => `${p.dataset.name} = ${p.querySelector('.value').textContent}`);
    const scroller = document.querySelector('#lab-table .table-scroll');
    const box = rect(scroller);
    const rows = [...document.querySelectorAll('#lab-table .table-head, #lab-table .table-row:not([hidden])')];
    const cells = rows.flatMap((row) => [...row.children]);
    const cutCells = cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent);
    const lossOutOfView = rows
      .map((row) => rect(row.lastElementChild))
      .filter((r) => r.left < box.left - 0.5 || r.right > box.right + 0.5).length;
    return {
      overlaps,
      cutMenus,
      cutButtons,
      cutParams,
      cutCells,
      lossOutOfView,
      numbers: rows.slice(1).flatMap((row) => [...row.children].map((c) => c.textContent)),
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      tableOverflow: scroller.scrollWidth - scroller.clientWidth,
      canvas: rect(document.getElementById('lab-canvas')).toJSON(),
    };
  }, ARROW);
}

/** Asserts that nothing overlaps or is cut, and that the L_i column is in view. */
function assertTidy(m, where) {
  assert.deepEqual(m.overlaps, [], `${where}: panels overlap`);
  assert.deepEqual(m.cutMenus, [], `${where}: menus cut`);
  assert.deepEqual(m.cutButtons, [], `${where}: buttons cut`);
  assert.deepEqual(m.cutParams, [], `${where}: W and b cells cut`);
  assert.deepEqual(m.cutCells, [], `${where}: table cells cut`);
  assert.equal(m.lossOutOfView, 0, `${where}: L_i cells out of the table's view`);
  assert.ok(m.pageOverflow <= 0, `${where}: the page is ${m.pageOverflow} px too wide`);
  for (const text of m.numbers) {
    assert.ok(text.length <= 6 && Number.isFinite(Number(text)), `${where}: cell "${text}"`);
  }
}

for (const [width, height, canvasSize] of [
  [1920, 1080, 0.38 * 1920],
  [1280, 720, 0.38 * 1280],
]) {
  const size = `${width}x${height}`;

  test(`at ${size} the opening lab fits: no overlap, nothing cut, the whole table`, async () => {
    const page = await openLab(env, { width, height });
    const m = await measure(page);
    assertTidy(m, size);
    assert.ok(m.tableOverflow <= 0, `three classes fit the table (${m.tableOverflow} px over)`);
    assert.ok(Math.abs(m.canvas.width - canvasSize) < 1 && Math.abs(m.canvas.height - canvasSize) < 1, JSON.stringify(m.canvas));
    assert.ok(m.canvas.bottom <= height, 'the whole canvas is on the first screen');
    await screenshot(page, `lab-${size}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test(`at ${size} six classes after a divergence: every number fits its cell, L_i stays in view`, async () => {
    const page = await openLab(env, { width, height });
    await page.selectOption('#lab [data-param="dataset"]', 'blobs');
    await page.locator('#lab [data-param="classes"]').fill('6');
    await page.locator('#lab [data-param="lr"]').fill('2');
    await page.click('#lab-play');
    await page.waitForSelector('#lab-divergence:not([hidden])', { timeout: 5000 });
    await settle(page);
    const m = await measure(page);
    assertTidy(m, `${size}, diverged`);
    assert.ok(m.numbers.some((t) => /e/.test(t)), 'some numbers are large enough to need an exponent');
    if (width >= 1920) assert.ok(m.tableOverflow <= 0, `six classes fit at ${size}`);
    await screenshot(page, `lab-${size}-six-classes-diverged`);
    // Scrolled sideways, the scores pass under L_i, which stays.
    const scroller = page.locator('#lab-table .table-scroll');
    for (const fraction of [0.5, 1]) {
      await scroller.evaluate((el, f) => (el.scrollLeft = f * (el.scrollWidth - el.clientWidth)), fraction);
      await settle(page);
      assert.equal((await measure(page)).lossOutOfView, 0, `scrolled to ${fraction}`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('grid and table numbers take at most six characters and read back', async () => {
  const page = await openLab(env);
  const shown = await page.evaluate(async () => {
    const { compact } = await import('./lab-grid.js');
    return [1.234, -0.004, -12.345, 512.5, -999.94, 4321.6, -44000.2, 99999.4, 260000, -4.4e4, 1.23e12, -1.23e12, -4.4e42].map(compact);
  });
  assert.deepEqual(shown, ['1.23', '0.00', '-12.35', '512.5', '-999.9', '4322', '-44000', '99999', '2.6e5', '-44000', '1.2e12', '-1e12', '-4e42']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The optimizer race's layout on a 1280 × 800 laptop and a 1920 × 1080 screen: no control
// overlaps another or is cut (menus, buttons, the values in number fields), every control has
// a name, the page does not scroll sideways, each racer's hyperparameters sit in aligned cells
// (one line per racer on the wide screen, two at most on the laptop), and every preset's
// claim, leaderboard and measured numbers are on the first screen beside the canvas. Also
// with all eight racers added through "Add racer". Screenshots land in the artifacts.
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

/** Room a menu keeps beside its text for the arrow, in CSS pixels (as in lab-layout). */
const ARROW = 20;

/** Everything the test checks, measured in the page. */
function measure(page) {
  return page.evaluate((arrow) => {
    const race = document.getElementById('race');
    const rect = (e) => e.getBoundingClientRect();
    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const name = (e) => e.dataset.param ?? e.id ?? e.textContent;
    const controls = [...race.querySelectorAll('input, select, button, output')].filter(shown);
    // No two controls overlap (1 px of tolerance for borders that touch).
    const overlaps = [];
    controls.forEach((a, i) => {
      const ra = rect(a);
      for (const b of controls.slice(i + 1)) {
        const rb = rect(b);
        const apart = ra.right <= rb.left + 1 || rb.right <= ra.left + 1 || ra.bottom <= rb.top + 1 || rb.bottom <= ra.top + 1;
        if (!apart) overlaps.push(`${name(a)} × ${name(b)}`);
      }
    });
    // The blocks of the page do not overlap either.
    const blocks = ['.race-stage', '.race-controls', '.race-buttons', '.race-story', '.race-racers', '.race-charts', '.race-settings', '.race-schedule']
      .flatMap((s) => [...race.querySelectorAll(s)])
      .filter((e, i, all) => all.indexOf(e) === i && shown(e));
    const blockOverlaps = [];
    blocks.forEach((a, i) => {
      const ra = rect(a);
      for (const b of blocks.slice(i + 1)) {
        const rb = rect(b);
        const apart = ra.right <= rb.left || rb.right <= ra.left || ra.bottom <= rb.top || rb.bottom <= ra.top;
        if (!apart) blockOverlaps.push(`${a.className} × ${b.className}`);
      }
    });
    const context = document.createElement('canvas').getContext('2d');
    const cutMenus = [];
    for (const select of controls.filter((c) => c.tagName === 'SELECT')) {
      const style = getComputedStyle(select);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      for (const option of select.options) {
        const width = context.measureText(option.textContent).width;
        if (width + arrow > select.clientWidth) cutMenus.push(`${name(select)}: "${option.textContent}" (${Math.round(width)} px in ${select.clientWidth})`);
      }
    }
    const cutButtons = controls.filter((c) => c.tagName === 'BUTTON' && c.scrollWidth > c.clientWidth).map((b) => b.textContent);
    // A number or text field shows its whole value (an input's scroll width is its text's,
    // spin buttons included, and a pixel for the caret).
    const cutValues = controls
      .filter((c) => c.tagName === 'INPUT' && (c.type === 'number' || c.type === 'text') && c.scrollWidth > c.clientWidth + 1)
      .map((input) => `${name(input)} = ${input.value} (${input.scrollWidth} px in ${input.clientWidth})`);
    // Every control has a name: an aria-label, a label around it, or a label for it.
    const unnamed = controls
      .filter((c) => c.tagName !== 'BUTTON' && c.tagName !== 'OUTPUT')
      .filter((c) => !c.getAttribute('aria-label') && !c.closest('label') && !(c.id && document.querySelector(`label[for="${c.id}"]`)))
      .map(name);
    const outside = controls.filter((c) => rect(c).right > window.innerWidth || rect(c).left < 0).map(name);
    // Each racing row: its lines (distinct rows of control centres) and where its cells start.
    const racers = [...race.querySelectorAll('#race-racers .race-racer')].filter(shown).map((row) => {
      const parts = [...row.querySelectorAll('.race-racer-main, .race-hypers')].filter(shown);
      // Lines: the centres of the racer's own controls (not its own schedule's), more than
      // half a control apart.
      const centres = [...row.querySelectorAll(':is(.race-racer-main, .race-hypers) :is(input, select)')]
        .filter(shown)
        .map((c) => (rect(c).top + rect(c).bottom) / 2)
        .sort((a, b) => a - b);
      return {
        lines: centres.filter((c, i) => i === 0 || c - centres[i - 1] > 10).length,
        method: rect(row.querySelector('[data-field="method"]')).left,
        hypers: [...row.querySelectorAll('.race-hypers label')].filter(shown).map((l) => Math.round(rect(l).left)),
        parts: parts.length,
      };
    });
    const story = ['#race-caption', '.race-leaderboard', '#race-claim'].map((s) => rect(document.querySelector(s)).bottom);
    return {
      overlaps,
      blockOverlaps,
      cutMenus,
      cutButtons,
      cutValues,
      unnamed,
      outside,
      racers,
      storyBottom: Math.max(...story),
      canvas: rect(document.getElementById('race-overlay')).toJSON(),
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  }, ARROW);
}

/** Asserts that nothing overlaps, is cut or lacks a name, and that the page does not scroll sideways. */
function assertTidy(m, where) {
  assert.deepEqual(m.overlaps, [], `${where}: controls overlap`);
  assert.deepEqual(m.blockOverlaps, [], `${where}: blocks overlap`);
  assert.deepEqual(m.cutMenus, [], `${where}: menus cut`);
  assert.deepEqual(m.cutButtons, [], `${where}: buttons cut`);
  assert.deepEqual(m.cutValues, [], `${where}: values cut`);
  assert.deepEqual(m.unnamed, [], `${where}: controls without a name`);
  assert.deepEqual(m.outside, [], `${where}: controls beyond the window`);
  assert.ok(m.pageOverflow <= 0, `${where}: the page is ${m.pageOverflow} px too wide`);
}

/** Asserts that racer rows line up: methods in one column, hyperparameter cells on a shared grid. */
function assertAligned(m, where, maxLines) {
  assert.ok(m.racers.length > 0, `${where}: racers shown`);
  const methods = new Set(m.racers.map((r) => Math.round(r.method)));
  assert.equal(methods.size, 1, `${where}: methods in one column (${[...methods]})`);
  const cells = new Set(m.racers.flatMap((r) => r.hypers));
  const columns = Math.max(...m.racers.map((r) => r.hypers.length));
  assert.ok(cells.size <= columns, `${where}: hyperparameter cells on one grid (${[...cells]})`);
  for (const r of m.racers) assert.ok(r.lines <= maxLines, `${where}: a racer takes ${r.lines} lines`);
}

/** Sets every racer slot's method to Adam (the most hyperparameters) by its menu. */
async function allAdam(page) {
  const menus = page.locator('#race-racers [data-field="method"]');
  for (let k = 0; k < (await menus.count()); k += 1) {
    if (await menus.nth(k).isVisible()) await menus.nth(k).selectOption('adam');
  }
}

// A racer takes at most three lines: its method, and its hyperparameters and own schedule on a
// shared grid (Adam has six with AMSGrad, L-BFGS seven with PyTorch's step options).
for (const [width, height, maxLines] of [
  [1280, 800, 3],
  [1920, 1080, 3],
]) {
  const size = `${width}x${height}`;

  test(`at ${size} every preset's claim, leaderboard and numbers show beside the canvas, tidily`, async () => {
    const page = await openLab(env, { hash: '#race', width, height });
    const presets = await page.evaluate(() => [...document.querySelectorAll('#race-preset option:not([disabled])')].map((o) => o.value));
    assert.equal(presets.length, 10);
    for (const preset of presets) {
      await page.selectOption('#race-preset', preset);
      await page.evaluate(() => {
        const button = document.getElementById('race-step');
        for (let i = 0; i < 200; i += 1) button.click();
      });
      await settle(page);
      const m = await measure(page);
      assertTidy(m, `${size}, ${preset}`);
      assertAligned(m, `${size}, ${preset}`, maxLines);
      assert.ok(m.storyBottom <= height, `${size}, ${preset}: the claim's numbers end at ${m.storyBottom}, below the first screen`);
      assert.ok(m.canvas.bottom <= height && m.canvas.width >= 480, `${size}, ${preset}: the canvas ${JSON.stringify(m.canvas)}`);
      if (preset === 'conditioning' || preset === 'adam-bias') await screenshot(page, `race-${size}-${preset}`);
    }
    // The classifier's slice: its two parameter menus instead of κ and θ.
    await page.selectOption('#race-surface-kind', 'classifier');
    await settle(page);
    const slice = await measure(page);
    assertTidy(slice, `${size}, classifier slice`);
    assert.equal(await page.isVisible('#race-slice-y'), true);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test(`at ${size} eight racers added one by one, Adam's hyperparameters and an own schedule stay tidy`, async () => {
    const page = await openLab(env, { hash: '#race', width, height });
    await page.selectOption('#race-preset', 'saddle');
    const shownRows = () => page.locator('#race-racers .race-racer:visible').count();
    assert.equal(await shownRows(), 3, 'the preset races three; the idle slots are tucked away');
    for (let n = 4; n <= 8; n += 1) {
      await page.click('#race-add');
      assert.equal(await shownRows(), n);
    }
    assert.equal(await page.isDisabled('#race-add'), true, 'no slot is left to add');
    const enabled = await page.evaluate(() => [0, 1, 2, 3, 4, 5, 6, 7].map((k) => window.descent.scenes.race.handle.get(`racer${k}.enabled`)));
    assert.deepEqual(enabled, Array(8).fill('true'));
    await allAdam(page);
    await page.check('#race-racer2-own-schedule');
    await page.fill('#race-racer4-eps', '0.00000001');
    await page.dispatchEvent('#race-racer4-eps', 'change');
    await settle(page);
    const m = await measure(page);
    await screenshot(page, `race-${size}-eight-racers`);
    assertTidy(m, `${size}, eight racers`);
    assertAligned(m, `${size}, eight racers`, maxLines);
    // Taking a racer out tucks its row away; "Add racer" brings that slot back.
    await page.uncheck('#race-racer5-enabled');
    assert.equal(await shownRows(), 7);
    assert.equal(await page.isDisabled('#race-add'), false);
    await page.click('#race-add');
    assert.equal(await page.isVisible('#race-racer5-method'), true);
    assert.equal(await page.evaluate(() => window.descent.scenes.race.handle.get('racer5.enabled')), 'true');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

// The lecture tour at 1280 × 720 (a projector): every step, walked by key and by button, opens
// its scene with its link's settings, shows its formulas typeset (MathML with a real size) in a
// panel that leaves the picture free, with no notice and no console error; a screenshot per
// step (tests/e2e/artifacts/tour-step-NN.png). tour=7 in an address opens step 7, a malformed
// value is refused with a notice, "Back to the step" undoes what the audience changed, Escape
// and the close button leave, the keys leave a field being typed in alone. Also on a phone
// (390 × 844), and the method pickers' typeset update rules.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, launch, openLab, settle } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** The steps, as the page has them. */
const steps = (page) => page.evaluate(async () => (await import('./tour-steps.js')).STEPS);

/** What the page shows now: the address, the notice, the panel's step, the shown scene, each
 *  formula's size, the tour panel's box and the visible picture's (the scene's first canvas). */
function state(page) {
  return page.evaluate(() => {
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    };
    const scene = document.querySelector('main > .scene:not([hidden])');
    const picture = [...scene.querySelectorAll('canvas')].find((c) => c.offsetParent !== null);
    const panel = document.getElementById('tour');
    return {
      hash: decodeURIComponent(location.hash),
      notice: document.getElementById('notice').hidden ? '' : document.getElementById('notice').textContent,
      count: panel.hidden ? null : panel.querySelector('.tour-count').textContent,
      scene: scene.id,
      formulas: [...panel.querySelectorAll('.tour-formulas math')].map((m) => [m.dataset.formula, box(m).width, box(m).height]),
      panel: panel.hidden ? null : box(panel),
      picture: picture ? box(picture) : null,
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    };
  });
}

/** The settings a step's link names (without the tour's), as [name, value] pairs. */
function linkSettings(link) {
  const query = link.split('?')[1];
  if (!query) return [];
  return query.split('&').map((part) => part.split('=').map(decodeURIComponent));
}

/** The value the shown scene (and view) reports for each named setting, from its settings
 *  table: what a link opened actually set. */
function settingValues(page, scene, view, names) {
  return page.evaluate(
    ([sceneId, viewId, wanted]) => {
      const handle = window.descent.scenes[sceneId].handle;
      const target = viewId ? handle[viewId] : handle;
      const table = JSON.parse(target.table());
      return wanted.map((name) => table.find((entry) => entry.name === name)?.value ?? null);
    },
    [scene, view, names],
  );
}

/** Checks that step `number` (1-based) is on screen as its link describes. */
async function checkStep(page, step, number, total) {
  await settle(page);
  const s = await state(page);
  const [sceneAndView] = step.link.slice(1).split('?');
  const [scene, view = null] = sceneAndView.split('/');
  assert.equal(s.count, `Step ${number} of ${total}`, step.title);
  assert.equal(s.notice, '', `step ${number}: no notice`);
  assert.equal(s.scene, scene, `step ${number} shows ${scene}`);
  assert.ok(s.hash.startsWith(`#${sceneAndView}`), `step ${number}: ${s.hash}`);
  assert.ok(s.hash.endsWith(`tour=${number}`), `step ${number}: the address carries the step (${s.hash})`);
  const settings = linkSettings(step.link);
  const values = await settingValues(page, scene, view, settings.map(([name]) => name));
  settings.forEach(([name, value], k) => {
    const shown = values[k];
    // A preset edited by the link's later settings reads "custom", as the race's menu does.
    const edited = name === 'preset' && settings.length > 1 && shown === 'custom';
    const same = edited || shown === value || (Number.isFinite(Number(value)) && Number(shown) === Number(value));
    assert.ok(same, `step ${number}: ${name} is ${shown}, the link says ${value}`);
  });
  assert.equal(s.formulas.length, step.formulas.length, `step ${number}: one typeset formula per name`);
  for (const [name, width, height] of s.formulas) {
    assert.ok(width > 40 && height > 12, `step ${number}: formula ${name} rendered (${width} × ${height})`);
  }
  // The panel never covers the picture.
  const p = s.panel;
  const c = s.picture ?? { left: 0, right: 0, top: 0, bottom: 0 };
  const apart = p.right <= c.left || c.right <= p.left || p.bottom <= c.top || c.bottom <= p.top;
  assert.ok(apart, `step ${number}: the panel ${JSON.stringify(p)} covers the picture ${JSON.stringify(c)}`);
  assert.ok(p.top >= 0 && p.bottom <= 720 && p.right <= 1280, `step ${number}: the panel fits the screen`);
}

test('every step by key, then back by button: its scene, its settings, its formulas, the picture free', async () => {
  const page = await openLab(env, { width: 1280, height: 720 });
  const all = await steps(page);
  assert.ok(all.length >= 18, `${all.length} steps`);
  await page.keyboard.press('t');
  for (let k = 1; k <= all.length; k += 1) {
    await checkStep(page, all[k - 1], k, all.length);
    await page.screenshot({ path: `${ARTIFACTS}tour-step-${String(k).padStart(2, '0')}.png` });
    if (k < all.length) await page.keyboard.press(k % 2 ? 'ArrowRight' : 'PageDown');
  }
  // → at the last step stays there.
  await page.keyboard.press('ArrowRight');
  assert.equal((await state(page)).count, `Step ${all.length} of ${all.length}`);
  for (let k = all.length - 1; k >= 1; k -= 1) {
    await page.click('[data-tour="previous"]');
    await checkStep(page, all[k - 1], k, all.length);
  }
  assert.ok(await page.isDisabled('[data-tour="previous"]'), 'no step before the first');
  await page.click('[data-tour="next"]');
  await checkStep(page, all[1], 2, all.length);
  await page.keyboard.press('PageUp');
  await checkStep(page, all[0], 1, all.length);
  await page.keyboard.press('ArrowLeft');
  assert.equal((await state(page)).count, `Step 1 of ${all.length}`);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.refusals, []);
  await page.context().close();
});

test('tour=7 in an address opens step 7; a malformed step is refused with a notice', async () => {
  const page = await openLab(env, { width: 1280, height: 720, hash: '#tour=7' });
  const all = await steps(page);
  await checkStep(page, all[6], 7, all.length);
  // The address names the scene only: the step's prepared link opens.
  await page.goto(`${env.url}#race?tour=16`);
  await page.waitForFunction(() => document.querySelector('.tour-count')?.textContent.startsWith('Step 16 of'));
  await checkStep(page, all[15], 16, all.length);
  // A link shared mid-step keeps its own settings and the step's panel.
  await page.goto(`${env.url}#lab?loss=softmax&lr=0.5&tour=13`);
  await page.waitForFunction(() => location.hash.includes('lr=0.5') && location.hash.includes('tour=13'));
  const shared = await state(page);
  assert.equal(shared.count, `Step 13 of ${all.length}`);
  for (const bad of ['abc', '0', '99', '7.5', '', '%E0%A4']) {
    await page.goto(`${env.url}#lab?loss=softmax&tour=${bad}`);
    await page.waitForFunction(() => !document.getElementById('notice').hidden);
    const s = await state(page);
    assert.equal(s.count, null, `tour=${bad}: no tour`);
    const shown = bad === '' ? 'tour' : `tour=${bad}`;
    // (A value that is no UTF-8 is named as written.)
    assert.equal(s.notice, `This link's ${shown} was ignored: the tour's steps are numbered 1 to ${all.length}.`);
    assert.equal(s.hash, '#lab?loss=softmax', 'the rest of the link applies');
  }
  assert.equal(page.refusals.length, 6, page.refusals.join('\n'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Back to the step undoes the audience’s changes; Escape, T and × leave; fields keep their keys', async () => {
  const page = await openLab(env, { width: 1280, height: 720, hash: '#tour=14' });
  const all = await steps(page);
  const theta = await page.evaluate(() => [...window.descent.lab.theta()]);
  // The audience trains, then asks for a 10× larger learning rate (a new run from there).
  await page.click('#lab-step');
  await page.click('#lab-step');
  await settle(page);
  assert.equal(await page.textContent('#lab-steps'), '2');
  const lr = await page.evaluate(() => window.descent.lab.get('lr'));
  await page.evaluate((value) => window.descent.lab.set('lr', value), String(Number(lr) * 10));
  await page.click('#lab-step');
  await settle(page);
  assert.notDeepEqual(await page.evaluate(() => [...window.descent.lab.theta()]), theta);
  await page.click('[data-tour="restore"]');
  await checkStep(page, all[13], 14, all.length);
  assert.equal(await page.textContent('#lab-steps'), '0', 'back at step 0 of the run');
  assert.equal(await page.evaluate(() => window.descent.lab.get('lr')), lr, 'the step’s learning rate');
  assert.deepEqual(await page.evaluate(() => [...window.descent.lab.theta()]), theta, 'the step’s W and b');
  // A race that ran goes back to its start too.
  await page.click('[data-tour="next"]');
  await page.click('[data-tour="next"]');
  await checkStep(page, all[15], 16, all.length);
  await page.click('#race-step');
  await page.click('#race-step');
  assert.equal(await page.textContent('#race-clock'), '2');
  await page.click('[data-tour="restore"]');
  await checkStep(page, all[15], 16, all.length);
  assert.equal(await page.textContent('#race-clock'), '0');
  // Folding leaves the title and buttons, from step to step, until unfolded.
  const tall = (await state(page)).panel.height;
  await page.click('[data-tour="fold"]');
  await page.keyboard.press('ArrowRight');
  let folded = await state(page);
  assert.equal(folded.count, `Step 17 of ${all.length}`);
  assert.ok(folded.panel.height < tall / 2, `${folded.panel.height} of ${tall}`);
  assert.ok(folded.formulas.every(([, width]) => width === 0), 'formulas folded away');
  await page.click('[data-tour="fold"]');
  await page.keyboard.press('ArrowLeft');
  folded = await state(page);
  assert.ok(folded.panel.height > tall * 0.8 && folded.formulas.every(([, width]) => width > 40));
  // Keys typed into a field stay there.
  await page.focus('#race-seed');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('t');
  assert.equal((await state(page)).count, `Step 16 of ${all.length}`);
  // Keys with a modifier are the browser's.
  await page.focus('body');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Alt+ArrowRight');
  assert.equal((await state(page)).count, `Step 16 of ${all.length}`);
  await page.keyboard.press('Escape');
  let s = await state(page);
  assert.equal(s.count, null, 'Escape leaves');
  assert.ok(!s.hash.includes('tour='), s.hash);
  await page.keyboard.press('T');
  await checkStep(page, all[0], 1, all.length);
  await page.click('#tour-button');
  assert.equal((await state(page)).count, null, 'the Tour button leaves too');
  await page.click('#tour-button');
  await page.click('[data-tour="close"]');
  s = await state(page);
  assert.equal(s.count, null, '× leaves');
  assert.ok(!s.hash.includes('tour='), s.hash);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a phone the tour is a sheet along the bottom: no sideways scroll, every step reachable', async () => {
  const page = await openLab(env, { width: 390, height: 844, hash: '#tour=4', isMobile: true, hasTouch: true });
  const all = await steps(page);
  for (const number of [4, 20, 24]) {
    if (number !== 4) await page.goto(`${env.url}#tour=${number}`);
    await page.waitForFunction((n) => document.querySelector('.tour-count')?.textContent.startsWith(`Step ${n} `), number);
    await settle(page);
    const s = await state(page);
    assert.equal(s.notice, '');
    assert.ok(s.scrollWidth <= s.innerWidth, `no sideways scroll (${s.scrollWidth} > ${s.innerWidth})`);
    assert.ok(s.panel.left >= 0 && s.panel.right <= 390 && s.panel.bottom <= 844.5 && s.panel.height <= 0.43 * 844, JSON.stringify(s.panel));
    assert.ok(s.formulas.every(([, width, height]) => width > 40 && height > 12));
    await page.screenshot({ path: `${ARTIFACTS}tour-phone-step-${String(number).padStart(2, '0')}.png` });
  }
  await page.tap('[data-tour="next"]');
  await page.waitForFunction((n) => document.querySelector('.tour-count')?.textContent.startsWith(`Step ${n} `), 25);
  assert.equal(all[24].link.split('?')[0], '#lab');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the method pickers show the chosen update rule in MathML, the text rule as its label', async () => {
  const page = await openLab(env, { width: 1280, height: 720, hash: '#lab?method=nesterov' });
  const rule = () =>
    page.evaluate(() => {
      const math = document.querySelector('.optimizer-settings [data-detail="method"] math');
      const r = math?.getBoundingClientRect();
      return math && { formula: math.dataset.formula, label: math.getAttribute('aria-label'), width: r.width, height: r.height };
    });
  let shown = await rule();
  assert.equal(shown.formula, 'nesterov');
  assert.equal(shown.label, 'v ← ρv − α∇L(θ + ρv);  θ ← θ + v');
  assert.ok(shown.width > 100 && shown.height > 30, JSON.stringify(shown));
  await page.selectOption('.optimizer-settings [data-param="method"]', 'adam');
  shown = await rule();
  assert.equal(shown.formula, 'adam');
  assert.ok(shown.height > 60, 'three lines');
  // A method the lecture writes no rule for keeps its text.
  await page.selectOption('.optimizer-settings [data-param="method"]', 'rprop');
  assert.equal(await rule(), null);
  assert.match(await page.textContent('.optimizer-settings [data-detail="method"]'), /Δᵢ ← Δᵢη⁺/);
  // Each racer's row.
  await page.goto(`${env.url}#race?preset=conditioning`);
  await page.waitForSelector('[data-detail="racer1.method"] math');
  const racers = await page.evaluate(() =>
    [0, 1, 2].map((k) => {
      const math = document.querySelector(`[data-detail="racer${k}.method"] math`);
      return [math.dataset.formula, math.getBoundingClientRect().width > 60];
    }),
  );
  assert.deepEqual(racers, [
    ['sgd', true],
    ['momentum', true],
    ['nesterov', true],
  ]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

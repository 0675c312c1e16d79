// The keyboard at 1280 × 720 (keys.js): each shortcut on the scene shown, none while typing in
// a field or with Alt held, the shortcuts' overlay built from the table, the tab bar's arrows,
// a visible focus ring on every Tab stop, and tab clicks that never scroll the page.
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

const SIZE = { width: 1280, height: 720 };
const text = (page, selector) => page.locator(selector).textContent();
/** A setting's value as the scene's table has it. */
const setting = (page, scene, name) =>
  page.evaluate(([s, n]) => JSON.parse(window.descent.scenes[s].handle.table()).find((e) => e.name === n).value, [scene, name]);

test('Space, S, R, [ ] and 1–9 act on the lab through its buttons and settings', async () => {
  const page = await openLab(env, SIZE);
  await page.keyboard.press('s');
  await page.keyboard.press('S');
  await settle(page);
  assert.equal(await text(page, '#lab-steps'), '2');
  await page.keyboard.press('r');
  await settle(page);
  assert.equal(await text(page, '#lab-steps'), '0');
  await page.keyboard.press(' ');
  await settle(page);
  assert.equal(await text(page, '#lab-play'), 'Pause');
  await page.keyboard.press(' ');
  await settle(page);
  assert.equal(await text(page, '#lab-play'), 'Play');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'Space does not scroll the page');

  const rate = Number(await setting(page, 'lab', 'lr'));
  await page.keyboard.press(']');
  assert.equal(Number(await setting(page, 'lab', 'lr')), 2 * rate);
  assert.equal(await text(page, 'output[for="lab-learning-rate"]'), String(2 * rate), 'the slider\'s value follows');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  assert.equal(Number(await setting(page, 'lab', 'lr')), rate / 2);
  // The link follows the change.
  await page.waitForFunction((lr) => location.hash.includes(`lr=${lr}`), String(rate / 2));
  // At the top of its range α stays, and the page says why.
  const max = await page.evaluate(() => JSON.parse(window.descent.lab.table()).find((e) => e.name === 'lr').max);
  for (let i = 0; i < 40; i += 1) await page.keyboard.press(']');
  assert.equal(Number(await setting(page, 'lab', 'lr')), max);
  assert.match(page.refusals.at(-1), /largest/);

  const options = await page.$$eval('#lab [data-param="method"] option', (list) => list.map((o) => o.value));
  await page.keyboard.press('3');
  assert.equal(await page.inputValue('#lab [data-param="method"]'), options[2]);
  assert.equal(await setting(page, 'lab', 'method'), options[2]);
  await page.keyboard.press('1');
  assert.equal(await setting(page, 'lab', 'method'), options[0]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('no shortcut fires while typing in a field or with Alt held', async () => {
  const page = await openLab(env, SIZE);
  await page.click('#lab-step');
  await page.click('#lab-step');
  const seed = page.locator('#lab [data-param="init-seed"]');
  await seed.focus();
  await page.keyboard.press('s');
  await page.keyboard.press('p');
  await page.keyboard.press(']');
  // In a menu a letter picks an option by its name, as always; it resets nothing.
  await page.locator('#lab [data-param="loss"]').focus();
  await page.keyboard.press('r');
  await page.locator('body').focus();
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Alt+s');
  await settle(page);
  assert.equal(await text(page, '#lab-steps'), '2');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('present')), false);
  assert.equal(await page.inputValue('#lab [data-param="init-seed"]'), '0', 'the field took no letters: it is a number');
  assert.equal(await text(page, 'output[for="lab-learning-rate"]'), await setting(page, 'lab', 'lr'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the race: Space, S, R, [ ] on every racing racer (the preset\'s caption then marked modified), 1–9 the presets', async () => {
  const page = await openLab(env, { ...SIZE, hash: '#race' });
  const presets = await page.$$eval('#race-preset option:not([disabled])', (list) => list.map((o) => o.value));
  await page.keyboard.press('2');
  assert.equal(await setting(page, 'race', 'preset'), presets[1]);
  const caption = await text(page, '#race-caption');
  assert.ok(caption.length > 40);
  const racing = await page.$$eval('#race-racers .race-racer:not([hidden])', (rows) => rows.map((row) => Number(row.dataset.racer)));
  assert.ok(racing.length >= 2);
  const rates = await Promise.all(racing.map((k) => setting(page, 'race', `racer${k}.lr`)));
  await page.keyboard.press(']');
  const doubled = await Promise.all(racing.map((k) => setting(page, 'race', `racer${k}.lr`)));
  assert.deepEqual(doubled.map(Number), rates.map((r) => 2 * Number(r)));
  // The preset is modified now: its caption stays, marked so.
  assert.equal(await page.inputValue('#race-preset'), 'custom');
  assert.equal(await text(page, '#race-caption'), `${caption} (modified)`);
  await page.keyboard.press('s');
  await settle(page);
  assert.equal(await text(page, '#race-clock'), '1');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => Number(document.getElementById('race-clock').textContent) > 3);
  await page.keyboard.press(' ');
  await page.keyboard.press('r');
  await settle(page);
  assert.equal(await text(page, '#race-clock'), '0');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('? lists every shortcut, Escape closes the list; P presenter mode; F fullscreen', async () => {
  const page = await openLab(env, SIZE);
  await page.keyboard.press('?');
  const rows = await page.$$eval('.keys-overlay tr', (list) => list.map((row) => row.textContent));
  assert.ok(rows.length >= 10, rows.join(' | '));
  for (const needed of ['Space', 'S', 'R', '[', ']', 'P', 'F', '?', 'Esc']) {
    assert.ok(rows.some((row) => row.startsWith(needed)), `the list names ${needed}`);
  }
  await screenshot(page, 'keys-overlay');
  // Shortcuts wait while the list is open.
  await page.keyboard.press('s');
  assert.equal(await text(page, '#lab-steps'), '0');
  // Tab stays inside the list (a modal dialog): the page behind never takes the focus.
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => document.activeElement === document.body || document.querySelector('.keys-overlay').contains(document.activeElement));
    assert.ok(inside, `Tab ${i + 1} keeps the focus in the list`);
  }
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.keys-overlay').count(), 0);
  // The header's ? button shows the same list.
  await page.click('#show-keys');
  assert.equal(await page.locator('.keys-overlay tr').count(), rows.length);
  await page.click('.keys-close');
  assert.equal(await page.locator('.keys-overlay').count(), 0);

  await page.keyboard.press('p');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('present')), true);
  await page.waitForFunction(() => location.hash.includes('present=1'));
  await page.keyboard.press('P');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('present')), false);

  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === null);
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.fullscreenElement === null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the tab bar: arrows move between the scenes; tab clicks and #lab leave the page at the top', async () => {
  const page = await openLab(env, { ...SIZE, hash: '#lab' });
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.focus('#tab-lab');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-race');
  assert.equal(await page.getAttribute('#tab-race', 'aria-selected'), 'true');
  assert.equal(await page.isVisible('#race'), true);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-lab', 'the arrows wrap around');
  await page.keyboard.press('End');
  assert.equal(await page.getAttribute('#tab-regularization', 'aria-selected'), 'true');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute('#tab-race', 'aria-selected'), 'true');
  // One Tab stop for the bar: the selected tab.
  assert.deepEqual(await page.$$eval('[role="tab"]', (tabs) => tabs.map((t) => t.tabIndex)), [-1, 0, -1]);
  for (const id of ['lab', 'race', 'regularization', 'lab']) {
    await page.click(`#tab-${id}`);
    await settle(page);
    assert.equal(await page.evaluate(() => window.scrollY), 0, `a click on ${id} leaves the page at the top`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Tab reaches the controls, each with a visible focus ring', async () => {
  const page = await openLab(env, SIZE);
  const stops = [];
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const e = document.activeElement;
        const style = getComputedStyle(e);
        return { name: e.id || e.dataset.param || e.textContent.trim().slice(0, 20), ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      }),
    );
  }
  const names = stops.map((s) => s.name);
  for (const needed of ['tab-lab', 'copy-link', 'present', 'lab-step', 'lab-play', 'lab-reset']) assert.ok(names.includes(needed), `Tab reaches ${needed}: ${names.join(', ')}`);
  assert.deepEqual(stops.filter((s) => !s.ring).map((s) => s.name), [], 'every stop shows a focus ring');
  await screenshot(page, 'keys-focus');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Shareable links in the real page: a link opens its scene, view and settings (the controls
// and the core agree), a state changed through the controls comes back from its address in a
// fresh page, the address follows without a history entry per change, Copy link copies it,
// malformed links show one notice, keep everything else and log no error, and refusals are
// logged as information, defects as errors.
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

const WIDE = { width: 1400, height: 1000 };

/** Opens a link in a fresh page. */
function openLink(hash, options = {}) {
  return openLab(env, { hash, ...WIDE, ...options });
}

/** The address's hash once it has followed the state (it waits FOLLOW_MS after a change). */
async function followed(page, expected) {
  await page.waitForFunction((hash) => location.hash === hash, expected, { timeout: 5000 });
  return page.evaluate(() => location.hash);
}

/** Waits until the address has caught up with the shown scene's link, and returns it. */
function settledHash(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const last = { hash: location.hash, since: performance.now() };
        const check = () => {
          if (location.hash !== last.hash) Object.assign(last, { hash: location.hash, since: performance.now() });
          if (performance.now() - last.since > 600) resolve(location.hash);
          else setTimeout(check, 50);
        };
        check();
      }),
  );
}

const notice = (page) => page.evaluate(() => (document.getElementById('notice').hidden ? null : document.getElementById('notice').textContent));
const value = (page, selector) => page.locator(selector).inputValue();
const output = (page, id) => page.locator(`output[for="${id}"]`).textContent();
const lab = (page, fn) => page.evaluate(fn);

test('a lab link sets the controls and the core', async () => {
  const hash = '#lab?loss=softmax&lambda=0.01&method=adam&lr=0.005';
  const page = await openLink(hash);
  assert.equal(await page.getAttribute('[role="tab"][data-scene="lab"]', 'aria-selected'), 'true');
  assert.equal(await value(page, '#lab select[data-param="loss"]'), 'softmax');
  assert.equal(await output(page, 'lab-lambda'), '0.01');
  assert.equal(await value(page, '#lab select[data-param="method"]'), 'adam');
  assert.equal(await output(page, 'lab-learning-rate'), '0.005');
  assert.equal(await page.isVisible('#lab [data-param="beta1"]'), true, "Adam's settings are shown");
  const core = await lab(page, () => ['loss', 'lambda', 'method', 'lr', 'beta1'].map((n) => window.descent.lab.get(n)));
  assert.deepEqual(core, ['softmax', '0.01', 'adam', '0.005', '0.9']);
  assert.equal(await page.textContent('#total-loss'), (await lab(page, () => window.descent.lab.totalLoss)).toFixed(4));
  assert.equal(await page.evaluate(() => location.hash), hash, 'the address is the link');
  assert.equal(await notice(page), null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link put in the address bar opens even when the page writes its address in the same moment', async () => {
  const page = await openLink('#race');
  // Copy link writes the address at once, before the new hash's hashchange runs: it must not
  // write the race's address over the link, which then opens.
  await page.evaluate(() => {
    window.location.hash = '#lab?method=adam';
    document.getElementById('copy-link').click();
  });
  await page.waitForFunction(() => window.descent.lab.get('method') === 'adam', null, { timeout: 5000 });
  assert.equal(await page.getAttribute('[role="tab"][data-scene="lab"]', 'aria-selected'), 'true');
  assert.equal(await followed(page, '#lab?method=adam'), '#lab?method=adam');
  await page.context().close();
});

test('a lab link with W and b set by hand opens at that run start', async () => {
  const page = await openLink('#lab?dataset=blobs&classes=4&points=60&W[3,1]=-2.5&b[3]=0.75&show-confidence=true');
  const core = await lab(page, () => ({ classes: window.descent.lab.classes, w: window.descent.lab.get('W[3,1]'), b: window.descent.lab.get('b[3]'), steps: window.descent.lab.steps }));
  assert.deepEqual(core, { classes: 4, w: '-2.5', b: '0.75', steps: 0 });
  assert.equal(await page.locator('#lab-params input[type="range"]').count(), 12, 'the grid has four rows of W and b');
  assert.equal(await page.isChecked('#lab [data-param="show-confidence"]'), true);
  assert.equal(await page.locator('#lab-add-class option').count(), 4);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a race link loads its preset and its changes', async () => {
  const page = await openLink('#race?preset=saddle');
  assert.equal(await page.getAttribute('[role="tab"][data-scene="race"]', 'aria-selected'), 'true');
  assert.equal(await value(page, '#race-preset'), 'saddle');
  const caption = await page.evaluate(() => window.descent.scenes.race.handle.caption());
  assert.ok(caption.length > 20);
  assert.equal(await page.textContent('#race-caption'), caption);
  await page.context().close();

  const tweaked = await openLink('#race?racer1.lr=0.03&preset=saddle');
  assert.equal(await value(tweaked, '#race-preset'), 'custom');
  assert.equal(await value(tweaked, '#race-racer1-lr'), '0.03');
  const surface = await tweaked.evaluate(() => window.descent.scenes.race.handle.get('surface'));
  assert.equal(await value(tweaked, '#race-surface-kind'), surface);
  assert.equal(await tweaked.evaluate(() => location.hash), '#race?preset=saddle&racer1.lr=0.03', 'in link order');
  assert.deepEqual(tweaked.problems, []);
  await tweaked.context().close();
});

test('a race link on the classifier slice takes the lab’s model', async () => {
  const page = await openLink('#race?surface=classifier&slice-x=W[1,0]&slice-y=b[2]');
  assert.equal(await value(page, '#race-surface-kind'), 'classifier');
  assert.equal(await value(page, '#race-slice-x'), 'W[1,0]');
  assert.equal(await value(page, '#race-slice-y'), 'b[2]');
  assert.equal(await notice(page), null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** Each regularization view: a link, and the controls and core values it must give. */
const VIEWS = [
  ['weights', 'penalty=l2&lambda=0.5&dataset=xor', { 'select[data-param="penalty"]': 'l2', 'select[data-param="dataset"]': 'xor' }, { penalty: 'l2', lambda: '0.5', dataset: 'xor' }],
  ['preferences', 'x.0=2&w2.3=0.5&beta=0.1', { 'input[data-param="x.0"]': '2', 'input[data-param="w2.3"]': '0.5', 'input[data-param="beta"]': '0.1' }, { 'x.0': '2', beta: '0.1' }],
  ['simpler', 'degree=3&lambda=0.001&seed=4', { 'input[data-param="degree"]': '3', 'input[data-param="seed"]': '4' }, { degree: '3', lambda: '0.001' }],
  ['landscape', 'directions=axes&seed=3&axis1=b[1]', { 'select[data-param="directions"]': 'axes', 'select[data-param="axis1"]': 'b[1]' }, { axis1: 'b[1]', seed: '3' }],
  ['gradient', 'loss=softmax&h=0.001&w.4=1.5', { 'select[data-param="loss"]': 'softmax', 'input[data-param="w.4"]': '1.5' }, { h: '0.001', 'w.4': '1.5' }],
  ['calculator', 'classes=4&examples=2&label.1=3&class.3=ship%20%26%20boat&margin=2', { 'input[data-param="class.3"]': 'ship & boat', 'select[data-param="label.1"]': '3', 'input[data-param="margin"]': '2' }, { classes: '4', 'class.3': 'ship & boat' }],
];

test('a link opens each regularization view with its settings', async () => {
  for (const [view, query, controls, core] of VIEWS) {
    const page = await openLink(`#regularization/${view}?${query}`);
    assert.equal(await page.getAttribute(`.subviews button[data-view="${view}"]`, 'aria-pressed'), 'true', view);
    assert.equal(await page.isVisible(`#reg-${view}`), true, view);
    for (const [selector, expected] of Object.entries(controls)) {
      assert.equal(await value(page, `#reg-${view} ${selector}`), expected, `${view}: ${selector}`);
    }
    const got = await page.evaluate(([name, names]) => names.map((n) => window.descent.scenes.regularization.handle[name].get(n)), [view, Object.keys(core)]);
    assert.deepEqual(got, Object.values(core), view);
    assert.equal(await notice(page), null, view);
    if (view === 'calculator') {
      assert.equal(await page.locator('#calculator-table tbody tr').count(), 5, 'four classes and the labels');
      await screenshot(page, 'links-calculator');
    }
    assert.deepEqual(page.problems, [], view);
    await page.context().close();
  }
});

/** Every setting a link carries, as the core reports it, and the link itself. */
function labState(page) {
  return page.evaluate(() => {
    const l = window.descent.lab;
    return { link: l.link(), theta: Array.from(l.theta()), steps: l.steps, classes: l.classes, total: l.totalLoss };
  });
}

test('round trip: the lab changed through its controls comes back from its address', async () => {
  const page = await openLink('');
  assert.equal(await page.evaluate(() => location.hash), '#lab', 'a fresh page links to the lab');
  const before = await page.evaluate(() => history.length);
  await page.selectOption('#lab select[data-param="dataset"]', 'blobs');
  await page.locator('#lab-classes').fill('4');
  await page.selectOption('#lab select[data-param="loss"]', 'softmax');
  await page.locator('#lab-lambda').fill('-2');
  await page.selectOption('#lab select[data-param="method"]', 'adam');
  await page.locator('#lab-learning-rate').fill('-1.5');
  await page.click('#lab-randomize');
  await page.click('#lab-double');
  await page.check('#lab [data-param="show-confidence"]');
  for (let i = 0; i < 5; i += 1) await page.click('#lab-step');
  const hash = await settledHash(page);
  assert.match(hash, /^#lab\?dataset=blobs&classes=4&init-seed=1&loss=softmax&lambda=0\.01&method=adam&lr=0\.0316&show-confidence=true&W\[0,0\]=/);
  assert.equal(await page.evaluate(() => history.length), before, 'no history entry per change');
  const original = await labState(page);
  assert.equal(original.steps, 5);

  const copy = await openLink(hash);
  const opened = await labState(copy);
  assert.equal(opened.link, original.link);
  assert.equal(await copy.evaluate(() => location.hash), hash);
  assert.match(hash, /&step=5$/, 'training is in the link');
  assert.equal(opened.steps, 5, 'the run was replayed to its step');
  assert.deepEqual(opened.theta, original.theta);
  // Both go on identically (the optimizer's state was replayed too).
  for (let i = 0; i < 5; i += 1) {
    await copy.click('#lab-step');
    await page.click('#lab-step');
  }
  assert.deepEqual((await labState(copy)).theta, (await labState(page)).theta);
  assert.equal(await copy.isChecked('#lab [data-param="show-confidence"]'), true);
  await screenshot(copy, 'links-lab-round-trip');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(copy.problems, []);
  await page.context().close();
  await copy.context().close();
});

test('round trip: the race and a regularization view', async () => {
  const page = await openLink('#race');
  await page.selectOption('#race-preset', 'noise');
  await page.fill('#race-racer2-lr', '0.02');
  await page.dispatchEvent('#race-racer2-lr', 'change');
  const box = await page.locator('#race-overlay').boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
  const hash = await settledHash(page);
  assert.match(hash, /^#race\?preset=noise&start=[-0-9.]+,[-0-9.]+&racer2\.lr=0\.02$/);
  const state = () => page.evaluate(() => ({ link: window.descent.scenes.race.handle.link(), start: window.descent.scenes.race.handle.get('start') }));
  const original = await state();
  const copy = await openLink(hash);
  assert.deepEqual(await copy.evaluate(() => ({ link: window.descent.scenes.race.handle.link(), start: window.descent.scenes.race.handle.get('start') })), original);
  assert.equal(await value(copy, '#race-racer2-lr'), '0.02');
  await screenshot(copy, 'links-race-round-trip');
  await copy.context().close();

  // A regularization view: the address names the view it shows.
  await page.click('[role="tab"][data-scene="regularization"]');
  await page.click('.subviews button[data-view="simpler"]');
  await page.locator('#simpler-degree').fill('4');
  const simpler = await settledHash(page);
  assert.equal(simpler, '#regularization/simpler?degree=4');
  const view = await openLink(simpler);
  assert.equal(await view.getAttribute('.subviews button[data-view="simpler"]', 'aria-pressed'), 'true');
  assert.equal(await view.evaluate(() => window.descent.scenes.regularization.handle.simpler.link()), 'degree=4');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(view.problems, []);
  await view.context().close();
  await page.context().close();
});

test('tabs make history entries; Back returns to the scene and its settings', async () => {
  const page = await openLink('#lab?loss=softmax');
  await page.click('[role="tab"][data-scene="race"]');
  await followed(page, '#race');
  await page.click('[role="tab"][data-scene="regularization"]');
  await followed(page, '#regularization/weights');
  await page.goBack();
  await followed(page, '#race');
  assert.equal(await page.getAttribute('[role="tab"][data-scene="race"]', 'aria-selected'), 'true');
  await page.goBack();
  await followed(page, '#lab?loss=softmax');
  assert.equal(await page.getAttribute('[role="tab"][data-scene="lab"]', 'aria-selected'), 'true');
  assert.equal(await value(page, '#lab select[data-param="loss"]'), 'softmax');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link pasted into the address bar of an open page is opened', async () => {
  const page = await openLink('#lab');
  for (let i = 0; i < 3; i += 1) await page.click('#lab-step');
  await page.evaluate(() => (location.hash = '#lab?regularizer=l1&lambda=0.5'));
  await followed(page, '#lab?regularizer=l1&lambda=0.5');
  await page.waitForFunction(() => window.descent.lab.get('regularizer') === 'l1');
  assert.equal(await value(page, '#lab select[data-param="regularizer"]'), 'l1');
  assert.equal(await output(page, 'lab-lambda'), '0.5');
  assert.equal(await lab(page, () => window.descent.lab.steps), 0, 'a new run');
  // The link of the state on screen (with the step reached) changes nothing: training goes on
  // where it was.
  for (let i = 0; i < 3; i += 1) await page.click('#lab-step');
  await page.evaluate(() => (location.hash = '#race'));
  await followed(page, '#race');
  await page.evaluate(() => (location.hash = '#lab?lambda=0.5&regularizer=l1&step=3'));
  await page.waitForFunction(() => !document.getElementById('lab').hidden);
  assert.equal(await lab(page, () => window.descent.lab.steps), 3);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Copy link copies the address, and says what it leaves out', async () => {
  const page = await openLink('#lab?loss=softmax');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('#lab-lambda').fill('-0.5');
  await page.click('#copy-link');
  await page.waitForFunction(() => document.getElementById('link-status').textContent !== '');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.evaluate(() => location.href), 'copied at once, not after the address caught up');
  assert.ok(copied.endsWith('#lab?loss=softmax&lambda=0.316'), copied);
  assert.equal(await page.textContent('#link-status'), 'Link copied.');
  // A point added by hand is in the link too (data=…).
  const box = await page.locator('#lab-canvas').boundingBox();
  await page.mouse.click(box.x + box.width * 0.12, box.y + box.height * 0.88);
  assert.equal(await lab(page, () => window.descent.lab.points), 10);
  await page.evaluate(() => (document.getElementById('link-status').textContent = ''));
  await page.click('#copy-link');
  await page.waitForFunction(() => document.getElementById('link-status').textContent !== '');
  assert.equal(await page.textContent('#link-status'), 'Link copied.');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /#lab\?data=[\w-]+&loss=softmax&lambda=0\.316$/);
  await screenshot(page, 'links-copied');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** Malformed links: the notice they give, what must still hold, the address they end at. */
const MALFORMED = [
  {
    name: 'a bad value',
    hash: '#lab?loss=softmax&lr=abc&lambda=0.01',
    notice: 'This link\'s setting lr=abc was ignored: lr must be a number from 1e-5 to 100, not "abc".',
    core: { loss: 'softmax', lambda: '0.01', lr: '0.1' },
    address: '#lab?loss=softmax&lambda=0.01',
  },
  {
    name: 'an unknown name and a word without a value',
    hash: '#lab?lamda=1&&regularizer=l1&beta',
    notice: 'This link\'s settings beta and lamda=1 were ignored. beta: it has no value (write beta=…). lamda=1: the lab has no setting named "lamda".',
    core: { regularizer: 'l1' },
    address: '#lab?regularizer=l1',
  },
  {
    name: 'an unknown scene',
    hash: '#labb?loss=softmax',
    notice: 'There is no scene "labb" (this link\'s settings loss=softmax were not applied); showing the classifier lab.',
    core: { loss: 'svm' },
    address: '#lab',
  },
  {
    name: 'a scene named like a property of every object',
    hash: '#constructor?x=1',
    notice: 'There is no scene "constructor" (this link\'s settings x=1 were not applied); showing the classifier lab.',
    core: {},
    address: '#lab',
  },
  {
    name: 'an unknown view',
    hash: '#regularization/landscap?seed=3',
    notice: 'The Regularization tab has no view "landscap" (this link\'s settings seed=3 were not applied); showing “Weight space”.',
    core: {},
    address: '#regularization/weights',
  },
  {
    name: 'garbage',
    hash: '#%E2%82%zz?%%%&=&&===x&lr=%FF',
    notice: null,
    core: { lr: '0.1' },
    address: '#lab',
  },
  {
    name: 'percent-encoding and stray characters around good settings',
    hash: '#%20LAB%20?&loss=soft%6Dax&&lambda=%200.5%20&',
    notice: null,
    core: { loss: 'softmax', lambda: '0.5' },
    address: '#lab?loss=softmax&lambda=0.5',
  },
];

test('malformed links: one notice, everything else applied, no error', async () => {
  for (const bad of MALFORMED) {
    const page = await openLink(bad.hash);
    const shown = await notice(page);
    if (bad.name === 'a bad value') await screenshot(page, 'links-malformed');
    if (bad.notice) {
      assert.equal(shown, bad.notice, bad.name);
      assert.deepEqual(page.refusals, [bad.notice], `${bad.name}: logged as a refusal`);
    } else if (bad.name === 'garbage') {
      const expected = 'There is no scene "\uFFFD%zz" (this link\'s settings %%%, =, ===x, lr=\uFFFD were not applied); showing the classifier lab.';
      assert.equal(shown, expected, bad.name);
    } else {
      assert.equal(shown, null, bad.name);
    }
    const core = await page.evaluate((names) => names.map((n) => window.descent.lab.get(n)), Object.keys(bad.core));
    assert.deepEqual(core, Object.values(bad.core), bad.name);
    assert.equal(await page.evaluate(() => location.hash), bad.address, bad.name);
    // The page works on: a step, then a setting, which clears the notice.
    await page.click('[role="tab"][data-scene="lab"]');
    await page.click('#lab-step');
    assert.equal(await lab(page, () => window.descent.lab.steps), 1, bad.name);
    await page.selectOption('#lab select[data-param="loss"]', 'ova');
    assert.equal(await notice(page), null, bad.name);
    assert.deepEqual(page.problems, [], bad.name);
    await page.context().close();
  }
  // The notice itself, as the user sees it.
  const page = await openLink('#race?preset=sadle&noise=-1&racer9.lr=1&steps-per-frame=3');
  const shown = await notice(page);
  assert.ok(shown.startsWith('This link\'s settings preset=sadle, noise=-1 and racer9.lr=1 were ignored.'), shown);
  assert.equal(await page.evaluate(() => window.descent.scenes.race.handle.get('steps-per-frame')), '3');
  await screenshot(page, 'links-malformed-race');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('refusals are logged as information, defects as errors', async () => {
  const page = await openLink('#lab');
  await page.evaluate(async () => {
    const ui = await import('./ui.js');
    ui.report(new Error('lambda must be a number, not "x"'));
    ui.report('There is no scene "x"');
    ui.report(new TypeError('a defect of the page'));
    ui.fail(new Error('a failed frame'));
  });
  await page.evaluate(() => null); // the console messages have arrived by this reply
  assert.deepEqual(page.refusals, ['lambda must be a number, not "x"', 'There is no scene "x"']);
  assert.equal(page.problems.length, 2);
  assert.match(page.problems[0], /^console error: TypeError: a defect of the page/);
  assert.match(page.problems[1], /^console error: Error: a failed frame/);
  assert.equal(await notice(page), 'a failed frame', 'each is shown');
  await page.context().close();
});

test('tab clicks and opened links leave the page at the top', async () => {
  for (const hash of ['#lab', '#race', '#regularization']) {
    const page = await openLab(env, { hash, width: 1280, height: 720 });
    await settle(page);
    assert.equal(await page.evaluate(() => window.scrollY), 0, `opening ${hash}`);
    await page.context().close();
  }
  const page = await openLab(env, { width: 1280, height: 720 });
  for (const scene of ['race', 'regularization', 'lab', 'race']) {
    await page.click(`[role="tab"][data-scene="${scene}"]`);
    await settle(page);
    assert.equal(await page.evaluate(() => window.scrollY), 0, `after the ${scene} tab`);
    assert.ok((await page.evaluate(() => location.hash)).startsWith(`#${scene}`), scene);
  }
  // Back still opens the scene before, through hashchange.
  await page.goBack();
  await page.waitForFunction(() => !document.getElementById('lab').hidden);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'after Back');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

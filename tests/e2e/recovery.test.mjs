// An internal error never kills a scene: a panic (forced through a scene's test-only hook, by
// the same path a button takes) stops that scene and says so, the other scenes keep working,
// and one button rebuilds it from its last link without a reload (the lab, the race and each
// regularization view). A canvas size past the largest
// is refused with a message before anything is allocated.
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

const readout = (page, id) => page.locator(`#${id}`).textContent();

test('a panic stops the lab with a plain message, the race goes on, Rebuild brings the lab back from its link', async () => {
  const page = await openLab(env, { width: 1280, height: 720, hash: '#lab?loss=softmax&lambda=0.01&method=adam&lr=0.05' });
  await page.click('#lab-step');
  await page.click('#lab-play');
  await settle(page);

  // The panic, through ui.js's attempt(), as every button's handler runs.
  await page.evaluate(async () => {
    const { attempt } = await import('./ui.js');
    attempt(() => window.descent.lab.panicForTests());
  });
  await settle(page);
  const banner = page.locator('#lab .crash');
  assert.ok(await banner.isVisible(), 'the lab says it stopped');
  assert.match(await banner.textContent(), /classifier lab hit an internal error and stopped/);
  assert.ok(await page.locator('#notice').isHidden(), 'the panic is not shown as a refusal');
  await screenshot(page, 'recovery-crashed');
  // The console has the panic (the hook's report and the page's), and nothing else.
  const panics = page.problems.splice(0);
  assert.ok(panics.length > 0 && panics.every((p) => /panic|unreachable|RuntimeError/i.test(p)), panics.join('\n'));

  // Nothing else asks the broken lab for anything: no error per frame.
  await page.waitForTimeout(300);
  assert.deepEqual(page.problems, []);

  // The race keeps working.
  await page.click('[data-scene="race"]');
  await page.click('#race-step');
  await settle(page);
  assert.equal(await readout(page, 'race-clock'), '1');
  assert.deepEqual(page.problems, []);

  // Back in the lab, one button rebuilds it as its link describes it.
  await page.click('[data-scene="lab"]');
  await page.locator('#lab .crash button').click();
  await settle(page);
  assert.equal(await page.locator('#lab .crash').count(), 0, 'the message goes');
  const state = await page.evaluate(() => ({
    loss: window.descent.lab.get('loss'),
    lambda: window.descent.lab.get('lambda'),
    method: window.descent.lab.get('method'),
    lr: window.descent.lab.get('lr'),
  }));
  assert.deepEqual(state, { loss: 'softmax', lambda: '0.01', method: 'adam', lr: '0.05' });
  assert.equal(await page.locator('#lab [data-param="loss"]').inputValue(), 'softmax', 'the panel follows');
  // The link carries the step training had reached when the address last followed the state
  // (250 ms after the last input: 0 or more, depending on when the panic came).
  const rebuilt = Number(await readout(page, 'lab-steps'));
  assert.ok(Number.isInteger(rebuilt) && rebuilt >= 0, `the rebuilt lab is at a step (${rebuilt})`);
  await page.click('#lab-step');
  await page.click('#lab-step');
  await settle(page);
  assert.equal(await readout(page, 'lab-steps'), String(rebuilt + 2), 'the rebuilt lab trains');
  assert.deepEqual(page.problems, []);
  await screenshot(page, 'recovery-rebuilt');
});

test('a canvas size past the largest is refused with a message and the lab goes on', async () => {
  const page = await openLab(env);
  for (const [w, h] of [
    [70000, 70000],
    [100000, 100000],
    [16385, 10],
  ]) {
    const message = await page.evaluate(([width, height]) => {
      try {
        window.descent.lab.resize(width, height, 1);
        return null;
      } catch (error) {
        return `${error.constructor.name}: ${error.message}`;
      }
    }, [w, h]);
    assert.match(message, /^Error: a canvas of \d+ × \d+ device pixels is larger than this page draws/);
  }
  await page.click('#lab-step');
  await settle(page);
  assert.equal(await readout(page, 'lab-steps'), '1');
  assert.deepEqual(page.problems, []);
});

test('a panic in the race stops only the race; Rebuild brings back its preset, and the lab trains meanwhile', async () => {
  const page = await openLab(env, { width: 1280, height: 720, hash: '#race?preset=saddle' });
  await page.evaluate(async () => {
    const { attempt } = await import('./ui.js');
    attempt(() => window.descent.scenes.race.handle.panicForTests());
  });
  await settle(page);
  assert.match(await page.locator('#race .crash').textContent(), /optimizer race hit an internal error and stopped/);
  const panics = page.problems.splice(0);
  assert.ok(panics.length > 0 && panics.every((p) => /panic|unreachable|RuntimeError/i.test(p)), panics.join('\n'));

  await page.click('[data-scene="lab"]');
  await page.click('#lab-step');
  await settle(page);
  assert.equal(await readout(page, 'lab-steps'), '1', 'the lab keeps working');

  await page.click('[data-scene="race"]');
  await page.locator('#race .crash button').click();
  await settle(page);
  assert.equal(await page.locator('#race .crash').count(), 0);
  assert.equal(await page.evaluate(() => window.descent.scenes.race.handle.get('preset')), 'saddle');
  await page.click('#race-step');
  await settle(page);
  assert.equal(await readout(page, 'race-clock'), '1', 'the rebuilt race runs');
  assert.deepEqual(page.problems, []);
  await screenshot(page, 'recovery-race-rebuilt');
});

test('a panic in a regularization view stops only that view; Rebuild brings it back from its link, and the lab trains meanwhile', async () => {
  const page = await openLab(env, { width: 1280, height: 720, hash: '#regularization/weights?penalty=l1&lambda=0.5' });
  await page.evaluate(async () => {
    const { attempt } = await import('./ui.js');
    attempt(() => window.descent.scenes.regularization.handle.weights.panicForTests());
  });
  await settle(page);
  assert.match(await page.locator('#regularization .crash').textContent(), /regularization hit an internal error and stopped/);
  assert.ok(await page.locator('#notice').isHidden(), 'the panic is not shown as a refusal');
  const panics = page.problems.splice(0);
  assert.ok(panics.length > 0 && panics.every((p) => /panic|unreachable|RuntimeError/i.test(p)), panics.join('\n'));
  // The stopped view is asked nothing, even when the window changes size.
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.waitForTimeout(300);
  assert.deepEqual(page.problems, []);

  await page.click('[data-scene="lab"]');
  await page.click('#lab-step');
  await settle(page);
  assert.equal(await readout(page, 'lab-steps'), '1', 'the lab keeps working');

  await page.click('[data-scene="regularization"]');
  await page.locator('#regularization .crash button').click();
  await settle(page);
  assert.equal(await page.locator('#regularization .crash').count(), 0);
  const weights = await page.evaluate(() => {
    const view = window.descent.scenes.regularization.handle.weights;
    return { penalty: view.get('penalty'), lambda: view.get('lambda') };
  });
  assert.deepEqual(weights, { penalty: 'l1', lambda: '0.5' }, 'rebuilt as its link describes it');
  assert.equal(await page.locator('#regularization [data-param="penalty"]').first().inputValue(), 'l1', 'the panel follows');
  // The rebuilt view answers its controls.
  await page.selectOption('.subview[data-view="weights"] [data-param="penalty"]', 'l2');
  await settle(page);
  assert.equal(await page.evaluate(() => window.descent.scenes.regularization.handle.weights.get('penalty')), 'l2');
  assert.deepEqual(page.problems, []);
  await screenshot(page, 'recovery-regularization-rebuilt');
});

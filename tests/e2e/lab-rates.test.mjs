// The lab's per-method rates in the page: after switching to each gradient method the issue
// names (SGD, both momentum forms, Nesterov, AdaGrad, RMSProp, Adam with and without bias
// correction, AdamW) through the page's menus, 100 clicks on Step train the default data to at
// least 90 % accuracy (src/lab/rate.rs chooses the rates; tests/scenes/lab_rates.rs checks them
// natively for every gradient method).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLab, settle } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** Each method with the settings that make its variant, as the page's controls set them. */
const METHODS = [
  ['sgd', {}],
  ['momentum', { form: 'gradient' }],
  ['momentum', { form: 'velocity' }],
  ['nesterov', {}],
  ['adagrad', {}],
  ['rmsprop', {}],
  ['adam', {}],
  ['adam', { 'bias-correction': false }],
  ['adamw', {}],
];

test('100 steps of each gradient method reach 90 % accuracy on the default lab data', async () => {
  const page = await openLab(env, { width: 1280, height: 720 });
  for (const [method, variant] of METHODS) {
    // A fresh lab for each: the page's own link to the default state.
    await page.goto(`${env.url}#lab`);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#lab [data-param="method"]', method);
    for (const [name, value] of Object.entries(variant)) {
      const control = page.locator(`#lab [data-param="${name}"]`);
      if (typeof value === 'boolean') await control.setChecked(value);
      else await control.selectOption(value);
      const set = await page.evaluate((n) => JSON.parse(window.descent.lab.table()).find((e) => e.name === n).value, name);
      assert.equal(set, String(value), `${method}: ${name} took`);
    }
    await page.evaluate(() => {
      const button = document.getElementById('lab-step');
      for (let i = 0; i < 100; i += 1) button.click();
    });
    await settle(page);
    const steps = await page.locator('#lab-steps').textContent();
    const accuracy = parseFloat(await page.locator('#lab-accuracy').textContent());
    const label = `${method} ${JSON.stringify(variant)} at α = ${await page.locator('#lab-lr').textContent()}`;
    assert.equal(steps, '100', label);
    assert.ok(accuracy >= 90, `${label}: ${accuracy} %`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

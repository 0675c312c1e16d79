// A racer whose loss keeps growing far above its start (SGD at α = 0.25 on the quadratic
// κ = 10, where plain gradient descent needs α < 0.2) is marked "diverging" on the leaderboard
// and named in the race's notice with what to change; a well-tuned racer beside it is not, and
// Reset clears both.
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

const LINK = '#race?surface=quadratic&kappa=10&angle=0&start=-1.5,1&noise=0&racer0.enabled=true&racer0.method=sgd&racer0.lr=0.1&racer1.enabled=true&racer1.method=sgd&racer1.lr=0.25&racer2.enabled=false';

/** The leaderboard's rows: [racer label, status]. */
const rows = (page) => page.$$eval('#race-leaderboard tr', (trs) => trs.map((tr) => [tr.dataset.racer, tr.lastElementChild.textContent, tr.classList.contains('diverged')]));

test('a racer whose loss keeps far above its start is marked diverging and named; Reset clears it', async () => {
  const page = await openLab(env, { hash: LINK, width: 1400, height: 1000 });
  await page.waitForSelector('#race:not([hidden])');
  const step = (n) =>
    page.evaluate((count) => {
      for (let i = 0; i < count; i += 1) document.getElementById('race-step').click();
    }, n);
  await step(9);
  await settle(page);
  assert.ok(await page.locator('#race-growth-warning').isHidden(), 'ten steps after the start are needed');
  await step(1);
  await settle(page);
  assert.deepEqual(await rows(page), [
    ['0', 'running', false],
    ['1', 'diverging', true],
  ]);
  const notice = page.locator('#race-growth-warning');
  assert.ok(await notice.isVisible());
  const text = await notice.textContent();
  assert.match(text, /^Racer 2 \(SGD α=0\.25\) is diverging: its loss has been above 10 × its start at 7 of its last 10 steps \(highest 1\.663e4\)\. Its steps overshoot: give it a smaller learning rate, then press Reset\.$/);
  await page.locator('.race-story').scrollIntoViewIfNeeded();
  await screenshot(page, 'race-growth');
  await page.click('#race-reset');
  await settle(page);
  assert.ok(await notice.isHidden(), 'Reset clears the notice');
  assert.deepEqual((await rows(page)).map((row) => row[1]), ['running', 'running']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

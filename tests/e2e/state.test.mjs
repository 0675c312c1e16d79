// The whole state survives: a reload keeps edited points and training (localStorage), a link
// opened in a fresh browser shows the sender's W, b, points and step (and the race its clock
// and trails on the sender's trained model), a corrupt saved state gives a notice and a
// working page, and "Reset to defaults" brings the scene shown back to a fresh page's.
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

/** What must be identical: the points (as CSV), W and b bit for bit (as text of every
 *  digit), the step, and what the page shows of them. */
function labState(page) {
  return page.evaluate(() => {
    const lab = window.descent.lab;
    return {
      csv: lab.toCsv(),
      theta: Array.from(lab.theta()).map((v) => v.toString()),
      steps: lab.steps,
      shownStep: document.getElementById('lab-steps').textContent,
      loss: document.getElementById('total-loss').textContent,
    };
  });
}

/** Adds a point on empty canvas (near its top left corner) and trains 12 steps with Adam. */
async function editAndTrain(page) {
  await page.selectOption('#lab [data-param="method"]', 'adam');
  const before = await page.evaluate(() => window.descent.lab.points);
  await page.locator('#lab-canvas').click({ position: { x: 25, y: 25 } });
  assert.equal(await page.evaluate(() => window.descent.lab.points), before + 1, 'a point was added');
  for (let i = 0; i < 12; i += 1) await page.click('#lab-step');
  await settle(page);
  return labState(page);
}

test('a reload keeps the points edited and the training done', async () => {
  const page = await openLab(env);
  await editAndTrain(page);
  // One more step once the address bar says step=12, and the reload at once: the bar follows
  // the state 250 ms after a change, so it still says 12; the saved state says 13, and wins.
  await page.waitForFunction(() => location.hash.includes('step=12'));
  await page.click('#lab-step');
  const edited = await labState(page);
  assert.equal(edited.steps, 13);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await settle(page);
  assert.deepEqual(await labState(page), edited);
  assert.equal(await page.isHidden('#notice'), true, 'no notice');
  await screenshot(page, 'state-reloaded');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a copied link opens in a fresh browser on the same W, b, points and step', async () => {
  const page = await openLab(env);
  const edited = await editAndTrain(page);
  await page.click('#copy-link');
  const hash = new URL(page.url()).hash;
  assert.match(hash, /^#lab\?.*data=.*&step=12/);
  const fresh = await openLab(env, { hash });
  assert.deepEqual(await labState(fresh), edited);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(fresh.problems, []);
  await page.context().close();
  await fresh.context().close();
});

test("a race link carries its clock and the lab's trained model it slices", async () => {
  const page = await openLab(env);
  await editAndTrain(page);
  await page.click('[role="tab"][data-scene="race"]');
  await page.selectOption('#race [data-param="surface"]', 'classifier');
  for (let i = 0; i < 9; i += 1) await page.click('#race-step');
  await settle(page);
  const race = () =>
    page.evaluate(() => {
      const handle = window.descent.scenes.race.handle;
      return { clock: handle.clock, trail: Array.from(handle.trajectory(0)).map(String) };
    });
  const sent = await race();
  assert.equal(sent.clock, 9);
  await page.click('#copy-link');
  const hash = new URL(page.url()).hash;
  assert.match(hash, /^#race\?.*clock=9&lab=/);
  const fresh = await openLab(env, { hash });
  const received = await fresh.evaluate(() => {
    const handle = window.descent.scenes.race.handle;
    return { clock: handle.clock, trail: Array.from(handle.trajectory(0)).map(String) };
  });
  assert.deepEqual(received, sent);
  assert.deepEqual(await labState(fresh), await labState(page));
  assert.deepEqual(fresh.problems, []);
  await page.context().close();
  await fresh.context().close();
});

/** Reloads the page with `text` stored as its saved state (written before the page's
 *  scripts run: the page itself saves its state as it unloads). */
async function reloadWithStored(page, text) {
  await page.addInitScript((value) => localStorage.setItem('descent.state', value), text);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
}

test('a corrupt or foreign saved state is discarded with a notice, and the page works', async () => {
  for (const [stored, said] of [
    ['{"version":1,"links":', /saved state could not be read \(.+\) and was discarded/],
    ['{"version":7,"links":{},"at":""}', /its version is 7, not 1/],
    ['{"version":1,"links":{"lab":3},"at":""}', /links\.lab is no text/],
  ]) {
    const page = await openLab(env);
    await reloadWithStored(page, stored);
    assert.match(await page.textContent('#notice'), said);
    await page.click('#lab-step');
    assert.equal(await page.evaluate(() => window.descent.lab.steps), 1, 'training works');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a saved state with settings this page refuses opens the rest and names them', async () => {
  const page = await openLab(env);
  await reloadWithStored(page, '{"version":1,"links":{"lab":"lambda=0.5&lr=abc&step=3"},"at":"#lab"}');
  assert.match(await page.textContent('#notice'), /saved state of the classifier lab: .*lr=abc was ignored/);
  assert.equal(await page.evaluate(() => window.descent.lab.get('lambda')), '0.5');
  assert.equal(await page.evaluate(() => window.descent.lab.steps), 3);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Reset to defaults brings the scene back to a fresh page, after a reload too', async () => {
  const page = await openLab(env);
  const fresh = await labState(page);
  await editAndTrain(page);
  await page.click('#reset-scene');
  await settle(page);
  assert.deepEqual(await labState(page), fresh);
  assert.equal(await page.inputValue('#lab [data-param="method"]'), 'sgd');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await settle(page);
  assert.deepEqual(await labState(page), fresh);
  assert.equal(new URL(page.url()).hash, '#lab');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

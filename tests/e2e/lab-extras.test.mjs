// The lab's extras for the lecture hall at 1280 × 720: gradient noise σ as a control that links
// carry (and a malformed one refused), the learning-rate chart shown only while a schedule is
// chosen, the loss chart's size with its legend outside the curves, and the links to the worked
// examples under Regularization.
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

const box = (page, selector) =>
  page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  }, selector);

test('gradient noise: a control, carried by links, replayed, refused when malformed', async () => {
  const page = await openLab(env, { width: 1280, height: 720, hash: '#lab?gradient-noise=0.5' });
  assert.equal(await page.evaluate(() => window.descent.lab.get('gradient-noise')), '0.5');
  assert.equal(await page.textContent('output[for="lab-gradient-noise"]'), '0.5');
  // Moving the slider to its left end is exact gradients again, and the address follows.
  await page.evaluate(() => {
    const slider = document.querySelector('[data-param="gradient-noise"]');
    slider.value = slider.min;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.equal(await page.evaluate(() => window.descent.lab.get('gradient-noise')), '0');
  await page.waitForFunction(() => !location.hash.includes('gradient-noise'));
  // A noisy run on a student's page replays the teacher's step for step.
  const hash = '#lab?dataset=blobs&batch-size=8&gradient-noise=0.3';
  const run = async (p) => {
    await p.goto(`${env.url}${hash}`);
    await p.waitForFunction((h) => location.hash === h, hash);
    for (let k = 0; k < 10; k += 1) await p.click('#lab-step');
    return p.evaluate(() => [...window.descent.lab.theta()]);
  };
  const student = await openLab(env, { width: 1280, height: 720 });
  assert.deepEqual(await run(page), await run(student));
  await page.goto(`${env.url}#lab?loss=softmax&gradient-noise=-1`);
  await page.waitForFunction(() => !document.getElementById('notice').hidden);
  assert.equal(
    await page.textContent('#notice'),
    'This link\'s setting gradient-noise=-1 was ignored: gradient-noise must be a number from 0 to 100, not "-1".',
  );
  assert.equal(page.refusals.length, 1);
  assert.deepEqual([...page.problems, ...student.problems], []);
  await student.context().close();
  await page.context().close();
});

test('the learning-rate chart shows while a schedule is chosen; the loss chart is large, its legend outside', async () => {
  const page = await openLab(env, { width: 1280, height: 720, hash: '#lab' });
  const hidden = () => page.evaluate(() => document.getElementById('lab-schedule-figure').hidden);
  assert.equal(await hidden(), true, 'constant rate: no schedule chart');
  const chart = await box(page, '#lab-chart');
  assert.ok(chart.width >= 340 && chart.height >= 250, JSON.stringify(chart));
  const legend = await box(page, '.chart-legend');
  assert.ok(legend.bottom <= chart.top, 'the legend sits above the curves');
  await page.selectOption('[data-param="schedule"]', 'cosine');
  await settle(page);
  assert.equal(await hidden(), false);
  const schedule = await box(page, '#lab-schedule-chart');
  assert.ok(schedule.width >= 300 && schedule.height >= 150, JSON.stringify(schedule));
  // The chart is drawn: its canvas has dark pixels (axes, the curve).
  const inked = await page.evaluate(() => {
    const c = document.getElementById('lab-schedule-chart');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 128) dark += 1;
    return dark;
  });
  assert.ok(inked > 200, `${inked} dark pixels`);
  await page.locator('#lab-schedule-figure').screenshot({ path: `${ARTIFACTS}lab-extras-schedule.png` });
  await page.selectOption('[data-param="schedule"]', 'constant');
  await settle(page);
  assert.equal(await hidden(), true);
  // A warmup alone changes the rate too.
  await page.goto(`${env.url}#lab?warmup=20`);
  await page.waitForFunction(() => !document.getElementById('lab-schedule-figure').hidden);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the worked examples are a click away from the lab', async () => {
  const page = await openLab(env, { width: 1280, height: 720, hash: '#lab' });
  await page.click('.worked-examples a[href="#regularization/calculator"]');
  await page.waitForFunction(() => !document.getElementById('reg-calculator').hidden);
  assert.match(await page.textContent('#calculator-steps'), /2\.9/);
  await page.goBack();
  await page.waitForFunction(() => !document.getElementById('lab').hidden);
  await page.click('.worked-examples a[href="#regularization/gradient"]');
  await page.waitForFunction(() => !document.getElementById('reg-gradient').hidden);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

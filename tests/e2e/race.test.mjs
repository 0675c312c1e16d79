// The optimizer race in the real page: every preset's claim in numbers after 200 steps,
// dragging the start, switching surfaces, divergence, the heatmap on the canvas, errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasPixels, launch, openLab, screenshot } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** Opens the page on the race. */
async function openRace(options = {}) {
  const page = await openLab(env, { hash: '#race', width: 1400, height: 1000, ...options });
  await page.waitForSelector('#race:not([hidden])');
  return page;
}

/** Clicks the Step button until the clock has gone `n` ticks further (in the page). On a
 *  loaded machine a tick can outrun its frame's budget: the frames finish it, and a click
 *  meanwhile would resume that tick rather than start another, so it waits for them. */
function clickStep(page, n) {
  return page.evaluate(async (count) => {
    const race = window.descent.scenes.race.handle;
    const button = document.getElementById('race-step');
    const target = race.clock + count;
    for (let tries = 0; race.clock < target && tries < 100 * count; tries += 1) {
      if (race.stepping) await new Promise((resolve) => requestAnimationFrame(resolve));
      else button.click();
    }
  }, n);
}

/** Racer k's recorded points as [[x, y], ...] and losses. */
function run(page, k) {
  return page.evaluate((index) => {
    const race = window.descent.scenes.race.handle;
    const flat = Array.from(race.trajectory(index));
    const points = [];
    for (let i = 0; i < flat.length; i += 2) points.push([flat[i], flat[i + 1]]);
    return { points, losses: Array.from(race.losses(index)) };
  }, k);
}

const last = (array) => array[array.length - 1];
const mean = (array) => array.reduce((a, b) => a + b, 0) / array.length;
const firstBelow = (losses, level) => losses.findIndex((f) => f < level);
/** Sign changes of the step's component along `direction` in the first `steps` steps. */
function reversals(points, direction, steps) {
  let count = 0;
  const along = (t) => (points[t][0] - points[t - 1][0]) * direction[0] + (points[t][1] - points[t - 1][1]) * direction[1];
  for (let t = 2; t <= Math.min(steps, points.length - 1); t += 1) if (along(t) * along(t - 1) < 0) count += 1;
  return count;
}

/** Each preset's claim, checked here from the racers' trajectories (independently of Rust's check). */
const CLAIMS = {
  async conditioning(page) {
    const [sgd, momentum, nesterov] = await Promise.all([0, 1, 2].map((k) => run(page, k)));
    const angle = (30 * Math.PI) / 180;
    const steep = [-Math.sin(angle), Math.cos(angle)];
    assert.ok(reversals(sgd.points, steep, 30) >= 25, 'SGD zig-zags');
    assert.ok(reversals(momentum.points, steep, 30) <= 10, 'momentum does not');
    assert.ok(reversals(nesterov.points, steep, 30) <= 10, 'Nesterov does not');
    assert.ok(100 * last(momentum.losses) < last(sgd.losses), 'momentum is far ahead');
    assert.ok(last(sgd.losses) > 1e-4, 'SGD still crawls along the valley');
  },
  async saddle(page) {
    const [sgd, rmsprop, adam] = await Promise.all([0, 1, 2].map((k) => run(page, k)));
    assert.ok(Math.abs(last(sgd.points)[1]) < 1e-3, `SGD's |y| = ${last(sgd.points)[1]}`);
    assert.ok(Math.abs(last(sgd.points)[0]) < 0.1, 'SGD sits at the saddle');
    assert.ok(Math.abs(last(rmsprop.points)[1]) > 1, "RMSProp's |y| > 1");
    assert.ok(Math.abs(last(adam.points)[1]) > 1, "Adam's |y| > 1");
  },
  async 'local-minima'(page) {
    const ends = await Promise.all([0, 1, 2, 3].map(async (k) => last((await run(page, k)).points)));
    const near = (p, q) => Math.hypot(p[0] - q[0], p[1] - q[1]) < 0.05;
    const local = [2.746802770990837, 2.746802770990837];
    const global = [-2.903534027771177, -2.903534027771177];
    for (const k of [0, 2, 3]) assert.ok(near(ends[k], local), `racer ${k} in the nearest local minimum: ${ends[k]}`);
    assert.ok(near(ends[1], global), `momentum in the global minimum: ${ends[1]}`);
  },
  async rastrigin(page) {
    const [sgd, momentum, adam] = await Promise.all([0, 1, 2].map((k) => run(page, k)));
    // Rastrigin's local minima near (±4, ±4) and (±2, ±2): f ≈ 31.84 and 7.96.
    assert.ok(Math.abs(last(sgd.losses) - 31.84) < 0.1, `SGD ${last(sgd.losses)}`);
    assert.ok(Math.abs(last(momentum.losses) - 7.96) < 0.1, `momentum ${last(momentum.losses)}`);
    assert.ok(Math.abs(last(adam.losses) - 7.96) < 0.1, `Adam ${last(adam.losses)}`);
  },
  async noise(page) {
    const [constant, step, cosine] = await Promise.all([0, 1, 2].map(async (k) => mean((await run(page, k)).losses.slice(-50))));
    assert.ok(constant >= 4 * step, `constant ${constant} vs step decay ${step}`);
    assert.ok(constant >= 4 * cosine, `constant ${constant} vs cosine ${cosine}`);
  },
  async 'adam-bias'(page) {
    const [corrected, almost] = await Promise.all([0, 1].map((k) => run(page, k)));
    const first = ({ points }) => Math.hypot(points[1][0] - points[0][0], points[1][1] - points[0][1]);
    const ratio = first(almost) / first(corrected);
    assert.ok(Math.abs(ratio - 0.1 / Math.sqrt(0.001)) < 0.01, `ratio ${ratio}`);
  },
  async 'second-order'(page) {
    const [newton, lbfgs, momentum, adam] = await Promise.all([0, 1, 2, 3].map((k) => run(page, k)));
    const newtonAt = firstBelow(newton.losses, 1e-8);
    const lbfgsAt = firstBelow(lbfgs.losses, 1e-8);
    assert.ok(newtonAt >= 0 && newtonAt <= 10, `Newton at ${newtonAt}`);
    assert.ok(lbfgsAt >= 0 && lbfgsAt <= 60, `L-BFGS at ${lbfgsAt}`);
    assert.equal(firstBelow(momentum.losses, 1e-8), -1);
    assert.equal(firstBelow(adam.losses, 1e-8), -1);
  },
  async 'lbfgs-noise'(page) {
    const [exact, noisy] = await Promise.all([0, 1].map((k) => run(page, k)));
    const exactAt = firstBelow(exact.losses, 1e-8);
    assert.ok(exactAt >= 0 && exactAt <= 60, `noise-free L-BFGS at ${exactAt}`);
    assert.ok(mean(noisy.losses.slice(-50)) > 1e-4, `noisy L-BFGS ${mean(noisy.losses.slice(-50))}`);
  },
  async amsgrad(page) {
    const [adam, amsgrad] = await Promise.all([0, 1].map(async (k) => (await run(page, k)).losses.slice(-50)));
    assert.ok(mean(adam) > 1e-4, `Adam keeps bouncing: ${mean(adam)}`);
    assert.ok(100 * mean(amsgrad) < mean(adam), `mean loss: AMSGrad ${mean(amsgrad)}, Adam ${mean(adam)}`);
    assert.ok(100 * Math.max(...amsgrad) < Math.max(...adam), `peak: AMSGrad ${Math.max(...amsgrad)}, Adam ${Math.max(...adam)}`);
  },
  async sgdr(page) {
    const [constant, cosine, restarts] = await Promise.all([0, 1, 2].map((k) => run(page, k)));
    assert.ok(Math.abs(last(constant.losses) - 31.84) < 0.1, `constant SGD ${last(constant.losses)}`);
    assert.ok(Math.abs(last(cosine.losses) - 17.91) < 0.1, `one cosine cycle ${last(cosine.losses)}`);
    const ends = restarts.losses.filter((_, t) => t > 0 && t % 20 === 0);
    assert.equal(ends[0], restarts.losses[20]);
    assert.ok(Math.abs(ends[0] - last(cosine.losses)) < 1e-9, 'the first cycle is the cosine one');
    for (let k = 1; k < ends.length; k += 1) assert.ok(ends[k] <= ends[k - 1] + 1e-3, `cycle ends ${ends}`);
    // The global minimum's basin: every other minimum has f ≥ 0.99.
    assert.ok(last(restarts.losses) < 0.5, `SGDR ends at ${last(restarts.losses)}`);
  },
};

test('every preset loads, runs 200 steps, and its claim holds in numbers', async () => {
  const page = await openRace();
  const presets = await page.evaluate(() => [...document.querySelectorAll('#race-preset option:not([disabled])')].map((o) => o.value));
  assert.deepEqual(presets.sort(), Object.keys(CLAIMS).sort());
  for (const preset of presets) {
    await page.selectOption('#race-preset', preset);
    const loaded = await page.evaluate(() => ({
      clock: document.getElementById('race-clock').textContent,
      caption: document.getElementById('race-caption').textContent,
      expected: window.descent.scenes.race.handle.caption(),
    }));
    assert.equal(loaded.clock, '0', `${preset} starts at step 0`);
    assert.ok(loaded.caption.length > 40 && loaded.caption === loaded.expected, `${preset}'s caption is shown`);
    await clickStep(page, 200);
    assert.equal(await page.textContent('#race-clock'), '200');
    await CLAIMS[preset](page);
    const claim = await page.evaluate(() => window.descent.scenes.race.handle.claim());
    assert.ok(claim.holds, `${preset}: ${claim.evidence}`);
    assert.match(await page.textContent('#race-claim'), /Now: /);
    await screenshot(page, `race-${preset}`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('dragging the start restarts every racer there', async () => {
  const page = await openRace();
  await page.selectOption('#race-preset', 'conditioning');
  await clickStep(page, 20);
  const box = await page.locator('#race-overlay').boundingBox();
  const ratio = await page.evaluate(() => window.devicePixelRatio);
  // From the start handle to the point (1, 1.5), in CSS pixels.
  const [from, to] = await page.evaluate(() => {
    const race = window.descent.scenes.race.handle;
    const [x, y] = race.get('start').split(',').map(Number);
    return [Array.from(race.toPixel(x, y)), Array.from(race.toPixel(1, 1.5))];
  });
  await page.mouse.move(box.x + from[0] / ratio, box.y + from[1] / ratio);
  await page.mouse.down();
  await page.mouse.move(box.x + (from[0] + to[0]) / 2 / ratio, box.y + (from[1] + to[1]) / 2 / ratio, { steps: 4 });
  await page.mouse.move(box.x + to[0] / ratio, box.y + to[1] / ratio, { steps: 4 });
  await page.mouse.up();
  const state = await page.evaluate(() => {
    const race = window.descent.scenes.race.handle;
    return {
      start: race.get('start').split(',').map(Number),
      clock: race.clock,
      shown: document.getElementById('race-start').value,
      runs: [0, 1, 2].map((k) => Array.from(race.trajectory(k))),
    };
  });
  // Within a pixel of (1, 1.5): the view spans 4 units over the canvas.
  const pixel = 4 / (box.width * ratio);
  assert.ok(Math.abs(state.start[0] - 1) <= pixel && Math.abs(state.start[1] - 1.5) <= pixel, `start ${state.start}`);
  assert.equal(state.clock, 0);
  assert.equal(state.shown, state.start.join(','));
  for (const points of state.runs) assert.deepEqual(points, state.start, 'each racer restarted at the start');
  await clickStep(page, 3);
  const moved = await run(page, 0);
  assert.equal(moved.points.length, 4);
  assert.deepEqual(moved.points[0], state.start);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('switching surfaces keeps racers and settings', async () => {
  const page = await openRace();
  await page.selectOption('#race-preset', 'saddle');
  await page.fill('#race-noise', '0.2');
  await page.dispatchEvent('#race-noise', 'change');
  const controls = async () =>
    page.evaluate(() =>
      [...document.querySelectorAll('#race-racers [data-param], #race-noise, #race-seed, #race-speed')].map((c) => [
        c.dataset.param ?? c.id,
        c.type === 'checkbox' ? c.checked : c.value,
      ]),
    );
  const before = await controls();
  await clickStep(page, 10);
  for (const surface of ['rosenbrock', 'himmelblau', 'quadratic']) {
    await page.selectOption('#race-surface-kind', surface);
    assert.deepEqual(await controls(), before, `racers and settings kept on ${surface}`);
    const state = await page.evaluate(() => {
      const race = window.descent.scenes.race.handle;
      return { clock: race.clock, start: race.get('start'), rows: race.leaderboard().length };
    });
    assert.equal(state.clock, 0);
    assert.equal(state.rows, 3, 'the same three racers');
    await clickStep(page, 5);
  }
  // The quadratic's κ and θ controls show only on the quadratic.
  assert.equal(await page.isVisible('#race-kappa'), true);
  await page.selectOption('#race-surface-kind', 'beale');
  assert.equal(await page.isVisible('#race-kappa'), false);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a diverging racer stops, says so, and the others go on', async () => {
  const page = await openRace();
  await page.selectOption('#race-preset', 'conditioning');
  await page.fill('#race-racer0-lr', '0.5');
  await page.dispatchEvent('#race-racer0-lr', 'change');
  await clickStep(page, 100);
  const board = await page.evaluate(() =>
    [...document.querySelectorAll('#race-leaderboard tr')].map((tr) => ({
      racer: Number(tr.dataset.racer),
      diverged: tr.classList.contains('diverged'),
      status: tr.lastElementChild.textContent,
    })),
  );
  const wild = board.find((row) => row.racer === 0);
  assert.ok(wild.diverged && /^diverged at step \d+/.test(wild.status), wild.status);
  assert.deepEqual(
    board.filter((row) => row.racer !== 0).map((row) => row.status),
    ['running', 'running'],
  );
  const steps = await page.evaluate(() => window.descent.scenes.race.handle.leaderboard().map((r) => [r.index, r.steps]));
  assert.deepEqual(steps.filter(([k]) => k !== 0).map(([, s]) => s), [100, 100]);
  const stopped = (await run(page, 0)).points;
  assert.ok(stopped.length < 100 && stopped.flat().every(Number.isFinite));
  await screenshot(page, 'race-diverged');
  // Reset brings it back.
  await page.click('#race-reset');
  assert.equal(await page.textContent('#race-clock'), '0');
  assert.ok(!(await page.evaluate(() => document.querySelector('#race-leaderboard tr.diverged'))));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const deviceScaleFactor of [1, 2]) {
  test(`the heatmap on the canvas is the core's, at devicePixelRatio ${deviceScaleFactor}`, async () => {
    const page = await openRace({ deviceScaleFactor });
    await page.selectOption('#race-preset', 'second-order');
    const size = await page.evaluate(() => {
      const canvas = document.getElementById('race-surface');
      return { width: canvas.width, css: canvas.getBoundingClientRect().width };
    });
    assert.equal(size.width, Math.round(size.css * deviceScaleFactor), 'backing store is in device pixels');
    const probes = [];
    for (const fx of [0.03, 0.21, 0.47, 0.66, 0.9]) for (const fy of [0.04, 0.3, 0.52, 0.77, 0.97]) probes.push([Math.floor(fx * size.width), Math.floor(fy * size.width)]);
    // One readback (a second would draw Chromium's willReadFrequently warning).
    probes.push([1, size.width - 2]);
    const shown = await canvasPixels(page, '#race-surface', probes);
    const expected = await page.evaluate((points) => points.map(([i, j]) => Array.from(window.descent.scenes.race.handle.heatmapPixel(i, j))), probes);
    assert.deepEqual(shown, expected);
    // Viridis's yellow end: Rosenbrock's far corner (−2, −1) is its highest point in view.
    const corner = last(shown);
    assert.deepEqual(corner, [0xfd, 0xe7, 0x25, 255], `corner ${corner}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('a refused value shows a clear notice and changes nothing', async () => {
  const page = await openRace();
  await page.fill('#race-noise', '-3');
  await page.dispatchEvent('#race-noise', 'change');
  assert.equal(await page.isVisible('#notice'), true);
  assert.match(await page.textContent('#notice'), /noise must be a number from 0 to 100, not "-3"/);
  assert.equal(await page.inputValue('#race-noise'), '0', 'the control shows the kept value');
  // The console has it as a refusal (ui.js's report), not as an error.
  assert.deepEqual(page.refusals, [await page.textContent('#notice')]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the classifier's own loss: a slice at the lab's current W and b", async () => {
  const page = await openRace();
  await page.selectOption('#race-surface-kind', 'classifier');
  assert.equal(await page.isVisible('#race-slice-x'), true);
  assert.equal(await page.isVisible('#race-kappa'), false);
  const names = await page.evaluate(() => [...document.querySelectorAll('#race-slice-x option')].map((o) => o.value));
  const lab = await page.evaluate(() => ({ names: window.descent.lab.paramNames(), theta: Array.from(window.descent.lab.theta()) }));
  assert.deepEqual(names, lab.names);
  await page.selectOption('#race-slice-x', 'W[1,0]');
  await page.selectOption('#race-slice-y', 'b[2]');
  const at = (name) => lab.theta[lab.names.indexOf(name)];
  const state = await page.evaluate(() => {
    const race = window.descent.scenes.race.handle;
    return { start: race.get('start'), loss: race.losses(0)[0], labLoss: window.descent.lab.totalLoss };
  });
  assert.equal(state.start, `${at('W[1,0]')},${at('b[2]')}`, 'the start is the lab’s current values');
  assert.ok(Math.abs(state.loss - state.labLoss) < 1e-12, `the race starts at the lab's loss ${state.labLoss}, not ${state.loss}`);
  await clickStep(page, 50);
  const losses = (await run(page, 0)).losses;
  assert.ok(last(losses) < losses[0], 'the racers lower the lab’s loss');
  await screenshot(page, 'race-classifier');
  // Change the lab's W[1,0], come back: the slice is cut at the new value, racers restarted.
  // A tab sets the URL's hash; the scene is shown (and redrawn) when the hashchange arrives.
  await page.click('[role="tab"][data-scene="lab"]');
  await page.waitForSelector('#lab:not([hidden])');
  await page.evaluate(() => {
    window.descent.lab.set('W[1,0]', '-1.5');
    window.descent.scenes.lab.redraw();
  });
  await page.click('[role="tab"][data-scene="race"]');
  await page.waitForSelector('#race:not([hidden])');
  const back = await page.evaluate(() => {
    const race = window.descent.scenes.race.handle;
    return { start: race.get('start'), clock: race.clock, labLoss: window.descent.lab.totalLoss, loss: race.losses(0)[0] };
  });
  assert.equal(back.start, `-1.5,${at('b[2]')}`);
  assert.equal(back.clock, 0);
  assert.ok(Math.abs(back.loss - back.labLoss) < 1e-12);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

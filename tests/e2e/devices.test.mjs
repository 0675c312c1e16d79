// Phones and tablets: on a 390 × 844 phone and an 820 × 1180 tablet in both orientations,
// every scene and every regularization view fits the width (the page never scrolls sideways;
// a wide table scrolls inside its own box), the picture comes before the controls on the
// phone, and every button, menu, tab and checkbox is at least 44 CSS px tall on these touch
// screens. On the phone a finger drags the race's start and a training point of the
// simpler-models view without scrolling the page, and the pictures that only show let a swipe
// scroll it. Screenshots land in the artifacts as devices-<scene>-<w>x<h>.png.
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

const DEVICES = [
  { name: 'phone', width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  { name: 'tablet portrait', width: 820, height: 1180, deviceScaleFactor: 2, hasTouch: true },
  { name: 'tablet landscape', width: 1180, height: 820, deviceScaleFactor: 2, hasTouch: true },
];

/** Each scene's address, its picture (none for the views that are tables) and the blocks of
 *  its controls, which must come after the picture on a phone. */
const SCENES = [
  { scene: 'lab', hash: '#lab', canvas: '#lab-canvas', controls: '.lab-middle, .lab-side, .data-settings' },
  { scene: 'race', hash: '#race', canvas: '#race-overlay', controls: '.race-panel' },
  { scene: 'weights', hash: '#regularization/weights', canvas: '#weights-canvas', controls: '#reg-weights .panel' },
  { scene: 'preferences', hash: '#regularization/preferences', canvas: null, controls: '#reg-preferences .panel' },
  { scene: 'simpler', hash: '#regularization/simpler', canvas: '#simpler-canvas', controls: '#reg-simpler .panel' },
  { scene: 'landscape', hash: '#regularization/landscape', canvas: '#landscape-canvas', controls: '#reg-landscape .panel' },
  { scene: 'gradient', hash: '#regularization/gradient', canvas: null, controls: '#reg-gradient .panel' },
  { scene: 'calculator', hash: '#regularization/calculator', canvas: null, controls: '#reg-calculator .panel' },
];

/** Touch targets shorter than this (CSS px, less half a pixel of rounding) fail. */
const TARGET = 44;

/** What the test checks, measured in the page: the widths, the picture's and the controls'
 *  positions, and every touch target shorter than `target`. */
function measure(page, { canvas, controls }) {
  return page.evaluate(
    ({ canvas, controls, target }) => {
      const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
      const scene = document.querySelector('.scene:not([hidden])');
      const blocks = [...document.querySelectorAll(controls)].filter(shown);
      const inputs = blocks.flatMap((b) => [...b.querySelectorAll('input, select, button')]).filter(shown);
      const name = (e) => e.getAttribute('aria-label') ?? e.dataset.param ?? e.dataset.field ?? e.dataset.view ?? (e.id || e.textContent.trim());
      const targets = [
        ...document.querySelectorAll('header button'),
        ...scene.querySelectorAll('button, select'),
        ...[...scene.querySelectorAll('input[type="checkbox"]')].map((box) => box.closest('label') ?? box),
      ].filter(shown);
      const picture = canvas && document.querySelector(canvas).getBoundingClientRect();
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        pictureTop: picture?.top,
        pictureBottom: picture?.bottom,
        pictureWidth: picture?.width,
        firstControlTop: Math.min(...inputs.map((e) => e.getBoundingClientRect().top)),
        firstBlockTop: Math.min(...blocks.map((e) => e.getBoundingClientRect().top)),
        small: targets
          .filter((e) => e.getBoundingClientRect().height < target - 0.5)
          .map((e) => `${e.tagName.toLowerCase()} ${name(e)}: ${e.getBoundingClientRect().height.toFixed(1)} px`),
        coarse: matchMedia('(pointer: coarse)').matches,
      };
    },
    { canvas, controls, target: TARGET },
  );
}

for (const device of DEVICES) {
  test(`every scene fits a ${device.name} (${device.width} × ${device.height})`, async () => {
    for (const scene of SCENES) {
      const page = await openLab(env, { ...device, hash: scene.hash });
      await settle(page);
      const m = await measure(page, scene);
      await screenshot(page, `devices-${scene.scene}-${device.width}x${device.height}`);
      const where = `${scene.scene} at ${device.width} × ${device.height}`;
      assert.ok(m.coarse, `${where}: the touch screen's pointer is coarse`);
      assert.ok(m.scrollWidth <= m.innerWidth, `${where}: the page is ${m.scrollWidth} px wide in a ${m.innerWidth} px window`);
      if (scene.canvas) assert.ok(m.pictureWidth <= m.innerWidth, `${where}: the picture is ${m.pictureWidth} px wide`);
      if (scene.canvas && device.name === 'phone') {
        assert.ok(m.pictureTop < m.firstControlTop, `${where}: the picture (top ${m.pictureTop}) comes before the first control (top ${m.firstControlTop})`);
        assert.ok(m.pictureBottom <= m.firstBlockTop, `${where}: the controls (top ${m.firstBlockTop}) start below the picture (bottom ${m.pictureBottom})`);
      }
      assert.deepEqual(m.small, [], `${where}: touch targets shorter than ${TARGET} px`);
      assert.deepEqual(page.problems, [], `${where}: console problems`);
      await page.context().close();
    }
  });
}

/** Drags one finger from `from` to `to` (CSS pixels in the page) in six moves, through the
 *  DevTools protocol's touch events: the page sees pointer events of type "touch". */
async function fingerDrag(page, from, to) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let k = 1; k <= 6; k += 1) {
    const point = { x: from.x + ((to.x - from.x) * k) / 6, y: from.y + ((to.y - from.y) * k) / 6 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await settle(page);
}

test('on the phone a finger drags the race start, and the canvas does not scroll the page', async () => {
  const page = await openLab(env, { ...DEVICES[0], hash: '#race' });
  await settle(page);
  await page.locator('#race-overlay').scrollIntoViewIfNeeded();
  const box = await page.locator('#race-overlay').boundingBox();
  const ratio = await page.evaluate(() => window.devicePixelRatio);
  const [from, to] = await page.evaluate(() => {
    const race = window.descent.scenes.race.handle;
    const [x, y] = race.get('start').split(',').map(Number);
    return [Array.from(race.toPixel(x, y)), Array.from(race.toPixel(1, 1.5))];
  });
  const at = ([i, j]) => ({ x: box.x + i / ratio, y: box.y + j / ratio });
  const before = await page.evaluate(() => window.scrollY);
  await fingerDrag(page, at(from), at(to));
  const state = await page.evaluate(() => ({
    touchAction: getComputedStyle(document.getElementById('race-overlay')).touchAction,
    start: window.descent.scenes.race.handle.get('start').split(',').map(Number),
    scrollY: window.scrollY,
  }));
  assert.equal(state.touchAction, 'none');
  // Within a pixel of (1, 1.5): the view spans 4 units over the canvas.
  const pixel = 4 / (box.width * ratio);
  assert.ok(Math.abs(state.start[0] - 1) <= pixel && Math.abs(state.start[1] - 1.5) <= pixel, `start ${state.start}`);
  assert.equal(state.scrollY, before, 'the drag did not scroll the page');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on the phone a finger drags a training point of the simpler-models view; the charts let the page scroll', async () => {
  const page = await openLab(env, { ...DEVICES[0], hash: '#regularization/simpler' });
  await settle(page);
  await page.locator('#simpler-canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('#simpler-canvas').boundingBox();
  const { ratio, pixel, before, unit, scrollY } = await page.evaluate(() => {
    const view = window.descent.scenes.regularization.handle.simpler;
    const canvas = document.getElementById('simpler-canvas');
    return {
      ratio: devicePixelRatio,
      pixel: Array.from(view.trainPixel(0)),
      before: Array.from(view.trainPoints),
      unit: Math.min(canvas.width, canvas.height) / 3 / devicePixelRatio,
      scrollY: window.scrollY,
    };
  });
  const from = { x: box.x + pixel[0] / ratio, y: box.y + pixel[1] / ratio };
  await fingerDrag(page, from, { x: from.x, y: from.y - 60 });
  const state = await page.evaluate(() => ({
    after: Array.from(window.descent.scenes.regularization.handle.simpler.trainPoints),
    scrollY: window.scrollY,
    touchAction: ['simpler-canvas', 'simpler-chart'].map((id) => getComputedStyle(document.getElementById(id)).touchAction),
  }));
  // The point follows the finger: 60 CSS pixels up, the same column (within a pixel).
  assert.ok(Math.abs(state.after[0] - before[0]) < 1 / unit, `x kept: ${before[0]} → ${state.after[0]}`);
  assert.ok(Math.abs(state.after[1] - before[1] - 60 / unit) < 1 / unit, `y rose by 60 px: ${before[1]} → ${state.after[1]}`);
  assert.equal(state.scrollY, scrollY, 'the drag did not scroll the page');
  assert.deepEqual(state.touchAction, ['none', 'auto']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

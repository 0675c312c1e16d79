// Presenter mode at 1280 × 720, a projector's size: every scene and view opens in it from a
// link; its picture takes at least 60 % of the width and nearly the full height below the bar;
// every text shown (readouts, labels, buttons, menus, captions, the bar) is at least 24 CSS px;
// nothing scrolls sideways; the Present button and the link round-trip the state. Screenshots
// land in the artifacts, one per scene and view.
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

/** Every scene and view with its picture's canvas (null for a view without one) and whether
 *  the picture is square (a square grid of values: as tall as the window allows). */
const PLACES = [
  ['#lab', '#lab-canvas'],
  ['#race', '#race-overlay'],
  ['#regularization/weights', '#weights-canvas', 'square'],
  ['#regularization/simpler', '#simpler-canvas'],
  ['#regularization/landscape', '#landscape-canvas', 'square'],
  ['#regularization/preferences', null],
  ['#regularization/gradient', null],
  ['#regularization/calculator', null],
];

/** What the test checks, measured in the page: the picture's box, the smallest text shown
 *  (and where), and whether the page scrolls sideways. */
function measure(page, picture) {
  return page.evaluate((selector) => {
    const section = document.querySelector('.scene:not([hidden])');
    const small = [];
    const roots = [document.querySelector('header'), section];
    for (const root of roots) {
      for (const element of root.querySelectorAll('*')) {
        if (element.closest('sub, sup') || !element.checkVisibility()) continue;
        const text = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
        const control = element.matches('button, select, input:not([type="checkbox"]):not([type="range"]), output');
        if (!text && !control) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < 24) small.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${element.textContent.trim().slice(0, 30)}" ${size}px`);
      }
    }
    const box = selector ? document.querySelector(selector).getBoundingClientRect() : null;
    // The marked controls and readouts, below the fold or not.
    const below = [...section.querySelectorAll('[data-present]')]
      .filter((e) => e.checkVisibility() && e.getBoundingClientRect().bottom > window.innerHeight + 0.5)
      .map((e) => e.id || e.dataset.param || e.className);
    return {
      below,
      present: document.documentElement.classList.contains('present'),
      small,
      picture: box && { width: box.width, height: box.height, bottom: box.bottom },
      sideways: document.documentElement.scrollWidth > window.innerWidth,
    };
  }, picture);
}

for (const [place, picture, square] of PLACES) {
  test(`presenter mode of ${place}: a large picture, text of 24 px and more`, async () => {
    const page = await openLab(env, { ...SIZE, hash: `${place}?present=1` });
    await settle(page);
    const name = place.slice(1).replace('/', '-');
    await screenshot(page, `present-${name}`);
    const m = await measure(page, picture);
    assert.equal(m.present, true);
    assert.deepEqual(m.small, [], 'every text shown is at least 24 px');
    assert.equal(m.sideways, false, 'nothing scrolls sideways');
    if (picture) {
      assert.deepEqual(m.below, [], 'the marked controls show without scrolling');
      if (square) assert.ok(Math.abs(m.picture.width - m.picture.height) < 2, 'a square picture stays square');
      else assert.ok(m.picture.width >= 0.6 * SIZE.width, `the picture spans ${m.picture.width} px of ${SIZE.width}`);
      assert.ok(m.picture.height >= 0.85 * SIZE.height, `the picture is ${m.picture.height} px tall of ${SIZE.height}`);
      assert.ok(m.picture.bottom <= SIZE.height, 'the picture ends within the window');
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('presenter mode round-trips through the link, with the scene\'s settings', async () => {
  const page = await openLab(env, { ...SIZE, hash: '#lab?loss=softmax' });
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('present')), false);
  await page.click('#present');
  await page.waitForFunction(() => location.hash.includes('present=1'));
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#lab\?.*loss=softmax/);
  assert.equal(await page.getAttribute('#present', 'aria-pressed'), 'true');
  // A fresh page from that link opens in presenter mode with the lab's settings.
  const again = await openLab(env, { ...SIZE, hash });
  assert.equal(await again.evaluate(() => document.documentElement.classList.contains('present')), true);
  assert.equal(await again.$eval('#lab [data-param="loss"]', (menu) => menu.value), 'softmax');
  assert.deepEqual(again.refusals, [], 'present=1 is no setting of the scene: nothing refused');
  // "More controls" shows the rest; the button leaves presenter mode and the link says so.
  assert.equal(await again.isVisible('#lab [data-param="dataset"]'), false);
  await again.click('#present-more');
  assert.equal(await again.isVisible('#lab [data-param="dataset"]'), true);
  await again.click('#present');
  await again.waitForFunction(() => !location.hash.includes('present'));
  assert.equal(await again.evaluate(() => document.documentElement.classList.contains('present-all')), false);
  assert.deepEqual([...page.problems, ...again.problems], []);
  await page.context().close();
  await again.context().close();
});

test('presenter mode draws the canvases\' text larger: the lab\'s loss chart\'s labels about twice as tall', async () => {
  const page = await openLab(env, { ...SIZE, hash: '#lab' });
  // The height of the chart's x-axis labels, from the lowest dark row of the chart's canvas.
  const inkRows = () =>
    page.evaluate(() => {
      const canvas = document.querySelector('#lab-chart');
      const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const dark = (j) => {
        for (let i = 0; i < width; i += 1) if (data[4 * (j * width + i)] < 120 && data[4 * (j * width + i) + 3] > 0) return true;
        return false;
      };
      // From the bottom: the rows of the axis' labels, up to the gap above them.
      let j = height - 1;
      while (j > 0 && !dark(j)) j -= 1;
      const bottom = j;
      while (j > 0 && dark(j)) j -= 1;
      return { rows: bottom - j, cssPerDevice: canvas.getBoundingClientRect().height / height };
    });
  const desk = await inkRows();
  await page.click('#present');
  await settle(page);
  await settle(page);
  const present = await inkRows();
  const ratio = present.rows / desk.rows;
  assert.ok(ratio > 1.8 && ratio < 3, `the labels are ${desk.rows} then ${present.rows} pixels tall`);
  // Reading the chart back twice is this test's, not the page's: Chromium advises on it.
  assert.deepEqual(page.problems.filter((p) => !p.includes('willReadFrequently')), []);
  await page.context().close();
});

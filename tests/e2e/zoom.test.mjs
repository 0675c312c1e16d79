// The page at any zoom. At 1280 × 720 the lab's primary controls (Play, Step, Reset, method, α,
// loss, λ) are in view without scrolling; at 125 %, 150 % and 200 % browser zoom of that screen
// (CSS viewports 1024 × 576, 853 × 480 and 640 × 360 at device-pixel ratios 1.25, 1.5, 2) no
// scene or view scrolls sideways and nothing sticks out of the window: the layout reflows.
// Screenshots land in the artifacts.
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

const PLACES = [
  '#lab',
  '#race',
  '#regularization/weights',
  '#regularization/preferences',
  '#regularization/simpler',
  '#regularization/landscape',
  '#regularization/gradient',
  '#regularization/calculator',
];

test('at 1280 × 720 the lab\'s primary controls are in view beside the picture', async () => {
  const page = await openLab(env, { width: 1280, height: 720 });
  const out = await page.evaluate(() => {
    const controls = ['#lab-play', '#lab-step', '#lab-reset', '[data-param="method"]', '[data-param="lr"]', '[data-param="loss"]', '[data-param="lambda"]'];
    const canvas = document.querySelector('#lab-canvas').getBoundingClientRect();
    return controls
      .map((selector) => [selector, document.querySelector(`#lab ${selector}`).getBoundingClientRect()])
      .filter(([, box]) => box.height === 0 || box.bottom > window.innerHeight || box.right > window.innerWidth || box.left < canvas.right)
      .map(([selector, box]) => `${selector} at (${Math.round(box.left)}, ${Math.round(box.bottom)})`);
  });
  await screenshot(page, 'zoom-100-lab');
  assert.deepEqual(out, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const zoom of [1.25, 1.5, 2]) {
  test(`at ${100 * zoom} % zoom no scene scrolls sideways`, async () => {
    const width = Math.floor(1280 / zoom);
    const height = Math.floor(720 / zoom);
    const page = await openLab(env, { width, height, deviceScaleFactor: zoom });
    const problems = [];
    for (const place of PLACES) {
      await page.evaluate((hash) => (location.hash = hash), place);
      await settle(page);
      await settle(page);
      const m = await page.evaluate(() => {
        const section = document.querySelector('.scene:not([hidden])');
        // What sticks out of the window on the right, leaves included (a scroll box's content
        // is its own: only the box counts).
        const out = [];
        for (const element of [document.querySelector('header'), ...section.querySelectorAll('*')]) {
          if (!element.checkVisibility() || element.closest('.table-scroll, .scroll')) continue;
          const box = element.getBoundingClientRect();
          if (box.width > 0 && box.right > window.innerWidth + 0.5) out.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className} right ${Math.round(box.right)}`);
        }
        return { sideways: document.documentElement.scrollWidth - window.innerWidth, out: out.slice(0, 5) };
      });
      await screenshot(page, `zoom-${100 * zoom}-${place.slice(1).replace('/', '-')}`);
      if (m.sideways > 0 || m.out.length) problems.push(`${place}: scrolls ${m.sideways} px; ${m.out.join('; ')}`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

// How often the page crosses the wasm boundary, counted on the real page in headless Chromium:
// every method and getter of every exported class is wrapped with a counter, then one user
// action is performed and the calls it caused are counted.
//
// - a slider tick in the lab (λ), with the panel's refresh;
// - one lab frame while playing (steps, redraw and readouts);
// - one pointer move while dragging the race's start;
// - one race frame while playing.
//
// Frame figures are averages over 30 animation frames (per call of the scene's frame()).
//
// Run: node tests/bench/crossings.mjs   (part of make bench-browser)
// Prints the crossings per action and the five most called exports of each.
import { launch, openLab, settle } from '../e2e/harness.mjs';

const env = await launch();
try {
  const page = await openLab(env, { width: 1280, height: 900 });
  await page.evaluate(async () => {
    const wasm = await import('./pkg/descent.js');
    window.crossings = new Map();
    const count = (name) => window.crossings.set(name, (window.crossings.get(name) ?? 0) + 1);
    for (const [className, value] of Object.entries(wasm)) {
      if (typeof value !== 'function' || !value.prototype) continue;
      for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value.prototype))) {
        if (key === 'constructor' || key === 'free' || key.startsWith('__')) continue;
        const label = `${className}.${key}`;
        if (typeof descriptor.value === 'function') {
          const original = descriptor.value;
          value.prototype[key] = function counted(...args) {
            count(label);
            return original.apply(this, args);
          };
        } else if (descriptor.get) {
          const getter = descriptor.get;
          Object.defineProperty(value.prototype, key, {
            ...descriptor,
            get() {
              count(label);
              return getter.call(this);
            },
          });
        }
      }
    }
  });
  const measure = async (action) => {
    await page.evaluate(() => window.crossings.clear());
    await action();
    return page.evaluate(() => {
      const entries = [...window.crossings.entries()].sort((a, b) => b[1] - a[1]);
      const frames = entries.filter(([name]) => name.endsWith('.frame')).reduce((sum, [, n]) => sum + n, 0);
      const per = Math.max(1, frames);
      const total = entries.reduce((sum, [, n]) => sum + n, 0) / per;
      return { total, top: entries.slice(0, 5).map(([name, n]) => [name, n / per]) };
    });
  };
  // Frames are counted over 30 animation frames and divided by the scene's frame() calls.
  const frames = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          let left = 30;
          const next = () => (--left > 0 ? requestAnimationFrame(next) : resolve());
          requestAnimationFrame(next);
        }),
    );
  const results = {};

  results['lab: one slider tick (λ)'] = await measure(() =>
    page.evaluate(() => {
      const slider = document.querySelector('#lab [data-param="lambda"]');
      slider.value = String(Number(slider.value) + 0.01);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }),
  );

  await page.evaluate(() => document.querySelector('#lab-play').click());
  await settle(page);
  results['lab: one frame while playing'] = await measure(frames);
  await page.evaluate(() => document.querySelector('#lab-play').click());

  await page.evaluate(() => document.querySelector('[data-scene="race"]').click());
  await settle(page);
  const box = await page.locator('#race-overlay').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await settle(page);
  results['race: one pointer move while dragging the start'] = await measure(() =>
    page.mouse.move(box.x + box.width / 2 + 7, box.y + box.height / 2 + 5),
  );
  await page.mouse.up();
  await page.evaluate(() => document.querySelector('#race-play').click());
  await settle(page);
  results['race: one frame while playing'] = await measure(frames);

  for (const [action, { total, top }] of Object.entries(results)) {
    const round = (x) => Number(x.toFixed(1));
    console.log(`${action}: ${round(total)} crossings (${top.map(([name, n]) => `${name} ×${round(n)}`).join(', ')})`);
  }
  if (page.problems.length > 0) throw new Error(page.problems.join('\n'));
} finally {
  await env.close();
}

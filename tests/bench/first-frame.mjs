// The download and the first drawn frame: cold loads of the page from the local server (a new
// browser context each, so nothing is cached), with the bytes transferred (compressed, as the
// server sends them) and the time from navigation start to the first animation frame after
// the page is ready (the lab drawn).
//
// Run: make bench   (or: node tests/bench/first-frame.mjs [--loads 20])
import { launch } from '../e2e/harness.mjs';
import { quantile, record } from './record.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const LOADS = Number(arg('loads', 20));

const env = await launch();
try {
  const firsts = [];
  let transfer = null;
  for (let load = 0; load < LOADS; load += 1) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    const result = await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame((now) => {
            const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
            const files = entries.map((e) => [new URL(e.name).pathname, e.transferSize, e.decodedBodySize]);
            resolve({ first: now, files });
          }),
        ),
    );
    firsts.push(result.first);
    transfer ??= result.files;
    await context.close();
  }
  const version = env.browser.version();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const total = transfer.reduce((sum, [, sent]) => sum + sent, 0);
  const raw = transfer.reduce((sum, [, , size]) => sum + size, 0);
  console.log(`first load, Chromium ${version}, ${LOADS} cold loads from localhost`);
  for (const [path, sent, size] of transfer) console.log(`  ${path.padEnd(40)} ${kb(sent).padStart(10)} sent, ${kb(size)} raw`);
  console.log(`  whole page: ${kb(total)} transferred (${kb(raw)} uncompressed)`);
  console.log(`  first drawn frame: median ${quantile(firsts, 0.5).toFixed(0)} ms, p95 ${quantile(firsts, 0.95).toFixed(0)} ms`);
  record('first drawn frame from localhost (cold load)', firsts, { browser: version });
  record('whole page transferred', [total / 1024], { unit: 'KB', browser: version });
  const wasm = transfer.find(([path]) => path.endsWith('.wasm'));
  if (wasm) record('wasm transferred', [wasm[1] / 1024], { unit: 'KB', browser: version });
} finally {
  await env.close();
}

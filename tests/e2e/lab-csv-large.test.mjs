// A CSV file of 100,000 rows, dropped on the canvas: a status says how far the file is read
// while it is, then every point is shown; the page stays free of
// errors. (tests/e2e/lab-csv.test.mjs keeps the smaller files' guarantees: BOM, CRLF, header.)
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

test('100,000 rows load with a progress status, BOM, CRLF and header included', async () => {
  const page = await openLab(env);
  const seen = await page.evaluate(async () => {
    const rows = ['\ufeffx0,x1,label'];
    for (let i = 0; i < 100000; i += 1) rows.push(`${Math.cos(i) * (1 + (i % 7))},${Math.sin(i) * (1 + (i % 5))},${i % 3}`);
    const text = rows.join('\r\n');
    const statuses = [];
    const observer = new MutationObserver(() => {
      const status = document.querySelector('.csv-progress-text');
      if (status) statuses.push(status.textContent);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const data = new DataTransfer();
    data.items.add(new File([text], 'large.csv', { type: 'text/csv' }));
    const canvas = document.getElementById('lab-canvas');
    const started = performance.now();
    for (const type of ['dragenter', 'dragover', 'drop']) {
      canvas.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
    while (window.descent.lab.points !== 100000 && document.getElementById('notice').hidden && performance.now() - started < 60000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    observer.disconnect();
    return { statuses, ms: performance.now() - started, points: window.descent.lab.points, left: document.querySelectorAll('.csv-progress').length, notice: document.getElementById('notice').textContent };
  });
  assert.equal(seen.points, 100000, seen.notice);
  assert.ok(seen.statuses.length > 0 && /^Reading large\.csv \(\d+\.\d MB\): \d+ %$/.test(seen.statuses[0]), JSON.stringify(seen.statuses));
  assert.equal(seen.left, 0, 'the status goes once the points are shown');
  console.log(`100,000 rows loaded in ${Math.round(seen.ms)} ms`);
  await settle(page);
  assert.equal(await page.evaluate(() => window.descent.lab.get('dataset')), 'file');
  await screenshot(page, 'lab-csv-large');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Exports: a PNG of every picture at device resolution, the lab's loss history and the race's
// trajectories as CSV, and the page's state as JSON that opens back to the identical view (a
// bad file changes nothing and says what is wrong and where). Right-click on the lab's canvas
// reaches the browser's own menu ("Save image as…").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openLab, screenshot, settle } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

/** Clicks `selector` and returns the downloaded file's name and bytes. */
async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const canvasSize = (page, id) => page.evaluate((i) => ({ width: document.getElementById(i).width, height: document.getElementById(i).height }), id);

test('PNG buttons save each picture at device resolution', async () => {
  const page = await openLab(env, { deviceScaleFactor: 2 });
  for (const id of ['lab-canvas', 'lab-chart']) {
    const file = await downloaded(page, `button[data-canvas="${id}"]`);
    assert.equal(file.name, `descent-${id}.png`);
    const size = await canvasSize(page, id);
    assert.ok(size.width > 400, `device pixels: ${size.width}`);
    assert.deepEqual(pngSize(file.bytes), size);
  }
  await page.click('[role="tab"][data-scene="race"]');
  await settle(page);
  const race = await downloaded(page, 'button[data-canvas="race-surface"]');
  assert.deepEqual(pngSize(race.bytes), await canvasSize(page, 'race-surface'), 'the stacked layers as one picture');
  await screenshot(page, 'export-race');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the lab canvas leaves right-click to the browser', async () => {
  const page = await openLab(env);
  const blocked = await page.evaluate(() => {
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 });
    return !document.getElementById('lab-canvas').dispatchEvent(event);
  });
  assert.equal(blocked, false);
  await page.context().close();
});

test('the loss history and the trajectories download as CSV with their columns', async () => {
  const page = await openLab(env);
  for (let i = 0; i < 5; i += 1) await page.click('#lab-step');
  const history = (await downloaded(page, '#lab-history-csv')).bytes.toString().trim().split('\n');
  assert.equal(history[0], 'step,data_loss,regularization_loss,total_loss,accuracy');
  assert.equal(history.length, 7, 'steps 0 to 5');
  const last = history[6].split(',').map(Number);
  assert.equal(last[0], 5);
  assert.ok(Math.abs(last[1] + last[2] - last[3]) < 1e-12, 'total = data + regularization');
  assert.equal(String(last[3]), String(await page.evaluate(() => window.descent.lab.totalLoss)));
  assert.ok(last[4] >= 0 && last[4] <= 1, 'an accuracy');

  await page.click('[role="tab"][data-scene="race"]');
  for (let i = 0; i < 4; i += 1) await page.click('#race-step');
  const rows = (await downloaded(page, '#race-trajectories-csv')).bytes.toString().trim().split('\n');
  assert.equal(rows[0], 'racer,step,x,y,loss,learning_rate');
  const racers = new Set(rows.slice(1).map((row) => row.split(',')[0]));
  assert.ok(racers.size >= 2, `every racer: ${[...racers]}`);
  for (const racer of racers) {
    const own = rows.slice(1).filter((row) => row.startsWith(`${racer},`)).map((row) => row.split(','));
    assert.deepEqual(own.map((r) => r[1]), ['0', '1', '2', '3', '4']);
    assert.ok(own.every((r) => r.length === 6 && r.slice(2).every((v) => Number.isFinite(Number(v)))));
  }
  const trail = await page.evaluate(() => Array.from(window.descent.scenes.race.handle.trajectory(0)).map(String));
  const first = rows.slice(1).filter((row) => row.startsWith('0,')).map((row) => row.split(','));
  assert.deepEqual(first.flatMap((r) => [r[2], r[3]]), trail, 'x and y are the trail');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** What the state file must bring back. */
function pageState(page) {
  return page.evaluate(() => {
    const lab = window.descent.lab;
    const race = window.descent.scenes.race.handle;
    return {
      csv: lab.toCsv(),
      theta: Array.from(lab.theta()).map(String),
      steps: lab.steps,
      clock: race.clock,
      trail: Array.from(race.trajectory(0)).map(String),
      lambda: document.querySelector('#lab [data-param="lambda"]').value,
    };
  });
}

/** Opens a state file through "Open state…". */
async function openStateFile(page, name, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open-state')]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForTimeout(300);
  await settle(page);
}

test('the page state saved as JSON opens back to the identical view, by picker or drop', async () => {
  const page = await openLab(env);
  await page.locator('#lab-canvas').click({ position: { x: 25, y: 25 } });
  await page.locator('#lab-lambda').fill('-1.5');
  for (let i = 0; i < 7; i += 1) await page.click('#lab-step');
  await page.click('[role="tab"][data-scene="race"]');
  for (let i = 0; i < 6; i += 1) await page.click('#race-step');
  await settle(page);
  const saved = await pageState(page);
  const file = await downloaded(page, '#save-state');
  assert.equal(file.name, 'descent-state.json');
  const json = JSON.parse(file.bytes.toString());
  assert.equal(json.format, 'descent-state');
  assert.match(json.links.lab, /data=.*&step=7/);

  const fresh = await openLab(env);
  await openStateFile(fresh, 'descent-state.json', file.bytes.toString());
  assert.deepEqual(await pageState(fresh), saved);
  assert.match(new URL(fresh.url()).hash, /^#race\?clock=6/, 'the scene shown');
  assert.equal(await fresh.isHidden('#notice'), true);

  // Dropped on the page.
  const other = await openLab(env);
  await other.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'state.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.querySelector('main').dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, file.bytes.toString());
  await other.waitForFunction(() => window.descent.lab.steps === 7);
  await settle(other);
  assert.deepEqual(await pageState(other), saved);
  for (const p of [page, fresh, other]) {
    assert.deepEqual(p.problems, []);
    await p.context().close();
  }
});

test('a bad state file changes nothing and says what is wrong and where', async () => {
  const page = await openLab(env);
  for (let i = 0; i < 3; i += 1) await page.click('#lab-step');
  const before = await pageState(page);
  for (const [text, said] of [
    ['{"format": "descent-state",\n "version": 1,\n "at": }', /"bad\.json" was not opened: line 3, column 8: expected value\. Nothing changed\./],
    ['[1, 2]', /the file holds an array, not a state object/],
    ['{"format":"descent-state","version":1,"at":"#lab","links":{"lab":"step=1","race":false}}', /links\.race: expected the link's text, found a boolean/],
    ['{"format":"descent-state","version":1,"at":"#lab","links":{"moon":""}}', /links\.moon: this page has no scene or view "moon"/],
    ['{"format":"other","version":1}', /format: expected "descent-state", found "other"/],
  ]) {
    await openStateFile(page, 'bad.json', text);
    assert.match(await page.textContent('#notice'), said);
    assert.deepEqual(await pageState(page), before, 'nothing changed');
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// CSV files in the real page: "Load CSV…" and a file dropped on the canvas replace the points
// (or leave them, with a clear message), and "Save CSV" downloads the points shown.
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

/** Four classes around (10, −20): the view must move to find them. */
const CLUSTERS = '# four clusters\nx0,x1,label\n9,-21,0\n11,-21,1\n9,-19,2\n11,-19,3\n10.5,-19.5,3\n';

/** Chooses a file through the Load CSV… button's file dialog. */
async function chooseFile(page, name, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#lab-load-csv')]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForFunction(() => window.descent.lab.fileName !== undefined || !document.getElementById('notice').hidden);
  await settle(page);
}

/** Drops a file on the canvas, as a file dragged from the desktop arrives. */
async function dropFile(page, name, text) {
  await page.evaluate(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'text/csv' }));
      const canvas = document.getElementById('lab-canvas');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        canvas.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    [name, text],
  );
  await page.waitForTimeout(100);
  await settle(page);
}

/** What a refused file must leave alone, as the core and the page show it. */
function state(page) {
  return page.evaluate(() => {
    const lab = window.descent.lab;
    return {
      points: lab.points,
      theta: Array.from(lab.theta()),
      csv: lab.toCsv(),
      dataset: lab.get('dataset'),
      menu: document.querySelector('#lab [data-param="dataset"]').value,
      rows: [...document.querySelectorAll('#lab-table .table-row:not([hidden])')].map((r) => r.textContent),
      loss: document.getElementById('total-loss').textContent,
    };
  });
}

test('Load CSV… replaces the points: new W and b for their classes, the view on them', async () => {
  const page = await openLab(env);
  await page.click('#lab-step');
  await chooseFile(page, 'clusters.csv', CLUSTERS);
  const core = await page.evaluate(() => {
    const lab = window.descent.lab;
    return { points: lab.points, classes: lab.classes, theta: lab.theta().length, steps: lab.steps, dataset: lab.get('dataset') };
  });
  assert.deepEqual(core, { points: 5, classes: 4, theta: 12, steps: 0, dataset: 'file' });
  assert.ok(await page.locator('#notice').isHidden());
  // The menu names the file; the generator's settings are greyed out.
  const menu = page.locator('#lab [data-param="dataset"]');
  assert.equal(await menu.inputValue(), 'file');
  assert.equal(await menu.locator('option:checked').textContent(), 'File: clusters.csv');
  assert.ok(await page.locator('#lab [data-param="points"]').isDisabled());
  // The grid, the table and the class picker follow the four classes.
  assert.equal(await page.locator('#lab-params .param').count(), 12);
  assert.equal(await page.locator('#lab-add-class option').count(), 4);
  const rows = await page.locator('#lab-table .table-row:not([hidden])').evaluateAll((r) => r.map((row) => [...row.children].slice(0, 3).map((c) => c.textContent)));
  assert.deepEqual(rows, [
    ['9.00', '-21.00', '0'],
    ['11.00', '-21.00', '1'],
    ['9.00', '-19.00', '2'],
    ['11.00', '-19.00', '3'],
    ['10.50', '-19.50', '3'],
  ]);
  assert.equal(await page.locator('#lab-steps').textContent(), '0');
  // The view is the points' bounding box [9, 11] × [−21, −19] filling 5/6 of it: hovering
  // where each point must be drawn finds it.
  const box = await page.locator('#lab-canvas').boundingBox();
  const at = (x, y) => [box.x + ((x - 10 + 1.2) / 2.4) * box.width, box.y + ((-20 + 1.2 - y) / 2.4) * box.height];
  for (const [i, [x, y]] of [[9, -21], [11, -21], [9, -19], [11, -19], [10.5, -19.5]].entries()) {
    await page.mouse.move(...at(x, y));
    assert.equal(await page.evaluate(() => window.descent.lab.hover), i, `point ${i} at (${x}, ${y})`);
  }
  await screenshot(page, 'lab-csv-loaded');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a malformed or unshowable file leaves everything as it was and says why', async () => {
  const page = await openLab(env);
  await page.click('#lab-step');
  await settle(page);
  const before = await state(page);
  await chooseFile(page, 'bad.csv', 'x0,x1,label\n0.5,0.4,0\n0.1,abc,1\n');
  const notice = page.locator('#notice');
  assert.ok(await notice.isVisible());
  assert.equal(await notice.textContent(), '"bad.csv" was not loaded: CSV line 3: "abc" is not a number. The points are unchanged.');
  assert.deepEqual(await state(page), before);
  assert.equal(await page.evaluate(() => window.descent.lab.fileName), undefined);
  assert.equal(await page.locator('#lab [data-param="dataset"] option[value="file"]').count(), 0, 'no file in the menu');
  // Dropped on the canvas: points in three dimensions, and seven classes.
  await dropFile(page, 'cube.csv', '1,2,3,0\n4,5,6,1\n');
  assert.match(await notice.textContent(), /^"cube\.csv" was not loaded: the lab shows points in the plane: each line needs two coordinates/);
  await dropFile(page, 'seven.csv', '0,0,0\n1,1,6\n');
  assert.match(await notice.textContent(), /CSV line 2: label 6 is too large \(at most 6 classes\)/);
  assert.deepEqual(await state(page), before);
  await screenshot(page, 'lab-csv-refused');
  // Refusals, logged as such (not as errors).
  assert.equal(page.refusals.filter((r) => r.includes('was not loaded')).length, 3);
  // A good file dropped on the canvas loads, and clears the notice.
  await dropFile(page, 'clusters.csv', CLUSTERS);
  assert.equal(await page.evaluate(() => window.descent.lab.points), 5);
  assert.ok(await notice.isHidden());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a spreadsheet\'s file (BOM, sep=;, decimal commas, CRLF) loads its exact points', async () => {
  const page = await openLab(env);
  const text = '\ufeffsep=;\r\n"x, in cm";"y";label\r\n9,5;-21;0\r\n11;-20,25;1\r\n10,125;-19;3\r\n;;\r\n';
  await chooseFile(page, 'Tabelle1.csv', text);
  assert.ok(await page.locator('#notice').isHidden());
  const core = await page.evaluate(() => {
    const lab = window.descent.lab;
    return { points: lab.points, classes: lab.classes, dataset: lab.get('dataset'), csv: lab.toCsv() };
  });
  assert.deepEqual(core, {
    points: 3,
    classes: 4,
    dataset: 'file',
    csv: '# classes: 4\nx0,x1,label\n9.5,-21,0\n11,-20.25,1\n10.125,-19,3\n',
  });
  // A line in another dialect is refused by its line and problem, and changes nothing.
  await chooseFile(page, 'mixed.csv', 'x;y;label\r\n1,5;2;0\r\n1.5,2,1\r\n');
  await page.locator('#notice').waitFor({ state: 'visible' });
  assert.equal(
    await page.locator('#notice').textContent(),
    '"mixed.csv" was not loaded: CSV line 3: semicolon-separated file, but this line has commas between fields. The points are unchanged.',
  );
  assert.equal(await page.evaluate(() => window.descent.lab.toCsv()), core.csv);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Save CSV downloads the points shown, which load back unchanged', async () => {
  const page = await openLab(env);
  const save = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#lab-save-csv')]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const demo = await save();
  assert.equal(demo.name, 'descent-cs231n.csv');
  assert.equal(demo.text, await page.evaluate(() => window.descent.lab.toCsv()));
  assert.ok(demo.text.startsWith('# classes: 3\nx0,x1,label\n0.5,0.4,0\n0.8,0.3,0\n'), demo.text);
  assert.equal(demo.text.trim().split('\n').length, 2 + 9);
  // An edited dataset: a point added; saved, loaded back, saved again: the same text.
  await page.selectOption('#lab-add-class', '1');
  const box = await page.locator('#lab-canvas').boundingBox();
  await page.mouse.click(box.x + 0.9 * box.width, box.y + 0.1 * box.height);
  await settle(page);
  const edited = await save();
  assert.equal(edited.text.trim().split('\n').length, 2 + 10);
  assert.match(edited.text.trim().split('\n')[11], /^0\.\d+,0\.\d+,1$/);
  await chooseFile(page, 'edited.csv', edited.text);
  assert.equal(await page.evaluate(() => window.descent.lab.points), 10);
  const again = await save();
  assert.equal(again.name, 'edited.csv');
  assert.equal(again.text, edited.text);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The README's prepared links for teaching open their scene with nothing refused: each link in
// its "Teaching with Descent" table is opened in a fresh page, which must show the scene it
// names with no notice and no console error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openLab, settle } from './harness.mjs';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const table = README.slice(README.indexOf('## Teaching with Descent'), README.indexOf('## Studying at home'));
const LINKS = [...table.matchAll(/\| `(#[^`]+)` /g)].map((m) => m[1]);

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env.close();
});

test('the README names a prepared link for each lecture point, and each opens cleanly', async () => {
  assert.ok(LINKS.length >= 12, `${LINKS.length} links`);
  for (const hash of LINKS) {
    const page = await openLab(env, { width: 1280, height: 720, hash });
    await settle(page);
    const scene = hash.slice(1).split(/[/?]/)[0];
    assert.equal(await page.locator(`#${scene}`).isVisible(), true, `${hash}: the ${scene} shows`);
    assert.ok(await page.locator('#notice').isHidden(), `${hash}: ${await page.locator('#notice').textContent()}`);
    assert.deepEqual(page.refusals, [], hash);
    assert.deepEqual(page.problems, [], hash);
    await page.context().close();
  }
});

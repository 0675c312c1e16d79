// The page under its Content-Security-Policy: every scene and every regularization view,
// driven through their controls, raises no `securitypolicyviolation` event and logs no
// console error; the server sends the policy and nosniff, and index.html carries the same
// policy in a <meta> for static hosts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { CSP } from '../../tools/serve.mjs';
import { launch, settle } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

/** Opens `hash` with a listener, installed before any script of the page runs, that keeps
 *  every CSP violation; `page.problems` collects console errors and page errors. */
async function openWatched(hash) {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  const response = await page.goto(env.url + hash);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, response };
}

async function assertClean(page, where) {
  await settle(page);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], `CSP violations in ${where}`);
  assert.deepEqual(page.problems, [], `console errors in ${where}`);
}

test('the server sends the policy and nosniff; index.html carries it less frame-ancestors', async () => {
  const { page, response } = await openWatched('');
  const headers = response.headers();
  assert.equal(headers['content-security-policy'], CSP);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  const html = readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  assert.equal(meta, CSP.replace("; frame-ancestors 'none'", ''));
  assert.doesNotMatch(html, /\son[a-z]+="|\sstyle="|href="data:|<style|<script(?![^>]*\ssrc=)/, 'no inline handler, style or script');
  await assertClean(page, 'the opening page');
  await page.context().close();
});

test('the classifier lab: training, the chart, overlays, Enter in a settings field', async () => {
  const { page } = await openWatched('#lab');
  await page.click('#lab-step');
  await page.click('#lab-play');
  await page.waitForFunction(() => Number(document.getElementById('lab-steps').textContent) > 20);
  await page.click('#lab-play');
  await page.check('#lab [data-param="show-margins"]');
  await page.check('#lab [data-param="show-confidence"]');
  await page.check('#lab [data-param="log-y"]');
  await page.click('.gradient-check summary');
  await page.click('#lab-check');
  const url = page.url();
  await page.focus('#lab [data-param="points"]');
  await page.keyboard.press('Enter');
  await page.focus('#lab [data-param="init-seed"]');
  await page.keyboard.press('Enter');
  assert.equal(page.url(), url, 'Enter submits no form');
  await assertClean(page, 'the lab');
  await page.context().close();
});

test('the optimizer race: steps, play, reset', async () => {
  const { page } = await openWatched('#race');
  await page.click('#race-step');
  await page.click('#race-play');
  await page.waitForTimeout(300);
  await page.click('#race-play');
  await page.click('#race-reset');
  await assertClean(page, 'the race');
  await page.context().close();
});

test('every regularization view', async () => {
  const { page } = await openWatched('#regularization');
  const views = await page.$$eval('.subviews button[data-view]', (buttons) => buttons.map((b) => b.dataset.view));
  assert.deepEqual(views, ['weights', 'preferences', 'simpler', 'landscape', 'gradient', 'calculator']);
  for (const view of views) {
    await page.click(`.subviews button[data-view="${view}"]`);
    if (view === 'gradient') await page.click('#gradient-all');
    await assertClean(page, `the ${view} view`);
  }
  await page.context().close();
});

// Shared set-up for the browser tests: the same server as `make serve`, Debian's Chromium
// driven by playwright-core, a page that fails the test on any console error, and a folder
// for screenshots (tests/e2e/artifacts, ignored by git).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts the server and the browser once per test file. Chromium is given a second chance
 *  if it fails to start (a crash at launch is the machine's, not the page's); if it cannot
 *  start, the server is closed again so the test process never hangs on it. */
export async function launch() {
  const server = await startServer({ port: 0 });
  let browser;
  for (let attempt = 1; !browser; attempt += 1) {
    try {
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: CHROMIUM_FLAGS,
      });
    } catch (error) {
      if (attempt === 2) {
        await server.close();
        throw error;
      }
      console.warn(`Chromium failed to start (${error.message.split('\n')[0]}); trying once more`);
    }
  }
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens the lab in a new page of the given CSS size and device-pixel ratio (a phone's or a
 * tablet's with `isMobile` and `hasTouch`: a touch screen, the pointer coarse), waits until it is
 * ready, and collects console errors, warnings and page errors into `page.problems` (a test
 * fails on any) and the refusals the page showed the user into `page.refusals`. A refusal (a
 * value or action the core refused, a malformed link) is the page working as meant: ui.js's
 * `report` logs it as information, "Refused: …", never as an error.
 */
export async function openLab(env, { width = 1280, height = 900, deviceScaleFactor = 1, hash = '', isMobile = false, hasTouch = false } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor, isMobile, hasTouch });
  const page = await context.newPage();
  page.problems = [];
  page.refusals = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      page.problems.push(`console ${message.type()}: ${message.text()}`);
    } else if (message.type() === 'info' && message.text().startsWith('Refused: ')) {
      page.refusals.push(message.text().slice('Refused: '.length));
    }
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  await page.goto(env.url + hash);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return page;
}

/** Waits until the page has drawn the latest state (two animation frames). */
export function settle(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The intervals between the page's animation frames (milliseconds) over `ms` milliseconds:
 *  what a frame budget keeps short (tests/e2e/budget.test.mjs, tests/bench/budget.mjs). */
export function frameGaps(page, ms) {
  return page.evaluate(
    (span) =>
      new Promise((resolve) => {
        const gaps = [];
        let last = null;
        let start = null;
        const tick = (now) => {
          if (last !== null) gaps.push(now - last);
          last = now;
          start ??= now;
          if (now - start < span) requestAnimationFrame(tick);
          else resolve(gaps);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/** Saves a screenshot under tests/e2e/artifacts. */
export async function screenshot(page, name) {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** The RGBA values of device pixels [[i, j], ...] of a canvas, read back in one call. */
export function canvasPixels(page, selector, points) {
  return page.evaluate(
    ([sel, pts]) => {
      const canvas = document.querySelector(sel);
      const { data, width } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      return pts.map(([i, j]) => Array.from(data.slice(4 * (j * width + i), 4 * (j * width + i) + 4)));
    },
    [selector, points],
  );
}

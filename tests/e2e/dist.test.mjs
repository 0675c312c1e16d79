// `make dist`'s folder (tools/dist.mjs, written to a temporary folder here) is self-contained:
// served by Python's http.server, a file server that knows nothing of Descent, the page
// becomes ready with no console error and requests nothing from another origin; its
// precompressed siblings decode to the files, and serve.mjs --root serves them as they are.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer } from '../../tools/serve.mjs';
import { launch } from './harness.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'descent-dist-'));
const DIST = join(scratch, 'dist');

let env;
before(async () => {
  execFileSync(process.execPath, ['tools/dist.mjs', '--out', DIST], { cwd: REPO, stdio: 'pipe' });
  env = await launch();
});
after(async () => {
  await env?.close();
  rmSync(scratch, { recursive: true, force: true });
});

function listFiles(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(DIST, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/** Serves DIST with `python3 -m http.server` on a free loopback port; resolves to
 *  { origin, stop }. */
function pythonServer() {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', DIST], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const port = out.match(/port (\d+)/)?.[1];
      if (port) {
        resolve({
          origin: `http://127.0.0.1:${port}`,
          stop: () => new Promise((done) => (child.exitCode === null ? (child.once('exit', done), child.kill()) : done())),
        });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`python3 http.server exited with ${code}: ${out}`)));
  });
}

test('the folder holds the page, its modules, the wasm and .gz/.br siblings of the large files', () => {
  const files = listFiles(DIST);
  const www = readdirSync(join(REPO, 'www')).filter((name) => /\.(html|js|css|svg)$/.test(name));
  for (const name of [...www, 'pkg/descent.js', 'pkg/descent_bg.wasm']) assert.ok(files.includes(name), name);
  // Every page file of 16 KiB or more has its compressed siblings (the wasm and its glue at
  // least); smaller ones are sent as they are.
  const large = files.filter((name) => /\.(html|js|css|svg|wasm)$/.test(name) && statSync(join(DIST, name)).size >= 16 * 1024);
  for (const name of ['pkg/descent.js', 'pkg/descent_bg.wasm']) assert.ok(large.includes(name), name);
  for (const name of large) {
    const bytes = readFileSync(join(DIST, name));
    assert.deepEqual(gunzipSync(readFileSync(join(DIST, `${name}.gz`))), bytes, `${name}.gz`);
    assert.deepEqual(brotliDecompressSync(readFileSync(join(DIST, `${name}.br`))), bytes, `${name}.br`);
  }
  assert.deepEqual(files.filter((name) => !/\.(html|js|css|svg|wasm|gz|br)$/.test(name)), [], 'nothing else');
});

test('served by python3 -m http.server, the page is ready and asks no other origin', async () => {
  const python = await pythonServer();
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const requests = [];
    const problems = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${python.origin}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    for (const scene of ['race', 'regularization', 'lab']) {
      await page.click(`[role="tab"][data-scene="${scene}"]`);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    }
    assert.deepEqual(problems, []);
    assert.ok(requests.some((url) => url.endsWith('/pkg/descent_bg.wasm')), 'the wasm came from the folder');
    assert.deepEqual(requests.filter((url) => new URL(url).origin !== python.origin), [], 'requests to another origin');
  } finally {
    await context.close();
    await python.stop();
  }
});

test('serve.mjs --root dist sends the precompressed sibling as it is', async () => {
  const server = await startServer({ root: DIST, port: 0 });
  try {
    const response = await fetch(`${server.url}pkg/descent_bg.wasm`, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(response.headers.get('content-encoding'), 'br');
    assert.equal(response.headers.get('content-type'), 'application/wasm');
    assert.equal(Number(response.headers.get('content-length')), readFileSync(join(DIST, 'pkg/descent_bg.wasm.br')).length);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), readFileSync(join(DIST, 'pkg/descent_bg.wasm')));
  } finally {
    await server.close();
  }
});

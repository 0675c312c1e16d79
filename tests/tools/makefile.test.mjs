// The Makefile's paths and the server's command line, without building anything: the wasm
// path follows CARGO_TARGET_DIR (cargo's own answer), HOST reaches serve.mjs, and
// `serve.mjs --host 0.0.0.0` prints the addresses students type with a warning.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { networkAddresses } from '../../tools/serve.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** `make args…` in the repository with `env` over a copy of this environment from which
 *  the variables that shape the answer (and a parent make's flags) are removed. */
function make(args, env = {}) {
  const base = { ...process.env };
  for (const name of ['CARGO_TARGET_DIR', 'CARGO_BUILD_TARGET_DIR', 'MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'HOST', 'PORT']) delete base[name];
  return execFileSync('make', ['--no-print-directory', ...args], { cwd: REPO, env: { ...base, ...env }, encoding: 'utf8' });
}

const WASM = 'wasm32-unknown-unknown/release/descent.wasm';

test('the wasm path defaults to ./target', () => {
  assert.equal(make(['wasm-path']).trim(), `${REPO}target/${WASM}`);
});

test('CARGO_TARGET_DIR moves the wasm path, absolute or relative, in `make wasm` too', () => {
  assert.equal(make(['wasm-path'], { CARGO_TARGET_DIR: '/tmp/descent-elsewhere' }).trim(), `/tmp/descent-elsewhere/${WASM}`);
  assert.equal(make(['wasm-path'], { CARGO_TARGET_DIR: 'build/cargo' }).trim(), `${REPO}build/cargo/${WASM}`);
  const plan = make(['-n', 'wasm'], { CARGO_TARGET_DIR: '/tmp/descent-elsewhere' });
  assert.match(plan, /^cargo build --lib --release --target wasm32-unknown-unknown$/m);
  assert.match(plan, new RegExp(`^wasm-bindgen .* /tmp/descent-elsewhere/${WASM}$`, 'm'));
});

test('HOST and PORT reach the server; test runs these tests; dist writes dist/', () => {
  assert.match(make(['-n', 'serve']), /^node tools\/serve\.mjs --host 127\.0\.0\.1 --port 8000$/m);
  assert.match(make(['-n', 'serve', 'HOST=0.0.0.0', 'PORT=8080']), /^node tools\/serve\.mjs --host 0\.0\.0\.0 --port 8080$/m);
  assert.match(make(['-n', 'dist']), /^node tools\/dist\.mjs --out dist$/m);
  assert.match(make(['-n', 'test']), /^npm run --silent tools-test$/m);
});

/** Runs serve.mjs with `args` until it prints `until` (then stops it) or exits. */
function serveOutput(args, until) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tools/serve.mjs', ...args], { cwd: REPO });
    let out = '';
    const collect = (chunk) => {
      out += chunk;
      if (until && out.includes(until)) child.kill();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

test('--host 0.0.0.0 prints every non-loopback IPv4 address and a one-line warning', async () => {
  const { out } = await serveOutput(['--host', '0.0.0.0', '--port', '0'], 'Warning');
  const port = out.match(/served at http:\/\/127\.0\.0\.1:(\d+)\//)[1];
  for (const address of networkAddresses()) assert.ok(out.includes(`http://${address}:${port}/`), out);
  assert.match(out, /^Warning: anyone on this network can open it while it runs\.$/m);
});

test('loopback by default, with no warning; bad arguments exit with a message', async () => {
  const { out } = await serveOutput(['--port', '0'], 'Ctrl-C');
  assert.match(out, /^Descent is served at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C stops it\)$/m);
  assert.ok(!out.includes('Warning'));
  const badPort = await serveOutput(['--port', 'eighty']);
  assert.equal(badPort.code, 1);
  assert.match(badPort.out, /--port must be an integer from 0 to 65535, not "eighty"/);
  const badRoot = await serveOutput(['--root', '/nonexistent-descent-root']);
  assert.equal(badRoot.code, 1);
  assert.match(badRoot.out, /is not a folder/);
});

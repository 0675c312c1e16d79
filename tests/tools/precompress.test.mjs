// tools/precompress.mjs, which `make wasm` runs on wasm-bindgen's output: thorough siblings
// that hold the file's bytes, kept (and dated fresh) while the file is unchanged, written
// again when it changes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../../tools/precompress.mjs';

test('siblings hold the bytes, are kept while the file is unchanged and follow a change', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'descent-precompress-'));
  const file = join(dir, 'module.wasm');
  const first = Buffer.from('wasm bytes '.repeat(500));
  writeFileSync(file, first);
  assert.match(await precompress(file), /br \d+ B, gzip \d+ B$/);
  assert.deepEqual(brotliDecompressSync(readFileSync(`${file}.br`)), first);
  assert.deepEqual(gunzipSync(readFileSync(`${file}.gz`)), first);

  // Rewritten with the same bytes (as wasm-bindgen does): kept, and dated after the file.
  const past = new Date(Date.now() - 60_000);
  utimesSync(`${file}.br`, past, past);
  writeFileSync(file, first);
  assert.match(await precompress(file), /br kept, gzip kept$/);
  assert.ok(statSync(`${file}.br`).mtimeMs >= statSync(file).mtimeMs);

  const second = Buffer.from('other bytes '.repeat(500));
  writeFileSync(file, second);
  assert.match(await precompress(file), /br \d+ B, gzip \d+ B$/);
  assert.deepEqual(brotliDecompressSync(readFileSync(`${file}.br`)), second);
  assert.deepEqual(gunzipSync(readFileSync(`${file}.gz`)), second);
});

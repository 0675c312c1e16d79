// `make wasm` runs this on wasm-bindgen's output: writes each file's thorough `.br` and `.gz`
// siblings (brotli quality 11, gzip level 9), which tools/serve.mjs sends in place of its quick
// on-the-fly compression (brotli 5). For the wasm that is about 45 KB less on the wire, but
// quality 11 takes seconds: a sibling that already holds the file's bytes is kept (and dated
// now, so the server sees it as fresh), and only a changed file is compressed again.
//
// Run: node tools/precompress.mjs FILE…
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';
import { ENCODINGS, compress } from './content.mjs';

const DECOMPRESS = { br: promisify(brotliDecompress), gzip: promisify(gunzip) };

/** Whether `sibling` exists and decompresses (with `encoding`) to exactly `bytes`. */
async function holds(sibling, encoding, bytes) {
  try {
    return (await DECOMPRESS[encoding](await readFile(sibling))).equals(bytes);
  } catch {
    return false;
  }
}

/** Brings `file`'s siblings up to date; returns what was done, for the log. */
export async function precompress(file) {
  const bytes = await readFile(file);
  const done = [];
  for (const { name, suffix } of ENCODINGS) {
    const sibling = `${file}${suffix}`;
    if (await holds(sibling, name, bytes)) {
      const now = new Date();
      await utimes(sibling, now, now);
      done.push(`${name} kept`);
    } else {
      const packed = await compress(bytes, name, { thorough: true });
      await writeFile(sibling, packed);
      done.push(`${name} ${packed.length} B`);
    }
  }
  return `${file}: ${bytes.length} B, ${done.join(', ')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node tools/precompress.mjs FILE…');
    process.exit(2);
  }
  try {
    for (const line of await Promise.all(files.map(precompress))) console.log(line);
  } catch (error) {
    console.error(`precompress: ${error.message}`);
    process.exit(1);
  }
}

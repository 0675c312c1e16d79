// `make dist`: copies the page into a self-contained static folder (default dist/) that any
// web host serves as is, with no Node and no build step: index.html, the ES modules, the
// styles and icon, and the wasm-bindgen output (pkg/descent.js, pkg/descent_bg.wasm). Each
// compressible file of 16 KiB or more (the wasm, its glue, the HTML and CSS) gets
// precompressed `.gz` and `.br` siblings, for hosts that serve them (tools/serve.mjs
// --root dist does; a plain file server ignores them).
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COMPRESSIBLE, ENCODINGS, compress } from './content.mjs';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WWW = join(REPO, 'www');
/** The page's own files are the top-level files of www/ with these extensions. */
const PAGE_EXTENSIONS = new Set(['.html', '.js', '.css', '.svg', '.png', '.ico']);
/** What the page needs from wasm-bindgen's output (not its package.json or typings). */
const PKG_FILES = ['pkg/descent.js', 'pkg/descent_bg.wasm'];
const PRECOMPRESS_MIN_BYTES = 16 * 1024;

/** The files to publish, relative to www/. */
async function pageFiles() {
  const entries = await readdir(WWW, { withFileTypes: true });
  const own = entries.filter((e) => e.isFile() && PAGE_EXTENSIONS.has(extname(e.name))).map((e) => e.name);
  for (const file of PKG_FILES) {
    if (!(await stat(join(WWW, file)).catch(() => null))?.isFile()) {
      throw new Error(`www/${file} is missing: run \`make wasm\` first`);
    }
  }
  return [...own.sort(), ...PKG_FILES];
}

/** Empties `out` for a fresh copy, refusing any folder that does not look like an earlier
 *  dist (so a mistyped --out never deletes a source folder). */
async function prepare(out) {
  if (out === REPO || REPO.startsWith(`${out}/`) || out === WWW || out.startsWith(`${WWW}/`)) {
    throw new Error(`refusing to write the dist into ${out}`);
  }
  const existing = await readdir(out).catch(() => null);
  if (existing?.length > 0 && !existing.includes('index.html')) {
    throw new Error(`${out} is not empty and holds no index.html: not an earlier dist, left untouched`);
  }
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
}

/** Copies `file` and, if worth it, writes its compressed siblings; returns the sizes. */
async function publish(file, out) {
  const source = join(WWW, file);
  const target = join(out, file);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(source, target);
  const sizes = { file, bytes: (await stat(target)).size };
  if (COMPRESSIBLE.has(extname(file)) && sizes.bytes >= PRECOMPRESS_MIN_BYTES) {
    const bytes = await readFile(source);
    for (const { name, suffix } of ENCODINGS) {
      const packed = await compress(bytes, name, { thorough: true });
      await writeFile(`${target}${suffix}`, packed);
      sizes[name] = packed.length;
    }
  }
  return sizes;
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(REPO, 'dist') } } });
  const out = resolve(values.out);
  const files = await pageFiles();
  await prepare(out);
  const published = await Promise.all(files.map((file) => publish(file, out)));
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const { file, bytes, br, gzip } of published) {
    console.log(`  ${file.padEnd(24)} ${kib(bytes).padStart(11)}${gzip ? `  gzip ${kib(gzip)}  br ${kib(br)}` : ''}`);
  }
  console.log(`${relative(process.cwd(), out) || '.'}/: ${files.length} files, ready for any static host`);
}

main().catch((error) => {
  console.error(`make dist: ${error.message}`);
  process.exit(1);
});

// index.html's preloads: the browser fetches the whole ES module graph and the wasm at once
// instead of discovering the modules import by import (three round trips before the wasm
// was asked for). The list must name exactly the modules main.js reaches, or a new module
// would be fetched late again (or a removed one fetched for nothing).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const WWW = fileURLToPath(new URL('../../www/', import.meta.url));
const html = readFileSync(`${WWW}index.html`, 'utf8');

/** The modules `entry` reaches through static imports, as paths relative to www/. pkg/descent.js
 *  is wasm-bindgen's output: it is in the graph but not read (it imports nothing of ours). */
function moduleGraph(entry) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (path.startsWith('pkg/')) return;
    const source = readFileSync(`${WWW}${path}`, 'utf8');
    for (const [, specifier] of source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)) {
      visit(posix.normalize(posix.join(posix.dirname(path), specifier)));
    }
  };
  visit(entry);
  return seen;
}

const hrefs = (rel) => [...html.matchAll(new RegExp(`<link rel="${rel}" href="([^"]+)"[^>]*>`, 'g'))].map((match) => match[1]);

test('every module main.js reaches is preloaded, and nothing else', () => {
  const graph = moduleGraph('main.js');
  assert.ok(graph.has('pkg/descent.js') && graph.has('lab.js') && graph.size > 20, `the graph looks incomplete: ${[...graph]}`);
  assert.deepEqual(new Set(hrefs('modulepreload')), graph);
  assert.equal(hrefs('modulepreload').length, graph.size, 'a module is preloaded twice');
});

test('the wasm is preloaded the way wasm-bindgen fetches it (same-origin CORS fetch)', () => {
  const [wasm] = [...html.matchAll(/<link rel="preload" href="pkg\/descent_bg\.wasm"([^>]*)>/g)];
  assert.ok(wasm, 'no preload of pkg/descent_bg.wasm');
  assert.match(wasm[1], /\bas="fetch"/);
  assert.match(wasm[1], /\bcrossorigin\b/);
  assert.match(html, /<script type="module" src="main.js"><\/script>/);
});

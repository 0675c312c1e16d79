// tools/serve.mjs against hostile and ordinary requests: malformed targets get 400, other
// methods 405, traversal 403, an unexpected error 500 with a log line, and the server answers
// afterwards every time. Raw sockets send what fetch would normalize or refuse to send.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { negotiate } from '../../tools/content.mjs';
import { CSP, startServer } from '../../tools/serve.mjs';

const SECRET = 'outside the root: never served';
// A served folder with one file per type, inside a parent that holds a secret.
const parent = mkdtempSync(join(tmpdir(), 'descent-serve-'));
const root = join(parent, 'www');
const text = (n) => Buffer.from('descent '.repeat(n));
const FILES = {
  'index.html': [text(400), 'text/html; charset=utf-8'],
  'main.js': [text(800), 'text/javascript; charset=utf-8'],
  'style.css': [text(300), 'text/css; charset=utf-8'],
  'pkg/descent_bg.wasm': [Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), text(2000)]), 'application/wasm'],
  'data.json': [Buffer.from(JSON.stringify({ a: [1, 2, 3] })), 'application/json'],
  'favicon.svg': [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
  'picture.png': [randomBytes(3000), 'image/png'],
  'blob.bin': [randomBytes(100), 'application/octet-stream'],
};
mkdirSync(join(root, 'pkg'), { recursive: true });
for (const [name, [bytes]] of Object.entries(FILES)) writeFileSync(join(root, name), bytes);
writeFileSync(join(parent, 'secret.txt'), SECRET);
// A precompressed sibling is served in place of compressing: its bytes say which one came.
writeFileSync(join(root, 'pre.js'), text(50));
writeFileSync(join(root, 'pre.js.br'), brotliCompressSync(Buffer.from('from the sibling')));
// Reading this file fails after stat says it is a file: the path to a 500.
if (process.platform === 'linux') symlinkSync('/proc/self/mem', join(root, 'unreadable.js'));

let server;
const logged = [];
before(async () => {
  server = await startServer({ root, port: 0, log: (line) => logged.push(line) });
});
after(async () => {
  await server.close();
  rmSync(parent, { recursive: true, force: true });
});

/** Sends `head` (and nothing else) on a fresh socket; resolves to the parsed response. */
function raw(head) {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    const chunks = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const lines = all.subarray(0, split).toString('latin1').split('\r\n');
      const headers = {};
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(lines[0].split(' ')[1]), headers, body: all.subarray(split + 4) });
    });
    socket.write(head);
  });
}

const get = (target, method = 'GET', extra = '') =>
  raw(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${extra}\r\n`);

/** A GET through node:http, which (unlike fetch) leaves the body encoded as sent. */
function fetchEncoded(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ port: server.port, host: '127.0.0.1', path, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function assertAlive() {
  const response = await get('/index.html');
  assert.equal(response.status, 200, 'the server still answers');
  assert.deepEqual(response.body, FILES['index.html'][0]);
}

describe('malformed request targets', () => {
  for (const target of ['/%', '/%zz', '/%E0%A4%A', '/lab%', '/%C0%AF', '/%ED%A0%80', '/%FF', '/a%00b', '/%%30', '/lab%?x=1']) {
    test(`${target} is 400`, async () => {
      const response = await get(target);
      assert.equal(response.status, 400);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      await assertAlive();
    });
  }

  test('a target that is not a path is 400', async () => {
    for (const target of ['*', 'index.html', '%2Findex.html']) assert.equal((await get(target)).status, 400, target);
    await assertAlive();
  });

  test('an absolute-form target names the path on this server', async () => {
    const response = await get('http://elsewhere.example/main.js');
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, FILES['main.js'][0]);
  });

  test("what Node's parser rejects (garbage, a space in the target, 20 KB of headers) gets 4xx", async () => {
    assert.equal((await raw('\x00\x01\x02 garbage\r\n\r\n')).status, 400);
    assert.equal((await raw('GET /a b HTTP/1.1\r\nHost: x\r\n\r\n')).status, 400);
    assert.equal((await get('/', 'GET', `X-Big: ${'a'.repeat(20000)}\r\n`)).status, 431);
    await assertAlive();
  });

  test('a client that hangs up mid-request or mid-response stops nothing', async () => {
    await new Promise((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('GET /pkg/descent_bg.wasm HTTP/1.1\r\nHost: x\r\n');
        socket.destroy();
        resolve();
      });
    });
    await new Promise((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('GET /picture.png HTTP/1.1\r\nHost: x\r\n\r\n');
        socket.once('data', () => {
          socket.destroy();
          resolve();
        });
      });
    });
    await assertAlive();
  });
});

describe('paths outside the root', () => {
  for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2E%2E%2Fsecret.txt', '/pkg/../../secret.txt', '/pkg/%2e%2e/%2e%2e/secret.txt']) {
    test(`${target} is 403`, async () => {
      const response = await get(target);
      assert.equal(response.status, 403);
      assert.ok(!response.body.toString().includes(SECRET));
    });
  }

  test('a directory, a missing file and a backslash path are 404', async () => {
    for (const target of ['/pkg', '/missing.js', '/..\\secret.txt', '/pkg/']) {
      const response = await get(target);
      assert.equal(response.status, 404, target);
      assert.ok(!response.body.toString().includes(SECRET));
    }
  });
});

describe('methods', () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
    test(`${method} is 405 with Allow: GET, HEAD`, async () => {
      const response = await raw(`${method} /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 3\r\n\r\nabc`);
      assert.equal(response.status, 405);
      assert.equal(response.headers.allow, 'GET, HEAD');
      assert.equal(response.headers['content-security-policy'], CSP);
      await assertAlive();
    });
  }

  test('an unknown method and CONNECT leave the server answering', async () => {
    assert.equal((await get('/', 'BREW')).status, 400);
    await raw('CONNECT localhost:22 HTTP/1.1\r\nHost: localhost:22\r\n\r\n');
    await assertAlive();
  });

  test('HEAD sends the headers of GET and no body', async () => {
    const head = await get('/main.js', 'HEAD', 'Accept-Encoding: gzip\r\n');
    const full = await get('/main.js', 'GET', 'Accept-Encoding: gzip\r\n');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers['content-length'], String(full.body.length));
    assert.equal(head.headers['content-encoding'], 'gzip');
    assert.equal(head.headers.etag, full.headers.etag);
  });
});

describe('content', () => {
  test('every type has its MIME type, nosniff and the CSP', async () => {
    for (const [name, [bytes, type]] of Object.entries(FILES)) {
      const response = await fetchEncoded(`/${name}`);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers['content-type'], type, name);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', name);
      assert.equal(response.headers['content-security-policy'], CSP, name);
      assert.deepEqual(response.body, bytes, `${name} unencoded without Accept-Encoding`);
    }
  });

  test('errors carry nosniff and the CSP too', async () => {
    for (const target of ['/%', '/../secret.txt', '/missing']) {
      const response = await get(target);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', target);
      assert.equal(response.headers['content-security-policy'], CSP, target);
      assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8', target);
    }
  });

  test('the CSP forbids everything the page does not need', () => {
    assert.equal(
      CSP,
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  const compressible = ['index.html', 'main.js', 'style.css', 'pkg/descent_bg.wasm', 'data.json', 'favicon.svg'];
  for (const [accept, encoding, decode] of [
    ['gzip, deflate, br', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['br;q=0.5, gzip;q=0.9', 'gzip', gunzipSync],
    ['*', 'br', brotliDecompressSync],
  ]) {
    test(`Accept-Encoding: ${accept} → ${encoding}, decoding to the same bytes`, async () => {
      for (const name of compressible) {
        const response = await fetchEncoded(`/${name}`, { 'Accept-Encoding': accept });
        assert.equal(response.headers['content-encoding'], encoding, name);
        assert.equal(response.headers.vary, 'Accept-Encoding', name);
        assert.equal(Number(response.headers['content-length']), response.body.length, name);
        assert.deepEqual(decode(response.body), FILES[name][0], name);
      }
    });
  }

  test('a large text file shrinks, and the second request gets the cached bytes', async () => {
    const first = await fetchEncoded('/pkg/descent_bg.wasm', { 'Accept-Encoding': 'br' });
    const second = await fetchEncoded('/pkg/descent_bg.wasm', { 'Accept-Encoding': 'br' });
    assert.ok(first.body.length < FILES['pkg/descent_bg.wasm'][0].length / 20);
    assert.deepEqual(second.body, first.body);
  });

  test('identity when compression is refused or not offered; PNG is never compressed', async () => {
    for (const accept of ['identity', 'gzip;q=0, br;q=0', '*;q=0', 'compress']) {
      const response = await fetchEncoded('/main.js', { 'Accept-Encoding': accept });
      assert.equal(response.headers['content-encoding'], undefined, accept);
      assert.equal(response.headers.vary, 'Accept-Encoding', accept);
      assert.deepEqual(response.body, FILES['main.js'][0], accept);
    }
    const png = await fetchEncoded('/picture.png', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(png.headers['content-encoding'], undefined);
    assert.equal(png.headers.vary, undefined);
  });

  test('a precompressed sibling is served as is', async () => {
    const response = await fetchEncoded('/pre.js', { 'Accept-Encoding': 'br' });
    assert.equal(response.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(response.body).toString(), 'from the sibling');
  });

  test('a matching If-None-Match is a 304', async () => {
    const first = await fetchEncoded('/style.css', { 'Accept-Encoding': 'gzip' });
    const again = await fetchEncoded('/style.css', { 'Accept-Encoding': 'gzip', 'If-None-Match': first.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  test('negotiate follows q-values and prefers brotli among equals', () => {
    assert.equal(negotiate(undefined), null);
    assert.equal(negotiate(''), null);
    assert.equal(negotiate('gzip, br'), 'br');
    assert.equal(negotiate('BR;Q=1.0'), 'br');
    assert.equal(negotiate('br;q=0.1, gzip'), 'gzip');
    assert.equal(negotiate('br;q=2'), null, 'an invalid q-value counts as 0');
    assert.equal(negotiate('*;q=0.5, br;q=0'), 'gzip');
    assert.equal(negotiate('deflate'), null);
  });
});

test('an unexpected error is a 500 and one log line, and the server goes on', { skip: process.platform !== 'linux' }, async () => {
  const response = await get('/unreadable.js');
  assert.equal(response.status, 500);
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(logged.length, 1);
  assert.match(logged[0], /^serve: 500 for GET "\/unreadable\.js": Error: EIO/);
  await assertAlive();
});

// Serves www/ (or a `make dist` folder): `make serve` runs it; the browser tests import
// startServer so they exercise the same server. Hardened for a classroom network: only GET
// and HEAD (405 otherwise), a malformed request target gets 400, nothing outside the root is
// served (403), and no request can stop it (an unexpected error is a 500 and a log line).
// Text and wasm go out compressed (brotli or gzip, as the browser accepts), compressed once
// per file version and kept in memory, or read from a precompressed sibling when one exists.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COMPRESSIBLE, ENCODINGS, MIME, compress, negotiate } from './content.mjs';

export const WWW = resolve(fileURLToPath(new URL('../www', import.meta.url)));

/** The page's Content-Security-Policy. www/index.html carries the same policy in a
 *  <meta http-equiv> for static hosts, less frame-ancestors, which a <meta> cannot set. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response, errors included. */
const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': CSP,
  'Referrer-Policy': 'no-referrer',
};

const ALLOWED_METHODS = new Set(['GET', 'HEAD']);

/** Thrown for a request the server refuses, with its status. */
class Refusal extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * The file path a request target names under `root`. Accepts origin-form (`/path?query`) and
 * absolute-form (`http://host/path`); a malformed percent-encoding or a NUL byte is a 400,
 * a path that leaves `root` (`/../`, `%2e%2e%2f`) a 403. A path ending in `/` names its
 * index.html.
 */
export function resolveTarget(root, target) {
  const originForm = target.replace(/^https?:\/\/[^/?#]*/i, '') || '/';
  if (!originForm.startsWith('/')) throw new Refusal(400, 'bad request target');
  const rawPath = originForm.split(/[?#]/, 1)[0];
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    throw new Refusal(400, 'malformed percent-encoding');
  }
  if (path.includes('\0')) throw new Refusal(400, 'NUL in path');
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  if (!file.startsWith(root + sep)) throw new Refusal(403, 'forbidden');
  return file;
}

/** Compressed bodies by file, for the file's current version (mtime and size). */
class CompressionCache {
  #entries = new Map();

  /** The body of `file` (version `info`, bytes read by `read`) in `encoding`: a fresh
   *  precompressed sibling `file.br`/`file.gz` if there is one, else compressed once here. */
  get(file, info, encoding, read) {
    const version = `${info.mtimeMs}:${info.size}`;
    let entry = this.#entries.get(file);
    if (entry?.version !== version) {
      entry = { version, bodies: new Map() };
      this.#entries.set(file, entry);
    }
    let body = entry.bodies.get(encoding);
    if (!body) {
      body = precompressed(file, info, encoding).then(async (sibling) => sibling ?? compress(await read(), encoding));
      // A failure is not kept: the next request tries again.
      body.catch(() => entry.bodies.delete(encoding));
      entry.bodies.set(encoding, body);
    }
    return body;
  }
}

/** The sibling `file.br` or `file.gz`, if it exists and is not older than `file`. */
async function precompressed(file, info, encoding) {
  const sibling = `${file}${ENCODINGS.find((e) => e.name === encoding).suffix}`;
  try {
    const siblingInfo = await stat(sibling);
    return siblingInfo.isFile() && siblingInfo.mtimeMs >= info.mtimeMs ? await readFile(sibling) : null;
  } catch {
    return null;
  }
}

function sendText(response, status, text, extra = {}) {
  response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  response.end(text);
}

/** One request → one response; every failure ends as a status, never as an exception. */
async function respond(root, cache, request, response) {
  if (!ALLOWED_METHODS.has(request.method)) {
    sendText(response, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const file = resolveTarget(root, request.url);
  let info;
  try {
    info = await stat(file);
  } catch {
    info = null;
  }
  if (!info?.isFile()) throw new Refusal(404, 'not found');

  const extension = extname(file);
  const compressible = COMPRESSIBLE.has(extension);
  const encoding = compressible ? negotiate(request.headers['accept-encoding']) : null;
  const etag = `"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;
  const headers = {
    ...COMMON_HEADERS,
    'Content-Type': MIME[extension] ?? 'application/octet-stream',
    // Revalidate every time: an edited file shows on reload; an unchanged one is a 304.
    'Cache-Control': 'no-cache',
    ETag: etag,
  };
  if (compressible) headers.Vary = 'Accept-Encoding';
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers).end();
    return;
  }
  const read = () => readFile(file);
  const body = encoding ? await cache.get(file, info, encoding, read) : await read();
  if (encoding) headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = body.length;
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** A short, quoted, control-free rendering of a request target for a log line. */
function quoted(target) {
  const shown = target.length > 200 ? `${target.slice(0, 200)}…` : target;
  return JSON.stringify(shown);
}

/** Starts a static server for `root` on `host`:`port` (0 picks a free port); resolves to
 *  { url, port, close }. `log` receives one line per unexpected error. */
export function startServer({ root = WWW, port = 8000, host = '127.0.0.1', log = console.error } = {}) {
  const rootPath = resolve(root);
  const cache = new CompressionCache();
  const server = createServer((request, response) => {
    respond(rootPath, cache, request, response).catch((error) => {
      if (error instanceof Refusal) {
        if (!response.headersSent) sendText(response, error.status, error.message);
        else response.destroy();
        return;
      }
      log(`serve: 500 for ${request.method} ${quoted(request.url)}: ${error?.stack ?? error}`);
      if (response.headersSent) response.destroy();
      else sendText(response, 500, 'internal server error');
    }).catch((error) => {
      log(`serve: could not answer ${request.method} ${quoted(request.url)}: ${error?.message ?? error}`);
      response.destroy();
    });
  });
  // A request Node's parser rejects (a bad request line or header, headers too large, a
  // timeout): answer it if the socket still can, and close that connection only.
  server.on('clientError', (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = { HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large', ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout' }[error.code] ?? '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\nX-Content-Type-Options: nosniff\r\n\r\n`);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.on('error', (error) => log(`serve: ${error.message}`));
      const bound = server.address().port;
      const shownHost = isWildcard(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      // Closing also drops idle keep-alive connections, so a finished test never waits on them.
      const close = () =>
        new Promise((done) => {
          server.close(done);
          server.closeAllConnections();
        });
      resolvePromise({ url: `http://${shownHost}:${bound}/`, port: bound, close });
    });
  });
}

function isWildcard(host) {
  return host === '0.0.0.0' || host === '::';
}

function isLoopback(host) {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** The machine's non-loopback IPv4 addresses: what students type to reach a wildcard host. */
export function networkAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address.address);
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8000' },
      host: { type: 'string', default: '127.0.0.1' },
      root: { type: 'string', default: WWW },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, not ${JSON.stringify(values.port)}`);
  }
  const root = resolve(values.root);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`--root ${JSON.stringify(values.root)} is not a folder`);
  const { url, port: bound } = await startServer({ root, port, host: values.host }).catch((error) => {
    throw new Error(`could not serve on ${values.host}:${port}: ${error.message}`);
  });
  if (isWildcard(values.host)) {
    const addresses = networkAddresses();
    console.log(`Descent is served at ${url} on this machine (Ctrl-C stops it).`);
    if (addresses.length === 0) {
      console.log('No network address found: is this machine connected to a network?');
    } else {
      console.log('Students open:');
      for (const address of addresses) console.log(`  http://${address}:${bound}/`);
    }
    console.log('Warning: anyone on this network can open it while it runs.');
  } else {
    console.log(`Descent is served at ${url} (Ctrl-C stops it)`);
    if (!isLoopback(values.host)) console.log('Warning: anyone who can reach this address can open it while it runs.');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}

// What the server and `make dist` need to know about a file: its MIME type, whether it is
// worth compressing, how to compress it, and which encoding a request accepts.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Content-Type by extension; anything else is served as application/octet-stream. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The extensions whose files shrink under gzip and brotli (text and wasm; not PNG). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.csv', '.txt']);

/** The encodings offered, best first, with the file suffix of a precompressed sibling. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Compresses `bytes` with `encoding` ('br' or 'gzip'). `thorough` spends the time for the
 *  smallest output (brotli quality 11, gzip level 9: for `make dist`, done once); otherwise
 *  a quick setting (brotli 5, gzip 6) that the server can afford on a first request. */
export function compress(bytes, encoding, { thorough = false } = {}) {
  if (encoding === 'br') {
    return brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: thorough ? 11 : 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  }
  return gz(bytes, { level: thorough ? 9 : 6 });
}

/**
 * The best encoding the request's Accept-Encoding allows, or null for identity. Parses
 * `name;q=value` entries (RFC 9110 §12.5.3): q = 0 refuses an encoding, `*` stands for any
 * encoding not named; among the acceptable ones with the highest q, brotli wins over gzip.
 */
export function negotiate(acceptEncoding) {
  if (typeof acceptEncoding !== 'string' || acceptEncoding === '') return null;
  const weights = new Map();
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (token === '') continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q') q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : 0;
    }
    weights.set(token, q);
  }
  let best = null;
  let bestQ = 0;
  for (const { name } of ENCODINGS) {
    const q = weights.get(name) ?? weights.get('*') ?? 0;
    if (q > bestQ) {
      best = name;
      bestQ = q;
    }
  }
  return best;
}

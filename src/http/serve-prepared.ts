import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PreparedBody } from './prepared.js';

/** Headers every response carries (the same as helmet's for the Express routes). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** A CDN or proxy may keep a feed a few minutes; clients poll far less often (REFRESH-INTERVAL). */
export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=60';

export type Encoding = 'br' | 'gzip' | 'identity';
const ENCODINGS: readonly Encoding[] = ['identity', 'gzip', 'br'];

/** Flat [name, value, name, value…] header lists, the cheapest form for `writeHead`, per encoding. */
interface ResponseHeads {
  readonly ok: Readonly<Record<Encoding, readonly string[]>>;
  readonly notModified: Readonly<Record<Encoding, readonly string[]>>;
}

function etagFor(body: PreparedBody, encoding: Encoding): string {
  return encoding === 'identity' ? body.etag : `${body.etag.slice(0, -1)}-${encoding}"`;
}

function buildHeads(body: PreparedBody, cacheControl: string): ResponseHeads {
  const ok = {} as Record<Encoding, string[]>;
  const notModified = {} as Record<Encoding, string[]>;
  for (const encoding of ENCODINGS) {
    const common = [
      ...Object.entries(SECURITY_HEADERS).flat(),
      'Cache-Control',
      cacheControl,
      'ETag',
      etagFor(body, encoding),
      'Last-Modified',
      body.lastModified.toUTCString(),
      'Vary',
      'Accept-Encoding',
      'Access-Control-Allow-Origin',
      '*',
    ];
    notModified[encoding] = common;
    const full = [...common, 'Content-Type', body.contentType, 'Content-Length', String(body[encoding].length)];
    if (encoding !== 'identity') full.push('Content-Encoding', encoding);
    if (body.filename) full.push('Content-Disposition', `inline; filename="${body.filename}"`);
    ok[encoding] = full;
  }
  return { ok, notModified };
}

const defaultHeads = new WeakMap<PreparedBody, ResponseHeads>();

/** The header lists of a body, built once per body for the default Cache-Control. */
function responseHeads(body: PreparedBody, cacheControl = CACHE_CONTROL): ResponseHeads {
  if (cacheControl !== CACHE_CONTROL) return buildHeads(body, cacheControl);
  let heads = defaultHeads.get(body);
  if (!heads) {
    heads = buildHeads(body, cacheControl);
    defaultHeads.set(body, heads);
  }
  return heads;
}

/**
 * Answers GET or HEAD for a prepared body: content negotiation, conditional GET (RFC 9110 §13) and headers, with
 * no per-request hashing, compression or header building. Plain node:http, so the feed hot path skips routing.
 */
export function servePrepared(
  req: IncomingMessage,
  res: ServerResponse,
  body: PreparedBody,
  cacheControl?: string,
): void {
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  const heads = responseHeads(body, cacheControl);
  if (isNotModified(req, body)) {
    res.writeHead(304, heads.notModified[encoding] as string[]);
    res.end();
    return;
  }
  res.writeHead(200, heads.ok[encoding] as string[]);
  res.end(req.method === 'HEAD' ? undefined : body[encoding]);
}

const encodingMemo = new Map<string, Encoding>();

/** br, then gzip, only when the client lists them with a non-zero q; anything malformed means identity. */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  let encoding = encodingMemo.get(header);
  if (encoding === undefined) {
    encoding = parseAcceptEncoding(header);
    // Clients send a handful of distinct values; a flood of odd ones only resets the memo.
    if (encodingMemo.size >= 64) encodingMemo.clear();
    encodingMemo.set(header, encoding);
  }
  return encoding;
}

function parseAcceptEncoding(header: string): Encoding {
  let gzip = false;
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName?.trim().toLowerCase();
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (name === 'br') return 'br';
    if (name === 'gzip' || name === 'x-gzip') gzip = true;
  }
  return gzip ? 'gzip' : 'identity';
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.1.3); ETags compare weakly, ignoring the encoding suffix. */
function isNotModified(req: IncomingMessage, body: PreparedBody): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch === body.etag) return true;
    const base = body.etag.slice(1, -1);
    return ifNoneMatch.split(',').some((tag) => {
      const value = tag.trim().replace(/^W\//, '');
      return value === '*' || value.replace(/^"|"$/g, '').replace(/-(br|gzip)$/, '') === base;
    });
  }
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const time = Date.parse(since);
  return Number.isFinite(time) && body.lastModified.getTime() <= time;
}

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

type Encoding = 'br' | 'gzip' | 'identity';

/**
 * Answers GET or HEAD for a prepared body: content negotiation, conditional GET (RFC 9110 §13) and headers, with
 * no per-request hashing or compression. Plain node:http so that the feed hot path does not go through routing.
 */
export function servePrepared(
  req: IncomingMessage,
  res: ServerResponse,
  body: PreparedBody,
  cacheControl = CACHE_CONTROL,
): void {
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  const etag = encoding === 'identity' ? body.etag : `${body.etag.slice(0, -1)}-${encoding}"`;
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': body.lastModified.toUTCString(),
    Vary: 'Accept-Encoding',
    'Access-Control-Allow-Origin': '*',
  };
  if (isNotModified(req, body)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const bytes = encoding === 'identity' ? body.identity : body[encoding];
  headers['Content-Type'] = body.contentType;
  headers['Content-Length'] = String(bytes.length);
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  if (body.filename) headers['Content-Disposition'] = `inline; filename="${body.filename}"`;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** br, then gzip, only when the client lists them with a non-zero q; anything malformed means identity. */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
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

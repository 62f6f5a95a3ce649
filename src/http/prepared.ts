import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import {
  type BrotliOptions,
  brotliCompress,
  brotliCompressSync,
  constants,
  gzip,
  gzipSync,
  type ZlibOptions,
} from 'node:zlib';

/**
 * A response body made ready before any request arrives: the bytes, their compressed forms and a strong ETag.
 * Compression happens once per schedule version, never per request.
 */
export interface PreparedBody {
  readonly contentType: string;
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
  /** Strong validator of the content; each encoding gets its own suffix (RFC 9110 §8.8.3). */
  readonly etag: string;
  readonly lastModified: Date;
  readonly filename: string | undefined;
}

/** "max" for bodies served many times (feeds); "fast" for answers computed per query (API). */
export type Effort = 'max' | 'fast';

interface BodyMeta {
  readonly contentType: string;
  readonly lastModified: Date;
  readonly filename?: string | undefined;
}

/**
 * Brotli at quality 11 costs about 0.5 s per MB (measured: 11 s for the 23 MB of a 10,000-entry schedule's
 * feeds), quality 9 a few ms per MB for a slightly larger result: the best quality only for bodies up to 1 MB.
 */
function compressionOptions(size: number, effort: Effort): { gzip: ZlibOptions; br: BrotliOptions } {
  const quality = effort === 'fast' ? 5 : size <= 1_000_000 ? 11 : 9;
  return {
    gzip: { level: effort === 'fast' ? 6 : 9 },
    br: { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: size } },
  };
}

function assemble(identity: Buffer, gzipped: Buffer, br: Buffer, meta: BodyMeta): PreparedBody {
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 32);
  return {
    contentType: meta.contentType,
    identity,
    gzip: gzipped,
    br,
    etag: `"${hash}"`,
    // HTTP dates have whole seconds; comparisons with If-Modified-Since need the same precision.
    lastModified: new Date(Math.floor(meta.lastModified.getTime() / 1000) * 1000),
    filename: meta.filename,
  };
}

/** For small answers computed on request (API, variants). */
export function prepareBody(text: string, meta: BodyMeta, effort: Effort = 'fast'): PreparedBody {
  const identity = Buffer.from(text, 'utf8');
  const options = compressionOptions(identity.length, effort);
  return assemble(identity, gzipSync(identity, options.gzip), brotliCompressSync(identity, options.br), meta);
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** For the feeds of a new schedule version: compresses on the thread pool, so feeds compress in parallel. */
export async function prepareBodyAsync(identity: Buffer, meta: BodyMeta): Promise<PreparedBody> {
  const options = compressionOptions(identity.length, 'max');
  const [gzipped, br] = await Promise.all([gzipAsync(identity, options.gzip), brotliAsync(identity, options.br)]);
  return assemble(identity, gzipped, br, meta);
}

/** Keeps the previous Last-Modified when the bytes did not change, so unchanged feeds are not re-downloaded. */
export function carryLastModified(next: PreparedBody, previous: PreparedBody | undefined): PreparedBody {
  if (!previous) return next;
  if (previous.etag === next.etag) return { ...next, lastModified: previous.lastModified };
  // The content changed: Last-Modified must move forward even if the file's clock says otherwise.
  if (next.lastModified <= previous.lastModified) {
    return { ...next, lastModified: new Date(previous.lastModified.getTime() + 1000) };
  }
  return next;
}

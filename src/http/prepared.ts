import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

export function prepareBody(
  text: string,
  contentType: string,
  lastModified: Date,
  filename?: string,
  effort: Effort = 'max',
): PreparedBody {
  const identity = Buffer.from(text, 'utf8');
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 27);
  return {
    contentType,
    identity,
    gzip: gzipSync(identity, { level: effort === 'max' ? 9 : 6 }),
    br: brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: effort === 'max' ? 11 : 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    etag: `"${hash}"`,
    lastModified: new Date(Math.floor(lastModified.getTime() / 1000) * 1000),
    filename,
  };
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

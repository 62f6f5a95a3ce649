import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { type FeedVariant, listFeeds, selectFeedContent } from '../core/feeds.js';
import { renderEvents, renderFeed } from '../core/ical.js';
import type { Schedule } from '../core/schedule.js';
import { buildTimeline, type Language, type Timeline } from '../core/windows.js';
import { carryLastModified, type PreparedBody, prepareBody, prepareBodyAsync } from './prepared.js';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** One schedule version with every feed rendered, compressed and validated, ready to serve from memory. */
export interface Publication {
  /** Short hash of the schedule's content: the same file gives the same version on every server. */
  readonly version: string;
  readonly schedule: Schedule;
  readonly timeline: Timeline;
  readonly feeds: readonly FeedVariant[];
  /** The standard feeds by URL path ("/calendar.ics"), in the schedule's language. */
  readonly bodies: ReadonlyMap<string, PreparedBody>;
  readonly publishedAt: Date;
  /** Rendered on first request: other languages, type selections, single events. Bounded, per version. */
  readonly variants: LRUCache<string, PreparedBody>;
  readonly eventTexts: Map<Language, ReadonlyMap<string, string>>;
}

const DEFAULT_LANGUAGE: Language = 'nl';

/** Bound of the per-version cache of query variants, API answers and single events: a flood of distinct queries
 * evicts old entries instead of growing memory. */
const VARIANT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Renders every feed of a validated schedule. `modifiedAt` (the file's mtime) becomes Last-Modified for feeds
 * whose bytes changed since `previous`; unchanged feeds keep theirs.
 */
export async function publish(schedule: Schedule, modifiedAt: Date, previous?: Publication): Promise<Publication> {
  const timeline = buildTimeline(schedule);
  const feeds = listFeeds(schedule);
  const events = renderEvents(schedule, timeline, DEFAULT_LANGUAGE);
  const prepared = await Promise.all(
    feeds.map((feed) => {
      // Encoded right away, so the (UTF-16) text of each feed can be collected while others compress.
      const bytes = Buffer.from(
        renderFeed(schedule, feed, selectFeedContent(feed, timeline), events, DEFAULT_LANGUAGE),
      );
      return prepareBodyAsync(bytes, {
        contentType: ICS_CONTENT_TYPE,
        lastModified: modifiedAt,
        filename: feed.filename,
      });
    }),
  );
  const bodies = new Map<string, PreparedBody>();
  feeds.forEach((feed, i) => {
    const body = prepared[i] as PreparedBody;
    bodies.set(feed.path, carryLastModified(body, previous?.bodies.get(feed.path)));
  });
  return {
    version: createHash('sha256').update(JSON.stringify(schedule)).digest('hex').slice(0, 12),
    schedule,
    timeline,
    feeds,
    bodies,
    publishedAt: modifiedAt,
    variants: createVariantCache(),
    eventTexts: new Map([[DEFAULT_LANGUAGE, events]]),
  };
}

/**
 * Made outside `publish` on purpose: a closure created there would share its scope, keep `previous` alive, and
 * so chain every old publication in memory (measured: +24 MB per edit of a 10,000-entry schedule).
 */
function createVariantCache(): LRUCache<string, PreparedBody> {
  return new LRUCache({
    max: 1000,
    maxSize: VARIANT_CACHE_BYTES,
    sizeCalculation: (body) => body.identity.length + body.gzip.length + body.br.length + 200,
  });
}

export interface FeedOptions {
  readonly lang: Language;
  /** Only for /calendar.ics: a selection of type slugs (validated by the caller). */
  readonly types?: readonly string[] | undefined;
}

/** A feed in another language or with a type selection, rendered once and kept in the bounded cache. */
export function feedVariant(publication: Publication, feed: FeedVariant, options: FeedOptions): PreparedBody {
  const types = options.types ? [...new Set(options.types)].sort() : undefined;
  if (options.lang === DEFAULT_LANGUAGE && !types) {
    const body = publication.bodies.get(feed.path);
    if (body) return body;
  }
  const key = `${feed.path}|${options.lang}|${types?.join(',') ?? ''}`;
  return cachedCalendar(
    publication,
    key,
    () => {
      const selected: FeedVariant = types
        ? { ...feed, qualifier: undefined, includeNotices: false, selects: (w) => types.includes(w.type) }
        : feed;
      const content = selectFeedContent(selected, publication.timeline);
      return renderFeed(publication.schedule, selected, content, eventTexts(publication, options.lang), options.lang);
    },
    feed.filename,
  );
}

/** One window or notice as its own calendar, for "add this one to my calendar". */
export function singleEvent(publication: Publication, key: string, lang: Language): PreparedBody | undefined {
  const cacheKey = `event|${key}|${lang}`;
  const hit = publication.variants.get(cacheKey);
  if (hit) return hit;
  const window = publication.timeline.windows.find((w) => w.key === key);
  const notice = window ? undefined : publication.timeline.notices.find((n) => n.key === key);
  if (!window && !notice) return undefined;
  const feed: FeedVariant = {
    id: key,
    path: '',
    filename: `${key}.ics`,
    qualifier: undefined,
    includeNotices: notice !== undefined,
    selects: (w) => w === window,
  };
  const content = { windows: window ? [window] : [], notices: notice ? [notice] : [] };
  return cachedCalendar(
    publication,
    cacheKey,
    () => renderFeed(publication.schedule, feed, content, eventTexts(publication, lang), lang),
    feed.filename,
  );
}

/**
 * The one way to a rendered-on-demand body: from the version's bounded cache, or rendered and compressed once.
 * Used for feed variants, single events, API answers and Atom.
 */
export function cachedBody(publication: Publication, key: string, prepare: () => PreparedBody): PreparedBody {
  let body = publication.variants.get(key);
  if (!body) {
    body = prepare();
    publication.variants.set(key, body);
  }
  return body;
}

function cachedCalendar(publication: Publication, key: string, render: () => string, filename: string): PreparedBody {
  return cachedBody(publication, key, () =>
    prepareBody(render(), { contentType: ICS_CONTENT_TYPE, lastModified: publication.publishedAt, filename }, 'max'),
  );
}

function eventTexts(publication: Publication, lang: Language): ReadonlyMap<string, string> {
  let texts = publication.eventTexts.get(lang);
  if (!texts) {
    texts = renderEvents(publication.schedule, publication.timeline, lang);
    publication.eventTexts.set(lang, texts);
  }
  return texts;
}

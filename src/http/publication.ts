import { createHash } from 'node:crypto';
import { type FeedVariant, listFeeds, selectFeedContent } from '../core/feeds.js';
import { renderEvents, renderFeed } from '../core/ical.js';
import type { Schedule } from '../core/schedule.js';
import { buildTimeline, type Language, type Timeline } from '../core/windows.js';
import { carryLastModified, type PreparedBody, prepareBody } from './prepared.js';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** One schedule version with every feed rendered, compressed and validated, ready to serve from memory. */
export interface Publication {
  /** Short hash of the schedule's content: the same file gives the same version on every server. */
  readonly version: string;
  readonly schedule: Schedule;
  readonly timeline: Timeline;
  readonly feeds: readonly FeedVariant[];
  /** Feed bodies by URL path ("/calendar.ics"). */
  readonly bodies: ReadonlyMap<string, PreparedBody>;
  readonly publishedAt: Date;
}

/**
 * Renders every feed of a validated schedule. `modifiedAt` (the file's mtime) becomes Last-Modified for feeds
 * whose bytes changed since `previous`; unchanged feeds keep theirs.
 */
export function publish(schedule: Schedule, modifiedAt: Date, previous?: Publication): Publication {
  const timeline = buildTimeline(schedule);
  const feeds = listFeeds(schedule);
  const lang: Language = 'nl';
  const events = renderEvents(schedule, timeline, lang);
  const bodies = new Map<string, PreparedBody>();
  for (const feed of feeds) {
    const text = renderFeed(schedule, feed, selectFeedContent(feed, timeline), events, lang);
    const body = prepareBody(text, ICS_CONTENT_TYPE, modifiedAt, feed.filename);
    bodies.set(feed.path, carryLastModified(body, previous?.bodies.get(feed.path)));
  }
  return {
    version: createHash('sha256').update(JSON.stringify(schedule)).digest('hex').slice(0, 12),
    schedule,
    timeline,
    feeds,
    bodies,
    publishedAt: modifiedAt,
  };
}

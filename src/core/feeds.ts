import type { Schedule } from './schedule.js';
import type { Language, Localized, MaintenanceWindow, Timeline } from './windows.js';

/** One subscribable calendar: which windows it holds and what it is called. */
export interface FeedVariant {
  /** "all", "downtime" or a type slug. */
  readonly id: string;
  /** URL path, e.g. "/calendar.ics", "/calendar/downtime.ics", "/calendar/standaard.ics". */
  readonly path: string;
  readonly filename: string;
  /** Added to the calendar name: "– alleen downtime". Empty for the full calendar. */
  readonly qualifier: Localized | undefined;
  readonly includeNotices: boolean;
  readonly selects: (window: MaintenanceWindow) => boolean;
}

const ALL: FeedVariant = {
  id: 'all',
  path: '/calendar.ics',
  filename: 'calendar.ics',
  qualifier: undefined,
  includeNotices: true,
  selects: () => true,
};

const DOWNTIME: FeedVariant = {
  id: 'downtime',
  path: '/calendar/downtime.ics',
  filename: 'downtime.ics',
  qualifier: { nl: 'alleen downtime', en: 'downtime only' },
  includeNotices: false,
  selects: (window) => window.downtimeMinutes > 0,
};

/** Every feed of a schedule: all, downtime only, and one per maintenance type (in the file's order). */
export function listFeeds(schedule: Schedule): FeedVariant[] {
  const perType = Object.entries(schedule.types).map(
    ([slug, type]): FeedVariant => ({
      id: slug,
      path: `/calendar/${slug}.ics`,
      filename: `${slug}.ics`,
      qualifier: { nl: type.label, en: type.en?.label ?? type.label },
      includeNotices: false,
      selects: (window) => window.type === slug,
    }),
  );
  return [ALL, DOWNTIME, ...perType];
}

export interface FeedContent {
  readonly windows: readonly MaintenanceWindow[];
  readonly notices: Timeline['notices'];
}

export function selectFeedContent(feed: FeedVariant, timeline: Timeline): FeedContent {
  return {
    windows: timeline.windows.filter(feed.selects),
    notices: feed.includeNotices ? timeline.notices : [],
  };
}

export function feedTitle(schedule: Schedule, feed: FeedVariant, lang: Language): string {
  const name = lang === 'en' ? (schedule.calendar.en?.name ?? schedule.calendar.name) : schedule.calendar.name;
  return feed.qualifier ? `${name} – ${feed.qualifier[lang]}` : name;
}

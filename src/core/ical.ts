import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, {
  escape as escapeText,
  ICalEventBusyStatus,
  type ICalEventData,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { type FeedContent, type FeedVariant, feedTitle } from './feeds.js';
import { foldLines } from './fold.js';
import { noticeSummary, windowDescription, windowSummary } from './phrases.js';
import type { Schedule } from './schedule.js';
import type { Language, MaintenanceWindow, Notice, Timeline } from './windows.js';
import { calendarZone } from './zone.js';

/** Fixed, so the same schedule always gives the same bytes (RFC 5545 §3.7.3). */
export const PRODID = '//maintenance-calendar//feed publisher//NL';

/** Clients poll subscribed feeds at this interval (RFC 7986 REFRESH-INTERVAL, X-PUBLISHED-TTL for Outlook). */
export const REFRESH_SECONDS = 3 * 60 * 60;

/**
 * Every window and notice rendered once, as folded VEVENT text keyed by entry key. The feeds share these blocks,
 * so a schedule version costs one rendering per event and language, whatever the number of feeds.
 *
 * ical-generator 10.2 formats the events; the calendar envelope is written in renderFeed. Measured problems
 * with its calendar-level output that this avoids:
 * - a calendar-level timezone name writes `TIMEZONE-ID` (rejected by libical) and makes DTSTAMP lose its `Z`;
 * - NAME / X-WR-CALNAME / X-WR-CALDESC are written unescaped;
 * - REFRESH-INTERVAL and X-PUBLISHED-TTL come after VTIMEZONE, but calendar properties must precede components
 *   (RFC 5545 §3.4 `icalbody = calprops component`);
 * - `toString()` ends without CRLF, while RFC 5545 §3.1 ends every content line with one.
 * Dates are luxon DateTimes: for a JS Date with a zone it formats in the *host's* timezone.
 */
export function renderEvents(schedule: Schedule, timeline: Timeline, lang: Language): ReadonlyMap<string, string> {
  const parent = ical({ prodId: PRODID });
  const product = schedule.calendar.product ?? schedule.calendar.name;
  const texts = new Map<string, string>();
  for (const window of timeline.windows) {
    const event = parent.createEvent(windowEvent(schedule, window, product, lang));
    texts.set(window.key, foldLines(writeEndInUtcIfAmbiguous(event.toString(), window.visibleEnd)));
  }
  for (const notice of timeline.notices) {
    texts.set(notice.key, foldLines(parent.createEvent(noticeEvent(schedule, notice, lang)).toString()));
  }
  return texts;
}

/** The calendar envelope around the feed's events. No METHOD: PUBLISH requires ORGANIZER (RFC 5546 §3.2.1). */
export function renderFeed(
  schedule: Schedule,
  feed: FeedVariant,
  content: FeedContent,
  events: ReadonlyMap<string, string>,
  lang: Language,
): string {
  const { calendar } = schedule;
  const title = escapeText(feedTitle(schedule, feed, lang), false);
  const description = lang === 'en' ? (calendar.en?.description ?? calendar.description) : calendar.description;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-${PRODID}`,
    'CALSCALE:GREGORIAN',
    `NAME:${title}`,
    `X-WR-CALNAME:${title}`,
  ];
  if (description)
    lines.push(`DESCRIPTION:${escapeText(description, false)}`, `X-WR-CALDESC:${escapeText(description, false)}`);
  // X-WR-TIMEZONE is Google's and Apple's default zone for the calendar; unlike TIMEZONE-ID, libical accepts it.
  lines.push(`X-WR-TIMEZONE:${calendar.timezone}`);
  lines.push(
    `REFRESH-INTERVAL;VALUE=DURATION:PT${REFRESH_SECONDS / 3600}H`,
    `X-PUBLISHED-TTL:PT${REFRESH_SECONDS / 3600}H`,
  );
  lines.push(vtimezone(calendar.timezone));
  let text = `${foldLines(lines.join('\r\n').replace(/\r?\n/g, '\r\n'))}\r\n`;
  for (const entry of [...content.windows, ...content.notices]) text += events.get(entry.key) ?? '';
  return `${text}END:VCALENDAR\r\n`;
}

function vtimezone(zone: string): string {
  const component = getVtimezoneComponent(zone);
  if (!component) throw new Error(`unvalidated schedule: no VTIMEZONE for ${zone}`);
  return component.trim();
}

export function eventUid(key: string, schedule: Schedule): string {
  return `${key}@${schedule.calendar.uidDomain}`;
}

function windowEvent(schedule: Schedule, window: MaintenanceWindow, product: string, lang: Language): ICalEventData {
  return {
    id: eventUid(window.key, schedule),
    stamp: window.updated.toJSDate(),
    lastModified: window.updated.toJSDate(),
    start: window.start,
    end: window.visibleEnd,
    timezone: schedule.calendar.timezone,
    summary: windowSummary(window, product, lang),
    description: windowDescription(window, lang),
    categories: [{ name: window.label[lang] }],
    status: window.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.TRANSPARENT,
    busystatus: ICalEventBusyStatus.FREE,
    url: schedule.calendar.url ?? null,
    x: [
      ['X-MAINTENANCE-TYPE', window.type],
      ['X-MAINTENANCE-DOWNTIME-MINUTES', String(window.downtimeMinutes)],
      ...(window.unplanned ? [['X-MAINTENANCE-UNPLANNED', 'TRUE'] as [string, string]] : []),
    ],
  };
}

function noticeEvent(schedule: Schedule, notice: Notice, lang: Language): ICalEventData {
  const day = DateTime.fromISO(notice.date, { zone: calendarZone(schedule.calendar.timezone) });
  return {
    id: eventUid(notice.key, schedule),
    stamp: notice.updated.toJSDate(),
    lastModified: notice.updated.toJSDate(),
    allDay: true,
    start: day,
    // DTEND of an all-day event is exclusive: the next day (RFC 5545 §3.6.1).
    end: day.plus({ days: 1 }),
    summary: noticeSummary(notice, lang),
    description: notice.reason[lang],
    transparency: ICalEventTransparency.TRANSPARENT,
    busystatus: ICalEventBusyStatus.FREE,
    url: schedule.calendar.url ?? null,
  };
}

/**
 * An end time in the hour the clocks go back is ambiguous as local time, and RFC 5545 §3.3.5 resolves it to the
 * first occurrence, which would shorten the window by an hour. Such an end is written in UTC instead: a DTEND in
 * UTC beside a DTSTART with TZID is valid, both being DATE-TIME.
 */
function writeEndInUtcIfAmbiguous(eventText: string, end: DateTime): string {
  if (end.getPossibleOffsets().length < 2) return eventText;
  const local = `DTEND;TZID=${end.zoneName}:${end.toFormat("yyyyMMdd'T'HHmmss")}\r\n`;
  return eventText.replace(local, `DTEND:${end.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}\r\n`);
}

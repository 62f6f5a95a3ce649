import { DateTime } from 'luxon';
import { isNotice, type NoticeEntry, type Schedule, type WindowEntry } from './schedule.js';
import { calendarZone } from './zone.js';

export type Language = 'nl' | 'en';

/** Text in the vendor's language, with the English version where the schedule gives one. */
export interface Localized {
  readonly nl: string;
  readonly en: string;
}

/** One planned maintenance window, resolved to real instants. */
export interface MaintenanceWindow {
  readonly kind: 'window';
  /** Stable identity: the entry's `id`, or its original date and time. Same in every feed and the API. */
  readonly key: string;
  readonly type: string;
  readonly label: Localized;
  readonly typeDescription: Localized;
  readonly note: Localized | undefined;
  /** Wall-clock start in the calendar's timezone; `end` is `downtimeMinutes` of elapsed time later. */
  readonly start: DateTime;
  readonly end: DateTime;
  /**
   * Where calendars draw the end: `end`, or `calendar.minimumEventMinutes` after the start for a window with little
   * or no downtime. RFC 5545 §3.8.2.2 wants DTEND after DTSTART, and an event with no DTEND is shown as an all-day
   * item by Google Calendar and Evolution (khal's standards notes), which would hide the hour.
   */
  readonly visibleEnd: DateTime;
  readonly downtimeMinutes: number;
  readonly cancelled: boolean;
  readonly unplanned: boolean;
  /** When the entry last changed (DTSTAMP / LAST-MODIFIED): from the data, never the clock. */
  readonly updated: DateTime;
}

/** A day on which there is deliberately no maintenance (VAT month, Christmas). */
export interface Notice {
  readonly kind: 'notice';
  readonly key: string;
  readonly date: string;
  readonly reason: Localized;
  readonly updated: DateTime;
}

export interface Timeline {
  readonly windows: readonly MaintenanceWindow[];
  readonly notices: readonly Notice[];
}

/** Used for DTSTAMP when neither the entry nor the calendar says when it changed: any fixed instant is valid. */
const EPOCH = DateTime.fromISO('2000-01-01T00:00:00Z', { zone: 'utc' });

/** Schedule → windows and notices in chronological order. The schedule was validated: no checks here. */
export function buildTimeline(schedule: Schedule): Timeline {
  const fallback = schedule.calendar.updated ? utc(schedule.calendar.updated) : EPOCH;
  const windows: MaintenanceWindow[] = [];
  const notices: Notice[] = [];
  for (const entry of schedule.maintenance) {
    if (isNotice(entry)) notices.push(toNotice(entry, fallback));
    else windows.push(toWindow(schedule, entry, fallback));
  }
  windows.sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.key.localeCompare(b.key));
  notices.sort((a, b) => a.date.localeCompare(b.date));
  return { windows, notices };
}

function toWindow(schedule: Schedule, entry: WindowEntry, fallback: DateTime): MaintenanceWindow {
  const type = schedule.types[entry.type];
  if (!type) throw new Error(`unvalidated schedule: unknown type ${entry.type}`);
  const start = DateTime.fromISO(`${entry.date}T${entry.time}`, { zone: calendarZone(schedule.calendar.timezone) });
  const downtimeMinutes = entry.downtimeMinutes ?? type.downtimeMinutes;
  const shownMinutes = Math.max(downtimeMinutes, schedule.calendar.minimumEventMinutes);
  return {
    kind: 'window',
    key: entry.id ?? `${entry.date.replaceAll('-', '')}T${entry.time.replace(':', '')}`,
    type: entry.type,
    label: localized(type.label, type.en?.label),
    typeDescription: localized(type.description, type.en?.description),
    note: entry.note === undefined ? undefined : localized(entry.note, entry.en?.note),
    start,
    // Elapsed time, not wall-clock: 01:30 + 120 min on the night the clocks go back ends at 02:30 (second time).
    end: start.plus({ milliseconds: downtimeMinutes * 60_000 }),
    visibleEnd: start.plus({ milliseconds: shownMinutes * 60_000 }),
    downtimeMinutes,
    cancelled: entry.status === 'cancelled',
    unplanned: entry.unplanned,
    updated: entry.updated ? utc(entry.updated) : fallback,
  };
}

function toNotice(entry: NoticeEntry, fallback: DateTime): Notice {
  return {
    kind: 'notice',
    key: entry.id ?? `${entry.date.replaceAll('-', '')}-geen-onderhoud`,
    date: entry.date,
    reason: localized(entry.noMaintenance, entry.en?.noMaintenance),
    updated: entry.updated ? utc(entry.updated) : fallback,
  };
}

function localized(nl: string, en: string | undefined): Localized {
  return { nl, en: en ?? nl };
}

function utc(iso: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true }).setZone('utc');
}

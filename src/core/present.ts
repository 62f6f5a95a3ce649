import type { DateTime } from 'luxon';
import { eventUid } from './ical.js';
import type { Schedule } from './schedule.js';
import type { Language, MaintenanceWindow, Notice, Timeline } from './windows.js';

/** A window as integrators read it from the JSON API: plain values, ISO 8601 times with the zone's offset. */
export interface WindowView {
  uid: string;
  type: string;
  label: string;
  start: string;
  end: string;
  downtimeMinutes: number;
  description: string;
  note: string | null;
  status: 'planned' | 'cancelled';
  unplanned: boolean;
  ics: string;
}

export interface NoticeView {
  uid: string;
  date: string;
  reason: string;
}

/** Path of a window's own .ics; the UID is URL-encoded, as it holds an "@". */
export function eventPath(uid: string): string {
  return `/calendar/events/${encodeURIComponent(uid)}.ics`;
}

export function viewWindow(schedule: Schedule, window: MaintenanceWindow, lang: Language, baseUrl: string): WindowView {
  const uid = eventUid(window.key, schedule);
  return {
    uid,
    type: window.type,
    label: window.label[lang],
    start: isoMinutes(window.start),
    end: isoMinutes(window.end),
    downtimeMinutes: window.downtimeMinutes,
    description: window.typeDescription[lang],
    note: window.note?.[lang] ?? null,
    status: window.cancelled ? 'cancelled' : 'planned',
    unplanned: window.unplanned,
    ics: baseUrl + eventPath(uid),
  };
}

export function viewNotice(schedule: Schedule, notice: Notice, lang: Language): NoticeView {
  return { uid: eventUid(notice.key, schedule), date: notice.date, reason: notice.reason[lang] };
}

function isoMinutes(time: DateTime): string {
  return time.toISO({ suppressMilliseconds: true }) ?? '';
}

export interface TimelineFilter {
  /** Only these type slugs (notices are left out when set). */
  readonly types?: readonly string[] | undefined;
  /** true: only windows with downtime, and no notices; false: only windows without. */
  readonly downtime?: boolean | undefined;
  /** Inclusive calendar dates, "YYYY-MM-DD", in the calendar's timezone. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export function filterTimeline(timeline: Timeline, filter: TimelineFilter): Timeline {
  const inRange = (date: string) => (!filter.from || date >= filter.from) && (!filter.to || date <= filter.to);
  const windows = timeline.windows.filter(
    (w) =>
      inRange(w.start.toISODate() ?? '') &&
      (!filter.types || filter.types.includes(w.type)) &&
      (filter.downtime === undefined || w.downtimeMinutes > 0 === filter.downtime),
  );
  const notices = filter.types || filter.downtime !== undefined ? [] : timeline.notices.filter((n) => inRange(n.date));
  return { windows, notices };
}

export interface MaintenanceStatus {
  readonly current: MaintenanceWindow | undefined;
  readonly next: MaintenanceWindow | undefined;
}

/**
 * The window in progress at `now` and the next one to start; cancelled windows do not count. A window without
 * downtime counts as in progress for the minimum time the calendars show it.
 */
export function findStatus(timeline: Timeline, now: DateTime): MaintenanceStatus {
  const active = timeline.windows.filter((w) => !w.cancelled);
  const current = active.find((w) => w.start <= now && now < w.visibleEnd);
  const next = active.find((w) => w.start > now);
  return { current, next };
}

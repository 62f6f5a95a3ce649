import { DateTime } from 'luxon';
import { formatDate, formatWindow } from './format.js';
import { eventUid } from './ical.js';
import { noticeSummary, windowDescription, windowSummary } from './phrases.js';
import { eventPath } from './present.js';
import type { Schedule } from './schedule.js';
import type { Language, MaintenanceWindow, Notice, Timeline } from './windows.js';

export interface AtomLinks {
  /** Absolute base URL, e.g. "https://status.example.com". */
  readonly baseUrl: string;
  readonly lang: Language;
}

/**
 * Atom 1.0 (RFC 4287) of the windows and notices, newest announcement (entry `updated`) first. Each entry links
 * to its single-event .ics, so a feed reader can add it to a calendar.
 */
export function renderAtom(schedule: Schedule, timeline: Timeline, { baseUrl, lang }: AtomLinks): string {
  const entries = [
    ...timeline.windows.map((w) => windowEntry(schedule, w, baseUrl, lang)),
    ...timeline.notices.map((n) => noticeEntry(schedule, n, baseUrl, lang)),
  ];
  entries.sort((a, b) => b.updated.localeCompare(a.updated) || b.sortKey.localeCompare(a.sortKey));
  const name = lang === 'en' ? (schedule.calendar.en?.name ?? schedule.calendar.name) : schedule.calendar.name;
  const updated = entries[0]?.updated ?? iso(DateTime.fromISO(schedule.calendar.updated ?? '2000-01-01T00:00:00Z'));
  const query = lang === 'en' ? '?lang=en' : '';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${xml(tagUri(schedule, 'feed'))}</id>`,
    `  <title>${xml(name)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(`${baseUrl}/feed.atom${query}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${baseUrl}/${query}`)}"/>`,
    `  <author><name>${xml(schedule.calendar.product ?? schedule.calendar.name)}</name></author>`,
    ...entries.map((e) => e.xml),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

interface Entry {
  readonly updated: string;
  readonly sortKey: string;
  readonly xml: string;
}

function windowEntry(schedule: Schedule, window: MaintenanceWindow, baseUrl: string, lang: Language): Entry {
  const product = schedule.calendar.product ?? schedule.calendar.name;
  const title = `${windowSummary(window, product, lang)} – ${formatWindow(window, lang)}`;
  const content = `${formatWindow(window, lang)}\n\n${windowDescription(window, lang)}`;
  return entry(
    schedule,
    window.key,
    iso(window.updated),
    window.start.toUTC().toISO() ?? '',
    title,
    content,
    baseUrl,
    lang,
  );
}

function noticeEntry(schedule: Schedule, notice: Notice, baseUrl: string, lang: Language): Entry {
  const day = formatDate(notice.date, schedule.calendar.timezone, lang);
  const title = `${noticeSummary(notice, lang)} – ${day}`;
  return entry(schedule, notice.key, iso(notice.updated), notice.date, title, title, baseUrl, lang);
}

function entry(
  schedule: Schedule,
  key: string,
  updated: string,
  sortKey: string,
  title: string,
  content: string,
  baseUrl: string,
  lang: Language,
): Entry {
  const href = `${baseUrl}${eventPath(eventUid(key, schedule))}${lang === 'en' ? '?lang=en' : ''}`;
  return {
    updated,
    sortKey,
    xml: [
      '  <entry>',
      `    <id>${xml(tagUri(schedule, key))}</id>`,
      `    <title>${xml(title)}</title>`,
      `    <updated>${updated}</updated>`,
      `    <link rel="alternate" type="text/calendar" href="${xml(href)}"/>`,
      `    <content type="text">${xml(content)}</content>`,
      '  </entry>',
    ].join('\n'),
  };
}

/** tag: URIs (RFC 4151) are stable ids that need no resolvable address. */
function tagUri(schedule: Schedule, key: string): string {
  return `tag:${schedule.calendar.uidDomain},2000:${key}`;
}

function iso(time: DateTime): string {
  return time.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

function xml(text: string): string {
  return (
    text
      .replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 (§2.2) forbids these characters, even escaped.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  );
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listFeeds, selectFeedContent } from '../../src/core/feeds.js';
import { renderEvents, renderFeed } from '../../src/core/ical.js';
import type { Schedule } from '../../src/core/schedule.js';
import { buildTimeline, type Language } from '../../src/core/windows.js';
import { parseIcs, physicalLines, utcIso } from '../support/ics.js';
import { bundledRaw, ROOT, smallRaw, validSchedule } from '../support/schedules.js';

function renderAll(schedule: Schedule, lang: Language = 'nl'): Map<string, string> {
  const timeline = buildTimeline(schedule);
  const events = renderEvents(schedule, timeline, lang);
  return new Map(
    listFeeds(schedule).map((feed) => [
      feed.id,
      renderFeed(schedule, feed, selectFeedContent(feed, timeline), events, lang),
    ]),
  );
}

const bundled = renderAll(validSchedule());
const small = renderAll(validSchedule(smallRaw()));

describe('golden files', () => {
  it.each([...small.keys()])('small schedule, feed "%s", is byte-identical to its golden file', (feed) => {
    const path = `${ROOT}tests/fixtures/small.${feed}.ics`;
    if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, small.get(feed) ?? '');
    expect(small.get(feed)).toBe(readFileSync(path, 'utf8'));
  });

  it('bundled schedule, full feed, is byte-identical to its golden file', () => {
    const path = `${ROOT}tests/fixtures/bundled.all.ics`;
    if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, bundled.get('all') ?? '');
    expect(bundled.get('all')).toBe(readFileSync(path, 'utf8'));
  });
});

describe('RFC 5545 form', () => {
  it.each([...bundled, ...small])(
    'feed "%s": CRLF throughout, lines of at most 75 octets, valid UTF-8',
    (_feed, text) => {
      const lines = physicalLines(Buffer.from(text, 'utf8'));
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines.at(-1)).toBe('END:VCALENDAR');
      expect(text).not.toMatch(/TIMEZONE-ID|METHOD:/);
      for (const stamp of text.match(/^DTSTAMP:.*$/gm) ?? []) expect(stamp).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    },
  );

  it('escapes text and keeps it intact through a real parser', () => {
    const { calendar, events } = parseIcs(small.get('all') ?? '');
    // ical.js leaves NAME (RFC 7986) and X- properties raw; X- properties are TEXT by default (RFC 5545 §3.8.8.2).
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Test\\, calendar\\; with \\\\ specials');
    expect(small.get('all')).toContain('\r\nNAME:Test\\, calendar\\; with \\\\ specials\r\n');
    const june = events.find((e) => e.start.toString().startsWith('2020-06-01'));
    expect(june?.component.getFirstPropertyValue('description')).toContain(
      'Spoedonderhoud 🚧 aan de database — één keer, met "aanhalingstekens"; en een regel\nmet een tweede regel',
    );
  });

  it('puts calendar properties before VTIMEZONE and events (RFC 5545 §3.4)', () => {
    const text = bundled.get('all') ?? '';
    expect(text.indexOf('X-PUBLISHED-TTL:PT3H')).toBeLessThan(text.indexOf('BEGIN:VTIMEZONE'));
    expect(text.indexOf('REFRESH-INTERVAL;VALUE=DURATION:PT3H')).toBeLessThan(text.indexOf('BEGIN:VTIMEZONE'));
  });
});

describe('feed content', () => {
  it('the full feed holds the 33 seed rows at the right instants', () => {
    const { events } = parseIcs(bundled.get('all') ?? '');
    expect(events).toHaveLength(33);
    const first = events.find((e) => e.uid === '20191002T2200@onderhoud.minox.nl');
    expect(first && [utcIso(first.start), utcIso(first.end)]).toEqual([
      '2019-10-02T20:00:00.000Z',
      '2019-10-02T20:30:00.000Z',
    ]);
    expect(first?.start.zone?.tzid).toBe('Europe/Amsterdam');
    const april = events.find((e) => e.uid === '20200402T2100@onderhoud.minox.nl');
    expect(april && utcIso(april.start)).toBe('2020-04-02T19:00:00.000Z');
    const notices = events.filter((e) => e.start.isDate);
    expect(notices.map((e) => [e.start.toString(), e.end.toString(), e.summary])).toContainEqual([
      '2019-10-17',
      '2019-10-18',
      'Geen onderhoud: I.v.m. btw maand',
    ]);
    expect(notices).toHaveLength(7);
    for (const notice of notices) expect(notice.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('each window carries type, downtime and description, and does not block the agenda', () => {
    const { events } = parseIcs(bundled.get('all') ?? '');
    const window = events[0]?.component;
    expect(window?.getFirstPropertyValue('summary')).toBe('Minox Online onderhoud: Standaard, 30 min downtime');
    expect(window?.getFirstPropertyValue('categories')).toBe('Standaard');
    expect(window?.getFirstPropertyValue('x-maintenance-type')).toBe('standaard');
    expect(window?.getFirstPropertyValue('x-maintenance-downtime-minutes')).toBe('30');
    expect(window?.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(window?.getFirstPropertyValue('x-microsoft-cdo-busystatus')).toBe('FREE');
    expect(window?.getFirstPropertyValue('description')).toContain('Het gaat om middelgroot operationeel onderhoud');
  });

  it('the downtime feed holds the 26 windows and no notices; type feeds hold their own windows', () => {
    expect(parseIcs(bundled.get('downtime') ?? '').events).toHaveLength(26);
    expect(parseIcs(bundled.get('standaard') ?? '').events).toHaveLength(26);
    expect(parseIcs(bundled.get('operationeel') ?? '').events).toHaveLength(0);
    expect(parseIcs(bundled.get('uitgebreid') ?? '').events).toHaveLength(0);
    expect(parseIcs(bundled.get('downtime') ?? '').calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'Minox Online onderhoudskalender – alleen downtime',
    );
    const small3 = parseIcs(small.get('downtime') ?? '').events;
    expect(small3.map((e) => e.component.getFirstPropertyValue('x-maintenance-type'))).toEqual([
      'groot',
      'groot',
      'groot',
    ]);
  });

  it('a zero-downtime window shows as a short block but says "geen downtime"', () => {
    const { events } = parseIcs(small.get('klein') ?? '');
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event && (event.end.toUnixTime() - event.start.toUnixTime()) / 60).toBe(15);
    expect(event?.summary).toBe('Test, calendar; with \\ specials onderhoud: Klein, geen downtime');
    expect(event?.component.getFirstPropertyValue('x-maintenance-downtime-minutes')).toBe('0');
  });

  it('a window ending in the repeated hour lasts its full downtime', () => {
    const { events } = parseIcs(small.get('all') ?? '');
    const night = events.find((e) => e.start.toString().startsWith('2020-10-25'));
    expect(night && [utcIso(night.start), utcIso(night.end)]).toEqual([
      '2020-10-24T23:30:00.000Z',
      '2020-10-25T01:30:00.000Z',
    ]);
  });

  it('a cancelled window is STATUS:CANCELLED and says so in its summary (Outlook ignores STATUS)', () => {
    const { events } = parseIcs(small.get('all') ?? '');
    const cancelled = events.find((e) => e.uid === 'verplaatst-mei@test.example');
    expect(cancelled?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled?.summary).toMatch(/^Geannuleerd: /);
  });

  it('renders English texts with lang "en"', () => {
    const english = renderAll(validSchedule(), 'en');
    const { calendar, events } = parseIcs(english.get('downtime') ?? '');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Minox Online maintenance calendar – downtime only');
    expect(events[0]?.summary).toBe('Minox Online maintenance: Standard, 30 min downtime');
  });
});

describe('stable identity', () => {
  const uids = (text: string) =>
    parseIcs(text)
      .events.map((e) => e.uid)
      .sort();

  it('gives every event a unique UID, the same in every feed that holds it', () => {
    const all = uids(bundled.get('all') ?? '');
    expect(new Set(all).size).toBe(all.length);
    for (const uid of uids(bundled.get('downtime') ?? '')) expect(all).toContain(uid);
  });

  it('keeps UIDs and bytes when the file is reordered', () => {
    const raw = bundledRaw();
    raw.maintenance.reverse();
    expect(renderAll(validSchedule(raw)).get('all')).toBe(bundled.get('all'));
  });

  it('keeps a window UID when its type, downtime or note changes, and an id keeps it when it moves', () => {
    const raw = smallRaw();
    raw.maintenance[0] = { ...raw.maintenance[0], type: 'klein', downtimeMinutes: 5, note: 'Anders' };
    raw.maintenance[2] = { ...raw.maintenance[2], date: '2020-05-11' };
    expect(uids(renderAll(validSchedule(raw)).get('all') ?? '')).toEqual(uids(small.get('all') ?? ''));
  });

  it('renders the same bytes on every run: DTSTAMP comes from the data, not the clock', () => {
    expect(renderAll(validSchedule()).get('all')).toBe(bundled.get('all'));
    expect(bundled.get('all')).toContain('DTSTAMP:20201201T090000Z');
  });
});

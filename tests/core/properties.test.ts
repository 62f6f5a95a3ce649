import fc from 'fast-check';
import { foldLines as icalGeneratorFold } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { listFeeds, selectFeedContent } from '../../src/core/feeds.js';
import { foldLines } from '../../src/core/fold.js';
import { renderEvents, renderFeed } from '../../src/core/ical.js';
import type { Schedule } from '../../src/core/schedule.js';
import { parseSchedule, parseScheduleText } from '../../src/core/validate.js';
import { buildTimeline } from '../../src/core/windows.js';
import { parseIcs, physicalLines } from '../support/ics.js';
import { BUNDLED_SCHEDULE_TEXT, smallRaw } from '../support/schedules.js';

function renderAll(schedule: Schedule): string[] {
  const timeline = buildTimeline(schedule);
  const events = renderEvents(schedule, timeline, 'nl');
  return listFeeds(schedule).map((feed) => renderFeed(schedule, feed, selectFeedContent(feed, timeline), events, 'nl'));
}

/** Text an operator might type: any Unicode (emoji, combining marks), iCalendar's special characters, newlines. */
const operatorText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom(',', ';', '\\', '\n', ':', '"', 'é', 'e\u0301', '👩🏽‍💻', '🇳🇱', '—', '\t'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const longText = fc.string({ unit: 'grapheme-ascii', minLength: 10_000, maxLength: 10_240 });

describe('properties', () => {
  it('any text in labels, descriptions and notes round-trips through the feed and ical.js', () => {
    fc.assert(
      fc.property(operatorText, operatorText, operatorText, (label, description, note) => {
        const raw = smallRaw();
        raw.types = { klein: { label, downtimeMinutes: 30, description } };
        raw.maintenance = [{ date: '2020-04-02', time: '21:00', type: 'klein', note }];
        const result = parseSchedule(raw);
        fc.pre(result.ok); // empty (after trimming) texts are rejected, with a message: tested elsewhere
        if (!result.ok) return;
        const type = result.schedule.types.klein;
        const entry = result.schedule.maintenance[0];
        const [all] = renderAll(result.schedule);
        physicalLines(Buffer.from(all ?? '', 'utf8'));
        const event = parseIcs(all ?? '').events[0]?.component;
        expect(event?.getFirstProperty('categories')?.getValues()).toEqual([type?.label]);
        expect(event?.getFirstPropertyValue('summary')).toContain(`: ${type?.label}, 30 min downtime`);
        const text = String(event?.getFirstPropertyValue('description'));
        expect(text).toContain(type?.description);
        expect(text).toContain(entry && 'note' in entry ? entry.note : '');
      }),
      { numRuns: 150 },
    );
  });

  it('10 kB texts fold into lines of at most 75 octets and come back whole', () => {
    fc.assert(
      fc.property(longText, (note) => {
        const raw = smallRaw();
        raw.maintenance = [{ date: '2020-04-02', time: '21:00', type: 'groot', note: `🚧${note}é` }];
        const result = parseSchedule(raw);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const [all] = renderAll(result.schedule);
        physicalLines(Buffer.from(all ?? '', 'utf8'));
        const description = String(parseIcs(all ?? '').events[0]?.component.getFirstPropertyValue('description'));
        expect(description).toContain(`🚧${note}é`);
      }),
      { numRuns: 10 },
    );
  });

  it('folds exactly as ical-generator does, without splitting a UTF-8 character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (line) => {
        const clean = line.replace(/[\r\n]/g, '');
        expect(foldLines(clean)).toBe(icalGeneratorFold(clean));
      }),
      { numRuns: 500 },
    );
  });

  it('any schedule the validator accepts renders feeds that ical.js parses', () => {
    const entry = fc.oneof(
      fc.record({
        date: fc
          .date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        time: fc
          .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
          .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
        type: fc.constantFrom('klein', 'groot', 'nope'),
        downtimeMinutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
        status: fc.option(fc.constantFrom('planned', 'cancelled'), { nil: undefined }),
        unplanned: fc.option(fc.boolean(), { nil: undefined }),
        note: fc.option(operatorText, { nil: undefined }),
      }),
      fc.record({
        date: fc
          .date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        noMaintenance: operatorText,
      }),
    );
    const zone = fc.constantFrom(
      'Europe/Amsterdam',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'UTC',
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), zone, (maintenance, timezone) => {
        const raw = smallRaw();
        raw.maintenance = maintenance.map((e) =>
          Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)),
        );
        (raw.calendar as Record<string, unknown>).timezone = timezone;
        const result = parseSchedule(raw);
        if (!result.ok) {
          for (const problem of result.problems) expect(problem.path).toMatch(/^maintenance\[\d+\]/);
          return;
        }
        for (const text of renderAll(result.schedule)) {
          physicalLines(Buffer.from(text, 'utf8'));
          expect(() => parseIcs(text)).not.toThrow();
        }
        const { events } = parseIcs(renderAll(result.schedule)[0] ?? '');
        expect(events).toHaveLength(maintenance.length);
        for (const event of events) expect(event.end.compare(event.start)).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('random JSON never crashes the loader and always yields located messages', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseSchedule(value);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(problem.message.length).toBeGreaterThan(5);
          expect(problem.path).toMatch(/^$|^[A-Za-z_$][\w$-]*|^\["/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a truncated or corrupted file is reported, never thrown', () => {
    fc.assert(
      fc.property(fc.nat(BUNDLED_SCHEDULE_TEXT.length - 1), fc.string({ maxLength: 3 }), (cut, junk) => {
        const text = BUNDLED_SCHEDULE_TEXT.slice(0, cut) + junk;
        const result = parseScheduleText(text);
        if (result.ok) return; // e.g. a cut that leaves valid JSON is impossible here, but junk could repair it
        expect(result.problems[0]?.message).toMatch(/\w/);
      }),
      { numRuns: 300 },
    );
  });
});

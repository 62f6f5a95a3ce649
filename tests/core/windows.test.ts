import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/core/windows.js';
import { smallRaw, validSchedule } from '../support/schedules.js';

const bundled = buildTimeline(validSchedule());
const small = buildTimeline(validSchedule(smallRaw()));

describe('buildTimeline', () => {
  it.each([
    ['20191002T2200', '2019-10-02T20:00:00.000Z', '2019-10-02T20:30:00.000Z'], // summer time, +02:00
    ['20191104T2100', '2019-11-04T20:00:00.000Z', '2019-11-04T20:30:00.000Z'], // winter time, +01:00
    ['20200402T2100', '2020-04-02T19:00:00.000Z', '2020-04-02T19:30:00.000Z'], // first window after the spring change
  ])('maps window %s to UTC', (key, start, end) => {
    const window = bundled.windows.find((w) => w.key === key);
    expect(window?.start.toUTC().toISO()).toBe(start);
    expect(window?.end.toUTC().toISO()).toBe(end);
  });

  it('keeps the wall-clock time and Amsterdam offset for display', () => {
    expect(bundled.windows[0]?.start.toISO()).toBe('2019-10-02T22:00:00.000+02:00');
    expect(bundled.windows[1]?.start.toISO()).toBe('2019-11-04T21:00:00.000+01:00');
  });

  it('measures downtime in elapsed minutes across the night the clocks go back', () => {
    const night = small.windows.find((w) => w.start.toISODate() === '2020-10-25');
    expect(night?.start.toISO()).toBe('2020-10-25T01:30:00.000+02:00');
    // 120 real minutes later: 02:30 for the second time, in winter time.
    expect(night?.end.toISO()).toBe('2020-10-25T02:30:00.000+01:00');
    expect(night?.end.diff(night.start, 'minutes').minutes).toBe(120);
  });

  it('holds the 26 windows and 7 notices of the seed, in order', () => {
    expect(bundled.windows).toHaveLength(26);
    expect(bundled.notices.map((n) => `${n.date} ${n.reason.nl}`)).toEqual([
      '2019-10-17 I.v.m. btw maand',
      '2019-12-26 I.v.m. kerst',
      '2020-01-23 I.v.m. btw maand',
      '2020-04-16 I.v.m. btw maand',
      '2020-07-23 I.v.m. btw maand',
      '2020-10-15 I.v.m. btw maand',
      '2020-12-24 I.v.m. kerst',
    ]);
    const starts = bundled.windows.map((w) => w.start.toMillis());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('applies per-entry overrides and flags', () => {
    const june = small.windows.find((w) => w.start.toISODate() === '2020-06-01');
    expect(june).toMatchObject({ downtimeMinutes: 45, unplanned: true, cancelled: false });
    expect(june?.updated.toISO()).toBe('2020-05-31T18:00:00.000Z');
    const may = small.windows.find((w) => w.key === 'verplaatst-mei');
    expect(may).toMatchObject({ cancelled: true, downtimeMinutes: 120 });
  });
});

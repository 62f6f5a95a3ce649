import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems.js';
import { parseSchedule, parseScheduleText } from '../../src/core/validate.js';
import { BUNDLED_SCHEDULE_TEXT, bundledRaw, smallRaw } from '../support/schedules.js';

function problemsOf(raw: unknown): string[] {
  const result = typeof raw === 'string' ? parseScheduleText(raw) : parseSchedule(raw);
  if (result.ok) return [];
  return result.problems.map(formatProblem);
}

function withEntry(entry: Record<string, unknown>, index = 1) {
  const raw = smallRaw();
  raw.maintenance[index] = entry;
  return raw;
}

describe('parseSchedule', () => {
  it('accepts the bundled schedule: 33 rows, 26 windows and 7 days without maintenance', () => {
    const result = parseScheduleText(BUNDLED_SCHEDULE_TEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.schedule.maintenance).toHaveLength(33);
    expect(result.schedule.maintenance.filter((e) => 'noMaintenance' in e)).toHaveLength(7);
    expect(Object.keys(result.schedule.types)).toEqual(['operationeel', 'standaard', 'uitgebreid']);
  });

  it('fills defaults the operator may leave out', () => {
    const raw = smallRaw();
    raw.calendar = { name: 'Kalender' };
    const result = parseSchedule(raw);
    expect(result.ok && result.schedule.calendar).toMatchObject({
      timezone: 'Europe/Amsterdam',
      language: 'nl',
      minimumEventMinutes: 15,
    });
  });

  it.each([
    [
      'an impossible date',
      { date: '2019-02-30', time: '21:00', type: 'klein' },
      'maintenance[1].date: "2019-02-30" is not a calendar date',
    ],
    [
      'a date in another format',
      { date: '2-10-2019', time: '21:00', type: 'klein' },
      'maintenance[1].date: "2-10-2019" is not written as "YYYY-MM-DD"',
    ],
    [
      'a Dutch-style time',
      { date: '2019-10-02', time: '21.00', type: 'klein' },
      'maintenance[1].time: "21.00" is not a time written as "HH:MM"',
    ],
    ['hour 24', { date: '2019-10-02', time: '24:00', type: 'klein' }, 'maintenance[1].time: "24:00" is not a time'],
    ['a missing time', { date: '2019-10-02', type: 'klein' }, 'maintenance[1].time: is missing'],
    ['a missing type', { date: '2019-10-02', time: '21:00' }, 'maintenance[1].type: is missing'],
    [
      'an unknown type',
      { date: '2019-10-02', time: '21:00', type: 'standard' },
      'maintenance[1].type: "standard" is not a maintenance type; valid types are "klein", "groot"',
    ],
    [
      'a misspelt field',
      { date: '2019-10-02', time: '21:00', type: 'klein', note2: 'x' },
      'maintenance[1]: unknown field "note2"',
    ],
    [
      'negative downtime',
      { date: '2019-10-02', time: '21:00', type: 'klein', downtimeMinutes: -5 },
      'maintenance[1].downtimeMinutes: must be 0 or more minutes',
    ],
    [
      'fractional downtime',
      { date: '2019-10-02', time: '21:00', type: 'klein', downtimeMinutes: 2.5 },
      'maintenance[1].downtimeMinutes: must be a whole number',
    ],
    [
      'an unknown status',
      { date: '2019-10-02', time: '21:00', type: 'klein', status: 'maybe' },
      'maintenance[1].status: must be "planned" or "cancelled"',
    ],
    [
      'a non-boolean unplanned',
      { date: '2019-10-02', time: '21:00', type: 'klein', unplanned: 'yes' },
      'maintenance[1].unplanned: must be true or false',
    ],
    [
      'a control character in a note',
      { date: '2019-10-02', time: '21:00', type: 'klein', note: 'a\u0007b' },
      'maintenance[1].note: contains an invisible control character',
    ],
    ['an empty reason', { date: '2019-10-03', noMaintenance: ' ' }, 'maintenance[1].noMaintenance: must not be empty'],
    [
      'an id that looks like a date',
      { date: '2019-10-02', time: '21:00', type: 'klein', id: '2019' },
      'maintenance[1].id: must start with a letter',
    ],
    [
      'an updated that is no timestamp',
      { date: '2019-10-02', time: '21:00', type: 'klein', updated: 'gisteren' },
      'maintenance[1].updated: "gisteren" is not a date and time',
    ],
    ['an entry that is not an object', 'morgen', 'maintenance[1]: must be an object'],
  ])('reports %s with its location', (_name, entry, expected) => {
    const problems = problemsOf(withEntry(entry as Record<string, unknown>));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it.each([
    [
      '2020-03-29',
      '02:30',
      'maintenance[1].time: 02:30 does not exist on 2020-03-29 in Europe/Amsterdam: the clocks skip that hour',
    ],
    ['2020-03-29', '02:00', 'maintenance[1].time: 02:00 does not exist on 2020-03-29'],
    [
      '2020-10-25',
      '02:30',
      'maintenance[1].time: 02:30 happens twice on 2020-10-25 in Europe/Amsterdam: the clocks go back',
    ],
    ['2020-10-25', '02:00', 'maintenance[1].time: 02:00 happens twice on 2020-10-25'],
  ])('rejects %s %s, a wall-clock time that daylight saving time makes ambiguous', (date, time, expected) => {
    expect(problemsOf(withEntry({ date, time, type: 'klein' }))).toEqual([expect.stringContaining(expected)]);
  });

  it.each([
    ['2020-03-29', '03:00'],
    ['2020-10-25', '01:59'],
    ['2020-10-25', '03:00'],
  ])('accepts %s %s next to a DST change', (date, time) => {
    expect(problemsOf(withEntry({ date, time, type: 'klein' }))).toEqual([]);
  });

  it('flags a window listed twice, and names the first one', () => {
    const raw = smallRaw();
    raw.maintenance.push({ date: '2020-04-02', time: '21:00', type: 'groot' });
    expect(problemsOf(raw)).toEqual([
      'maintenance[5]: duplicate window: 2020-04-02 21:00 is also listed at maintenance[1]',
    ]);
  });

  it('flags a reused id and a window on a day without maintenance', () => {
    const raw = smallRaw();
    raw.maintenance.push({ date: '2020-07-01', time: '21:00', type: 'klein', id: 'verplaatst-mei' });
    raw.maintenance.push({ date: '2020-04-16', time: '21:00', type: 'klein' });
    expect(problemsOf(raw)).toEqual([
      expect.stringContaining(
        'maintenance[4].date: 2020-04-16 is marked as a day without maintenance, but maintenance[6] plans a window that day',
      ),
      'maintenance[5].id: "verplaatst-mei" is already the id of maintenance[2]',
    ]);
  });

  it('allows a cancelled window on a day without maintenance', () => {
    const raw = smallRaw();
    raw.maintenance.push({ date: '2020-04-16', time: '21:00', type: 'klein', status: 'cancelled' });
    expect(problemsOf(raw)).toEqual([]);
  });

  it('reports every problem at once, in file order', () => {
    const raw = bundledRaw();
    raw.maintenance[4] = { ...raw.maintenance[4], date: '2019-02-30' };
    raw.maintenance[7] = { ...raw.maintenance[7], type: 'groot' };
    raw.maintenance[9] = { ...raw.maintenance[9], time: '9 uur' };
    (raw.calendar as Record<string, unknown>).timezone = 'Europe/Amsterdamm';
    expect(problemsOf(raw)).toEqual([
      'calendar.timezone: "Europe/Amsterdamm" is not a known IANA timezone such as "Europe/Amsterdam"',
      'maintenance[4].date: "2019-02-30" is not a calendar date',
      'maintenance[7].type: "groot" is not a maintenance type; valid types are "operationeel", "standaard", "uitgebreid"',
      expect.stringMatching(/^maintenance\[9\]\.time: "9 uur" is not a time/),
    ]);
  });

  it.each([
    [
      'type keys that do not fit in a URL',
      { 'Extra Groot': { label: 'X', downtimeMinutes: 1, description: 'x' } },
      'types["Extra Groot"]: type keys are used in URLs',
    ],
    [
      'a type key taken by a built-in feed',
      { downtime: { label: 'X', downtimeMinutes: 1, description: 'x' } },
      'types.downtime: "downtime" is reserved',
    ],
    ['a type without label', { klein: { downtimeMinutes: 1, description: 'x' } }, 'types.klein.label: is missing'],
    ['no types at all', {}, 'types: must define at least one maintenance type'],
  ])('reports %s', (_name, types, expected) => {
    const raw = smallRaw();
    raw.types = types;
    raw.maintenance = [];
    expect(problemsOf(raw)).toEqual([expect.stringContaining(expected)]);
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a half-written file', BUNDLED_SCHEDULE_TEXT.slice(0, 500), 'the file is not valid JSON at line'],
    ['a trailing comma', '{"calendar": {"name": "x"},}', 'the file is not valid JSON at line 1, column'],
    ['a list instead of an object', '[]', 'the file must hold one JSON object'],
    [
      'an unknown section',
      '{"calendar":{"name":"x"},"types":{"a":{"label":"A","downtimeMinutes":0,"description":"d"}},"maintenance":[],"extra":1}',
      'extra: unknown section',
    ],
    [
      'a missing list of windows',
      '{"calendar":{"name":"x"},"types":{"a":{"label":"A","downtimeMinutes":0,"description":"d"}}}',
      'maintenance: is missing',
    ],
  ])('explains %s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual([expect.stringContaining(expected)]);
  });
});

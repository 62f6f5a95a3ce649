import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime, IANAZone } from 'luxon';
import type { z } from 'zod';
import { describeJsonError, formatPath, type Problem, problemsFromZod } from './problems.js';
import {
  calendarSection,
  type MaintenanceType,
  type NoticeEntry,
  noticeEntrySchema,
  type Schedule,
  typesSection,
  type WindowEntry,
  windowEntrySchema,
} from './schedule.js';
import { calendarZone } from './zone.js';

export type ParseResult = { ok: true; schedule: Schedule } | { ok: false; problems: Problem[] };

const TOP_LEVEL_KEYS = new Set(['$schema', 'calendar', 'types', 'maintenance']);

/** Reads the text of schedule.json and reports every problem at once, each with its location. */
export function parseScheduleText(textContent: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(textContent.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [describeJsonError(textContent, error)] };
  }
  return parseSchedule(raw);
}

export function parseSchedule(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [
        { path: '', message: 'the file must hold one JSON object { "calendar": …, "types": …, "maintenance": [ … ] }' },
      ],
    };
  }
  const input = raw as Record<string, unknown>;
  const problems: Problem[] = Object.keys(input)
    .filter((key) => !TOP_LEVEL_KEYS.has(key))
    .map((key) => ({
      path: formatPath([key]),
      message: 'unknown section: the file has only "calendar", "types" and "maintenance"',
    }));

  const calendar = section(['calendar'], calendarSection, input.calendar ?? {}, problems);
  const zoneOk =
    calendar !== undefined &&
    IANAZone.isValidZone(calendar.timezone) &&
    getVtimezoneComponent(calendar.timezone) !== null;
  if (calendar && !zoneOk) {
    problems.push({
      path: 'calendar.timezone',
      message: `"${calendar.timezone}" is not a known IANA timezone such as "Europe/Amsterdam"`,
    });
  }
  const types = section(['types'], typesSection, input.types, problems);
  if (types && Object.keys(types).length === 0) {
    problems.push({ path: 'types', message: 'must define at least one maintenance type' });
  }
  const entries = parseEntries(input.maintenance, problems);
  if (types) checkEntries(entries, zoneOk && calendar ? calendar.timezone : undefined, types, problems);

  if (problems.length > 0 || !calendar || !types) return { ok: false, problems: sortByLocation(problems) };
  return { ok: true, schedule: { calendar, types, maintenance: entries.map((e) => e.entry) } };
}

function section<T extends z.ZodType>(
  path: PropertyKey[],
  schema: T,
  value: unknown,
  problems: Problem[],
): z.output<T> | undefined {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  if (value === undefined) problems.push({ path: formatPath(path), message: 'is missing' });
  else problems.push(...problemsFromZod(path, result.error));
  return undefined;
}

interface IndexedEntry {
  readonly index: number;
  readonly entry: WindowEntry | NoticeEntry;
}

function parseEntries(value: unknown, problems: Problem[]): IndexedEntry[] {
  if (!Array.isArray(value)) {
    problems.push({
      path: 'maintenance',
      message:
        value === undefined
          ? 'is missing: it must be a list [ … ] of maintenance windows'
          : 'must be a list [ … ] of maintenance windows',
    });
    return [];
  }
  const parsed: IndexedEntry[] = [];
  value.forEach((item, index) => {
    const isNoticeShape = typeof item === 'object' && item !== null && 'noMaintenance' in item;
    const schema = isNoticeShape ? noticeEntrySchema : windowEntrySchema;
    const entry = section(['maintenance', index], schema, item, problems);
    if (entry) parsed.push({ index, entry });
  });
  return parsed;
}

/** Cross-field checks. Without a valid timezone the wall-clock checks are skipped (that problem is reported). */
function checkEntries(
  entries: readonly IndexedEntry[],
  zone: string | undefined,
  types: Readonly<Record<string, MaintenanceType>>,
  problems: Problem[],
): void {
  const seen = new Map<string, number>();
  const claim = (key: string, index: number, path: string, what: string) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else problems.push({ path, message: `${what} maintenance[${first}]` });
  };
  const windowDays = new Map<string, number>();
  const noticeDays: IndexedEntry[] = [];
  for (const { index, entry } of entries) {
    const at = `maintenance[${index}]`;
    if (!DateTime.fromISO(entry.date, { zone: 'utc' }).isValid) {
      problems.push({ path: `${at}.date`, message: `"${entry.date}" is not a calendar date` });
      continue;
    }
    if (entry.id !== undefined) claim(`id:${entry.id}`, index, `${at}.id`, `"${entry.id}" is already the id of`);
    if ('noMaintenance' in entry) {
      claim(
        `notice:${entry.date}`,
        index,
        `${at}.date`,
        `${entry.date} is already marked as a day without maintenance at`,
      );
      noticeDays.push({ index, entry });
      continue;
    }
    if (!Object.hasOwn(types, entry.type)) {
      const valid = Object.keys(types)
        .map((k) => `"${k}"`)
        .join(', ');
      problems.push({
        path: `${at}.type`,
        message: `"${entry.type}" is not a maintenance type; valid types are ${valid}`,
      });
    }
    const timeProblem = zone ? checkWallTime(entry.date, entry.time, zone) : undefined;
    if (timeProblem) problems.push({ path: `${at}.time`, message: timeProblem });
    claim(
      `window:${entry.date}T${entry.time}`,
      index,
      at,
      `duplicate window: ${entry.date} ${entry.time} is also listed at`,
    );
    if (entry.status !== 'cancelled' && !windowDays.has(entry.date)) windowDays.set(entry.date, index);
  }
  for (const { index, entry } of noticeDays) {
    const window = windowDays.get(entry.date);
    if (window !== undefined) {
      problems.push({
        path: `maintenance[${index}].date`,
        message: `${entry.date} is marked as a day without maintenance, but maintenance[${window}] plans a window that day: remove one of them, or mark the window "status": "cancelled"`,
      });
    }
  }
}

const SECTION_ORDER = ['calendar', 'types', 'maintenance'];

/** File order: sections as they appear in the file, entries by index; stable within one entry. */
function sortByLocation(problems: Problem[]): Problem[] {
  const rank = (problem: Problem): [number, number] => {
    const section = SECTION_ORDER.indexOf(problem.path.split(/[.[]/)[0] ?? '');
    const index = Number(/^maintenance\[(\d+)\]/.exec(problem.path)?.[1] ?? -1);
    return [section, index];
  };
  return problems
    .map((problem, position) => ({ problem, position, rank: rank(problem) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.position - b.position)
    .map(({ problem }) => problem);
}

/** A wall-clock time that the clocks skip or pass twice is ambiguous: never shift it silently. */
function checkWallTime(date: string, time: string, zone: string): string | undefined {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: calendarZone(zone) });
  const offsets = local.getPossibleOffsets();
  if (local.toFormat('HH:mm') !== time) {
    return `${time} does not exist on ${date} in ${zone}: the clocks skip that hour (summer time starts); choose another time`;
  }
  if (offsets.length > 1) {
    return `${time} happens twice on ${date} in ${zone}: the clocks go back that night; choose a time outside that hour`;
  }
  return undefined;
}

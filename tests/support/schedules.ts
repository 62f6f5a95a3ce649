import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Schedule } from '../../src/core/schedule.js';
import { parseSchedule, parseScheduleText } from '../../src/core/validate.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLED_SCHEDULE_TEXT = readFileSync(`${ROOT}schedule.json`, 'utf8');

export function bundledRaw(): Record<string, unknown> & { maintenance: Record<string, unknown>[] } {
  return JSON.parse(BUNDLED_SCHEDULE_TEXT);
}

export function validSchedule(raw: unknown = bundledRaw()): Schedule {
  const result = typeof raw === 'string' ? parseScheduleText(raw) : parseSchedule(raw);
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.problems)}`);
  return result.schedule;
}

/** A small schedule with one of everything: each type, a cancelled and an unplanned window, a notice. */
export function smallRaw(): Record<string, unknown> & { maintenance: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(`${ROOT}tests/fixtures/small.schedule.json`, 'utf8'));
}

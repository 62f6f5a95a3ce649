import { DateTime } from 'luxon';
import type { Schedule } from '../core/schedule.js';
import type { Language } from '../core/windows.js';
import { AppError } from './errors.js';

type Query = Record<string, unknown>;

/** One value of a query parameter; a repeated parameter is ambiguous and therefore an error. */
function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new AppError('BAD_REQUEST', `${name}: give it once, as one value`);
  return value;
}

export function parseLang(query: Query): Language {
  const value = single(query, 'lang');
  if (value === undefined || value === '') return 'nl';
  if (value === 'nl' || value === 'en') return value;
  throw new AppError('BAD_REQUEST', `lang: "${value}" is not supported; valid values are "nl" and "en"`);
}

export function parseTypes(query: Query, schedule: Schedule): string[] | undefined {
  const value = single(query, 'type');
  if (value === undefined) return undefined;
  const valid = Object.keys(schedule.types);
  const types = value.split(',').map((t) => t.trim());
  const unknown = types.filter((t) => !valid.includes(t));
  if (unknown.length > 0 || types.length === 0) {
    throw new AppError(
      'BAD_REQUEST',
      `type: "${unknown.join(',')}" is not a maintenance type; valid types are ${valid.join(', ')} (comma-separated)`,
    );
  }
  return types;
}

export function parseBoolean(query: Query, name: string): boolean | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new AppError('BAD_REQUEST', `${name}: "${value}" is not valid; use "true" or "false"`);
}

export function parseDate(query: Query, name: string): string | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value).isValid) {
    throw new AppError('BAD_REQUEST', `${name}: "${value}" is not a date; use YYYY-MM-DD, e.g. 2020-01-31`);
  }
  return value;
}

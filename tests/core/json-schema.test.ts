import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scheduleJsonSchema, scheduleJsonSchemaText } from '../../src/core/json-schema.js';
import { bundledRaw, ROOT } from '../support/schedules.js';

describe('published JSON Schema', () => {
  it('schedule.schema.json is up to date with the validator (run `npm run schema` after changing it)', () => {
    expect(readFileSync(`${ROOT}schedule.schema.json`, 'utf8')).toBe(scheduleJsonSchemaText());
  });

  it('the bundled schedule points its editor at it', () => {
    expect(bundledRaw().$schema).toBe('./schedule.schema.json');
  });

  it('describes every field an operator types, for autocomplete', () => {
    const text = JSON.stringify(scheduleJsonSchema());
    for (const field of ['noMaintenance', 'downtimeMinutes', 'unplanned', 'uidDomain', 'timezone'])
      expect(text).toContain(`"${field}"`);
    expect(text).toContain('wall-clock time in calendar.timezone');
  });
});

import { z } from 'zod';
import { scheduleSchema } from './schedule.js';

/** The JSON Schema that editors use for autocomplete via `"$schema": "./schedule.schema.json"`. */
export function scheduleJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scheduleSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'schedule.schema.json',
    title: 'Maintenance calendar schedule',
    description: 'Maintenance types and windows published as iCalendar feeds. See README.md, "The schedule format".',
  };
}

export function scheduleJsonSchemaText(): string {
  return `${JSON.stringify(scheduleJsonSchema(), null, 2)}\n`;
}

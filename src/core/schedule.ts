import { z } from 'zod';

/**
 * The shape of `schedule.json`, the one file an operations person edits by hand.
 * Field names are a public interface: add optional fields, never rename.
 * Checks that need more than one field (types exist, DST, duplicates) live in validate.ts.
 */

const text = (what: string) =>
  z
    .string({ error: `must be ${what} (text in quotes)` })
    .trim()
    .min(1, { error: 'must not be empty' })
    // Calendar text may not hold control characters (RFC 5545 §3.3.11), nor may XML (Atom); tabs and newlines are fine.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, {
      error: 'contains an invisible control character; retype the text',
    })
    .refine((value) => value.isWellFormed(), { error: 'contains a broken character (a lone UTF-16 surrogate)' })
    // Windows line ends become plain newlines, as calendars and the API show them.
    .transform((value) => value.replace(/\r\n?/g, '\n'));

const isoDate = z
  .string({ error: 'must be a date written as "YYYY-MM-DD"' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (iss) => `${JSON.stringify(iss.input)} is not written as "YYYY-MM-DD"` });

const wallTime = z
  .string({ error: 'must be a time written as "HH:MM" (24-hour clock)' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
    error: (iss) => `${JSON.stringify(iss.input)} is not a time written as "HH:MM" (24-hour clock, 00:00 to 23:59)`,
  });

const instant = z.iso.datetime({
  offset: true,
  error: (iss) => `${JSON.stringify(iss.input)} is not a date and time such as "2019-09-20T10:00:00Z"`,
});

const minutes = z
  .number({ error: 'must be a number of minutes, such as 30' })
  .int({ error: 'must be a whole number of minutes' })
  .min(0, { error: 'must be 0 or more minutes' })
  .max(7 * 24 * 60, { error: 'must be at most a week (10080 minutes)' });

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
    error: 'type keys are used in URLs: lowercase letters, digits and "-" only, at most 40 characters',
  })
  .refine((s) => !RESERVED_FEED_NAMES.includes(s), {
    error: (iss) => `"${String(iss.input)}" is reserved for a built-in feed: choose another key`,
  });

/** Feed names the service uses itself, so a type key cannot take them. */
export const RESERVED_FEED_NAMES: readonly string[] = ['all', 'downtime', 'events'];

const calendarSchema = z.strictObject({
  name: text('the calendar name'),
  product: text('the product name used in event titles, such as "Minox Online"').optional(),
  description: text('a description').optional(),
  intro: text('an introduction for the subscribe page').optional(),
  timezone: z.string({ error: 'must be an IANA timezone such as "Europe/Amsterdam"' }).default('Europe/Amsterdam'),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, { error: 'must be a two-letter language code such as "nl"' })
    .default('nl'),
  url: z.url({ error: 'must be a web address starting with https://' }).optional(),
  uidDomain: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, { error: 'must be a domain name such as "onderhoud.example.com"' })
    .default('maintenance-calendar.invalid'),
  updated: instant.optional(),
  minimumEventMinutes: minutes.min(1, { error: 'must be at least 1 minute' }).default(15),
  en: z
    .strictObject({
      name: text('the English calendar name').optional(),
      description: text('an English description').optional(),
      intro: text('an English introduction').optional(),
    })
    .optional(),
});

const typeSchema = z.strictObject({
  label: text('a label such as "Standaard"'),
  downtimeMinutes: minutes,
  description: text('a description'),
  en: z
    .strictObject({
      label: text('an English label').optional(),
      description: text('an English description').optional(),
    })
    .optional(),
});

const entryCommon = {
  date: isoDate.describe('The day, "YYYY-MM-DD".'),
  id: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9._-]{0,63}$/, {
      error: 'must start with a letter, then letters, digits, ".", "_" or "-" (at most 64 characters)',
    })
    .optional(),
  updated: instant
    .optional()
    .describe('When this entry last changed (DTSTAMP / LAST-MODIFIED), e.g. "2020-09-01T12:00:00Z".'),
};

export const windowEntrySchema = z.strictObject({
  ...entryCommon,
  time: wallTime.describe('Start, wall-clock time in calendar.timezone, "HH:MM" (24-hour clock).'),
  type: z.string({ error: 'must name one of the maintenance types' }).describe('A key of "types", e.g. "standaard".'),
  downtimeMinutes: minutes.optional().describe("Overrides the type's expected downtime for this window."),
  note: text('a note').optional().describe('Extra text shown in the event description.'),
  status: z
    .enum(['planned', 'cancelled'], { error: 'must be "planned" or "cancelled"' })
    .default('planned')
    .describe('"cancelled" keeps the window in the feeds, marked as cancelled.'),
  unplanned: z.boolean({ error: 'must be true or false' }).default(false).describe('Announced at short notice.'),
  en: z.strictObject({ note: text('an English note').optional() }).optional(),
});

export const noticeEntrySchema = z.strictObject({
  ...entryCommon,
  noMaintenance: text('the reason there is no maintenance, such as "I.v.m. btw maand"').describe(
    'A day without maintenance, and why (shown as an all-day notice).',
  ),
  en: z.strictObject({ noMaintenance: text('the English reason').optional() }).optional(),
});

export const calendarSection = calendarSchema;
export const typesSection = z.record(slug, typeSchema);

/** The whole file, for the published JSON Schema. validate.ts checks it section by section. */
export const scheduleSchema = z.strictObject({
  $schema: z.string().optional(),
  calendar: calendarSchema,
  types: typesSection,
  maintenance: z.array(z.union([windowEntrySchema, noticeEntrySchema])),
});

export type CalendarSettings = z.infer<typeof calendarSchema>;
export type MaintenanceType = z.infer<typeof typeSchema>;
export type WindowEntry = z.infer<typeof windowEntrySchema>;
export type NoticeEntry = z.infer<typeof noticeEntrySchema>;

/** A schedule that passed every check: everything downstream may trust it. */
export interface Schedule {
  readonly calendar: CalendarSettings;
  readonly types: Readonly<Record<string, MaintenanceType>>;
  readonly maintenance: readonly (WindowEntry | NoticeEntry)[];
}

export function isNotice(entry: WindowEntry | NoticeEntry): entry is NoticeEntry {
  return 'noMaintenance' in entry;
}

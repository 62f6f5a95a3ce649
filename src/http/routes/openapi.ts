import type { Schedule } from '../../core/schedule.js';

/** OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. Type slugs come from the schedule. */
export function openApiDocument(schedule: Schedule, serverUrl: string): Record<string, unknown> {
  const types = Object.keys(schedule.types);
  const dateParam = (name: string, description: string) => ({
    name,
    in: 'query',
    description,
    schema: { type: 'string', format: 'date', example: '2020-01-31' },
  });
  const lang = {
    name: 'lang',
    in: 'query',
    description: 'Language of labels and texts.',
    schema: { type: 'string', enum: ['nl', 'en'], default: 'nl' },
  };
  const error = {
    description: 'A filter value is not valid; the message names the valid values.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  const notModified = { description: 'Not modified (If-None-Match / If-Modified-Since).' };
  return {
    openapi: '3.1.0',
    info: {
      title: `${schedule.calendar.name} API`,
      version: '1.0.0',
      description:
        'Planned maintenance windows and days without maintenance. Times are ISO 8601 with the offset of the calendar timezone. Responses carry ETag and Last-Modified; send If-None-Match to revalidate.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/maintenance': {
        get: {
          summary: 'Maintenance windows and days without maintenance',
          parameters: [
            {
              name: 'type',
              in: 'query',
              description: 'Comma-separated type slugs; leaves out notices.',
              schema: { type: 'string', example: types.join(',') },
              explode: false,
              style: 'form',
            },
            {
              name: 'downtime',
              in: 'query',
              description: 'true: only windows with downtime (no notices); false: only windows without.',
              schema: { type: 'boolean' },
            },
            dateParam('from', 'First day to include (calendar timezone), inclusive.'),
            dateParam('to', 'Last day to include (calendar timezone), inclusive.'),
            lang,
          ],
          responses: {
            200: {
              description: 'The selection.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Maintenance' } } },
            },
            304: notModified,
            400: error,
          },
        },
      },
      '/api/status': {
        get: {
          summary: 'Whether maintenance is in progress now, and the next window',
          parameters: [lang],
          responses: {
            200: {
              description: 'Current status.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Status' } } },
            },
            304: notModified,
            400: error,
          },
        },
      },
      '/calendar/events/{uid}.ics': {
        get: {
          summary: 'One window or notice as its own iCalendar file',
          parameters: [
            {
              name: 'uid',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              description: 'The uid from /api/maintenance, URL-encoded.',
            },
            lang,
          ],
          responses: {
            200: { description: 'iCalendar', content: { 'text/calendar': {} } },
            404: { description: 'No such event.' },
          },
        },
      },
    },
    components: {
      schemas: {
        Window: {
          type: 'object',
          required: [
            'uid',
            'type',
            'label',
            'start',
            'end',
            'downtimeMinutes',
            'description',
            'note',
            'status',
            'unplanned',
            'ics',
          ],
          properties: {
            uid: { type: 'string', description: 'Same UID as in the calendar feeds.' },
            type: { type: 'string', enum: types },
            label: { type: 'string' },
            start: { type: 'string', format: 'date-time', example: '2019-10-02T22:00:00+02:00' },
            end: { type: 'string', format: 'date-time', description: 'start + expected downtime' },
            downtimeMinutes: { type: 'integer', minimum: 0 },
            description: { type: 'string', description: 'Description of the maintenance type.' },
            note: { type: ['string', 'null'] },
            status: { type: 'string', enum: ['planned', 'cancelled'] },
            unplanned: { type: 'boolean' },
            ics: { type: 'string', format: 'uri', description: 'This window as a single .ics file.' },
          },
        },
        Notice: {
          type: 'object',
          required: ['uid', 'date', 'reason'],
          properties: { uid: { type: 'string' }, date: { type: 'string', format: 'date' }, reason: { type: 'string' } },
        },
        Maintenance: {
          type: 'object',
          required: ['windows', 'notices'],
          properties: {
            windows: { type: 'array', items: { $ref: '#/components/schemas/Window' } },
            notices: { type: 'array', items: { $ref: '#/components/schemas/Notice' } },
          },
        },
        Status: {
          type: 'object',
          required: ['inMaintenance', 'current', 'next'],
          properties: {
            inMaintenance: { type: 'boolean' },
            current: { oneOf: [{ $ref: '#/components/schemas/Window' }, { type: 'null' }] },
            next: { oneOf: [{ $ref: '#/components/schemas/Window' }, { type: 'null' }] },
          },
        },
        Error: {
          type: 'object',
          properties: {
            error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  };
}

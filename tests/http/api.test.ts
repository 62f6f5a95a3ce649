import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcs } from '../support/ics.js';
import { BUNDLED_SCHEDULE_TEXT, smallRaw } from '../support/schedules.js';
import { request, startServer, type TestServer } from '../support/server.js';

async function getJson(url: string) {
  const res = await request(url);
  return { status: res.status, headers: res.headers, json: JSON.parse(res.body.toString('utf8')) };
}

describe('JSON API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(BUNDLED_SCHEDULE_TEXT);
  });
  afterAll(() => server.close());

  it('lists the 26 windows and 7 notices with Amsterdam offsets', async () => {
    const { status, headers, json } = await getJson(`${server.url}/api/maintenance`);
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.windows).toHaveLength(26);
    expect(json.notices).toHaveLength(7);
    expect(json.windows[0]).toEqual({
      uid: '20191002T2200@onderhoud.minox.nl',
      type: 'standaard',
      label: 'Standaard',
      start: '2019-10-02T22:00:00+02:00',
      end: '2019-10-02T22:30:00+02:00',
      downtimeMinutes: 30,
      description: expect.stringContaining('middelgroot operationeel onderhoud'),
      note: null,
      status: 'planned',
      unplanned: false,
      ics: `${server.url}/calendar/events/20191002T2200%40onderhoud.minox.nl.ics`,
    });
    expect(json.windows[1].start).toBe('2019-11-04T21:00:00+01:00');
    expect(json.notices[0]).toEqual({
      uid: '20191017-geen-onderhoud@onderhoud.minox.nl',
      date: '2019-10-17',
      reason: 'I.v.m. btw maand',
    });
  });

  it("links each window to its own .ics, with the feeds' UID", async () => {
    const { json } = await getJson(`${server.url}/api/maintenance`);
    const window = json.windows[5];
    const res = await request(window.ics);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const { events } = parseIcs(res.body.toString());
    expect(events.map((e) => e.uid)).toEqual([window.uid]);
    const feed = parseIcs((await request(`${server.url}/calendar.ics`)).body.toString());
    expect(feed.events.map((e) => e.uid)).toContain(window.uid);
    expect((await request(`${server.url}/calendar/events/nope%40onderhoud.minox.nl.ics`)).status).toBe(404);
    expect((await request(`${server.url}/calendar/events/%E0%A4%A.ics`)).status).toBe(400);
  });

  it.each([
    ['type=standaard', 26, 0],
    ['type=uitgebreid', 0, 0],
    ['type=standaard,uitgebreid', 26, 0],
    ['downtime=true', 26, 0],
    ['downtime=false', 0, 0],
    ['from=2020-01-01&to=2020-03-31', 5, 1],
    ['from=2020-12-24', 0, 1],
    ['to=2019-10-02', 1, 0],
    ['type=standaard&from=2020-01-01&to=2020-01-31', 1, 0],
  ])('filters with %s: %i windows, %i notices', async (query, windows, notices) => {
    const { status, json } = await getJson(`${server.url}/api/maintenance?${query}`);
    expect(status).toBe(200);
    expect([json.windows.length, json.notices.length]).toEqual([windows, notices]);
  });

  it('speaks English with lang=en', async () => {
    const { json } = await getJson(`${server.url}/api/maintenance?lang=en`);
    expect(json.windows[0].label).toBe('Standard');
    expect(json.windows[0].description).toMatch(/^Medium-sized operational maintenance/);
    expect(json.notices[0].reason).toBe('VAT return month');
  });

  it.each([
    [
      'type=standard',
      'type: "standard" is not a maintenance type; valid types are operationeel, standaard, uitgebreid',
    ],
    ['downtime=yes', 'downtime: "yes" is not valid; use "true" or "false"'],
    ['from=2020-13-01', 'from: "2020-13-01" is not a date; use YYYY-MM-DD'],
    ['to=gisteren', 'to: "gisteren" is not a date'],
    ['lang=de', 'lang: "de" is not supported; valid values are "nl" and "en"'],
    ['lang=en&lang=nl', 'lang: give it once'],
  ])('rejects %s with 400 and a message naming the valid values', async (query, message) => {
    const { status, json } = await getJson(`${server.url}/api/maintenance?${query}`);
    expect(status).toBe(400);
    expect(json.error.code).toBe('BAD_REQUEST');
    expect(json.error.message).toContain(message);
  });

  it('supports ETag revalidation and caching', async () => {
    const first = await request(`${server.url}/api/maintenance?type=standaard`);
    expect(first.headers['cache-control']).toMatch(/max-age=300/);
    const again = await request(`${server.url}/api/maintenance?type=standaard`, {
      headers: { 'If-None-Match': first.headers.etag ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('describes itself in OpenAPI 3.1', async () => {
    const { status, json } = await getJson(`${server.url}/api/openapi.json`);
    expect(status).toBe(200);
    expect(json.openapi).toBe('3.1.0');
    expect(Object.keys(json.paths)).toEqual(['/api/maintenance', '/api/status', '/calendar/events/{uid}.ics']);
    expect(json.components.schemas.Window.properties.type.enum).toEqual(['operationeel', 'standaard', 'uitgebreid']);
  });
});

describe('feed variants', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(BUNDLED_SCHEDULE_TEXT);
  });
  afterAll(() => server.close());

  it('renders a feed in English with ?lang=en', async () => {
    const { calendar, events } = parseIcs(
      (await request(`${server.url}/calendar/downtime.ics?lang=en`)).body.toString(),
    );
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Minox Online maintenance calendar – downtime only');
    expect(events[0]?.summary).toBe('Minox Online maintenance: Standard, 30 min downtime');
  });

  it('selects types on the full feed with ?type=', async () => {
    const res = await request(`${server.url}/calendar.ics?type=uitgebreid,standaard`);
    expect(parseIcs(res.body.toString()).events).toHaveLength(26);
    expect((await request(`${server.url}/calendar.ics?type=nope`)).status).toBe(400);
    expect((await request(`${server.url}/calendar/downtime.ics?type=standaard`)).status).toBe(400);
  });
});

describe('status', () => {
  const at = async (now: string) => {
    const server = await startServer(smallRaw(), { now });
    try {
      return (await getJson(`${server.url}/api/status`)).json;
    } finally {
      await server.close();
    }
  };

  it('reports a window in progress', async () => {
    const status = await at('2020-06-01T08:30:00+02:00');
    expect(status.inMaintenance).toBe(true);
    expect(status.current.uid).toBe('20200601T0815@test.example');
    expect(status.next.uid).toBe('20201025T0130@test.example');
  });

  it('reports the next window and skips cancelled ones', async () => {
    const status = await at('2020-05-01T12:00:00+02:00');
    expect(status).toMatchObject({ inMaintenance: false, current: null, next: { uid: '20200601T0815@test.example' } });
  });

  it('has nothing when all windows are past', async () => {
    expect(await at('2021-01-01T00:00:00Z')).toEqual({ inMaintenance: false, current: null, next: null });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_SCHEDULE_TEXT } from '../support/schedules.js';
import { type RawResponse, request, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer(BUNDLED_SCHEDULE_TEXT);
});
afterAll(() => server.close());

/** What every answer must be: not a 5xx, no stack trace, the security headers, no framework banner. */
function expectSafe(res: RawResponse): void {
  expect(res.status).toBeLessThan(500);
  expect(res.headers['x-powered-by']).toBeUndefined();
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.body.toString()).not.toMatch(/\n\s+at |node_modules|Error:/);
}

describe('odd requests', () => {
  it.each([
    ['/nope', 404],
    ['/calendar/', 404],
    ['/calendar/weekly', 404],
    ['/calendar.ics/', 404],
    ['/calendar/../schedule.json', 404],
    ['/calendar/%2e%2e/schedule.json', 404],
    ['/calendar/..%2fschedule.json', 404],
    ['/calendar/%2e%2e%2f%2e%2e%2fpackage.json', 404],
    ['/assets/../package.json', 404],
    ['/assets/%2e%2e/package.json', 404],
    ['/assets/..%2f..%2fpackage.json', 404],
    ['/assets/%2e%2e%2f%2e%2e%2fschedule.json', 404],
    ['/calendar/standaard.ics%00', 404],
    ['/calendar/%E0%A4%A.ics', 400],
    ['/calendar/events/%E0%A4%A.ics', 400],
    ['/%', 404],
    ['//calendar.ics', 404],
    ['/CALENDAR.ICS', 404],
    ['/calendar.ics?lang=en&lang=nl', 400],
    ['/calendar.ics?type=standaard&type=uitgebreid', 400],
    ['/calendar.ics?lang[]=en', 200], // an unknown parameter, ignored
    ['/api/maintenance?downtime=true&downtime=false', 400],
    ['/api/maintenance?from=2020-02-30', 400],
    ['/api/maintenance?type=', 400],
    [`/calendar.ics?utm=${'a'.repeat(8000)}`, 200],
    [`/api/maintenance?type=${'x'.repeat(8000)}`, 400],
    [`/api/maintenance?${'a=1&'.repeat(2000)}`, 200],
  ])('GET %s answers %i', async (path, status) => {
    const res = await request(server.url + path);
    expectSafe(res);
    expect(res.status).toBe(status);
    if (path.includes('package.json') || path.includes('schedule.json'))
      expect(res.body.toString()).not.toContain('"dependencies"');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    '%s on a feed is refused with 405 and Allow',
    async (method) => {
      for (const path of ['/calendar.ics', '/calendar/downtime.ics', '/calendar.ics?lang=en']) {
        const res = await request(server.url + path, { method });
        expectSafe(res);
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD');
      }
    },
  );

  it.each(['POST', 'PUT', 'DELETE'])('%s elsewhere is a 4xx', async (method) => {
    for (const path of ['/', '/api/maintenance', '/feed.atom', '/healthz']) {
      const res = await request(server.url + path, { method });
      expectSafe(res);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('malformed conditional and encoding headers', () => {
  it.each([
    ['If-None-Match', 'garbage', 200],
    ['If-None-Match', '"', 200],
    ['If-None-Match', 'W/', 200],
    ['If-None-Match', '', 200],
    ['If-None-Match', ',,,', 200],
    ['If-None-Match', '*', 304],
    ['If-Modified-Since', 'yesterday', 200],
    ['If-Modified-Since', 'Tue, 99 Foo 99999 99:99:99 GMT', 200],
    ['If-Modified-Since', 'Fri, 31 Dec 9999 23:59:59 GMT', 304],
    ['If-Modified-Since', '0', 200],
    ['Accept-Encoding', 'gzip;q=abc', 200],
    ['Accept-Encoding', ';;;,,,', 200],
    ['Accept-Encoding', 'br;q=0, gzip;q=0', 200],
    ['Accept-Encoding', `${'x'.repeat(4000)}, gzip`, 200],
    ['Accept-Encoding', '*', 200],
  ])('%s: %j answers %i', async (name, value, status) => {
    for (const path of ['/calendar.ics', '/api/maintenance']) {
      const res = await request(server.url + path, { headers: { [name]: value } });
      expectSafe(res);
      expect(res.status).toBe(status);
    }
  });

  it('never compresses for a client that refuses both encodings', async () => {
    const res = await request(`${server.url}/calendar.ics`, { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('security headers on every kind of response', () => {
  it.each([
    '/',
    '/?lang=en',
    '/calendar.ics',
    '/calendar.ics?lang=en',
    '/api/maintenance',
    '/api/status',
    '/feed.atom',
    '/healthz',
    '/assets/page.css',
    '/nope',
    '/api/maintenance?lang=xx',
  ])('%s', async (path) => {
    expectSafe(await request(server.url + path));
  });
});

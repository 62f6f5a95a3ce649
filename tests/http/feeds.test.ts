import { spawnSync } from 'node:child_process';
import { readFileSync, utimesSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcs } from '../support/ics.js';
import { BUNDLED_SCHEDULE_TEXT, bundledRaw, ROOT } from '../support/schedules.js';
import { request, startServer, type TestServer, waitFor } from '../support/server.js';

const FEEDS: [string, number][] = [
  ['/calendar.ics', 33],
  ['/calendar/downtime.ics', 26],
  ['/calendar/standaard.ics', 26],
  ['/calendar/operationeel.ics', 0],
  ['/calendar/uitgebreid.ics', 0],
];

describe('feeds over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(BUNDLED_SCHEDULE_TEXT);
  });
  afterAll(() => server.close());

  it.each(FEEDS)('GET %s serves a calendar with %i events', async (path, count) => {
    const res = await request(server.url + path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${path.split('/').at(-1)}"`);
    expect(res.headers['cache-control']).toMatch(/public, max-age=300/);
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(new Date(res.headers['last-modified'] ?? '').getTime()).toBeGreaterThan(0);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(parseIcs(res.body.toString('utf8')).events).toHaveLength(count);
  });

  it('answers 304 to a matching If-None-Match, also for the gzip variant of the ETag', async () => {
    const first = await request(`${server.url}/calendar.ics`);
    const etag = first.headers.etag ?? '';
    const again = await request(`${server.url}/calendar.ics`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const zipped = await request(`${server.url}/calendar.ics`, { headers: { 'Accept-Encoding': 'gzip' } });
    const list = await request(`${server.url}/calendar.ics`, {
      headers: { 'If-None-Match': `"other", ${zipped.headers.etag}` },
    });
    expect(list.status).toBe(304);
    const stale = await request(`${server.url}/calendar.ics`, { headers: { 'If-None-Match': '"stale"' } });
    expect(stale.status).toBe(200);
  });

  it('answers 304 to If-Modified-Since at or after Last-Modified, 200 before it', async () => {
    const first = await request(`${server.url}/calendar/downtime.ics`);
    const lastModified = first.headers['last-modified'] ?? '';
    expect(
      (await request(`${server.url}/calendar/downtime.ics`, { headers: { 'If-Modified-Since': lastModified } })).status,
    ).toBe(304);
    const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect(
      (await request(`${server.url}/calendar/downtime.ics`, { headers: { 'If-Modified-Since': before } })).status,
    ).toBe(200);
    // If-None-Match takes precedence (RFC 9110 §13.1.3)
    const both = await request(`${server.url}/calendar/downtime.ics`, {
      headers: { 'If-Modified-Since': lastModified, 'If-None-Match': '"stale"' },
    });
    expect(both.status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await request(`${server.url}/calendar.ics`);
    const head = await request(`${server.url}/calendar.ics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
  });

  it('compresses only when the client asks, and says it varies', async () => {
    const plain = await request(`${server.url}/calendar.ics`);
    const gzip = await request(`${server.url}/calendar.ics`, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    const br = await request(`${server.url}/calendar.ics`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    const refused = await request(`${server.url}/calendar.ics`, { headers: { 'Accept-Encoding': 'gzip;q=0' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body)).toEqual(plain.body);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body)).toEqual(plain.body);
    expect(refused.headers['content-encoding']).toBeUndefined();
    for (const res of [plain, gzip, br]) expect(res.headers.vary).toBe('Accept-Encoding');
    expect(new Set([plain.headers.etag, gzip.headers.etag, br.headers.etag]).size).toBe(3);
  });

  it('serves a feed with a query string the same way', async () => {
    const plain = await request(`${server.url}/calendar.ics`);
    const withQuery = await request(`${server.url}/calendar.ics?utm_source=mail`);
    expect(withQuery.status).toBe(200);
    expect(withQuery.body).toEqual(plain.body);
  });

  it('answers an unknown feed with 404 naming the valid feeds', async () => {
    const res = await request(`${server.url}/calendar/weekly.ics`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body.toString()).toContain('/calendar/downtime.ics');
    expect(res.body.toString()).toContain('/calendar/standaard.ics');
  });

  it('answers POST to a feed with 405 and Allow', async () => {
    const res = await request(`${server.url}/calendar.ics`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('reports health with the version being served', async () => {
    const res = await request(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^[0-9a-f]{12}$/),
      windows: 26,
      notices: 7,
    });
  });

  it('serves the same bytes and ETag after a restart', async () => {
    const other = await startServer(BUNDLED_SCHEDULE_TEXT);
    try {
      for (const [path] of FEEDS) {
        const [a, b] = await Promise.all([request(server.url + path), request(other.url + path)]);
        expect(b.body).toEqual(a.body);
        expect(b.headers.etag).toBe(a.headers.etag);
      }
    } finally {
      await other.close();
    }
  });
});

describe('live edits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(BUNDLED_SCHEDULE_TEXT, { watch: true });
  });
  afterAll(() => server.close());

  const fetchFeed = () => request(`${server.url}/calendar.ics`);

  it('serves a valid edit without a restart, with a new ETag and a later Last-Modified', async () => {
    const before = await fetchFeed();
    const raw = bundledRaw();
    raw.maintenance.push({ date: '2021-01-07', time: '21:00', type: 'uitgebreid' });
    server.writeSchedule(raw);
    const after = await waitFor(async () => {
      const res = await fetchFeed();
      return res.headers.etag !== before.headers.etag ? res : undefined;
    });
    expect(parseIcs(after.body.toString()).events).toHaveLength(34);
    expect(Date.parse(after.headers['last-modified'] ?? '')).toBeGreaterThan(
      Date.parse(before.headers['last-modified'] ?? ''),
    );
    const uitgebreid = await request(`${server.url}/calendar/uitgebreid.ics`);
    expect(parseIcs(uitgebreid.body.toString()).events).toHaveLength(1);
  });

  it('keeps serving the last good feeds when an edit is invalid or half-written, and reports it', async () => {
    const good = await fetchFeed();
    const goodText = readFileSync(server.file, 'utf8');
    server.writeSchedule(BUNDLED_SCHEDULE_TEXT.replace('"2019-11-04"', '"2019-11-31"'));
    await waitFor(async () => (server.store.rejected ? true : undefined));
    const health = JSON.parse((await request(`${server.url}/healthz`)).body.toString());
    expect(health.rejectedEdit.problems).toEqual([
      { path: 'maintenance[2].date', message: '"2019-11-31" is not a calendar date' },
    ]);
    server.writeSchedule(BUNDLED_SCHEDULE_TEXT.slice(0, 1000));
    expect(await server.store.reload()).toMatchObject({ status: 'rejected' });
    const still = await fetchFeed();
    expect(still.body).toEqual(good.body);
    expect(still.headers.etag).toBe(good.headers.etag);
    server.writeSchedule(BUNDLED_SCHEDULE_TEXT.slice(0, 1000));
    expect(await server.store.reload()).toMatchObject({ status: 'rejected' });
    // Undoing the bad edit clears the report.
    server.writeSchedule(goodText);
    expect(await server.store.reload()).toMatchObject({ status: 'unchanged' });
    expect(JSON.parse((await request(`${server.url}/healthz`)).body.toString()).rejectedEdit).toBeNull();
  });

  it('moves Last-Modified forward on a deletion even when the file carries an older time', async () => {
    server.writeSchedule(BUNDLED_SCHEDULE_TEXT);
    await server.store.reload();
    const before = await fetchFeed();
    const raw = bundledRaw();
    raw.maintenance.splice(0, 1);
    server.writeSchedule(raw);
    utimesSync(server.file, new Date('2001-01-01'), new Date('2001-01-01'));
    await server.store.reload();
    const after = await fetchFeed();
    expect(parseIcs(after.body.toString()).events).toHaveLength(32);
    expect(Date.parse(after.headers['last-modified'] ?? '')).toBeGreaterThan(
      Date.parse(before.headers['last-modified'] ?? ''),
    );
  });
});

describe('npm start with an invalid schedule', () => {
  it('exits non-zero and prints every problem with its location', async () => {
    const invalid = await startServer(
      BUNDLED_SCHEDULE_TEXT.replace('"22:00"', '"25:00"').replace('"2019-11-14"', '"2019-11-31"'),
    );
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: ROOT,
        env: { ...process.env, SCHEDULE_FILE: invalid.file, PORT: '0' },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('maintenance[0].time: "25:00" is not a time written as "HH:MM"');
      expect(result.stderr).toContain('maintenance[3].date: "2019-11-31" is not a calendar date');
    } finally {
      await invalid.close();
    }
  });
});

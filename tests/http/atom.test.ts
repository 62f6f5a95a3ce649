import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcs } from '../support/ics.js';
import { smallRaw } from '../support/schedules.js';
import { request, startServer, type TestServer } from '../support/server.js';

describe('Atom feed', () => {
  let server: TestServer;
  beforeAll(async () => {
    const raw = smallRaw();
    raw.maintenance.push({ date: '2020-07-01', time: '21:00', type: 'klein', note: 'Tekens: <b> & "x"' });
    server = await startServer(raw);
  });
  afterAll(() => server.close());

  it('is well-formed Atom 1.0 that a feed parser reads, newest announcement first', async () => {
    const res = await request(`${server.url}/feed.atom`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const text = res.body.toString('utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = parseFeed(text);
    expect(feed.meta.type).toBe('atom');
    expect(feed.items).toHaveLength(6);
    expect(feed.items[0]?.title).toMatch(/^Ongepland: .*Groot, 45 min downtime – maandag 1 juni 2020, 08\.15–09\.00$/);
    expect(feed.items.map((i) => i.id)).toContain('tag:test.example,2000:verplaatst-mei');
    expect(text).toContain('Tekens: &#60;b&#62; &#38; &#34;x&#34;');
  });

  it('links every entry to a single-event .ics that answers', async () => {
    const feed = parseFeed((await request(`${server.url}/feed.atom?lang=en`)).body.toString('utf8'));
    for (const item of feed.items) {
      const res = await request(item.url ?? '');
      expect(res.status).toBe(200);
      expect(parseIcs(res.body.toString()).events).toHaveLength(1);
    }
  });
});

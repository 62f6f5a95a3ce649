import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { feedVariant, type Publication, publish } from '../../src/http/publication.js';
import { bundledRaw, validSchedule } from '../support/schedules.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('publish', () => {
  it('lets an old publication go once a newer one replaces it (no chain of versions in memory)', async () => {
    let current: Publication = await publish(validSchedule(), new Date(0));
    const first = new WeakRef(current);
    for (let i = 0; i < 3; i++) {
      const raw = bundledRaw();
      raw.maintenance.push({ date: `2030-01-0${i + 1}`, time: '21:00', type: 'standaard' });
      current = await publish(validSchedule(raw), new Date(i * 1000), current);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    expect(first.deref()).toBeUndefined();
    expect(current.timeline.windows).toHaveLength(27);
  });

  it('keeps Last-Modified of feeds whose bytes did not change, and moves it forward for the others', async () => {
    const before = await publish(validSchedule(), new Date('2026-01-01T00:00:00Z'));
    const raw = bundledRaw();
    raw.maintenance.push({ date: '2030-01-02', time: '21:00', type: 'uitgebreid' });
    const after = await publish(validSchedule(raw), new Date('2025-01-01T00:00:00Z'), before);
    const lastModified = (path: string, p: Publication) => p.bodies.get(path)?.lastModified.getTime();
    expect(lastModified('/calendar/operationeel.ics', after)).toBe(lastModified('/calendar/operationeel.ics', before));
    expect(lastModified('/calendar/uitgebreid.ics', after)).toBeGreaterThan(
      lastModified('/calendar/uitgebreid.ics', before) ?? 0,
    );
  });

  it('bounds the cache of query variants by size', async () => {
    const publication = await publish(validSchedule(), new Date(0));
    const feed = publication.feeds[0];
    if (!feed) throw new Error('no feed');
    feedVariant(publication, feed, { lang: 'en' });
    feedVariant(publication, feed, { lang: 'en', types: ['standaard'] });
    expect(publication.variants.size).toBe(2);
    expect(publication.variants.maxSize).toBeLessThanOrEqual(64 * 1024 * 1024);
    expect(publication.variants.calculatedSize).toBeGreaterThan(0);
  });
});

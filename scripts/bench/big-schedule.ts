import { readFileSync } from 'node:fs';

/**
 * A schedule of `count` entries for the big-schedule measurements: the bundled types and texts, windows every few
 * days over the years, a notice every tenth entry, a mix of types, notes and English texts.
 */
export function bigSchedule(count: number, seed = 1): Record<string, unknown> {
  const base = JSON.parse(readFileSync(new URL('../../schedule.json', import.meta.url), 'utf8'));
  const types = Object.keys(base.types);
  const maintenance: Record<string, unknown>[] = [];
  const day = new Date(Date.UTC(2000, 0, 3));
  for (let i = 0; i < count; i++) {
    day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);
    if (i % 10 === 9) {
      maintenance.push({ date, noMaintenance: `Geen update ${i}`, en: { noMaintenance: `No update ${i}` } });
      continue;
    }
    const entry: Record<string, unknown> = {
      date,
      time: i % 2 ? '21:00' : '22:30',
      type: types[(i * 7 + seed) % types.length],
    };
    if (i % 5 === 0) entry.note = `Product ${i % 3}: onderhoud aan de database — ${i}`;
    if (i % 50 === 0) entry.status = 'cancelled';
    maintenance.push(entry);
  }
  return { ...base, maintenance };
}

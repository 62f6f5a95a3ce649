import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarZone } from '../../src/core/zone.js';

const ZONES = [
  'Europe/Amsterdam',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Africa/Casablanca',
  'Pacific/Chatham',
  'UTC',
];

describe('calendarZone', () => {
  it('gives the same offsets as luxon’s IANAZone (Intl), 1970–2100', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), (name, ts) => {
        expect(calendarZone(name).offset(ts)).toBe(IANAZone.create(name).offset(ts));
      }),
      { numRuns: 3000 },
    );
  });

  it('is exact to the second around a transition', () => {
    const zone = calendarZone('Europe/Amsterdam');
    const change = Date.UTC(2020, 9, 25, 1, 0, 0); // 03:00 summer time → 02:00 winter time
    expect(zone.offset(change - 1000)).toBe(120);
    expect(zone.offset(change)).toBe(60);
  });

  it('is equal to the IANAZone of the same name, so setZone(name) keeps DateTimes as they are', () => {
    const start = DateTime.fromISO('2020-10-25T01:30', { zone: calendarZone('Europe/Amsterdam') });
    expect(start.setZone('Europe/Amsterdam')).toBe(start);
    expect(start.zoneName).toBe('Europe/Amsterdam');
  });
});

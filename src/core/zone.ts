import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

const SECOND = 1000;
const WEEK = 7 * 24 * 3600 * SECOND;

interface YearTable {
  readonly startOffset: number;
  /** Instants (ms) at which the offset changes within the year, with the offset from then on. */
  readonly changes: readonly { at: number; offset: number }[];
}

/**
 * Luxon's IANAZone asks Intl (formatToParts) for the offset on every call: profiling a 10,000-window schedule
 * showed it as most of the time spent validating, resolving and rendering. This zone asks Intl about each year
 * once (weekly samples, then a binary search to the second for each change) and answers from that table. It is
 * equal to the IANAZone of the same name (type "iana"), so `setZone(name)` in ical-generator keeps the instance.
 * Assumes at most one offset change per week, true of every zone in the tz database.
 */
class TransitionTableZone extends Zone {
  readonly #iana: IANAZone;
  readonly #years = new Map<number, YearTable>();

  constructor(name: string) {
    super();
    this.#iana = IANAZone.create(name);
  }

  override get type(): string {
    return 'iana';
  }
  override get name(): string {
    return this.#iana.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return this.#iana.isValid;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.#iana.offsetName(ts, options);
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.#iana.formatOffset(ts, format);
  }
  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name;
  }

  override offset(ts: number): number {
    if (!Number.isFinite(ts)) return this.#iana.offset(ts);
    const year = new Date(ts).getUTCFullYear();
    let table = this.#years.get(year);
    if (!table) {
      table = this.#buildYear(year);
      this.#years.set(year, table);
    }
    let offset = table.startOffset;
    for (const change of table.changes) {
      if (change.at > ts) break;
      offset = change.offset;
    }
    return offset;
  }

  #buildYear(year: number): YearTable {
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const startOffset = this.#iana.offset(start);
    const changes: { at: number; offset: number }[] = [];
    let previous = { at: start, offset: startOffset };
    for (let at = Math.min(start + WEEK, end); ; at = Math.min(at + WEEK, end)) {
      const offset = this.#iana.offset(at);
      if (offset !== previous.offset) changes.push({ at: this.#firstChange(previous.at, at, previous.offset), offset });
      previous = { at, offset };
      if (at === end) break;
    }
    return { startOffset, changes };
  }

  /** The first second in (from, to] whose offset differs from `before`. */
  #firstChange(from: number, to: number, before: number): number {
    let low = from;
    let high = to;
    while (high - low > SECOND) {
      const middle = low + Math.floor((high - low) / 2 / SECOND) * SECOND;
      if (this.#iana.offset(middle) === before) low = middle;
      else high = middle;
    }
    return high;
  }
}

const zones = new Map<string, Zone>();

/** The calendar's zone, resolved fast. Invalid names give luxon's invalid IANAZone, as `IANAZone.create` does. */
export function calendarZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.isValidZone(name) ? new TransitionTableZone(name) : IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

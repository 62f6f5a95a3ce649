import type { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { ScheduleStore } from '../schedule-store.js';

/** What the routes need from the outside world: the schedule, a logger, the clock and link settings. */
export interface AppContext {
  readonly store: ScheduleStore;
  readonly logger: Logger;
  /** Passed in so tests can set "now" (the banner, /api/status). */
  readonly clock: () => DateTime;
  readonly publicBaseUrl?: string | undefined;
  readonly trustProxy?: boolean | undefined;
}

import type { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { ScheduleStore } from '../schedule-store.js';
import { AppError } from './errors.js';
import type { Publication } from './publication.js';

/** What the routes need from the outside world: the schedule, a logger, the clock and link settings. */
export interface AppContext {
  readonly store: ScheduleStore;
  readonly logger: Logger;
  /** Passed in so tests can set "now" (the banner, /api/status). */
  readonly clock: () => DateTime;
  readonly publicBaseUrl?: string | undefined;
  readonly trustProxy?: boolean | undefined;
}

/** The schedule version being served; 503 until the first one is loaded. */
export function requirePublication(store: ScheduleStore): Publication {
  const publication = store.current;
  if (!publication) throw new AppError('NOT_READY', 'The schedule is not loaded yet; try again shortly.');
  return publication;
}

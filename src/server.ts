import { createServer, type Server } from 'node:http';
import { type AddressInfo, Server as NetServer } from 'node:net';
import { DateTime } from 'luxon';
import { readConfig } from './config.js';
import { formatProblem } from './core/problems.js';
import { createApp, createRequestHandler, type Lifecycle } from './http/app.js';
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
  const lifecycle: Lifecycle = { draining: false };
  const server = createServer(createRequestHandler(store, app, logger, lifecycle));
  server.keepAliveTimeout = 65_000;
  server.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    logger.info(
      { address, port, schedule: config.scheduleFile },
      `serving the calendar feeds at http://localhost:${port}/calendar.ics`,
    );
  });
  const stop = (signal: string) => {
    lifecycle.draining = true;
    shutdown(server, store, signal, logger);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/**
 * Stop accepting, let in-flight requests finish, then exit. http.Server#close would also drop idle keep-alive
 * sockets at once, racing clients that are sending their next request on them (they see ECONNRESET). So only the
 * listening socket is closed; every answer from now on says `Connection: close`, and sockets still idle after a
 * grace period are closed then.
 */
function shutdown(server: Server, store: ScheduleStore, signal: string, logger: ReturnType<typeof createLogger>): void {
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  void store.stopWatching();
  netServerClose.call(server, () => {
    logger.info('stopped');
    logger.flush(() => process.exit(0));
  });
  setTimeout(() => server.closeIdleConnections(), IDLE_GRACE_MS).unref();
  setTimeout(() => {
    logger.warn('in-flight requests did not finish within 10 s; exiting');
    logger.flush(() => process.exit(1));
  }, 10_000).unref();
}

const IDLE_GRACE_MS = 1500;
const netServerClose = NetServer.prototype.close;

await main();

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import { createApp, createRequestHandler } from '../../src/http/app.js';
import { ScheduleStore } from '../../src/schedule-store.js';

export interface TestServer {
  readonly url: string;
  readonly store: ScheduleStore;
  readonly file: string;
  writeSchedule(content: string | object): void;
  close(): Promise<void>;
}

/** The real app on a real port, with its schedule in a temporary folder. */
export interface ServerOptions {
  watch?: boolean;
  now?: string;
  publicBaseUrl?: string;
  trustProxy?: boolean;
}

export async function startServer(schedule: string | object, options: ServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'maintenance-calendar-'));
  const file = join(dir, 'schedule.json');
  const writeSchedule = (content: string | object) =>
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  writeSchedule(schedule);
  const logger = pino({ level: 'silent' });
  const store = new ScheduleStore(file, logger);
  await store.reload();
  if (options.watch) store.startWatching('* * * * *');
  const clock = () => (options.now ? DateTime.fromISO(options.now) : DateTime.now());
  const app = createApp({ store, logger, clock, publicBaseUrl: options.publicBaseUrl, trustProxy: options.trustProxy });
  const server = createServer(createRequestHandler(store, app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    file,
    writeSchedule,
    async close() {
      await store.stopWatching();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** An HTTP request without any automatic decompression or header, so tests see the wire. */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

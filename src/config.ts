import { resolve } from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string | undefined;
  readonly scheduleFile: string;
  /** e.g. "https://status.example.com": used for subscribe links instead of the request's own host. */
  readonly publicBaseUrl: string | undefined;
  /** Honour X-Forwarded-Proto / X-Forwarded-Host (only behind a proxy you control). */
  readonly trustProxy: boolean;
  /** node-cron expression for the safety-net re-check of the schedule file. */
  readonly recheckCron: string;
  readonly logLevel: string;
}

/** The only place that reads process.env. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return Object.freeze({
    port,
    host: env.HOST || undefined,
    scheduleFile: resolve(env.SCHEDULE_FILE ?? 'schedule.json'),
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, '') || undefined,
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    recheckCron: env.RECHECK_CRON ?? '* * * * *',
    logLevel: env.LOG_LEVEL ?? 'info',
  });
}

/**
 * `npm run bench`: the numbers behind docs/performance.md, measured side by side in one run.
 *
 * 1. Hot path: GET of /calendar.ics as full 200, gzip 200 and 304, against the real server and against a bare
 *    node:http server writing the same bytes and headers (scripts/bench/bare-server.ts). Rounds alternate the
 *    order; the ratio reported is the median of the per-round ratios.
 * 2. Big schedule: a 10,000-entry schedule.json: time to first feed, every feed fetched once, an edit served,
 *    resident memory.
 * Load goes to 127.0.0.1 only and every run is bounded in time. Env: ROUNDS (7), SECONDS (3), CONNECTIONS (32).
 * Load comes from wrk when installed (`apt-get install wrk`), else autocannon, which tops out below the server.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { bigSchedule } from './big-schedule.js';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const SECONDS = Number(process.env.SECONDS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);

interface Running {
  readonly proc: ChildProcess;
  readonly url: string;
}

/** Starts a process that prints its port (bare server) or logs it as JSON (the service). */
function start(args: string[], env: Record<string, string> = {}, pin = false): Promise<Running> {
  return new Promise((resolve, reject) => {
    // Server on core 0, load generator on core 1 (when taskset exists): less scheduler noise between rounds.
    const [command, commandArgs] =
      pin && TASKSET ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
    const proc = spawn(command, commandArgs, {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const port = /^(\d+)$/m.exec(buffer)?.[1] ?? /"port":(\d+)/.exec(buffer)?.[1];
      if (port) resolve({ proc, url: `http://127.0.0.1:${port}` });
    });
    proc.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

function startService(env: Record<string, string> = {}, pin = false): Promise<Running> {
  return start(['dist/server.js'], { LOG_LEVEL: 'info', ...env }, pin);
}

function stop(running: Running): Promise<void> {
  return new Promise((resolve) => {
    running.proc.removeAllListeners('exit');
    running.proc.once('exit', () => resolve());
    running.proc.kill('SIGTERM');
  });
}

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; etag: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: String(res.headers.etag), bytes }));
    })
      .on('error', reject)
      .end();
  });
}

/** CPU seconds a process has used (utime + stime), to show that the server, not the load generator, was the limit. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpu: number;
}

/** wrk (C, Debian package `wrk`) when installed: it needs far less CPU than autocannon to saturate a server. */
const WRK = spawnSync('wrk', ['--version']).error === undefined;
const TASKSET = cpus().length >= 2 && spawnSync('taskset', ['--version']).error === undefined;

async function load(target: Running, path: string, headers: Record<string, string>): Promise<Measured> {
  const pid = target.proc.pid ?? 0;
  const before = cpuSeconds(pid);
  const measured = WRK
    ? await loadWithWrk(target.url + path, headers)
    : await loadWithAutocannon(target.url + path, headers);
  return { ...measured, cpu: (cpuSeconds(pid) - before) / SECONDS };
}

async function loadWithAutocannon(url: string, headers: Record<string, string>): Promise<Omit<Measured, 'cpu'>> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
  };
}

function loadWithWrk(url: string, headers: Record<string, string>): Promise<Omit<Measured, 'cpu'>> {
  const args = [
    '-t1',
    `-c${CONNECTIONS}`,
    `-d${SECONDS}s`,
    '--latency',
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    url,
  ];
  return new Promise((resolve, reject) => {
    const proc = TASKSET ? spawn('taskset', ['-c', '1', 'wrk', ...args]) : spawn('wrk', args);
    let out = '';
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    proc.on('error', reject);
    proc.on('exit', () => {
      const ms = (label: string) => {
        const m = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
        if (!m) return Number.NaN;
        const value = Number(m[1]);
        return m[2] === 'us' ? value / 1000 : m[2] === 's' ? value * 1000 : value;
      };
      const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      const errors = socketErrors ? socketErrors.slice(1).reduce((n, v) => n + Number(v), 0) : 0;
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
      resolve({
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
        p50: ms('50'),
        p99: ms('99'),
        errors: errors + non2xx,
      });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function hotPath(): Promise<string[]> {
  const service = await startService({}, true);
  const feed = `${service.url}/calendar.ics`;
  const { etag } = await get(feed);
  const forms = [
    { name: 'full 200', bare: 'full', headers: {} },
    { name: 'gzip 200', bare: 'gzip', headers: { 'Accept-Encoding': 'gzip' } },
    { name: '304', bare: '304', headers: { 'If-None-Match': etag } },
  ];
  const lines = [
    '| form | service req/s | bare req/s | ratio (median) | ratios per round | service p50 / p99 ms | bare p50 / p99 ms | service CPU | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const form of forms) {
    const bare = await start(['--import', 'tsx', 'scripts/bench/bare-server.ts', feed, form.bare], {}, true);
    const ours: Measured[] = [];
    const theirs: Measured[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first, so warm-up and drift do not favour one side.
      if (round % 2 === 0) {
        ours.push(await load(service, '/calendar.ics', form.headers));
        theirs.push(await load(bare, '/calendar.ics', form.headers));
      } else {
        theirs.push(await load(bare, '/calendar.ics', form.headers));
        ours.push(await load(service, '/calendar.ics', form.headers));
      }
    }
    await stop(bare);
    const ratios = ours.map((m, i) => m.rps / (theirs[i]?.rps ?? 1));
    const last = (list: Measured[], key: keyof Measured) => median(list.map((m) => m[key]));
    lines.push(
      `| ${form.name} | ${Math.round(last(ours, 'rps'))} | ${Math.round(last(theirs, 'rps'))} | **${median(ratios).toFixed(2)}** | ${ratios.map((r) => r.toFixed(2)).join(' ')} | ${last(ours, 'p50').toFixed(2)} / ${last(ours, 'p99').toFixed(2)} | ${last(theirs, 'p50').toFixed(2)} / ${last(theirs, 'p99').toFixed(2)} | ${Math.round(last(ours, 'cpu') * 100)} % | ${ours.reduce((n, m) => n + m.errors, 0)} |`,
    );
    process.stderr.write(`  ${form.name}: ratio ${median(ratios).toFixed(2)}\n`);
  }
  await stop(service);
  return lines;
}

async function waitFor200(url: string, since: number, deadlineMs = 30_000): Promise<number> {
  for (;;) {
    try {
      if ((await get(url)).status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > deadlineMs) throw new Error(`${url} did not answer within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function bigScheduleFigures(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const file = join(dir, 'schedule.json');
  const schedule = bigSchedule(10_000) as { maintenance: unknown[] };
  writeFileSync(file, JSON.stringify(schedule, null, 2));
  const startedAt = performance.now();
  const service = await startService({ SCHEDULE_FILE: file });
  const pid = service.proc.pid ?? 0;
  const firstFeedMs = await waitFor200(`${service.url}/calendar.ics`, startedAt);
  const rssStart = rssMb(pid);
  const feeds = [
    '/calendar.ics',
    '/calendar/downtime.ics',
    '/calendar/operationeel.ics',
    '/calendar/standaard.ics',
    '/calendar/uitgebreid.ics',
  ];
  const fetchLines: string[] = [];
  let slowest = 0;
  for (const path of feeds) {
    for (const headers of [{}, { 'Accept-Encoding': 'gzip' }]) {
      const t = performance.now();
      const res = await get(service.url + path, headers);
      const ms = performance.now() - t;
      slowest = Math.max(slowest, ms);
      fetchLines.push(
        `${path}${'Accept-Encoding' in headers ? ' (gzip)' : ''}: ${ms.toFixed(0)} ms, ${(res.bytes / 1e6).toFixed(2)} MB`,
      );
    }
  }
  const variantT = performance.now();
  await get(`${service.url}/calendar.ics?lang=en`);
  const variantMs = performance.now() - variantT;
  const before = (await get(`${service.url}/calendar.ics`)).etag;
  schedule.maintenance.push({ date: '2099-01-01', time: '21:00', type: 'standaard' });
  const editedAt = performance.now();
  writeFileSync(file, JSON.stringify(schedule, null, 2));
  let editMs = 0;
  for (;;) {
    if ((await get(`${service.url}/calendar.ics`)).etag !== before) {
      editMs = performance.now() - editedAt;
      break;
    }
    if (performance.now() - editedAt > 30_000) throw new Error('edit not served within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const rssEnd = rssMb(pid);
  await stop(service);
  rmSync(dir, { recursive: true, force: true });
  return [
    '| measure | target | measured |',
    '| --- | --- | --- |',
    `| first feed served after start | ≤ 3 s | ${(firstFeedMs / 1000).toFixed(2)} s |`,
    `| an edit served after the file is written | ≤ 5 s | ${(editMs / 1000).toFixed(2)} s |`,
    `| every feed fetched once (slowest of 10 fetches) | ≤ 1 s | ${slowest.toFixed(0)} ms |`,
    `| first fetch of an uncached variant (?lang=en, 10k events) | — | ${variantMs.toFixed(0)} ms |`,
    `| resident memory after start / after edit and all fetches | ≤ 300 MB | ${rssStart} MB / ${rssEnd} MB |`,
    '',
    ...fetchLines.map((l) => `- ${l}`),
  ];
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load generator: ${WRK ? 'wrk -t1' : 'autocannon'}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per form and server`;
process.stderr.write(
  `hot path: ${ROUNDS} rounds × ${SECONDS} s × 3 forms × 2 servers, ${CONNECTIONS} connections, load by ${WRK ? 'wrk' : 'autocannon'}\n`,
);
const hot = await hotPath();
process.stderr.write('big schedule: 10,000 entries\n');
const big = await bigScheduleFigures();
process.stdout.write(
  ['', `Machine: ${machine}`, '', '### Hot path', '', ...hot, '', '### 10,000-entry schedule', '', ...big, ''].join(
    '\n',
  ),
);

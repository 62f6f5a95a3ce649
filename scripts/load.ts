/**
 * `npm run load`: a bounded load test on loopback. Many connections poll a mix of feeds, API, page and Atom for
 * DURATION seconds (default 120) while the schedule is edited a few times; reports errors (must be 0) and
 * resident memory over the run (must stay flat). Exits non-zero when either fails.
 * Env: DURATION (s), CONNECTIONS (default 100).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServiceProcess } from './service-process.js';

const DURATION = Number(process.env.DURATION ?? 120);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const EDITS = 4;

const rssMb = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024);

async function version(url: string): Promise<string> {
  const res = await fetch(`${url}/healthz`);
  return ((await res.json()) as { version: string }).version;
}

const dir = mkdtempSync(join(tmpdir(), 'load-'));
const file = join(dir, 'schedule.json');
const schedule = JSON.parse(readFileSync('schedule.json', 'utf8'));
writeFileSync(file, JSON.stringify(schedule, null, 2));
const { proc, url } = await startServiceProcess(['dist/server.js'], { SCHEDULE_FILE: file });
const pid = proc.pid ?? 0;
const etag = (await fetch(`${url}/calendar.ics`)).headers.get('etag') ?? '';
const rss: { at: number; mb: number }[] = [{ at: 0, mb: rssMb(pid) }];
const startedAt = Date.now();
const sampler = setInterval(() => rss.push({ at: Math.round((Date.now() - startedAt) / 1000), mb: rssMb(pid) }), 5000);

const edits: string[] = [];
const editTimer = setInterval(
  async () => {
    if (edits.length >= EDITS) return;
    const before = await version(url);
    schedule.maintenance.push({
      date: `2031-0${edits.length + 1}-02`,
      time: '21:00',
      type: 'uitgebreid',
      note: `Edit ${edits.length + 1}`,
    });
    writeFileSync(file, JSON.stringify(schedule, null, 2));
    const t = Date.now();
    while ((await version(url)) === before && Date.now() - t < 10_000) await new Promise((r) => setTimeout(r, 50));
    edits.push(`${before} -> ${await version(url)} in ${Date.now() - t} ms`);
  },
  (DURATION * 1000) / (EDITS + 1),
);

process.stderr.write(`load: ${CONNECTIONS} connections for ${DURATION} s against ${url}\n`);
const result = await autocannon({
  url,
  connections: CONNECTIONS,
  duration: DURATION,
  requests: [
    { method: 'GET', path: '/calendar.ics' },
    { method: 'GET', path: '/calendar/downtime.ics', headers: { 'accept-encoding': 'gzip' } },
    { method: 'GET', path: '/calendar.ics', headers: { 'if-none-match': etag } },
    { method: 'GET', path: '/calendar/standaard.ics', headers: { 'accept-encoding': 'br' } },
    { method: 'GET', path: '/calendar.ics?lang=en' },
    { method: 'GET', path: '/api/maintenance?type=standaard' },
    { method: 'GET', path: '/api/status' },
    { method: 'GET', path: '/feed.atom' },
    { method: 'GET', path: '/' },
    // No HEAD here: autocannon waits for a body after a HEAD answer's Content-Length (HEAD is in the test suite).
  ],
});
clearInterval(sampler);
clearInterval(editTimer);
rss.push({ at: DURATION, mb: rssMb(pid) });
proc.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });

const errors = result.errors + result.timeouts + result['4xx'] + result['5xx'];
const warm = rss.find((s) => s.at >= 10) ?? rss[0];
const end = rss.at(-1);
const growth = (end?.mb ?? 0) - (warm?.mb ?? 0);
const flat = growth <= 40;
const report = [
  `requests: ${result.requests.total} in ${DURATION} s (${Math.round(result.requests.average)} req/s), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
  `responses: 2xx ${result['2xx']}, 3xx ${result['3xx']}, 4xx ${result['4xx']}, 5xx ${result['5xx']}; socket errors ${result.errors}, timeouts ${result.timeouts}`,
  `errors: ${errors} ${errors === 0 ? '(ok)' : '(FAIL)'}`,
  `edits served during the run: ${edits.length}/${EDITS}: ${edits.join('; ')}`,
  `RSS: start ${rss[0]?.mb} MB, warm (10 s) ${warm?.mb} MB, end ${end?.mb} MB, growth after warm-up ${growth} MB ${flat ? '(flat: ok)' : '(FAIL: grew more than 40 MB)'}`,
  `RSS samples (s:MB): ${rss.map((s) => `${s.at}:${s.mb}`).join(' ')}`,
];
process.stdout.write(`${report.join('\n')}\n`);
process.exit(errors === 0 && flat && edits.length === EDITS ? 0 : 1);

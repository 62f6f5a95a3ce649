import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, type IncomingMessage, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigSchedule } from '../../scripts/bench/big-schedule.js';
import { startServiceProcess } from '../../scripts/service-process.js';
import { parseIcs } from '../support/ics.js';
import { ROOT } from '../support/schedules.js';

interface Outcome {
  status: number;
  length: number;
  expected: number;
  body: string;
}

/** Starts a download and stops reading it, so it is still in flight when the server is told to stop. */
function slowDownload(url: string): Promise<{ res: IncomingMessage; finish: () => Promise<Outcome> }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      res.pause();
      const finish = () =>
        new Promise<Outcome>((done, fail) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks);
            done({
              status: res.statusCode ?? 0,
              length: body.length,
              expected: Number(res.headers['content-length']),
              body: body.toString(),
            });
          });
          res.on('error', fail);
          res.resume();
        });
      resolve({ res, finish });
    })
      .on('error', reject)
      .end();
  });
}

describe('graceful shutdown', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shutdown-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on SIGTERM stops accepting, finishes every in-flight request, then exits 0', async () => {
    const file = join(dir, 'schedule.json');
    writeFileSync(file, JSON.stringify(bigSchedule(3000))); // a feed of about 2.7 MB: slow to drain
    // The real entry point as a child process, so SIGTERM and the exit code are the real ones.
    const { proc, url } = await startServiceProcess(
      ['--import', 'tsx', 'src/server.ts'],
      { SCHEDULE_FILE: file },
      ROOT,
    );
    const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));

    // Busy keep-alive clients polling in a loop, and downloads stalled halfway.
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    let stopping = false;
    const failures: string[] = [];
    let served = 0;
    const poll = async () => {
      while (!stopping) {
        await new Promise<void>((resolve) => {
          request(`${url}/calendar/downtime.ics`, { agent, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode === 200) served++;
              else failures.push(`status ${res.statusCode}`);
              resolve();
            });
          })
            .on('error', (error: NodeJS.ErrnoException) => {
              // After SIGTERM a new connection is refused: that request never reached the server.
              if (error.code === 'ECONNREFUSED') stopping = true;
              else failures.push(`${error.code ?? error.message}`);
              resolve();
            })
            .end();
        });
      }
    };
    const pollers = Array.from({ length: 8 }, poll);
    const downloads = await Promise.all(Array.from({ length: 4 }, () => slowDownload(`${url}/calendar.ics`)));
    await new Promise((resolve) => setTimeout(resolve, 300));

    proc.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const results = await Promise.all(downloads.map((d) => d.finish()));
    await Promise.race([Promise.all(pollers), new Promise((resolve) => setTimeout(resolve, 5000))]);
    stopping = true;
    agent.destroy();

    expect(await exited).toBe(0);
    expect(failures).toEqual([]);
    expect(served).toBeGreaterThan(10);
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.length).toBe(result.expected);
    }
    expect(parseIcs(results[0]?.body ?? '').events.length).toBe(3000);
  });
});

import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The baseline of the hot-path benchmark: a bare node:http server that answers every request with one fixed
 * response, the bytes and headers it captured from the real server for one form (full, gzip or 304).
 * Usage: bare-server.ts <feed url> <full|gzip|304>; prints the port it listens on.
 */
const [url = '', form = 'full'] = process.argv.slice(2);

function capture(): Promise<{ status: number; headers: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const fetchOnce = (headers: Record<string, string>) =>
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const flat: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i] ?? '';
            // Node writes these itself on every response, for both servers alike.
            if (!['date', 'connection', 'keep-alive'].includes(name.toLowerCase()))
              flat.push(name, res.rawHeaders[i + 1] ?? '');
          }
          resolve({ status: res.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks) });
        });
      })
        .on('error', reject)
        .end();
    if (form === 'gzip') fetchOnce({ 'Accept-Encoding': 'gzip' });
    else if (form === '304') {
      request(url, (res) => {
        res.resume();
        res.on('end', () => fetchOnce({ 'If-None-Match': String(res.headers.etag) }));
      }).end();
    } else fetchOnce({});
  });
}

const fixed = await capture();
const server = createServer((_req, res) => {
  res.writeHead(fixed.status, fixed.headers);
  res.end(fixed.status === 304 ? undefined : fixed.body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

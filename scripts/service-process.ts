import { type ChildProcess, spawn } from 'node:child_process';

export interface ServiceProcess {
  readonly proc: ChildProcess;
  readonly url: string;
}

/**
 * Starts the service as its own process on a free loopback port and resolves with its URL once it logs that it
 * listens. Its log is read and dropped from then on, so a full pipe never slows it down.
 * `entry`: ['dist/server.js'] for the built service, ['--import', 'tsx', 'src/server.ts'] for the sources.
 */
export function startServiceProcess(
  entry: string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<ServiceProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, entry, {
      cwd,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const findPort = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /"port":(\d+)/.exec(output)?.[1];
      if (!port) return;
      proc.stdout?.off('data', findPort);
      proc.stdout?.on('data', () => {});
      resolve({ proc, url: `http://127.0.0.1:${port}` });
    };
    proc.stdout?.on('data', findPort);
    proc.on('exit', (code) => reject(new Error(`service exited with ${code} before listening: ${output.slice(-500)}`)));
  });
}

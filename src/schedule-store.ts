import { type FSWatcher, watch } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import { formatProblem, type Problem } from './core/problems.js';
import { parseScheduleText } from './core/validate.js';
import { type Publication, publish } from './http/publication.js';

export type ReloadOutcome =
  | { status: 'published'; publication: Publication }
  | { status: 'unchanged' }
  | { status: 'rejected'; problems: Problem[] };

/**
 * Holds the last good publication of the schedule file. A file that does not read or validate is logged and
 * ignored: the feeds keep serving the previous version, never an empty or partial one.
 */
export class ScheduleStore {
  #current: Publication | undefined;
  #rejected: { problems: Problem[]; at: Date } | undefined;
  #lastText: string | undefined;
  #rejectedText: string | undefined;
  #watcher: FSWatcher | undefined;
  #task: ScheduledTask | undefined;
  #debounce: NodeJS.Timeout | undefined;
  #reloading: Promise<ReloadOutcome> | undefined;

  constructor(
    readonly file: string,
    private readonly logger: Logger,
  ) {}

  get current(): Publication | undefined {
    return this.#current;
  }

  /** Problems of the newest file version if it was rejected (the service still serves the last good one). */
  get rejected(): { problems: Problem[]; at: Date } | undefined {
    return this.#rejected;
  }

  /** Reads and publishes the file if it changed. Concurrent calls share one read. */
  reload(): Promise<ReloadOutcome> {
    this.#reloading ??= this.#reload().finally(() => {
      this.#reloading = undefined;
    });
    return this.#reloading;
  }

  async #reload(): Promise<ReloadOutcome> {
    let text: string;
    let modifiedAt: Date;
    try {
      [text, modifiedAt] = await Promise.all([readFile(this.file, 'utf8'), stat(this.file).then((s) => s.mtime)]);
    } catch (error) {
      return this.#reject([{ path: '', message: `cannot read ${basename(this.file)}: ${(error as Error).message}` }]);
    }
    if (text === this.#lastText && this.#current) {
      // Back to the version being served (say, a bad edit undone): nothing is rejected any more.
      this.#rejected = undefined;
      this.#rejectedText = undefined;
      return { status: 'unchanged' };
    }
    if (text === this.#rejectedText) return { status: 'rejected', problems: this.#rejected?.problems ?? [] };
    const parsed = parseScheduleText(text);
    if (!parsed.ok) {
      this.#rejectedText = text; // logged once per bad version, not at every re-check
      return this.#reject(parsed.problems);
    }
    const publication = await publish(parsed.schedule, modifiedAt, this.#current);
    const changed = publication.version !== this.#current?.version;
    this.#lastText = text;
    this.#rejected = undefined;
    this.#rejectedText = undefined;
    if (!changed) return { status: 'unchanged' };
    this.#current = publication;
    this.logger.info(
      { version: publication.version, windows: publication.timeline.windows.length },
      'schedule published',
    );
    return { status: 'published', publication };
  }

  #reject(problems: Problem[]): ReloadOutcome {
    this.#rejected = { problems, at: new Date() };
    this.logger.error(
      { problems: problems.map(formatProblem), servingVersion: this.#current?.version ?? null },
      'schedule file rejected; still serving the last good version',
    );
    return { status: 'rejected', problems };
  }

  /**
   * Watches the file's folder (editors and deploys often replace a file by renaming, which ends a watch on the
   * file itself) and re-checks on a cron schedule in case an event is missed.
   */
  startWatching(cronExpression: string): void {
    const name = basename(this.file);
    this.#watcher = watch(dirname(this.file), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(this.#debounce);
      // Editors write in several steps: wait for the burst to end before reading.
      this.#debounce = setTimeout(() => void this.reload(), 150);
    });
    this.#watcher.on('error', (error) =>
      this.logger.warn({ err: error }, 'watching the schedule folder failed; the cron re-check still runs'),
    );
    this.#task = cron.schedule(cronExpression, () => void this.reload(), { name: 'schedule-recheck' });
  }

  async stopWatching(): Promise<void> {
    clearTimeout(this.#debounce);
    this.#watcher?.close();
    await this.#task?.destroy();
  }
}

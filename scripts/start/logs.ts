/**
 * Where `npm start` sends the relay's and the web host's logs: files under the data folder's
 * `logs/`, one per day (pino-roll), each deleted once it is 7 days old, so the terminal keeps only
 * what a person needs (and the URL stays in view).
 */
import fs from 'node:fs';
import path from 'node:path';
import pinoRoll from 'pino-roll';
import { RETENTION_DAYS } from '@hearth/common';

/** The published rule (`GET /v1/policy`, the README): log files 7 days. */
export const LOG_KEEP_DAYS = RETENTION_DAYS.logFiles;
const DAY_MS = 24 * 60 * 60 * 1000;

export type LogFile = Readonly<{
  write: (text: string) => void;
  /** For a pino logger. */
  stream: Readonly<{ write: (text: string) => void }>;
  /** The file written now (a new one each day). */
  file: () => string;
  close: () => Promise<void>;
}>;

/** Deletes the `.log` files in `dir` last written `keepDays` days ago or earlier; returns their names. */
export function sweepOldLogs(dir: string, now: number = Date.now(), keepDays: number = LOG_KEEP_DAYS): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.log')) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile() && now - stat.mtimeMs >= keepDays * DAY_MS) {
      fs.rmSync(file, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * A log file `dir/NAME.yyyy-MM-dd.N.log` that starts a new file each day. Files older than 7 days
 * go at each opening and then once a day (pino-roll keeps at most 7 besides today's).
 */
export async function openLogFile(dir: string, name: string): Promise<LogFile> {
  fs.mkdirSync(dir, { recursive: true });
  sweepOldLogs(dir);
  const stream = await pinoRoll({
    file: path.join(dir, name),
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    extension: '.log',
    mkdir: true,
    limit: { count: LOG_KEEP_DAYS },
  });
  const sweep = setInterval(() => sweepOldLogs(dir), DAY_MS).unref();
  const write = (text: string): void => void stream.write(text);
  return {
    write,
    stream: { write },
    file: () => stream.file,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        if (stream.destroyed) return resolve();
        stream.once('close', () => resolve());
        stream.end();
      }),
  };
}

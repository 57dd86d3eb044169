import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseError } from './errors';

declare const readable: unique symbol;
declare const writable: unique symbol;
/** A handle query functions may read through. Only `openDatabase` makes one; a WritableDB is one too. */
export type ReadableDB = Database.Database & { readonly [readable]: true };
/** A handle that may write. Query functions that change anything take it first. */
export type WritableDB = ReadableDB & { readonly [writable]: true };

/** Where slow statements are reported: the caller's pino logger (or a child of it). */
export type SlowQueryLogger = Readonly<{ warn: (obj: object, msg: string) => void }>;

export type OpenOptions = Readonly<{
  /** Logs every statement slower than `slowQueryMs`, with its SQL (never its parameters). Default: no log. */
  logger?: SlowQueryLogger;
  /** The threshold of the slow-query log, in milliseconds. Default 50. */
  slowQueryMs?: number;
}>;

/** Default threshold of the slow-query log, in milliseconds. */
export const DEFAULT_SLOW_QUERY_MS = 50;

/**
 * Opens (creating it and its folder if needed) a SQLite file in WAL mode with foreign keys on
 * and synchronous=FULL, so whatever was acknowledged survives a crash or a power cut. A file
 * that cannot be opened is a DatabaseError (`cannot-open`) whose message names the file.
 *
 * secure_delete is ON: a deleted row's bytes are overwritten with zeros in its page (and freed
 * pages are zeroed), so what a family deletes cannot be read back from the file (F12). The old
 * copies in the WAL go at the next checkpoint that truncates it: see {@link eraseWal}.
 */
export function openDatabase(file: string, options: OpenOptions = {}): WritableDB {
  let db: Database.Database;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
  } catch (err) {
    throw new DatabaseError('cannot-open', `Cannot open the database ${file}: ${(err as Error).message}`, { file }, err);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  if (options.logger) logSlowStatements(db, options.logger, options.slowQueryMs ?? DEFAULT_SLOW_QUERY_MS);
  return db as WritableDB;
}

/**
 * After a deletion that must leave nothing (a child's account, a wiped child's rows): copies the
 * WAL into the file and truncates it to nothing, so the frames that still held the deleted rows
 * (written before secure_delete zeroed them) are gone from the disk's files too. Whether it
 * completed (false when a reader held an old snapshot: the next truncating checkpoint finishes it).
 */
export function eraseWal(db: WritableDB): boolean {
  if (db.memory) return true;
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return row?.busy === 0;
}

const TIMED_METHODS = ['run', 'get', 'all'] as const;

/** Wraps `prepare` so that every statement slower than the threshold is logged with its SQL. */
function logSlowStatements(db: Database.Database, logger: SlowQueryLogger, thresholdMs: number): void {
  const prepare = db.prepare.bind(db);
  const timed =
    (fn: (...args: unknown[]) => unknown, sql: string) =>
    (...args: unknown[]): unknown => {
      const start = performance.now();
      try {
        return fn(...args);
      } finally {
        const ms = performance.now() - start;
        if (ms > thresholdMs) logger.warn({ sql: sql.slice(0, 200), ms: Math.round(ms) }, 'slow query');
      }
    };
  db.prepare = ((sql: string) => {
    const stmt = prepare(sql);
    const methods = stmt as unknown as Record<(typeof TIMED_METHODS)[number], (...args: unknown[]) => unknown>;
    for (const method of TIMED_METHODS) methods[method] = timed(methods[method].bind(stmt), sql);
    return stmt;
  }) as typeof db.prepare;
}

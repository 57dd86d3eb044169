import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger';

declare const writable: unique symbol;
/** A handle that may write. Query functions take it (or ReadableDB) first. */
export type WritableDB = Database.Database & { readonly [writable]: true };
/** A handle used only for reads. Any WritableDB is also readable. */
export type ReadableDB = Database.Database;

export type OpenOptions = Readonly<{
  /** Log statements slower than this many milliseconds (needs `logger`). Default 50. */
  slowQueryMs?: number;
  logger?: Logger;
}>;

/**
 * Opens (creating if needed) a SQLite file in WAL mode with foreign keys on and
 * synchronous=FULL, so that whatever main acknowledged survives a crash or a power cut.
 */
export function openDatabase(file: string, options: OpenOptions = {}): WritableDB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (options.logger) logSlowStatements(db, options.logger, options.slowQueryMs ?? 50);
  return db as WritableDB;
}

/** Wraps `prepare` so that every statement slower than the threshold is logged with its SQL. */
function logSlowStatements(db: Database.Database, logger: Logger, thresholdMs: number): void {
  const prepare = db.prepare.bind(db);
  const timed = <F extends (...args: never[]) => unknown>(fn: F, sql: string): F =>
    ((...args: Parameters<F>) => {
      const start = performance.now();
      try {
        return fn(...args);
      } finally {
        const ms = performance.now() - start;
        if (ms > thresholdMs) logger.warn({ sql: sql.slice(0, 200), ms: Math.round(ms) }, 'slow query');
      }
    }) as F;
  db.prepare = ((sql: string) => {
    const stmt = prepare(sql);
    for (const method of ['run', 'get', 'all'] as const) {
      const original = stmt[method].bind(stmt) as (...args: never[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = timed(original, sql);
    }
    return stmt;
  }) as typeof db.prepare;
}

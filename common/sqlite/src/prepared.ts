import type { Statement } from 'better-sqlite3';
import type { ReadableDB } from './database';

const caches = new WeakMap<ReadableDB, Map<string, Statement>>();

/**
 * The prepared statement for this SQL on this database, prepared once and reused: hot paths
 * (the relay's queue, the app's message list) would otherwise spend most of their time
 * compiling SQL. Parameters only, never SQL built by joining strings.
 */
export function prepared(db: ReadableDB, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

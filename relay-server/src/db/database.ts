import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

declare const writable: unique symbol;
/** A handle that may write. Query functions take it (or ReadableDB) first. */
export type WritableDB = Database.Database & { readonly [writable]: true };
/** A handle used only for reads. Any WritableDB is also readable. */
export type ReadableDB = Database.Database;

/**
 * Opens (creating if needed) a SQLite database in WAL mode with foreign keys on and
 * synchronous=FULL, so an acknowledged write survives a crash or a power cut.
 */
export function openDatabase(file: string): WritableDB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db as WritableDB;
}

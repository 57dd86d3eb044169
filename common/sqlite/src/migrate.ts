import type { WritableDB } from './database';
import { DatabaseError, DatabaseFromTheFutureError } from './errors';

/** One numbered schema change. Never edit a shipped one; add the next number instead. */
export type Migration = Readonly<{ version: number; name: string; up: (db: WritableDB) => void }>;

/**
 * Brings the database to the newest schema: all pending migrations run in one transaction,
 * with `user_version` bumped inside it, so a crash or a failing step leaves the old schema
 * intact. Refuses migrations not numbered 1, 2, 3… and a database from the future (both
 * DatabaseError). Returns the schema version now in force.
 */
export function migrate(db: WritableDB, migrations: readonly Migration[]): number {
  const sorted = [...migrations].sort((x, y) => x.version - y.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new DatabaseError(
        'migrations-not-contiguous',
        `migrations must be numbered 1, 2, 3…; found ${m.version} at position ${i + 1}`,
        { found: m.version, position: i + 1 },
      );
    }
  });
  const latest = sorted.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new DatabaseFromTheFutureError(current, latest);
  const pending = sorted.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return latest;
}

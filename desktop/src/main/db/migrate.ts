import { ErrorCode, HearthError } from '@hearth/common';
import type { WritableDB } from './database';

/** One numbered schema change. Never edit a shipped one; add the next number instead. */
export type Migration = Readonly<{ version: number; name: string; up: (db: WritableDB) => void }>;

/** Thrown for a database written by a newer Hearth: opening it could lose data. */
export class DatabaseFromTheFutureError extends HearthError {
  constructor(current: number, latest: number) {
    super(
      ErrorCode.Conflict,
      `This data was written by a newer version of Hearth (schema ${current}, this app knows ${latest}). Please update Hearth.`,
      { current, latest },
    );
    this.name = 'DatabaseFromTheFutureError';
  }
}

/**
 * Brings the database to the newest schema: all pending migrations run in one transaction,
 * with `user_version` bumped inside it, so a crash leaves the old schema intact. Refuses a
 * database from the future. Returns the schema version now in force.
 */
export function migrate(db: WritableDB, migrations: readonly Migration[]): number {
  const sorted = [...migrations].sort((x, y) => x.version - y.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3…; found ${m.version} at position ${i + 1}`);
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

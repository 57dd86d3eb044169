import type { WritableDB } from './database';

export type Migration = Readonly<{ version: number; name: string; up: (db: WritableDB) => void }>;

export class DatabaseFromTheFutureError extends Error {
  override name = 'DatabaseFromTheFutureError';
}

/**
 * Brings the database to the newest schema, each migration in its own transaction with
 * `user_version` bumped inside it. Refuses a database written by a newer relay.
 */
export function migrate(db: WritableDB, migrations: readonly Migration[]): number {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new DatabaseFromTheFutureError(
      `database schema version ${current} is newer than this program knows (${latest}); refusing to open it`,
    );
  }
  const pending = [...migrations].filter((m) => m.version > current).sort((x, y) => x.version - y.version);
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}

import type { WritableDB } from '@hearth/sqlite';

/** Profiles on this PC, the grown-ups' lock, settings and the PC's enrollment. */
export function updateToSchemaVersion1(db: WritableDB): void {
  db.exec(`
    CREATE TABLE enrollment (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      device_id TEXT NOT NULL,
      parent_id TEXT NOT NULL,
      parent_email TEXT NOT NULL,
      parent_display_name TEXT NOT NULL,
      name TEXT NOT NULL,
      enrolled_at INTEGER NOT NULL
    ) STRICT;

    -- One row per child with a profile on this PC. The device credential is the only relay
    -- secret kept on disk: it can do what the child can, never what a parent can.
    CREATE TABLE profiles (
      child_id TEXT PRIMARY KEY,
      parent_id TEXT NOT NULL,
      display_name TEXT NOT NULL,
      username TEXT NOT NULL,
      avatar TEXT,
      device_token TEXT NOT NULL,
      position INTEGER NOT NULL,
      added_at INTEGER NOT NULL
    ) STRICT;

    -- The grown-ups' password (argon2id PHC string) and its failure backoff, which must
    -- survive a restart so that closing the app does not reset the count.
    CREATE TABLE parent_lock (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      password_hash TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      retry_at INTEGER
    ) STRICT;
    INSERT INTO parent_lock (id) VALUES (1);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    ) STRICT;
  `);
}

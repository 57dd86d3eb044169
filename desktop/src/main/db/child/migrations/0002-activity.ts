import type { WritableDB } from '@hearth/sqlite';

/** What the parent (and, in kid words, the child) can see: activity, calls and game scores. */
export function updateToSchemaVersion2(db: WritableDB): void {
  db.exec(`
    CREATE TABLE activity_log (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      contact_id TEXT,
      minutes INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX activity_by_time ON activity_log(at);

    CREATE TABLE call_log (
      id TEXT PRIMARY KEY,
      contact_id TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      video INTEGER NOT NULL,
      started_at INTEGER NOT NULL,
      ended_at INTEGER,
      outcome TEXT NOT NULL
    ) STRICT;
    CREATE INDEX calls_by_time ON call_log(started_at);

    CREATE TABLE game_scores (
      contact_id TEXT NOT NULL,
      game TEXT NOT NULL,
      wins INTEGER NOT NULL DEFAULT 0,
      losses INTEGER NOT NULL DEFAULT 0,
      draws INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (contact_id, game)
    ) STRICT;
  `);
}

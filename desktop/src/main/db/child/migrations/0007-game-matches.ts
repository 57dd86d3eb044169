import type { WritableDB } from '@hearth/sqlite';

/**
 * Games with a friend (issue 16, F9): each match is its validated move log (the log is the game); scores
 * are derived from it, so the free-form `game_scores` table goes. Memory's committed random values stay
 * here until revealed (a restart can still reveal), and the relay's games switch is kept per child.
 */
export function updateToSchemaVersion7(db: WritableDB): void {
  db.exec(`
    DROP TABLE IF EXISTS game_scores;

    CREATE TABLE game_matches (
      match_id TEXT PRIMARY KEY,
      contact_id TEXT NOT NULL,
      game TEXT NOT NULL,
      player_a TEXT NOT NULL,
      player_b TEXT NOT NULL,
      seed TEXT,
      state_json TEXT NOT NULL,
      result TEXT NOT NULL,
      moves INTEGER NOT NULL DEFAULT 0,
      started_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      finished_at INTEGER,
      secret TEXT
    ) STRICT;
    CREATE INDEX game_matches_by_contact ON game_matches(contact_id, updated_at);
    CREATE INDEX game_matches_open ON game_matches(finished_at) WHERE finished_at IS NULL;

    CREATE TABLE game_moves (
      match_id TEXT NOT NULL REFERENCES game_matches(match_id) ON DELETE CASCADE,
      n INTEGER NOT NULL,
      by_account TEXT NOT NULL,
      envelope_json TEXT NOT NULL,
      at INTEGER NOT NULL,
      -- A move played in a call, not yet copied to the relay as the record.
      copy_pending INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (match_id, n)
    ) STRICT;

    CREATE TABLE games_switch (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      enabled INTEGER NOT NULL
    ) STRICT;
  `);
}

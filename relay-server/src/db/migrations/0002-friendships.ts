import type { WritableDB } from '@hearth/sqlite';

/** Invite codes and friendships (the state machine's fields, one row per pair). */
export function updateToSchemaVersion2(db: WritableDB): void {
  db.exec(`
    CREATE TABLE invites (
      code TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      created_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      redeemed_at INTEGER,
      redeemed_by TEXT
    ) STRICT;
    CREATE INDEX invites_by_child ON invites(child_id, created_at);

    CREATE TABLE friendships (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('friend', 'family')),
      a_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      b_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      pair_key TEXT NOT NULL UNIQUE,
      a_kid_confirmed INTEGER NOT NULL,
      b_kid_confirmed INTEGER NOT NULL,
      a_parent_approved INTEGER NOT NULL,
      b_parent_approved INTEGER NOT NULL,
      a_blocked INTEGER NOT NULL,
      b_blocked INTEGER NOT NULL,
      ended TEXT CHECK (ended IN ('declined', 'removed')),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX friendships_by_a ON friendships(a_id);
    CREATE INDEX friendships_by_b ON friendships(b_id);
  `);
}

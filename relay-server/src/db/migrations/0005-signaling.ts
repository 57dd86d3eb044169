import type { WritableDB } from '@hearth/sqlite';

/**
 * Signaling: one opaque PeerJS id per account (stable, random, never derived from the account
 * id) and short-lived signaling tokens, stored only as their SHA-256.
 */
export function updateToSchemaVersion5(db: WritableDB): void {
  db.exec(`
    CREATE TABLE peer_ids (
      account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      peer_id TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL
    ) STRICT;

    -- device_id is set for a child's grant, parent_session_id for a parent's: the grant dies with it.
    CREATE TABLE signaling_tokens (
      token_hash BLOB PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      device_id TEXT,
      parent_session_id TEXT,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX signaling_tokens_by_account ON signaling_tokens(account_id);
    CREATE INDEX signaling_tokens_by_expiry ON signaling_tokens(expires_at);
  `);
}

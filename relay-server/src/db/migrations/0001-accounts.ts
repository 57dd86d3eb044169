import type { WritableDB } from '@hearth/sqlite';

/** Parents, children, consent records, sessions, device enrollments and sign-in backoff. */
export function updateToSchemaVersion1(db: WritableDB): void {
  db.exec(`
    CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('parent', 'child')),
      display_name TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      disabled_at INTEGER
    ) STRICT;

    CREATE TABLE parents (
      account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      password_hash TEXT NOT NULL
    ) STRICT;

    CREATE TABLE children (
      account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      username TEXT NOT NULL UNIQUE,
      birthday TEXT,
      gender TEXT
    ) STRICT;
    CREATE INDEX children_by_parent ON children(parent_id);

    -- Kept when a child is deleted: the record of what the parent agreed to.
    CREATE TABLE consents (
      id TEXT PRIMARY KEY,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      child_id TEXT NOT NULL,
      policy_version TEXT NOT NULL,
      method TEXT NOT NULL,
      given_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX consents_by_parent ON consents(parent_id, given_at);

    CREATE TABLE parent_sessions (
      id TEXT PRIMARY KEY,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      token_hash BLOB NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      revoked_at INTEGER
    ) STRICT;
    CREATE INDEX parent_sessions_by_parent ON parent_sessions(parent_id);

    CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      info_json TEXT NOT NULL,
      enrolled_at INTEGER NOT NULL,
      revoked_at INTEGER
    ) STRICT;
    CREATE INDEX devices_by_parent ON devices(parent_id);

    CREATE TABLE device_credentials (
      token_hash BLOB PRIMARY KEY,
      device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      revoked_at INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX device_credentials_live ON device_credentials(device_id, child_id) WHERE revoked_at IS NULL;
    CREATE INDEX device_credentials_by_child ON device_credentials(child_id);

    -- Keyed by the lower-cased email whether or not an account exists, so backoff reveals nothing.
    CREATE TABLE sign_in_failures (
      email_key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      locked_until INTEGER NOT NULL
    ) STRICT;
  `);
}

import type { WritableDB } from '@hearth/sqlite';

/** The relay's own secret keys (issue 15): the franking HMAC key and the email bans' hash key, made on first use. */
export function updateToSchemaVersion17(db: WritableDB): void {
  db.exec(`
    CREATE TABLE relay_keys (
      name TEXT PRIMARY KEY,
      secret BLOB NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
  `);
}

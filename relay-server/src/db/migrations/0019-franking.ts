import type { WritableDB } from '@hearth/sqlite';

/**
 * Message franking (F11, issue 15): for every message the relay accepts, a keyed hash (HMAC with
 * the relay's `franking` key) over its id, sender, recipient, the relay's `sentAt` and the SHA-256
 * of its canonical content, so a report's raw message can be confirmed later. Only the id, the MAC
 * and when it was made: never the content, never who wrote to whom in clear. Kept 30 days
 * (`franking/retention.ts`). The MAC is part of the key: an id used again (after its first
 * message was long forgotten) keeps both records.
 */
export function updateToSchemaVersion19(db: WritableDB): void {
  db.exec(`
    CREATE TABLE message_franks (
      message_id TEXT NOT NULL,
      mac BLOB NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (message_id, mac)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX message_franks_created ON message_franks (created_at);
  `);
}

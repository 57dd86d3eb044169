import type { WritableDB } from '@hearth/sqlite';

/**
 * The durable message queue. `messages` holds what still waits for its recipient, in arrival
 * order (`seq`); `message_outcomes` keeps only ids and who/when after delivery or expiry, so a
 * re-sent id is recognised (never stored twice) and the sender can be told about expiry.
 */
export function updateToSchemaVersion3(db: WritableDB): void {
  db.exec(`
    CREATE TABLE messages (
      -- AUTOINCREMENT: a position is never reused, so "after the last one pushed" stays exact.
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      sender_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      recipient_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      content_json TEXT NOT NULL,
      attachment_hash TEXT,
      -- 1: kept for its sender's sake but never delivered (the recipient blocked, or the friendship ended).
      withheld INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX messages_for_recipient ON messages(recipient_id, withheld, seq);
    CREATE INDEX messages_by_sender ON messages(sender_id);
    CREATE INDEX messages_by_expiry ON messages(expires_at);
    CREATE INDEX messages_by_attachment ON messages(attachment_hash) WHERE attachment_hash IS NOT NULL;

    CREATE TABLE message_outcomes (
      id TEXT PRIMARY KEY,
      sender_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      recipient_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'expired')),
      -- 1 while an expiry notice waits for the sender's ack-expired.
      notify_sender INTEGER NOT NULL,
      decided_at INTEGER NOT NULL,
      purge_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX message_outcomes_by_sender ON message_outcomes(sender_id, notify_sender);
    CREATE INDEX message_outcomes_by_recipient ON message_outcomes(recipient_id);
    CREATE INDEX message_outcomes_by_purge ON message_outcomes(purge_at);
  `);
}

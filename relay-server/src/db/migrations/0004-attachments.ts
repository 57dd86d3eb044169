import type { WritableDB } from '@hearth/sqlite';

/**
 * Attachments, stored on disk by the SHA-256 of their bytes. `linked` turns 1 when a message
 * first references the attachment; once no message does any more, it is deleted. Who uploaded
 * what is kept so a message can only reference an attachment its own sender uploaded.
 */
export function updateToSchemaVersion4(db: WritableDB): void {
  db.exec(`
    CREATE TABLE attachments (
      hash TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      mime TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      linked INTEGER NOT NULL DEFAULT 0
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX attachments_unlinked ON attachments(created_at) WHERE linked = 0;

    CREATE TABLE attachment_uploads (
      hash TEXT NOT NULL REFERENCES attachments(hash) ON DELETE CASCADE,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      uploaded_at INTEGER NOT NULL,
      PRIMARY KEY (hash, account_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX attachment_uploads_by_account ON attachment_uploads(account_id);
  `);
}

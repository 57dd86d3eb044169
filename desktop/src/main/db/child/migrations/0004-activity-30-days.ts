import type { WritableDB } from '@hearth/sqlite';

/**
 * The 30-day activity view (F10): who the child blocked or unblocked (and, with the safety
 * work, reported) and why; each time a grown-up opened the image log, so the child is told; and
 * the days whose counts-only summary this PC already sent to the child's guardians.
 */
export function updateToSchemaVersion4(db: WritableDB): void {
  db.exec(`
    CREATE INDEX activity_by_contact ON activity_log(contact_id, at);

    CREATE TABLE friendship_history (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      contact_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('block', 'unblock', 'report')),
      by_whom TEXT NOT NULL CHECK (by_whom IN ('child', 'grown-up')),
      reason TEXT
    ) STRICT;
    CREATE INDEX friendship_history_by_time ON friendship_history(at);

    CREATE TABLE image_log_opens (
      at INTEGER PRIMARY KEY
    ) STRICT;

    CREATE TABLE summaries_sent (
      day TEXT PRIMARY KEY,
      sent_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}

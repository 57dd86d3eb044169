import type { WritableDB } from '@hearth/sqlite';

/**
 * Reports (F11) on the child's PC. Each message keeps its raw form beside what was parsed: the
 * text of the relay's `message` frame, or for the child's own sent message
 * `JSON.stringify({ id, from, to, sentAt, content })` with the relay's `sentAt` (so the relay can
 * confirm it, franking); and whether its picture was changed on receipt (metadata stripped).
 * `report_outbox` keeps each report the child made until the relay accepted it and every file it
 * asked for: a report made offline is not lost, and its friend stays hidden here meanwhile.
 */
export function updateToSchemaVersion5(db: WritableDB): void {
  db.exec(`
    ALTER TABLE messages ADD COLUMN raw_json TEXT;
    ALTER TABLE messages ADD COLUMN changed_on_receipt INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE report_outbox (
      report_id TEXT PRIMARY KEY,
      about TEXT NOT NULL,
      submission_json TEXT NOT NULL,
      accepted_at INTEGER,
      missing_json TEXT,
      done_at INTEGER,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX report_outbox_about ON report_outbox(about);
  `);
}

import type { WritableDB } from '@hearth/sqlite';

/**
 * Reports (issue 15, F11). `friendships.inactive_since`: when a friendship or family link stopped
 * being active (NULL while active or never active), so a child may report anyone who was an active
 * contact in the last 30 days. `notices.report_id`: the report a `friend-reported` or
 * `child-was-reported` notice is about. `reports`: one per report, with the reporting child's name
 * kept on the row and no foreign key to the accounts, so a forwarded report outlives a deleted
 * child (unforwarded ones are deleted with it, in code). `report_files`: the evidence's bytes,
 * deleted with their report.
 */
export function updateToSchemaVersion18(db: WritableDB): void {
  db.exec(`
    ALTER TABLE friendships ADD COLUMN inactive_since INTEGER;
    ALTER TABLE notices ADD COLUMN report_id TEXT;

    CREATE TABLE reports (
      id TEXT PRIMARY KEY,
      reporter_id TEXT NOT NULL,
      reporter_name TEXT NOT NULL,
      about_id TEXT NOT NULL,
      about_name TEXT NOT NULL,
      about_kind TEXT NOT NULL CHECK (about_kind IN ('child', 'parent')),
      about_role TEXT NOT NULL CHECK (about_role IN ('friend', 'trusted-grown-up', 'guardian', 'former-contact')),
      reason TEXT NOT NULL,
      place TEXT NOT NULL,
      item_id TEXT,
      messages TEXT NOT NULL,
      calls TEXT NOT NULL,
      made_at INTEGER NOT NULL,
      received_at INTEGER NOT NULL,
      blocked INTEGER NOT NULL,
      forwarded_at INTEGER,
      forwarded_automatically INTEGER NOT NULL,
      guardian_note TEXT,
      shared_at INTEGER,
      shared_by TEXT,
      unblocked_at INTEGER,
      closed_at INTEGER,
      legal_hold INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX reports_by_reporter ON reports(reporter_id, received_at);
    CREATE INDEX reports_by_about ON reports(about_id, shared_at);
    CREATE INDEX reports_by_forwarded ON reports(forwarded_at);

    CREATE TABLE report_files (
      report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      hash TEXT NOT NULL,
      size INTEGER NOT NULL,
      mime TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('attachment', 'voice-note')),
      message_id TEXT,
      bytes BLOB,
      uploaded_at INTEGER,
      PRIMARY KEY (report_id, hash)
    ) STRICT, WITHOUT ROWID;
  `);
}

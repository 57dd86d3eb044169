import type pg from 'pg';

/** The PostgreSQL twin of SQLite migration 18: reports and their files (issue 15, F11). */
export async function reports(client: pg.ClientBase): Promise<void> {
  await client.query(`
    ALTER TABLE friendships ADD COLUMN inactive_since BIGINT;
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
      made_at BIGINT NOT NULL,
      received_at BIGINT NOT NULL,
      blocked BOOLEAN NOT NULL,
      forwarded_at BIGINT,
      forwarded_automatically BOOLEAN NOT NULL,
      guardian_note TEXT,
      shared_at BIGINT,
      shared_by TEXT,
      unblocked_at BIGINT,
      closed_at BIGINT,
      legal_hold BOOLEAN NOT NULL
    );
    CREATE INDEX reports_by_reporter ON reports(reporter_id, received_at);
    CREATE INDEX reports_by_about ON reports(about_id, shared_at);
    CREATE INDEX reports_by_forwarded ON reports(forwarded_at);

    CREATE TABLE report_files (
      report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      hash TEXT NOT NULL,
      size BIGINT NOT NULL,
      mime TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('attachment', 'voice-note')),
      message_id TEXT,
      bytes BYTEA,
      uploaded_at BIGINT,
      PRIMARY KEY (report_id, hash)
    );
  `);
}

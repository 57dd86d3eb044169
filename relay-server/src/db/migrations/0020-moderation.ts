import type { WritableDB } from '@hearth/sqlite';

/**
 * Moderation (issue 15, F16): moderators (not families) and their sessions, suspensions of
 * accounts, email bans (only a keyed hash of the normalized address) and the append-only audit
 * log. The log refuses UPDATE always and DELETE unless the retention sweep opened the gate
 * (`moderation_audit_gate`, inside the sweep's own transaction).
 */
export function updateToSchemaVersion20(db: WritableDB): void {
  db.exec(`
    CREATE TABLE moderators (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX moderators_email ON moderators (email);

    CREATE TABLE moderator_sessions (
      id TEXT PRIMARY KEY,
      moderator_id TEXT NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
      token_hash BLOB NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      revoked_at INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX moderator_sessions_token ON moderator_sessions (token_hash);

    CREATE TABLE account_suspensions (
      account_id TEXT PRIMARY KEY,
      category TEXT NOT NULL,
      reason TEXT NOT NULL,
      moderator_id TEXT NOT NULL,
      suspended_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE email_bans (
      email_hash BLOB PRIMARY KEY,
      moderator_id TEXT NOT NULL,
      banned_at INTEGER NOT NULL,
      lifted_at INTEGER
    ) STRICT;

    CREATE TABLE moderation_audit (
      id TEXT PRIMARY KEY,
      moderator_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      action TEXT NOT NULL,
      subject_kind TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      reason TEXT
    ) STRICT;
    CREATE INDEX moderation_audit_subject ON moderation_audit (subject_kind, subject_id, at);

    CREATE TABLE moderation_audit_gate (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      open INTEGER NOT NULL
    ) STRICT;
    INSERT INTO moderation_audit_gate (id, open) VALUES (1, 0);

    CREATE TRIGGER moderation_audit_no_update BEFORE UPDATE ON moderation_audit
    BEGIN SELECT RAISE(ABORT, 'the moderation audit log is append-only'); END;
    CREATE TRIGGER moderation_audit_no_delete BEFORE DELETE ON moderation_audit
    WHEN (SELECT open FROM moderation_audit_gate WHERE id = 1) IS NOT 1
    BEGIN SELECT RAISE(ABORT, 'the moderation audit log is deleted only by its retention sweep'); END;
  `);
}

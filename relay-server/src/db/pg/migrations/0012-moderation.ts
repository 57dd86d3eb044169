import type pg from 'pg';

/**
 * The PostgreSQL twin of SQLite migration 20: moderation (issue 15, F16). The audit log refuses
 * UPDATE always, and DELETE unless the retention sweep set `hearth.audit_sweep` to `on` for its
 * own transaction (`SET LOCAL`).
 */
export async function moderation(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE moderators (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
    CREATE UNIQUE INDEX moderators_email ON moderators (email);

    CREATE TABLE moderator_sessions (
      id TEXT PRIMARY KEY,
      moderator_id TEXT NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
      token_hash BYTEA NOT NULL,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      revoked_at BIGINT
    );
    CREATE UNIQUE INDEX moderator_sessions_token ON moderator_sessions (token_hash);

    CREATE TABLE account_suspensions (
      account_id TEXT PRIMARY KEY,
      category TEXT NOT NULL,
      reason TEXT NOT NULL,
      moderator_id TEXT NOT NULL,
      suspended_at BIGINT NOT NULL
    );

    CREATE TABLE email_bans (
      email_hash BYTEA PRIMARY KEY,
      moderator_id TEXT NOT NULL,
      banned_at BIGINT NOT NULL,
      lifted_at BIGINT
    );

    CREATE TABLE moderation_audit (
      id TEXT PRIMARY KEY,
      moderator_id TEXT NOT NULL,
      at BIGINT NOT NULL,
      action TEXT NOT NULL,
      subject_kind TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      reason TEXT
    );
    CREATE INDEX moderation_audit_subject ON moderation_audit (subject_kind, subject_id, at);

    CREATE TABLE moderation_audit_gate (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      open INTEGER NOT NULL
    );
    INSERT INTO moderation_audit_gate (id, open) VALUES (1, 0);

    CREATE FUNCTION moderation_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'the moderation audit log is append-only';
      END IF;
      IF coalesce(current_setting('hearth.audit_sweep', true), '') <> 'on' THEN
        RAISE EXCEPTION 'the moderation audit log is deleted only by its retention sweep';
      END IF;
      RETURN OLD;
    END $$;
    CREATE TRIGGER moderation_audit_append_only BEFORE UPDATE OR DELETE ON moderation_audit
      FOR EACH ROW EXECUTE FUNCTION moderation_audit_guard();
  `);
}

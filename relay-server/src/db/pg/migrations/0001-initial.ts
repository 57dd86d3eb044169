import type pg from 'pg';

/**
 * The relay's schema as SQLite migrations 1–10 leave it, for PostgreSQL. Same tables, columns,
 * keys, checks, cascades and index names; the translations (docs/postgres.md says why):
 * - ids and text stay TEXT; millisecond timestamps and counters that may grow are BIGINT (read as
 *   numbers, see pool.ts); small counters INTEGER;
 * - SQLite's 0/1 flags are BOOLEAN (`withheld`, `delivered`, `linked`, `own`, the friendship
 *   confirmations, approvals and blocks, `notify_sender`);
 * - BLOB hashes are BYTEA; `messages.seq` (AUTOINCREMENT) is a BIGINT identity, never reused;
 * - `parents.email` (UNIQUE COLLATE NOCASE in SQLite) is unique on lower(email) through the
 *   index `parents_email_lower`: queries compare lower(email) = lower($1). No citext: it needs an
 *   extension a managed database may not allow.
 */
export async function initialSchema(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('parent', 'child')),
      display_name TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      disabled_at BIGINT
    );
    CREATE TABLE parents (
      account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      email TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      email_verified_at BIGINT
    );
    CREATE UNIQUE INDEX parents_email_lower ON parents (lower(email));
    CREATE TABLE children (
      account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      username TEXT NOT NULL UNIQUE,
      birthday TEXT,
      gender TEXT,
      avatar TEXT
    );
    CREATE INDEX children_by_parent ON children(parent_id);
    -- Kept when a child is deleted: the record of what the parent agreed to.
    CREATE TABLE consents (
      id TEXT PRIMARY KEY,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      child_id TEXT NOT NULL,
      policy_version TEXT NOT NULL,
      method TEXT NOT NULL,
      given_at BIGINT NOT NULL,
      withdrawn_at BIGINT
    );
    CREATE INDEX consents_by_parent ON consents(parent_id, given_at);
    CREATE INDEX consents_by_child ON consents(child_id, parent_id);
    CREATE TABLE parent_sessions (
      id TEXT PRIMARY KEY,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      token_hash BYTEA NOT NULL UNIQUE,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      revoked_at BIGINT
    );
    CREATE INDEX parent_sessions_by_parent ON parent_sessions(parent_id);
    CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      info_json TEXT NOT NULL,
      enrolled_at BIGINT NOT NULL,
      revoked_at BIGINT
    );
    CREATE INDEX devices_by_parent ON devices(parent_id);
    CREATE TABLE device_credentials (
      token_hash BYTEA PRIMARY KEY,
      device_id TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      created_at BIGINT NOT NULL,
      revoked_at BIGINT
    );
    CREATE UNIQUE INDEX device_credentials_live ON device_credentials(device_id, child_id) WHERE revoked_at IS NULL;
    CREATE INDEX device_credentials_by_child ON device_credentials(child_id);
    -- Keyed by the lower-cased email whether or not an account exists, so backoff reveals nothing.
    CREATE TABLE sign_in_failures (
      email_key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      locked_until BIGINT NOT NULL,
      last_failure_at BIGINT NOT NULL DEFAULT 0
    );
    CREATE INDEX sign_in_failures_by_time ON sign_in_failures(last_failure_at);

    CREATE TABLE invites (
      code TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      created_by TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      redeemed_at BIGINT,
      redeemed_by TEXT
    );
    CREATE INDEX invites_by_child ON invites(child_id, created_at);
    CREATE TABLE friendships (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('friend', 'family')),
      a_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      b_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      pair_key TEXT NOT NULL UNIQUE,
      a_kid_confirmed BOOLEAN NOT NULL,
      b_kid_confirmed BOOLEAN NOT NULL,
      a_parent_approved BOOLEAN NOT NULL,
      b_parent_approved BOOLEAN NOT NULL,
      a_blocked BOOLEAN NOT NULL,
      b_blocked BOOLEAN NOT NULL,
      ended TEXT CHECK (ended IN ('declined', 'removed')),
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    );
    CREATE INDEX friendships_by_a ON friendships(a_id);
    CREATE INDEX friendships_by_b ON friendships(b_id);
  `);
  await messagingSchema(client);
  await familySchema(client);
}

/** Messages, per-device queues, attachments and signaling (SQLite 3, 4, 5 and 8). */
async function messagingSchema(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE messages (
      seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      sender_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      recipient_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      content_json TEXT NOT NULL,
      attachment_hash TEXT,
      -- true: kept for its sender's sake but never delivered (the recipient blocked, or the friendship ended).
      withheld BOOLEAN NOT NULL DEFAULT false,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      delivered BOOLEAN NOT NULL DEFAULT false
    );
    CREATE INDEX messages_for_recipient ON messages(recipient_id, withheld, seq);
    CREATE INDEX messages_by_sender ON messages(sender_id);
    CREATE INDEX messages_by_expiry ON messages(expires_at);
    CREATE INDEX messages_by_attachment ON messages(attachment_hash) WHERE attachment_hash IS NOT NULL;
    CREATE TABLE message_outcomes (
      id TEXT PRIMARY KEY,
      sender_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      recipient_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'expired')),
      notify_sender BOOLEAN NOT NULL,
      decided_at BIGINT NOT NULL,
      purge_at BIGINT NOT NULL
    );
    CREATE INDEX message_outcomes_by_sender ON message_outcomes(sender_id, notify_sender);
    CREATE INDEX message_outcomes_by_recipient ON message_outcomes(recipient_id);
    CREATE INDEX message_outcomes_by_purge ON message_outcomes(purge_at);
    CREATE TABLE parent_devices (
      id TEXT PRIMARY KEY,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      session_id TEXT UNIQUE,
      session_expires_at BIGINT NOT NULL,
      created_at BIGINT NOT NULL
    );
    CREATE INDEX parent_devices_by_parent ON parent_devices(parent_id);
    CREATE TABLE message_queue (
      account_id TEXT NOT NULL,
      -- A child's devices(id) or a parent_devices(id); '' is the account queue.
      device_id TEXT NOT NULL,
      message_seq BIGINT NOT NULL REFERENCES messages(seq) ON DELETE CASCADE,
      own BOOLEAN NOT NULL DEFAULT false,
      PRIMARY KEY (account_id, device_id, message_seq)
    );
    CREATE INDEX message_queue_by_message ON message_queue(message_seq);
    CREATE TABLE attachments (
      hash TEXT PRIMARY KEY,
      size BIGINT NOT NULL,
      mime TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      linked BOOLEAN NOT NULL DEFAULT false
    );
    CREATE INDEX attachments_unlinked ON attachments(created_at) WHERE NOT linked;
    CREATE TABLE attachment_uploads (
      hash TEXT NOT NULL REFERENCES attachments(hash) ON DELETE CASCADE,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      uploaded_at BIGINT NOT NULL,
      PRIMARY KEY (hash, account_id)
    );
    CREATE INDEX attachment_uploads_by_account ON attachment_uploads(account_id);
    CREATE TABLE peer_ids (
      account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      peer_id TEXT NOT NULL UNIQUE,
      created_at BIGINT NOT NULL
    );
    CREATE TABLE signaling_tokens (
      token_hash BYTEA PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      device_id TEXT,
      parent_session_id TEXT,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL
    );
    CREATE INDEX signaling_tokens_by_account ON signaling_tokens(account_id);
    CREATE INDEX signaling_tokens_by_expiry ON signaling_tokens(expires_at);
  `);
}

/** Guardians, trusted grown-ups, notices and email codes (SQLite 9 and 10). */
async function familySchema(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE guardians (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      added_at BIGINT NOT NULL,
      added_by TEXT,
      PRIMARY KEY (child_id, parent_id)
    );
    CREATE INDEX guardians_by_parent ON guardians(parent_id);
    CREATE TABLE trusted_grown_ups (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      avatar TEXT,
      added_at BIGINT NOT NULL,
      added_by TEXT,
      PRIMARY KEY (child_id, parent_id)
    );
    CREATE INDEX trusted_grown_ups_by_parent ON trusted_grown_ups(parent_id);
    CREATE TABLE grown_up_invites (
      id TEXT PRIMARY KEY,
      code_hash BYTEA NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('guardian', 'trusted')),
      created_by TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('waiting', 'redeemed', 'confirmed', 'declined', 'cancelled')),
      redeemed_by TEXT REFERENCES parents(account_id) ON DELETE SET NULL,
      redeemed_at BIGINT,
      avatar TEXT
    );
    CREATE INDEX grown_up_invites_by_creator ON grown_up_invites(created_by, created_at);
    CREATE INDEX grown_up_invites_by_redeemer ON grown_up_invites(redeemed_by);
    CREATE TABLE grown_up_invite_children (
      invite_id TEXT NOT NULL REFERENCES grown_up_invites(id) ON DELETE CASCADE,
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      PRIMARY KEY (invite_id, child_id)
    );
    CREATE INDEX grown_up_invite_children_by_child ON grown_up_invite_children(child_id);
    CREATE TABLE notices (
      id TEXT PRIMARY KEY,
      recipient_parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      child_id TEXT NOT NULL,
      child_name TEXT NOT NULL,
      by_name TEXT,
      about_id TEXT,
      about_name TEXT,
      at BIGINT NOT NULL
    );
    CREATE INDEX notices_by_recipient ON notices(recipient_parent_id, at);
    CREATE TABLE email_codes (
      id TEXT PRIMARY KEY,
      purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
      email_key TEXT NOT NULL,
      account_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      code_hash BYTEA NOT NULL,
      sent_by TEXT NOT NULL CHECK (sent_by IN ('email', 'operator')),
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      used_at BIGINT,
      attempts INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX email_codes_by_email ON email_codes(email_key, purpose);
    CREATE INDEX email_codes_by_account ON email_codes(account_id);
    CREATE INDEX email_codes_by_expiry ON email_codes(expires_at);
    CREATE TABLE email_sends (
      email_key TEXT NOT NULL,
      sent_at BIGINT NOT NULL
    );
    CREATE INDEX email_sends_by_email ON email_sends(email_key, sent_at);
    CREATE INDEX email_sends_by_time ON email_sends(sent_at);
  `);
}

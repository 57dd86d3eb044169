import type { WritableDB } from '@hearth/sqlite';

/**
 * Verified email and recovery (issue 12). `parents.email_verified_at`: when the grown-up proved
 * the mailbox (an emailed code, or the operator's `relay:admin verify-email`); accounts from before
 * stay NULL, which a relay without email never checks. `email_codes`: the six-digit codes sent for
 * verification (`verify`) and "forgot password" (`reset`), stored as a hash, never the code;
 * `sent_by` says whether the code went by email (which also proves the mailbox) or came from the
 * operator.
 * `email_sends`: when each address was last written to, for the per-address hourly limit.
 */
export function updateToSchemaVersion10(db: WritableDB): void {
  db.exec(`
    ALTER TABLE parents ADD COLUMN email_verified_at INTEGER;

    CREATE TABLE email_codes (
      id TEXT PRIMARY KEY,
      purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
      email_key TEXT NOT NULL,
      account_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      code_hash BLOB NOT NULL,
      sent_by TEXT NOT NULL CHECK (sent_by IN ('email', 'operator')),
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at INTEGER,
      attempts INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX email_codes_by_email ON email_codes(email_key, purpose);
    CREATE INDEX email_codes_by_account ON email_codes(account_id);
    CREATE INDEX email_codes_by_expiry ON email_codes(expires_at);

    CREATE TABLE email_sends (
      email_key TEXT NOT NULL,
      sent_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX email_sends_by_email ON email_sends(email_key, sent_at);
    CREATE INDEX email_sends_by_time ON email_sends(sent_at);
  `);
}

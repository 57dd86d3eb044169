import type { WritableDB } from '@hearth/sqlite';

/**
 * The grown-ups of a child (issue 12). `guardians`: every parent account that looks after a
 * child (back-filled from `children.parent_id`, which stays as "who created the child");
 * `trusted_grown_ups`: a grandparent, an aunt, a contact of the child and nothing more, with the
 * picture their guardian picked. `grown_up_invites`: the single-use codes a guardian makes to
 * add either (stored as a SHA-256, never the code), for the children in
 * `grown_up_invite_children`. `notices`: what every guardian of a child is told, one row per
 * recipient (child_id keeps no foreign key: a notice outlives the deleted child). Consent is
 * recorded per guardian and per child; `withdrawn_at` marks a withdrawn one (the record stays).
 */
export function updateToSchemaVersion9(db: WritableDB): void {
  db.exec(`
    CREATE TABLE guardians (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      added_at INTEGER NOT NULL,
      -- The guardian who confirmed the invitation; NULL for the child's creator.
      added_by TEXT,
      PRIMARY KEY (child_id, parent_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX guardians_by_parent ON guardians(parent_id);

    INSERT INTO guardians (child_id, parent_id, added_at, added_by)
      SELECT c.account_id, c.parent_id, a.created_at, NULL FROM children c JOIN accounts a ON a.id = c.account_id;

    CREATE TABLE trusted_grown_ups (
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      avatar TEXT,
      added_at INTEGER NOT NULL,
      added_by TEXT,
      PRIMARY KEY (child_id, parent_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX trusted_grown_ups_by_parent ON trusted_grown_ups(parent_id);

    CREATE TABLE grown_up_invites (
      id TEXT PRIMARY KEY,
      code_hash BLOB NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('guardian', 'trusted')),
      created_by TEXT NOT NULL REFERENCES parents(account_id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      -- 'expired' is never stored: a waiting or redeemed invitation past expires_at reads as expired.
      state TEXT NOT NULL CHECK (state IN ('waiting', 'redeemed', 'confirmed', 'declined', 'cancelled')),
      redeemed_by TEXT REFERENCES parents(account_id) ON DELETE SET NULL,
      redeemed_at INTEGER,
      avatar TEXT
    ) STRICT;
    CREATE INDEX grown_up_invites_by_creator ON grown_up_invites(created_by, created_at);
    CREATE INDEX grown_up_invites_by_redeemer ON grown_up_invites(redeemed_by);

    CREATE TABLE grown_up_invite_children (
      invite_id TEXT NOT NULL REFERENCES grown_up_invites(id) ON DELETE CASCADE,
      child_id TEXT NOT NULL REFERENCES children(account_id) ON DELETE CASCADE,
      PRIMARY KEY (invite_id, child_id)
    ) STRICT, WITHOUT ROWID;
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
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX notices_by_recipient ON notices(recipient_parent_id, at);

    ALTER TABLE consents ADD COLUMN withdrawn_at INTEGER;
    CREATE INDEX consents_by_child ON consents(child_id, parent_id);
  `);
}

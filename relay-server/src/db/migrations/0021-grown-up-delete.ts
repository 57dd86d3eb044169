import type { WritableDB } from '@hearth/sqlite';

/**
 * Deleting a grown-up's account (F12, issue 15): their consent and withdrawal records stay, with
 * ids only (ids, version, method, times; never a name), so `consents.parent_id` loses its foreign
 * key (SQLite cannot drop one: the table is rebuilt). `notices.by_id`: the grown-up who did it, so
 * their name can be taken out of the other grown-ups' notices when their account goes.
 */
export function updateToSchemaVersion21(db: WritableDB): void {
  db.exec(`
    CREATE TABLE consents_kept (
      id TEXT PRIMARY KEY,
      -- No foreign key: the record outlives the grown-up's account, as it outlives the child's.
      parent_id TEXT NOT NULL,
      child_id TEXT NOT NULL,
      policy_version TEXT NOT NULL,
      method TEXT NOT NULL,
      given_at INTEGER NOT NULL,
      withdrawn_at INTEGER
    ) STRICT;
    INSERT INTO consents_kept (id, parent_id, child_id, policy_version, method, given_at, withdrawn_at)
      SELECT id, parent_id, child_id, policy_version, method, given_at, withdrawn_at FROM consents;
    DROP TABLE consents;
    ALTER TABLE consents_kept RENAME TO consents;
    CREATE INDEX consents_by_parent ON consents(parent_id, given_at);
    CREATE INDEX consents_by_child ON consents(child_id, parent_id);

    ALTER TABLE notices ADD COLUMN by_id TEXT;
    CREATE INDEX notices_by_actor ON notices(by_id) WHERE by_id IS NOT NULL;
    CREATE INDEX notices_by_about ON notices(about_id) WHERE about_id IS NOT NULL;
  `);
}

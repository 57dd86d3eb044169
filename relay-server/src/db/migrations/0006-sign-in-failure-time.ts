import type { WritableDB } from '../database';

/**
 * When an address last failed to sign in, so a failure streak is forgotten after a quiet day and
 * the typed address (which may be anyone's) is not kept for ever. Rows from before this migration
 * get 0, so the next sweep forgets them unless they are locked now.
 */
export function updateToSchemaVersion6(db: WritableDB): void {
  db.exec(`
    ALTER TABLE sign_in_failures ADD COLUMN last_failure_at INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX sign_in_failures_by_time ON sign_in_failures(last_failure_at);
  `);
}

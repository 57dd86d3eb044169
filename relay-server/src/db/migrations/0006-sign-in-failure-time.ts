import type { WritableDB } from '@hearth/sqlite';

/**
 * When an address last failed to sign in, so a failure streak is forgotten after a quiet day and
 * the typed address (which may be anyone's) is not kept for ever. Rows from before this migration
 * count from the migration's time, so a streak running now is not wiped by the upgrade.
 */
export function updateToSchemaVersion6(db: WritableDB): void {
  db.exec(`
    ALTER TABLE sign_in_failures ADD COLUMN last_failure_at INTEGER NOT NULL DEFAULT 0;
    UPDATE sign_in_failures SET last_failure_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000;
    CREATE INDEX sign_in_failures_by_time ON sign_in_failures(last_failure_at);
  `);
}

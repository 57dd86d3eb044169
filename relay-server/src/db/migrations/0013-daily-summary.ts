import type { WritableDB } from '@hearth/sqlite';

/**
 * The daily summary's opt-in (issue 14, F10): a row per child whose guardians switched the
 * counts-only summary on (no row: off, the default); who switched it on and when.
 */
export function updateToSchemaVersion13(db: WritableDB): void {
  db.exec(`
    CREATE TABLE daily_summary_optins (
      child_id TEXT PRIMARY KEY REFERENCES children(account_id) ON DELETE CASCADE,
      enabled_by TEXT NOT NULL,
      enabled_at INTEGER NOT NULL
    ) STRICT;
  `);
}

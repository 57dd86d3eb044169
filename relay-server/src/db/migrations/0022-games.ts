import type { WritableDB } from '@hearth/sqlite';

/**
 * The games switch (issue 16, F9): a row per child whose guardians turned games off (no row: on,
 * the default); who turned them off and when. Goes with the child (cascade).
 */
export function updateToSchemaVersion22(db: WritableDB): void {
  db.exec(`
    CREATE TABLE games_off (
      child_id TEXT PRIMARY KEY REFERENCES children(account_id) ON DELETE CASCADE,
      turned_off_by TEXT NOT NULL,
      turned_off_at INTEGER NOT NULL
    ) STRICT;
  `);
}

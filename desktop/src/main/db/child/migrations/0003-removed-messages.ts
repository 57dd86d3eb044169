import type { WritableDB } from '@hearth/sqlite';

/**
 * Messages the child deleted from this PC ("delete for me") or whose sender took them back
 * ("unsend"): the message row goes, its id stays here so a late re-delivery is not stored again.
 */
export function updateToSchemaVersion3(db: WritableDB): void {
  db.exec(`
    CREATE TABLE removed_messages (
      id TEXT PRIMARY KEY,
      reason TEXT NOT NULL CHECK (reason IN ('deleted', 'unsent')),
      removed_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}

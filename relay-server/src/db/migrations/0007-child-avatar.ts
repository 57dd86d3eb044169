import type { WritableDB } from '@hearth/sqlite';

/**
 * The picture a child picked (one of the app's own, by id; see `AVATAR_IDS` in common), so the
 * child's family and active friends see it beside the name. Null: none picked.
 */
export function updateToSchemaVersion7(db: WritableDB): void {
  db.exec(`ALTER TABLE children ADD COLUMN avatar TEXT;`);
}

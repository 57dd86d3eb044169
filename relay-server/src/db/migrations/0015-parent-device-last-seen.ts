import type { WritableDB } from '@hearth/sqlite';

/**
 * Computers (F18): the day (UTC, `YYYY-MM-DD`, no finer) each parent-mode PC last reached the
 * relay with its session, for the guardian's list of their own computers. Gone with the parent
 * device (signed out or its session ended).
 */
export function updateToSchemaVersion15(db: WritableDB): void {
  db.exec(`ALTER TABLE parent_devices ADD COLUMN last_seen_day TEXT;`);
}

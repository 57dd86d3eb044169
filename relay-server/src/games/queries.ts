import type { ReadableDB, WritableDB } from '@hearth/sqlite';

/** Whether a child's guardians turned games off (on by default: no row). */
export function areGamesOff(db: ReadableDB, childId: string): boolean {
  return db.prepare(`SELECT 1 FROM games_off WHERE child_id = ?`).get(childId) !== undefined;
}

/** Turns a child's games off (recording who and when) or, with null, on again. */
export function setGamesOff(db: WritableDB, childId: string, off: Readonly<{ by: string; now: number }> | null): void {
  if (off === null) {
    db.prepare(`DELETE FROM games_off WHERE child_id = ?`).run(childId);
    return;
  }
  db.prepare(
    `INSERT INTO games_off (child_id, turned_off_by, turned_off_at) VALUES (?, ?, ?)
     ON CONFLICT (child_id) DO UPDATE SET turned_off_by = excluded.turned_off_by, turned_off_at = excluded.turned_off_at`,
  ).run(childId, off.by, off.now);
}

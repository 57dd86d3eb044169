import type { WritableDB } from '@hearth/sqlite';

/**
 * Honest deadlines for messages held for a child in quiet time (issue 14): "15 days of the
 * recipient's non-quiet time, and in any case 30 calendar days". When the child's schedule, zone
 * or "quiet now" changes, the relay counts the non-quiet time used so far under the old settings
 * and places the deadline again under the new ones: `quiet_left_ms` is the non-quiet time still
 * left as of `quiet_left_at`. Both null: the whole allowance, as of `created_at`.
 */
export function updateToSchemaVersion16(db: WritableDB): void {
  db.exec(`
    ALTER TABLE messages ADD COLUMN quiet_left_ms INTEGER;
    ALTER TABLE messages ADD COLUMN quiet_left_at INTEGER;
  `);
}

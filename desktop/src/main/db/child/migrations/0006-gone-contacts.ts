import type { WritableDB } from '@hearth/sqlite';

/**
 * A contact whose account was deleted (issue 15 §3): the relay no longer lists the friendship, and
 * this PC keeps the contact, marked gone (when it learnt it), with what the child already received.
 */
export function updateToSchemaVersion6(db: WritableDB): void {
  db.exec(`ALTER TABLE contacts ADD COLUMN gone_at INTEGER;`);
}

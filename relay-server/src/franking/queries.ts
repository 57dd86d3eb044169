import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

/**
 * The relay's franking records (F11): per accepted message, its id, the MAC and when it was made.
 * Nothing else: the content, the sender and the recipient are only inside the MAC.
 */

/** Keeps one record; the same record twice is kept once. */
export function insertFrank(db: WritableDB, messageId: string, mac: Buffer, createdAt: number): void {
  prepared(
    db,
    `INSERT INTO message_franks (message_id, mac, created_at) VALUES (?, ?, ?) ON CONFLICT (message_id, mac) DO NOTHING`,
  ).run(messageId, mac, createdAt);
}

/** The MACs kept for this message id (usually one; an id used again after its first record was swept may have made two). */
export function listFrankMacs(db: ReadableDB, messageId: string): Buffer[] {
  return prepared(db, `SELECT mac FROM message_franks WHERE message_id = ?`).pluck().all(messageId) as Buffer[];
}

/** Deletes up to `limit` records made at or before `madeAtOrBefore`; how many went. */
export function deleteFranksUpTo(db: WritableDB, madeAtOrBefore: number, limit: number): number {
  return prepared(
    db,
    `DELETE FROM message_franks WHERE (message_id, mac) IN
       (SELECT message_id, mac FROM message_franks WHERE created_at <= ? LIMIT ?)`,
  ).run(madeAtOrBefore, limit).changes;
}

import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

/** What the outbox keeps for one message: enough to send it again after any crash. */
export type OutboxEntry = Readonly<{
  seq: number;
  messageId: string;
  contactId: string;
  payload: unknown;
  attempts: number;
  nextAttemptAt: number;
}>;

/** Queues a message for sending, due now (once per message id). */
export function enqueueOutbox(
  db: WritableDB,
  e: Readonly<{ messageId: string; contactId: string; payload: unknown; now: number }>,
): void {
  prepared(
    db,
    `INSERT INTO outbox (message_id, contact_id, frame_json, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (message_id) DO NOTHING`,
  ).run(e.messageId, e.contactId, JSON.stringify(e.payload), e.now, e.now);
}

type Row = { seq: number; messageId: string; contactId: string; frameJson: string; attempts: number; nextAttemptAt: number };
const COLUMNS = `seq, message_id AS messageId, contact_id AS contactId, frame_json AS frameJson, attempts, next_attempt_at AS nextAttemptAt`;
const toEntry = (r: Row): OutboxEntry => ({
  seq: r.seq,
  messageId: r.messageId,
  contactId: r.contactId,
  payload: JSON.parse(r.frameJson) as unknown,
  attempts: r.attempts,
  nextAttemptAt: r.nextAttemptAt,
});

/** Entries due by `now`, oldest first. */
export function dueOutbox(db: ReadableDB, now: number, limit: number): OutboxEntry[] {
  return (
    prepared(db, `SELECT ${COLUMNS} FROM outbox WHERE next_attempt_at <= ? ORDER BY seq LIMIT ?`).all(now, limit) as Row[]
  ).map(toEntry);
}

/** Everything still waiting, oldest first. */
export function allOutbox(db: ReadableDB): OutboxEntry[] {
  return (prepared(db, `SELECT ${COLUMNS} FROM outbox ORDER BY seq`).all() as Row[]).map(toEntry);
}

/** Records a send attempt and when to try again if the relay does not acknowledge it. */
export function noteOutboxAttempt(db: WritableDB, messageId: string, nextAttemptAt: number): void {
  prepared(db, `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE message_id = ?`).run(
    nextAttemptAt,
    messageId,
  );
}

/** Makes every entry due now (after a reconnect). */
export function makeOutboxDue(db: WritableDB, now: number): void {
  prepared(db, `UPDATE outbox SET next_attempt_at = ? WHERE next_attempt_at > ?`).run(now, now);
}

/** The relay has it: the entry leaves. True if it was there. */
export function removeFromOutbox(db: WritableDB, messageId: string): boolean {
  return prepared(db, `DELETE FROM outbox WHERE message_id = ?`).run(messageId).changes > 0;
}

/** The earliest time an entry becomes due, or null when the outbox is empty. */
export function earliestOutboxAttempt(db: ReadableDB): number | null {
  return (prepared(db, `SELECT MIN(next_attempt_at) AS at FROM outbox`).get() as { at: number | null }).at;
}

import type { CallRecord } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

/** Adds one call to the log. */
export function insertCall(db: WritableDB, c: CallRecord): void {
  prepared(
    db,
    `INSERT INTO call_log (id, contact_id, direction, video, started_at, ended_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.callId, c.contactId, c.direction, c.video ? 1 : 0, c.startedAt, c.endedAt, c.outcome);
}

/** The newest calls first, optionally with one contact. */
export function listCalls(db: ReadableDB, contactId: string | undefined, limit: number): CallRecord[] {
  const select = `SELECT id AS callId, contact_id AS contactId, direction, video, started_at AS startedAt, ended_at AS endedAt, outcome
    FROM call_log`;
  const rows = (
    contactId === undefined
      ? prepared(db, `${select} ORDER BY started_at DESC LIMIT ?`).all(limit)
      : prepared(db, `${select} WHERE contact_id = ? ORDER BY started_at DESC LIMIT ?`).all(contactId, limit)
  ) as (Omit<CallRecord, 'video'> & { video: number })[];
  return rows.map((r) => ({ ...r, video: r.video === 1 }));
}

/** One call of the log by its id, or undefined. */
export function getCall(db: ReadableDB, callId: string): CallRecord | undefined {
  const row = prepared(
    db,
    `SELECT id AS callId, contact_id AS contactId, direction, video, started_at AS startedAt, ended_at AS endedAt, outcome
     FROM call_log WHERE id = ?`,
  ).get(callId) as (Omit<CallRecord, 'video'> & { video: number }) | undefined;
  return row && { ...row, video: row.video === 1 };
}

import type { FriendshipView, ReportSubmission } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';
import { getContact } from './contacts';

/** Keeps a message's raw form as the relay delivered it (or as sent, with the relay's `sentAt`). */
export function setMessageRaw(db: WritableDB, id: string, raw: string, changedOnReceipt = false): void {
  prepared(db, `UPDATE messages SET raw_json = ?, changed_on_receipt = ? WHERE id = ?`).run(raw, changedOnReceipt ? 1 : 0, id);
}

/** One message of a conversation as a report carries it. */
export type EvidenceRow = Readonly<{
  id: string;
  direction: 'in' | 'out';
  contentJson: string;
  sentAt: number;
  raw: string | null;
  changedOnReceipt: boolean;
}>;

/** The newest `limit` messages with this contact (oldest first), and the one with `itemId` if older. */
export function evidenceMessages(db: ReadableDB, contactId: string, limit: number, itemId: string | null): EvidenceRow[] {
  const select = `SELECT id, direction, body_json AS contentJson, sent_at AS sentAt, raw_json AS raw,
      changed_on_receipt AS changed FROM messages`;
  type Row = Omit<EvidenceRow, 'changedOnReceipt'> & { changed: number };
  const rows = prepared(db, `${select} WHERE contact_id = ? ORDER BY id DESC LIMIT ?`).all(contactId, limit) as Row[];
  if (itemId !== null && !rows.some((r) => r.id === itemId)) {
    const item = prepared(db, `${select} WHERE contact_id = ? AND id = ?`).get(contactId, itemId) as Row | undefined;
    if (item) rows.push(item);
  }
  return rows
    .map(({ changed, ...r }) => ({ ...r, changedOnReceipt: changed === 1 }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type ReportOutboxEntry = Readonly<{
  reportId: string;
  about: string;
  submission: ReportSubmission;
  acceptedAt: number | null;
  /** Files the relay still wants (after it accepted the report). */
  missing: readonly string[];
  attempts: number;
  nextAttemptAt: number;
}>;

/** Keeps a report until the relay has it and every file it asked for. */
export function enqueueReport(db: WritableDB, s: ReportSubmission, now: number): void {
  prepared(
    db,
    `INSERT INTO report_outbox (report_id, about, submission_json, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (report_id) DO NOTHING`,
  ).run(s.reportId, s.about, JSON.stringify(s), now, now);
}

type Row = {
  reportId: string;
  about: string;
  submissionJson: string;
  acceptedAt: number | null;
  missingJson: string | null;
  attempts: number;
  nextAttemptAt: number;
};
const COLUMNS = `report_id AS reportId, about, submission_json AS submissionJson, accepted_at AS acceptedAt,
  missing_json AS missingJson, attempts, next_attempt_at AS nextAttemptAt`;
const toEntry = (r: Row): ReportOutboxEntry => ({
  reportId: r.reportId,
  about: r.about,
  submission: JSON.parse(r.submissionJson) as ReportSubmission,
  acceptedAt: r.acceptedAt,
  missing: r.missingJson === null ? [] : (JSON.parse(r.missingJson) as string[]),
  attempts: r.attempts,
  nextAttemptAt: r.nextAttemptAt,
});

/** Reports not yet done (the relay lacks them or some of their files), oldest first. */
export function pendingReports(db: ReadableDB): ReportOutboxEntry[] {
  return (
    prepared(db, `SELECT ${COLUMNS} FROM report_outbox WHERE done_at IS NULL ORDER BY created_at, report_id`).all() as Row[]
  ).map(toEntry);
}

/** Accounts with a report the relay has not accepted yet: hidden from the child's lists here meanwhile. */
export function reportedNotYetAccepted(db: ReadableDB): Set<string> {
  const rows = prepared(db, `SELECT DISTINCT about FROM report_outbox WHERE accepted_at IS NULL`).all() as { about: string }[];
  // A child always reaches their own grown-ups: a report about a guardian hides nothing (F11).
  return new Set(rows.map((r) => r.about).filter((about) => !isGuardian(getContact(db, about)?.friendship)));
}

/**
 * One of the child's guardians: a family link to a grown-up the relay calls `guardian`, or (a relay
 * before 0.2.0, which has no trusted grown-ups and sends no role) any family link to a grown-up.
 */
export function isGuardian(f: FriendshipView | undefined): boolean {
  if (f?.kind !== 'family' || f.friend.kind !== 'parent') return false;
  return f.friend.familyRole === 'guardian' || f.friend.familyRole === undefined;
}

/** The relay accepted the report; these files are still to upload. */
export function markReportAccepted(db: WritableDB, reportId: string, missing: readonly string[], now: number): void {
  prepared(db, `UPDATE report_outbox SET accepted_at = COALESCE(accepted_at, ?), missing_json = ? WHERE report_id = ?`).run(
    now,
    JSON.stringify(missing),
    reportId,
  );
}

/** One asked-for file went up. */
export function markReportFileSent(db: WritableDB, reportId: string, hash: string): void {
  const row = prepared(db, `SELECT missing_json AS m FROM report_outbox WHERE report_id = ?`).get(reportId) as
    { m: string | null } | undefined;
  const left = row?.m ? (JSON.parse(row.m) as string[]).filter((h) => h !== hash) : [];
  prepared(db, `UPDATE report_outbox SET missing_json = ? WHERE report_id = ?`).run(JSON.stringify(left), reportId);
}

/** The relay has the report and all its files. */
export function markReportDone(db: WritableDB, reportId: string, now: number): void {
  prepared(db, `UPDATE report_outbox SET done_at = ? WHERE report_id = ?`).run(now, reportId);
}

/** A try failed: when to try again. */
export function noteReportAttempt(db: WritableDB, reportId: string, nextAttemptAt: number): void {
  prepared(db, `UPDATE report_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE report_id = ?`).run(
    nextAttemptAt,
    reportId,
  );
}

/**
 * The newest `game-move` message of a match (F9) the contact sent, or undefined; a 0.3.0 `game` message
 * (its `sessionId`) is still found in older history.
 */
export function latestGameMessage(db: ReadableDB, contactId: string, matchId: string): string | undefined {
  const row = prepared(
    db,
    `SELECT id FROM messages WHERE contact_id = ? AND direction = 'in' AND (
       (json_extract(body_json, '$.kind') = 'game-move'
         AND EXISTS (SELECT 1 FROM json_each(body_json, '$.moves') WHERE json_extract(value, '$.matchId') = ?))
       OR (json_extract(body_json, '$.kind') = 'game' AND json_extract(body_json, '$.sessionId') = ?))
     ORDER BY id DESC LIMIT 1`,
  ).get(contactId, matchId, matchId) as { id: string } | undefined;
  return row?.id;
}

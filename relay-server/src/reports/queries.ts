import type { ReadableDB, WritableDB } from '@hearth/sqlite';

/** A report as the relay keeps it (issue 15, F11); `messages` and `calls` are the submission's, as JSON. */
export type ReportRow = Readonly<{
  id: string;
  reporterId: string;
  /** The reporting child's name at submission: a forwarded report still reads after the child is deleted. */
  reporterName: string;
  aboutId: string;
  aboutName: string;
  aboutKind: 'child' | 'parent';
  aboutRole: 'friend' | 'trusted-grown-up' | 'guardian' | 'former-contact';
  reason: string;
  place: string;
  itemId: string | null;
  messages: string;
  calls: string;
  madeAt: number;
  receivedAt: number;
  blocked: boolean;
  forwardedAt: number | null;
  forwardedAutomatically: boolean;
  guardianNote: string | null;
  sharedAt: number | null;
  sharedBy: string | null;
  unblockedAt: number | null;
  closedAt: number | null;
  legalHold: boolean;
}>;

/** One evidence file of a report, without its bytes. */
export type ReportFileRow = Readonly<{
  reportId: string;
  hash: string;
  size: number;
  mime: string;
  role: 'attachment' | 'voice-note';
  messageId: string | null;
  uploaded: boolean;
}>;

type RawReport = {
  id: string;
  reporter_id: string;
  reporter_name: string;
  about_id: string;
  about_name: string;
  about_kind: 'child' | 'parent';
  about_role: ReportRow['aboutRole'];
  reason: string;
  place: string;
  item_id: string | null;
  messages: string;
  calls: string;
  made_at: number;
  received_at: number;
  blocked: number | boolean;
  forwarded_at: number | null;
  forwarded_automatically: number | boolean;
  guardian_note: string | null;
  shared_at: number | null;
  shared_by: string | null;
  unblocked_at: number | null;
  closed_at: number | null;
  legal_hold: number | boolean;
};

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** A `reports` row of either store (PostgreSQL gives booleans and, for BIGINT, strings or numbers). */
export function reportFromRaw(r: RawReport): ReportRow {
  return {
    id: r.id,
    reporterId: r.reporter_id,
    reporterName: r.reporter_name,
    aboutId: r.about_id,
    aboutName: r.about_name,
    aboutKind: r.about_kind,
    aboutRole: r.about_role,
    reason: r.reason,
    place: r.place,
    itemId: r.item_id,
    messages: r.messages,
    calls: r.calls,
    madeAt: Number(r.made_at),
    receivedAt: Number(r.received_at),
    blocked: Boolean(r.blocked),
    forwardedAt: num(r.forwarded_at),
    forwardedAutomatically: Boolean(r.forwarded_automatically),
    guardianNote: r.guardian_note,
    sharedAt: num(r.shared_at),
    sharedBy: r.shared_by,
    unblockedAt: num(r.unblocked_at),
    closedAt: num(r.closed_at),
    legalHold: Boolean(r.legal_hold),
  };
}

type RawFile = {
  report_id: string;
  hash: string;
  size: number | string;
  mime: string;
  role: 'attachment' | 'voice-note';
  message_id: string | null;
  uploaded: number | boolean;
};

export function fileFromRaw(r: RawFile): ReportFileRow {
  return {
    reportId: r.report_id,
    hash: r.hash,
    size: Number(r.size),
    mime: r.mime,
    role: r.role,
    messageId: r.message_id,
    uploaded: Boolean(r.uploaded),
  };
}

export const FILE_COLUMNS = `report_id, hash, size, mime, role, message_id, (uploaded_at IS NOT NULL) AS uploaded`;

/** Stores a new report and its declared files (no bytes yet). */
export function insertReport(db: WritableDB, r: ReportRow, files: readonly Omit<ReportFileRow, 'uploaded' | 'reportId'>[]): void {
  db.prepare(
    `INSERT INTO reports (id, reporter_id, reporter_name, about_id, about_name, about_kind, about_role, reason, place,
       item_id, messages, calls, made_at, received_at, blocked, forwarded_at, forwarded_automatically, guardian_note,
       shared_at, shared_by, unblocked_at, closed_at, legal_hold)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.id,
    r.reporterId,
    r.reporterName,
    r.aboutId,
    r.aboutName,
    r.aboutKind,
    r.aboutRole,
    r.reason,
    r.place,
    r.itemId,
    r.messages,
    r.calls,
    r.madeAt,
    r.receivedAt,
    Number(r.blocked),
    r.forwardedAt,
    Number(r.forwardedAutomatically),
    r.guardianNote,
    r.sharedAt,
    r.sharedBy,
    r.unblockedAt,
    r.closedAt,
    Number(r.legalHold),
  );
  const file = db.prepare(`INSERT INTO report_files (report_id, hash, size, mime, role, message_id) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const f of files) file.run(r.id, f.hash, f.size, f.mime, f.role, f.messageId);
}

export function getReport(db: ReadableDB, id: string): ReportRow | undefined {
  const r = db.prepare(`SELECT * FROM reports WHERE id = ?`).get(id) as RawReport | undefined;
  return r && reportFromRaw(r);
}

/** The reports a child made, newest first. */
export function listReportsBy(db: ReadableDB, reporterId: string): ReportRow[] {
  return (
    db.prepare(`SELECT * FROM reports WHERE reporter_id = ? ORDER BY received_at DESC, id DESC`).all(reporterId) as RawReport[]
  ).map(reportFromRaw);
}

/** The reports about an account that a reporting family shared, newest share first. */
export function listSharedAbout(db: ReadableDB, aboutId: string): ReportRow[] {
  return (
    db
      .prepare(`SELECT * FROM reports WHERE about_id = ? AND shared_at IS NOT NULL ORDER BY shared_at DESC, id DESC`)
      .all(aboutId) as RawReport[]
  ).map(reportFromRaw);
}

/** Forwarded reports, oldest forward first; closed ones only when asked. */
export function listForwarded(db: ReadableDB, includeClosed: boolean): ReportRow[] {
  return (
    db
      .prepare(`SELECT * FROM reports WHERE forwarded_at IS NOT NULL AND (? = 1 OR closed_at IS NULL) ORDER BY forwarded_at, id`)
      .all(Number(includeClosed)) as RawReport[]
  ).map(reportFromRaw);
}

/** How many reports a child made since `since` (the rate limit). */
export function countReportsSince(db: ReadableDB, reporterId: string, since: number): number {
  return db
    .prepare(`SELECT count(*) FROM reports WHERE reporter_id = ? AND received_at >= ?`)
    .pluck()
    .get(reporterId, since) as number;
}

/** How many of a child's reports were shared with the other family since `since` (the per-family rate limit). */
export function countSharedSince(db: ReadableDB, reporterId: string, since: number): number {
  return db
    .prepare(`SELECT count(*) FROM reports WHERE reporter_id = ? AND shared_at >= ?`)
    .pluck()
    .get(reporterId, since) as number;
}

export function listReportFiles(db: ReadableDB, reportId: string): ReportFileRow[] {
  return (
    db.prepare(`SELECT ${FILE_COLUMNS} FROM report_files WHERE report_id = ? ORDER BY role, hash`).all(reportId) as RawFile[]
  ).map(fileFromRaw);
}

/** Stores a declared file's bytes once; false when it was not declared or is already there. */
export function putReportFileBytes(db: WritableDB, reportId: string, hash: string, bytes: Buffer, at: number): boolean {
  return (
    db
      .prepare(`UPDATE report_files SET bytes = ?, uploaded_at = ? WHERE report_id = ? AND hash = ? AND uploaded_at IS NULL`)
      .run(bytes, at, reportId, hash).changes > 0
  );
}

/** An uploaded file's bytes and type, or undefined. */
export function getReportFileBytes(db: ReadableDB, reportId: string, hash: string): { bytes: Buffer; mime: string } | undefined {
  return db
    .prepare(`SELECT bytes, mime FROM report_files WHERE report_id = ? AND hash = ? AND bytes IS NOT NULL`)
    .get(reportId, hash) as { bytes: Buffer; mime: string } | undefined;
}

/** Marks a report forwarded to the moderators (once: false when it already was). */
export function markForwarded(db: WritableDB, id: string, at: number, automatically: boolean, note: string | null): boolean {
  return (
    db
      .prepare(
        `UPDATE reports SET forwarded_at = ?, forwarded_automatically = ?, guardian_note = ? WHERE id = ? AND forwarded_at IS NULL`,
      )
      .run(at, Number(automatically), note, id).changes > 0
  );
}

/** Marks a report shared with the reported child's guardians (once: false when it already was). */
export function markShared(db: WritableDB, id: string, at: number, by: string): boolean {
  return (
    db.prepare(`UPDATE reports SET shared_at = ?, shared_by = ? WHERE id = ? AND shared_at IS NULL`).run(at, by, id).changes > 0
  );
}

/** Marks the report's block lifted (once: false when it already was). */
export function markUnblocked(db: WritableDB, id: string, at: number): boolean {
  return db.prepare(`UPDATE reports SET unblocked_at = ? WHERE id = ? AND unblocked_at IS NULL`).run(at, id).changes > 0;
}

/** Closes a forwarded report (once: false when it already was closed or is not forwarded). */
export function markClosed(db: WritableDB, id: string, at: number): boolean {
  return (
    db.prepare(`UPDATE reports SET closed_at = ? WHERE id = ? AND forwarded_at IS NOT NULL AND closed_at IS NULL`).run(at, id)
      .changes > 0
  );
}

export function setLegalHold(db: WritableDB, id: string, hold: boolean): boolean {
  return db.prepare(`UPDATE reports SET legal_hold = ? WHERE id = ?`).run(Number(hold), id).changes > 0;
}

/**
 * A deleted child's reports that were never forwarded, those it made and those about it (their
 * files go with them); forwarded ones stay (retention). How many went.
 */
export function deleteUnforwardedReportsOf(db: WritableDB, childId: string): number {
  return db.prepare(`DELETE FROM reports WHERE (reporter_id = ? OR about_id = ?) AND forwarded_at IS NULL`).run(childId, childId)
    .changes;
}

/** Forwarded reports closed before `before` and not under legal hold, deleted with their files. How many. */
export function deleteClosedBefore(db: WritableDB, before: number): number {
  return db.prepare(`DELETE FROM reports WHERE closed_at IS NOT NULL AND closed_at < ? AND legal_hold = 0`).run(before).changes;
}

/**
 * When the friendship or family link of two accounts stopped being active: null while it is active
 * or never was, undefined when they have no such row.
 */
export function contactInactiveSince(db: ReadableDB, pairKey: string): number | null | undefined {
  const row = db.prepare(`SELECT inactive_since AS s FROM friendships WHERE pair_key = ?`).get(pairKey) as
    { s: number | null } | undefined;
  return row && row.s;
}

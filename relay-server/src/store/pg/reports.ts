import type * as reports from '../../reports/queries';
import { FILE_COLUMNS, fileFromRaw, reportFromRaw } from '../../reports/queries';
import type { PgModule } from '../port';

type Raw = Parameters<typeof reportFromRaw>[0];
type RawFile = Parameters<typeof fileFromRaw>[0];

const changed = (r: { rowCount: number | null }): boolean => (r.rowCount ?? 0) > 0;

/** The PostgreSQL twin of `reports/queries.ts`: reports and their evidence files (issue 15). */
export const pgReports = {
  async insertReport(q, r, files) {
    await q.query(
      `INSERT INTO reports (id, reporter_id, reporter_name, about_id, about_name, about_kind, about_role, reason, place,
         item_id, messages, calls, made_at, received_at, blocked, forwarded_at, forwarded_automatically, guardian_note,
         shared_at, shared_by, unblocked_at, closed_at, legal_hold)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
      [
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
        r.blocked,
        r.forwardedAt,
        r.forwardedAutomatically,
        r.guardianNote,
        r.sharedAt,
        r.sharedBy,
        r.unblockedAt,
        r.closedAt,
        r.legalHold,
      ],
    );
    for (const f of files) {
      await q.query(`INSERT INTO report_files (report_id, hash, size, mime, role, message_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
        r.id,
        f.hash,
        f.size,
        f.mime,
        f.role,
        f.messageId,
      ]);
    }
  },

  async getReport(q, id) {
    const r = (await q.query(`SELECT * FROM reports WHERE id = $1`, [id])).rows[0] as Raw | undefined;
    return r && reportFromRaw(r);
  },

  async listReportsBy(q, reporterId) {
    const { rows } = await q.query(
      `SELECT * FROM reports WHERE reporter_id = $1 ORDER BY received_at DESC, id COLLATE "C" DESC`,
      [reporterId],
    );
    return (rows as Raw[]).map(reportFromRaw);
  },

  async listSharedAbout(q, aboutId) {
    const { rows } = await q.query(
      `SELECT * FROM reports WHERE about_id = $1 AND shared_at IS NOT NULL ORDER BY shared_at DESC, id COLLATE "C" DESC`,
      [aboutId],
    );
    return (rows as Raw[]).map(reportFromRaw);
  },

  async listForwarded(q, includeClosed) {
    const { rows } = await q.query(
      `SELECT * FROM reports WHERE forwarded_at IS NOT NULL AND ($1 OR closed_at IS NULL) ORDER BY forwarded_at, id COLLATE "C"`,
      [includeClosed],
    );
    return (rows as Raw[]).map(reportFromRaw);
  },

  async countReportsSince(q, reporterId, since) {
    const { rows } = await q.query(`SELECT count(*)::int AS n FROM reports WHERE reporter_id = $1 AND received_at >= $2`, [
      reporterId,
      since,
    ]);
    return (rows[0] as { n: number }).n;
  },

  async countSharedSince(q, reporterId, since) {
    const { rows } = await q.query(`SELECT count(*)::int AS n FROM reports WHERE reporter_id = $1 AND shared_at >= $2`, [
      reporterId,
      since,
    ]);
    return (rows[0] as { n: number }).n;
  },

  async listReportFiles(q, reportId) {
    const { rows } = await q.query(
      `SELECT ${FILE_COLUMNS} FROM report_files WHERE report_id = $1 ORDER BY role COLLATE "C", hash COLLATE "C"`,
      [reportId],
    );
    return (rows as RawFile[]).map(fileFromRaw);
  },

  async putReportFileBytes(q, reportId, hash, bytes, at) {
    return changed(
      await q.query(
        `UPDATE report_files SET bytes = $1, uploaded_at = $2 WHERE report_id = $3 AND hash = $4 AND uploaded_at IS NULL`,
        [bytes, at, reportId, hash],
      ),
    );
  },

  async getReportFileBytes(q, reportId, hash) {
    const { rows } = await q.query(
      `SELECT bytes, mime FROM report_files WHERE report_id = $1 AND hash = $2 AND bytes IS NOT NULL`,
      [reportId, hash],
    );
    return rows[0] as { bytes: Buffer; mime: string } | undefined;
  },

  async markForwarded(q, id, at, automatically, note) {
    return changed(
      await q.query(
        `UPDATE reports SET forwarded_at = $1, forwarded_automatically = $2, guardian_note = $3
         WHERE id = $4 AND forwarded_at IS NULL`,
        [at, automatically, note, id],
      ),
    );
  },

  async markShared(q, id, at, by) {
    return changed(
      await q.query(`UPDATE reports SET shared_at = $1, shared_by = $2 WHERE id = $3 AND shared_at IS NULL`, [at, by, id]),
    );
  },

  async markUnblocked(q, id, at) {
    return changed(await q.query(`UPDATE reports SET unblocked_at = $1 WHERE id = $2 AND unblocked_at IS NULL`, [at, id]));
  },

  async markClosed(q, id, at) {
    return changed(
      await q.query(`UPDATE reports SET closed_at = $1 WHERE id = $2 AND forwarded_at IS NOT NULL AND closed_at IS NULL`, [
        at,
        id,
      ]),
    );
  },

  async setLegalHold(q, id, hold) {
    return changed(await q.query(`UPDATE reports SET legal_hold = $1 WHERE id = $2`, [hold, id]));
  },

  async deleteUnforwardedReportsOf(q, childId) {
    const r = await q.query(`DELETE FROM reports WHERE (reporter_id = $1 OR about_id = $1) AND forwarded_at IS NULL`, [childId]);
    return r.rowCount ?? 0;
  },

  async deleteClosedBefore(q, before) {
    const r = await q.query(`DELETE FROM reports WHERE closed_at IS NOT NULL AND closed_at < $1 AND NOT legal_hold`, [before]);
    return r.rowCount ?? 0;
  },

  async contactInactiveSince(q, pairKey) {
    const { rows } = await q.query(`SELECT inactive_since AS s FROM friendships WHERE pair_key = $1`, [pairKey]);
    const row = rows[0] as { s: number | string | null } | undefined;
    return row && (row.s === null ? null : Number(row.s));
  },
} satisfies PgModule<typeof reports>;

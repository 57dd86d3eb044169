import type * as moderation from '../../moderation/queries';
import {
  CLOSING_ACTIONS,
  type AuditRow,
  type ModeratorRow,
  type ModeratorSessionRow,
  type SuspensionRow,
  type SuspensionState,
} from '../../moderation/queries';
import type { PgModule } from '../port';

const MODERATOR_COLUMNS = `id, email, display_name AS "displayName", password_hash AS "passwordHash", created_at AS "createdAt"`;
const AUDIT_COLUMNS = `id, moderator_id AS "moderatorId", at AS at, action, subject_kind AS "subjectKind", subject_id AS "subjectId", reason`;

/** The PostgreSQL twin of `moderation/queries.ts`. */
export const pgModeration = {
  async insertModerator(q, m) {
    await q.query(`INSERT INTO moderators (id, email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      m.id,
      m.email,
      m.displayName,
      m.passwordHash,
      m.createdAt,
    ]);
  },

  async getModeratorByEmail(q, email) {
    const { rows } = await q.query(`SELECT ${MODERATOR_COLUMNS} FROM moderators WHERE email = $1`, [email]);
    return rows[0] as ModeratorRow | undefined;
  },

  async insertModeratorSession(q, s) {
    await q.query(
      `INSERT INTO moderator_sessions (id, moderator_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [s.id, s.moderatorId, s.tokenHash, s.createdAt, s.expiresAt],
    );
  },

  async getLiveModeratorSession(q, tokenHash, now) {
    const { rows } = await q.query(
      `SELECT id, moderator_id AS "moderatorId", expires_at AS "expiresAt" FROM moderator_sessions
       WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [tokenHash, now],
    );
    return rows[0] as ModeratorSessionRow | undefined;
  },

  async revokeModeratorSession(q, sessionId, now) {
    const r = await q.query(`UPDATE moderator_sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL`, [
      now,
      sessionId,
    ]);
    return (r.rowCount ?? 0) > 0;
  },

  async deleteDeadModeratorSessions(q, now) {
    const r = await q.query(`DELETE FROM moderator_sessions WHERE revoked_at IS NOT NULL OR expires_at <= $1`, [now]);
    return r.rowCount ?? 0;
  },

  async putSuspension(q, s) {
    await q.query(
      `INSERT INTO account_suspensions (account_id, category, reason, moderator_id, suspended_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id) DO UPDATE SET category = excluded.category, reason = excluded.reason,
         moderator_id = excluded.moderator_id, suspended_at = excluded.suspended_at`,
      [s.accountId, s.category, s.reason, s.moderatorId, s.suspendedAt],
    );
  },

  async getSuspension(q, accountId) {
    const { rows } = await q.query(
      `SELECT account_id AS "accountId", category, reason, moderator_id AS "moderatorId", suspended_at AS "suspendedAt"
       FROM account_suspensions WHERE account_id = $1`,
      [accountId],
    );
    return rows[0] as SuspensionRow | undefined;
  },

  async listSuspensions(q) {
    const { rows } = await q.query(
      `SELECT account_id AS "accountId", category, suspended_at AS "suspendedAt" FROM account_suspensions ORDER BY account_id`,
    );
    return rows as SuspensionState[];
  },

  async deleteSuspension(q, accountId) {
    const r = await q.query(`DELETE FROM account_suspensions WHERE account_id = $1`, [accountId]);
    return (r.rowCount ?? 0) > 0;
  },

  async putEmailBan(q, emailHash, moderatorId, now) {
    await q.query(
      `INSERT INTO email_bans (email_hash, moderator_id, banned_at, lifted_at) VALUES ($1, $2, $3, NULL)
       ON CONFLICT (email_hash) DO UPDATE SET moderator_id = excluded.moderator_id, banned_at = excluded.banned_at, lifted_at = NULL`,
      [emailHash, moderatorId, now],
    );
  },

  async isEmailBanned(q, emailHash) {
    const { rows } = await q.query(`SELECT 1 FROM email_bans WHERE email_hash = $1 AND lifted_at IS NULL`, [emailHash]);
    return rows.length > 0;
  },

  async liftEmailBan(q, emailHash, now) {
    const r = await q.query(`UPDATE email_bans SET lifted_at = $1 WHERE email_hash = $2 AND lifted_at IS NULL`, [now, emailHash]);
    return (r.rowCount ?? 0) > 0;
  },

  async deleteLiftedEmailBans(q, before) {
    const r = await q.query(`DELETE FROM email_bans WHERE lifted_at IS NOT NULL AND lifted_at < $1`, [before]);
    return r.rowCount ?? 0;
  },

  async countEmailBans(q) {
    const { rows } = await q.query(`SELECT count(*)::int AS n FROM email_bans`);
    return (rows[0] as { n: number }).n;
  },

  async insertAudit(q, row) {
    await q.query(
      `INSERT INTO moderation_audit (id, moderator_id, at, action, subject_kind, subject_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, row.moderatorId, row.at, row.action, row.subjectKind, row.subjectId, row.reason],
    );
  },

  async listAudit(q, subjectId) {
    const { rows } =
      subjectId === undefined
        ? await q.query(`SELECT ${AUDIT_COLUMNS} FROM moderation_audit ORDER BY at, id COLLATE "C"`)
        : await q.query(`SELECT ${AUDIT_COLUMNS} FROM moderation_audit WHERE subject_id = $1 ORDER BY at, id COLLATE "C"`, [
            subjectId,
          ]);
    return rows as AuditRow[];
  },

  async sweepClosedAudit(q, before) {
    // The trigger lets a DELETE through only with hearth.audit_sweep on: set (transaction-locally)
    // by the statement's own InitPlan, before any row is deleted, and set off again after.
    const r = await q.query(
      `DELETE FROM moderation_audit WHERE (SELECT set_config('hearth.audit_sweep', 'on', true)) = 'on' AND (subject_kind, subject_id) IN (
         SELECT a.subject_kind, a.subject_id FROM moderation_audit a
         WHERE a.id = (SELECT b.id FROM moderation_audit b WHERE b.subject_kind = a.subject_kind AND b.subject_id = a.subject_id
                       ORDER BY b.at DESC, b.id COLLATE "C" DESC LIMIT 1)
           AND a.action = ANY($1::text[]) AND a.at < $2)`,
      [[...CLOSING_ACTIONS], before],
    );
    await q.query(`SELECT set_config('hearth.audit_sweep', 'off', true)`);
    return r.rowCount ?? 0;
  },

  async deleteParentAccount(q, parentId) {
    await q.query(
      `UPDATE children SET parent_id = (SELECT g.parent_id FROM guardians g WHERE g.child_id = children.account_id AND g.parent_id <> $1
                                        ORDER BY g.added_at, g.parent_id COLLATE "C" LIMIT 1)
       WHERE parent_id = $1 AND EXISTS (SELECT 1 FROM guardians g WHERE g.child_id = children.account_id AND g.parent_id <> $1)`,
      [parentId],
    );
    await q.query(`UPDATE notices SET by_name = NULL, by_id = NULL WHERE by_id = $1`, [parentId]);
    await q.query(
      `UPDATE notices SET about_name = NULL WHERE about_id = $1 AND kind NOT IN ('device-signed-out', 'child-suspended')`,
      [parentId],
    );
    const r = await q.query(`DELETE FROM accounts WHERE id = $1 AND kind = 'parent'`, [parentId]);
    return (r.rowCount ?? 0) > 0;
  },
} satisfies PgModule<typeof moderation>;

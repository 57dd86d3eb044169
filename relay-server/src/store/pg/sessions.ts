import type * as sessions from '../../accounts/session-queries';
import type { ParentSessionRow, SignInFailureRow } from '../../accounts/session-queries';
import type { PgModule } from '../port';

const SESSION_COLUMNS = `s.id AS id, s.parent_id AS "parentId", s.created_at AS "createdAt", s.expires_at AS "expiresAt",
  s.revoked_at AS "revokedAt"`;

/** Parent sessions and sign-in failure streaks on PostgreSQL, twin of `accounts/session-queries.ts`. */
export const pgSessions = {
  async insertParentSession(q, s) {
    await q.query(`INSERT INTO parent_sessions (id, parent_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      s.id,
      s.parentId,
      s.tokenHash,
      s.createdAt,
      s.expiresAt,
    ]);
  },

  async getLiveParentSession(q, tokenHash, now) {
    const { rows } = await q.query(
      `SELECT ${SESSION_COLUMNS} FROM parent_sessions s JOIN accounts a ON a.id = s.parent_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND a.disabled_at IS NULL`,
      [tokenHash, now],
    );
    return rows[0] as ParentSessionRow | undefined;
  },

  async getLiveParentSessionById(q, id, now) {
    const { rows } = await q.query(
      `SELECT id AS "sessionId", expires_at AS "expiresAt" FROM parent_sessions WHERE id = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [id, now],
    );
    return rows[0] as { sessionId: string; expiresAt: number } | undefined;
  },

  async listLiveParentSessions(q, parentId, now) {
    const { rows } = await q.query(
      `SELECT ${SESSION_COLUMNS} FROM parent_sessions s
       WHERE s.parent_id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 ORDER BY s.created_at, s.id COLLATE "C"`,
      [parentId, now],
    );
    return rows as ParentSessionRow[];
  },

  async revokeParentSession(q, parentId, sessionId, now) {
    const { rowCount } = await q.query(
      `UPDATE parent_sessions SET revoked_at = $1 WHERE id = $2 AND parent_id = $3 AND revoked_at IS NULL`,
      [now, sessionId, parentId],
    );
    return (rowCount ?? 0) > 0;
  },

  async deleteExpiredParentSessions(q, now) {
    const { rowCount } = await q.query(`DELETE FROM parent_sessions WHERE expires_at <= $1 OR revoked_at IS NOT NULL`, [now]);
    return rowCount ?? 0;
  },

  async getSignInFailures(q, emailKey) {
    const { rows } = await q.query(`SELECT failures, locked_until AS "lockedUntil" FROM sign_in_failures WHERE email_key = $1`, [
      emailKey,
    ]);
    return rows[0] as SignInFailureRow | undefined;
  },

  async putSignInFailures(q, emailKey, row, now) {
    await q.query(
      `INSERT INTO sign_in_failures (email_key, failures, locked_until, last_failure_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email_key) DO UPDATE SET
         failures = EXCLUDED.failures, locked_until = EXCLUDED.locked_until, last_failure_at = EXCLUDED.last_failure_at`,
      [emailKey, row.failures, row.lockedUntil, now],
    );
  },

  async deleteIdleSignInFailures(q, before, now) {
    const { rowCount } = await q.query(`DELETE FROM sign_in_failures WHERE last_failure_at <= $1 AND locked_until <= $2`, [
      before,
      now,
    ]);
    return rowCount ?? 0;
  },

  async clearSignInFailures(q, emailKey) {
    await q.query(`DELETE FROM sign_in_failures WHERE email_key = $1`, [emailKey]);
  },
} satisfies PgModule<typeof sessions>;

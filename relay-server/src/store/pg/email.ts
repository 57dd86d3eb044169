import type * as email from '../../email/queries';
import type { EmailCodeRow } from '../../email/queries';
import type { PgModule } from '../port';

const CODE_COLUMNS = `id, purpose, email_key AS "emailKey", account_id AS "accountId", code_hash AS "codeHash", sent_by AS "sentBy",
  created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt", attempts`;

/** Email codes, sends and the account changes they make, on PostgreSQL: twin of `email/queries.ts`. */
export const pgEmail = {
  async insertEmailCode(q, c) {
    await q.query(
      `INSERT INTO email_codes (id, purpose, email_key, account_id, code_hash, sent_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [c.id, c.purpose, c.emailKey, c.accountId, c.codeHash, c.sentBy, c.createdAt, c.expiresAt],
    );
  },

  async endLiveCodes(q, accountId, purpose, now) {
    await q.query(`UPDATE email_codes SET used_at = $1 WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL`, [
      now,
      accountId,
      purpose,
    ]);
  },

  async getLiveCode(q, emailKey, purpose, now, maxAttempts) {
    const { rows } = await q.query(
      `SELECT ${CODE_COLUMNS} FROM email_codes
       WHERE email_key = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 AND attempts < $4
       ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT 1`,
      [emailKey, purpose, now, maxAttempts],
    );
    return rows[0] as EmailCodeRow | undefined;
  },

  async countWrongTry(q, id) {
    await q.query(`UPDATE email_codes SET attempts = attempts + 1 WHERE id = $1`, [id]);
  },

  async useCode(q, id, now) {
    const { rowCount } = await q.query(`UPDATE email_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL`, [now, id]);
    return (rowCount ?? 0) > 0;
  },

  async deleteOldCodes(q, before) {
    const { rowCount } = await q.query(`DELETE FROM email_codes WHERE expires_at <= $1 OR used_at <= $1`, [before]);
    return rowCount ?? 0;
  },

  async countSends(q, emailKey, since) {
    const { rows } = await q.query(`SELECT COUNT(*)::int AS n FROM email_sends WHERE email_key = $1 AND sent_at > $2`, [
      emailKey,
      since,
    ]);
    return (rows[0] as { n: number }).n;
  },

  async recordSend(q, emailKey, now) {
    await q.query(`INSERT INTO email_sends (email_key, sent_at) VALUES ($1, $2)`, [emailKey, now]);
  },

  async deleteOldSends(q, before) {
    const { rowCount } = await q.query(`DELETE FROM email_sends WHERE sent_at <= $1`, [before]);
    return rowCount ?? 0;
  },

  async setEmailVerified(q, parentId, now) {
    const { rowCount } = await q.query(
      `UPDATE parents SET email_verified_at = COALESCE(email_verified_at, $1) WHERE account_id = $2`,
      [now, parentId],
    );
    return (rowCount ?? 0) > 0;
  },

  async isEmailVerified(q, parentId) {
    const { rows } = await q.query(`SELECT email_verified_at AS at FROM parents WHERE account_id = $1`, [parentId]);
    return (rows[0] as { at: number | null } | undefined)?.at != null;
  },

  async isInAFamily(q, parentId) {
    const { rows } = await q.query(
      `SELECT 1 FROM guardians WHERE parent_id = $1 UNION ALL SELECT 1 FROM trusted_grown_ups WHERE parent_id = $1 LIMIT 1`,
      [parentId],
    );
    return rows.length > 0;
  },

  async setPasswordHash(q, parentId, passwordHash) {
    await q.query(`UPDATE parents SET password_hash = $1 WHERE account_id = $2`, [passwordHash, parentId]);
  },

  async setParentDisplayName(q, parentId, displayName) {
    await q.query(`UPDATE accounts SET display_name = $1 WHERE id = $2`, [displayName, parentId]);
  },

  async revokeAllParentSessions(q, parentId, now) {
    const { rows } = await q.query(
      `UPDATE parent_sessions SET revoked_at = $1 WHERE parent_id = $2 AND revoked_at IS NULL RETURNING id`,
      [now, parentId],
    );
    // Sorted, as the SQLite function's `ORDER BY id` (RETURNING has no order of its own).
    return (rows as { id: string }[]).map((r) => r.id).sort();
  },
} satisfies PgModule<typeof email>;

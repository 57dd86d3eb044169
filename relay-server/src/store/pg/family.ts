import type * as family from '../../family/queries';
import type { GrownUpRow, NoticeRow } from '../../family/queries';
import { FORGOTTEN_NAME, withoutNullReport } from '../../family/queries';
import type { PgModule, PgQueryable } from '../port';

/**
 * Guardians, trusted grown-ups, consents and notices on PostgreSQL: the twin of
 * `family/queries.ts`. Flags are BOOLEAN here (`disabled` comes back as true/false, as the
 * SQLite module maps it); text tie-breakers sort with `COLLATE "C"`, SQLite's byte order,
 * whatever the database's collation.
 */

async function exists(q: PgQueryable, text: string, values: unknown[]): Promise<boolean> {
  return (await q.query(text, values)).rows.length > 0;
}

async function ids(q: PgQueryable, text: string, values: unknown[]): Promise<string[]> {
  return ((await q.query(text, values)).rows as { id: string }[]).map((r) => r.id);
}

const GROWN_UP_COLUMNS = `g.parent_id AS "parentId", a.display_name AS "displayName", p.email AS email,
  a.created_at AS "accountCreatedAt", g.added_at AS since, a.disabled_at IS NOT NULL AS disabled`;

async function grownUps(q: PgQueryable, table: 'guardians' | 'trusted_grown_ups', childId: string): Promise<GrownUpRow[]> {
  const avatar = table === 'guardians' ? 'NULL::text' : 'g.avatar';
  const result = await q.query(
    `SELECT ${GROWN_UP_COLUMNS}, ${avatar} AS avatar FROM ${table} g
     JOIN parents p ON p.account_id = g.parent_id JOIN accounts a ON a.id = g.parent_id
     WHERE g.child_id = $1 ORDER BY g.added_at, g.parent_id COLLATE "C"`,
    [childId],
  );
  return result.rows as GrownUpRow[];
}

export const pgFamily = {
  isGuardian: (q, childId, parentId) =>
    exists(q, `SELECT 1 FROM guardians WHERE child_id = $1 AND parent_id = $2`, [childId, parentId]),

  isTrusted: (q, childId, parentId) =>
    exists(q, `SELECT 1 FROM trusted_grown_ups WHERE child_id = $1 AND parent_id = $2`, [childId, parentId]),

  guardianIdsOf: (q, childId) =>
    ids(q, `SELECT parent_id AS id FROM guardians WHERE child_id = $1 ORDER BY added_at, parent_id COLLATE "C"`, [childId]),

  trustedIdsOf: (q, childId) =>
    ids(q, `SELECT parent_id AS id FROM trusted_grown_ups WHERE child_id = $1 ORDER BY added_at, parent_id COLLATE "C"`, [
      childId,
    ]),

  listGuardians: (q, childId) => grownUps(q, 'guardians', childId),

  listTrusted: (q, childId) => grownUps(q, 'trusted_grown_ups', childId),

  async trustedAvatar(q, childId, parentId) {
    const { rows } = await q.query(`SELECT avatar FROM trusted_grown_ups WHERE child_id = $1 AND parent_id = $2`, [
      childId,
      parentId,
    ]);
    return (rows[0] as { avatar: string | null } | undefined)?.avatar ?? null;
  },

  async insertGuardian(q, childId, parentId, at, by) {
    await q.query(`INSERT INTO guardians (child_id, parent_id, added_at, added_by) VALUES ($1, $2, $3, $4)`, [
      childId,
      parentId,
      at,
      by,
    ]);
  },

  async deleteGuardian(q, childId, parentId) {
    const r = await q.query(`DELETE FROM guardians WHERE child_id = $1 AND parent_id = $2`, [childId, parentId]);
    return (r.rowCount ?? 0) > 0;
  },

  async insertTrusted(q, t) {
    await q.query(`INSERT INTO trusted_grown_ups (child_id, parent_id, avatar, added_at, added_by) VALUES ($1, $2, $3, $4, $5)`, [
      t.childId,
      t.parentId,
      t.avatar,
      t.at,
      t.by,
    ]);
  },

  async deleteTrusted(q, childId, parentId) {
    const r = await q.query(`DELETE FROM trusted_grown_ups WHERE child_id = $1 AND parent_id = $2`, [childId, parentId]);
    return (r.rowCount ?? 0) > 0;
  },

  async updateTrustedAvatar(q, childId, parentId, avatar) {
    const r = await q.query(`UPDATE trusted_grown_ups SET avatar = $1 WHERE child_id = $2 AND parent_id = $3`, [
      avatar,
      childId,
      parentId,
    ]);
    return (r.rowCount ?? 0) > 0;
  },

  consentStands: (q, childId, parentId, policyVersion) =>
    exists(
      q,
      `SELECT 1 FROM consents WHERE child_id = $1 AND parent_id = $2 AND policy_version = $3 AND withdrawn_at IS NULL LIMIT 1`,
      [childId, parentId, policyVersion],
    ),

  isCovered: (q, childId, policyVersion) =>
    exists(
      q,
      `SELECT 1 FROM consents c JOIN guardians g ON g.child_id = c.child_id AND g.parent_id = c.parent_id
       WHERE c.child_id = $1 AND c.policy_version = $2 AND c.withdrawn_at IS NULL LIMIT 1`,
      [childId, policyVersion],
    ),

  async withdrawConsents(q, childId, parentId, at) {
    const r = await q.query(
      `UPDATE consents SET withdrawn_at = $1 WHERE child_id = $2 AND parent_id = $3 AND withdrawn_at IS NULL`,
      [at, childId, parentId],
    );
    return r.rowCount ?? 0;
  },

  async isDisabledOrGone(q, accountId) {
    const { rows } = await q.query(`SELECT disabled_at AS d FROM accounts WHERE id = $1`, [accountId]);
    const row = rows[0] as { d: number | null } | undefined;
    return row === undefined || row.d !== null;
  },

  async accountKindOf(q, accountId) {
    const { rows } = await q.query(`SELECT kind FROM accounts WHERE id = $1`, [accountId]);
    return (rows[0] as { kind: 'parent' | 'child' } | undefined)?.kind;
  },

  async displayNameOf(q, accountId) {
    const { rows } = await q.query(`SELECT display_name AS n FROM accounts WHERE id = $1`, [accountId]);
    return (rows[0] as { n: string } | undefined)?.n;
  },

  async revokeCredentialsEnrolledBy(q, childId, parentId, at) {
    const { rows } = await q.query(
      `UPDATE device_credentials SET revoked_at = $1 WHERE child_id = $2 AND revoked_at IS NULL
         AND device_id IN (SELECT id FROM devices WHERE parent_id = $3) RETURNING device_id AS "deviceId"`,
      [at, childId, parentId],
    );
    return (rows as { deviceId: string }[]).map((r) => r.deviceId).sort();
  },

  async deleteChildAccount(q, childId) {
    await q.query(`UPDATE notices SET child_name = $1 WHERE child_id = $2`, [FORGOTTEN_NAME, childId]);
    await q.query(`UPDATE notices SET about_name = $1 WHERE about_id = $2`, [FORGOTTEN_NAME, childId]);
    const r = await q.query(`DELETE FROM accounts WHERE id = $1 AND kind = 'child'`, [childId]);
    return (r.rowCount ?? 0) > 0;
  },

  async insertNotice(q, recipientId, n, keepSince) {
    await q.query(`DELETE FROM notices WHERE recipient_parent_id = $1 AND at < $2`, [recipientId, keepSince]);
    await q.query(
      `INSERT INTO notices (id, recipient_parent_id, kind, child_id, child_name, by_name, about_id, about_name, at, report_id, by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        n.id,
        recipientId,
        n.kind,
        n.childId,
        n.childName,
        n.byName,
        n.aboutId,
        n.aboutName,
        n.at,
        n.reportId ?? null,
        n.byId ?? null,
      ],
    );
  },

  async listNotices(q, parentId, limit) {
    const { rows } = await q.query(
      `SELECT id, kind, child_id AS "childId", child_name AS "childName", by_name AS "byName", about_id AS "aboutId",
         about_name AS "aboutName", at, report_id AS "reportId" FROM notices
       WHERE recipient_parent_id = $1 ORDER BY at DESC, id COLLATE "C" DESC LIMIT $2`,
      [parentId, limit],
    );
    return (rows as NoticeRow[]).map(withoutNullReport);
  },

  async isEmailVerified(q, parentId) {
    const { rows } = await q.query(`SELECT email_verified_at AS at FROM parents WHERE account_id = $1`, [parentId]);
    return (rows[0] as { at: number | null } | undefined)?.at != null;
  },
} satisfies PgModule<typeof family>;

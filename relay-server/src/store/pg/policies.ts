import type * as policies from '../../policy/queries';
import type { ConsentHistoryRow } from '../../policy/queries';
import type { PgModule } from '../port';

/** Policy versions served and the consent history, on PostgreSQL: twin of `policy/queries.ts`. */
export const pgPolicies = {
  async notePolicySeen(q, version, at) {
    await q.query(`INSERT INTO policy_versions (version, first_seen_at) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING`, [
      version,
      at,
    ]);
    const { rows } = await q.query(`SELECT first_seen_at AS "firstSeenAt" FROM policy_versions WHERE version = $1`, [version]);
    const row = rows[0] as { firstSeenAt: string | number } | undefined;
    return row === undefined ? at : Number(row.firstSeenAt);
  },

  async consentHistory(q, childId) {
    const { rows } = await q.query(
      `SELECT c.id AS "consentId", c.parent_id AS "parentId", a.display_name AS "displayName", c.policy_version AS "policyVersion",
              c.method AS method, c.given_at AS "givenAt", c.withdrawn_at AS "withdrawnAt"
       FROM consents c JOIN accounts a ON a.id = c.parent_id
       WHERE c.child_id = $1 ORDER BY c.given_at DESC, c.id COLLATE "C" DESC`,
      [childId],
    );
    return (rows as (ConsentHistoryRow & { givenAt: string | number; withdrawnAt: string | number | null })[]).map((r) => ({
      ...r,
      givenAt: Number(r.givenAt),
      withdrawnAt: r.withdrawnAt === null ? null : Number(r.withdrawnAt),
    }));
  },

  async consentToAnyVersionStands(q, childId) {
    const { rows } = await q.query(
      `SELECT 1 FROM consents c JOIN guardians g ON g.child_id = c.child_id AND g.parent_id = c.parent_id
       WHERE c.child_id = $1 AND c.withdrawn_at IS NULL LIMIT 1`,
      [childId],
    );
    return rows.length > 0;
  },

  async childrenAwaitingReconsent(q, parentId, version) {
    const { rows } = await q.query(
      `SELECT g.child_id AS "childId" FROM guardians g
       WHERE g.parent_id = $1
         AND EXISTS (SELECT 1 FROM consents c WHERE c.child_id = g.child_id AND c.parent_id = g.parent_id
                     AND c.withdrawn_at IS NULL AND c.policy_version <> $2)
         AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.child_id = g.child_id AND c.parent_id = g.parent_id
                         AND c.withdrawn_at IS NULL AND c.policy_version = $2)
       ORDER BY g.child_id COLLATE "C"`,
      [parentId, version],
    );
    return (rows as { childId: string }[]).map((r) => r.childId);
  },
} satisfies PgModule<typeof policies>;

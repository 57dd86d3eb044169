import type * as grownUpInvites from '../../family/invite-queries';
import type { GrownUpInviteRow } from '../../family/invite-queries';
import type { PgModule } from '../port';

/**
 * Invitations of grown-ups (a guardian or a trusted grown-up) on PostgreSQL: the twin of
 * `family/invite-queries.ts`. Codes are kept only as their hash (BYTEA, a Buffer both ways).
 */

const COLUMNS = `id, role, created_by AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt", state,
  redeemed_by AS "redeemedBy", redeemed_at AS "redeemedAt", avatar`;

export const pgGrownUpInvites = {
  async insertGrownUpInvite(q, row, childIds) {
    await q.query(
      `INSERT INTO grown_up_invites (id, code_hash, role, created_by, created_at, expires_at, state, avatar)
       VALUES ($1, $2, $3, $4, $5, $6, 'waiting', $7)`,
      [row.id, row.codeHash, row.role, row.createdBy, row.createdAt, row.expiresAt, row.avatar],
    );
    for (const childId of childIds) {
      await q.query(`INSERT INTO grown_up_invite_children (invite_id, child_id) VALUES ($1, $2)`, [row.id, childId]);
    }
  },

  async codeHashExists(q, codeHash) {
    return (await q.query(`SELECT 1 FROM grown_up_invites WHERE code_hash = $1`, [codeHash])).rows.length > 0;
  },

  async getGrownUpInviteByHash(q, codeHash) {
    const { rows } = await q.query(`SELECT ${COLUMNS} FROM grown_up_invites WHERE code_hash = $1`, [codeHash]);
    return rows[0] as GrownUpInviteRow | undefined;
  },

  async getGrownUpInvite(q, id) {
    const { rows } = await q.query(`SELECT ${COLUMNS} FROM grown_up_invites WHERE id = $1`, [id]);
    return rows[0] as GrownUpInviteRow | undefined;
  },

  async inviteChildren(q, inviteId) {
    const { rows } = await q.query(
      `SELECT ic.child_id AS "childId", a.display_name AS "displayName" FROM grown_up_invite_children ic
       JOIN accounts a ON a.id = ic.child_id WHERE ic.invite_id = $1 AND a.disabled_at IS NULL
       ORDER BY a.created_at, a.id COLLATE "C"`,
      [inviteId],
    );
    return rows as { childId: string; displayName: string }[];
  },

  async listInvitesForGuardian(q, parentId, limit) {
    const { rows } = await q.query(
      `SELECT ${COLUMNS} FROM grown_up_invites WHERE id IN (
         SELECT ic.invite_id FROM grown_up_invite_children ic JOIN guardians g ON g.child_id = ic.child_id
         WHERE g.parent_id = $1)
       ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT $2`,
      [parentId, limit],
    );
    return rows as GrownUpInviteRow[];
  },

  async listInvitesRedeemedBy(q, parentId, limit) {
    // SQLite sorts NULLs first ascending, so last descending: as PostgreSQL's DESC NULLS LAST.
    const { rows } = await q.query(
      `SELECT ${COLUMNS} FROM grown_up_invites WHERE redeemed_by = $1
       ORDER BY redeemed_at DESC NULLS LAST, id COLLATE "C" DESC LIMIT $2`,
      [parentId, limit],
    );
    return rows as GrownUpInviteRow[];
  },

  async countInvitesCreatedSince(q, parentId, since) {
    const { rows } = await q.query(`SELECT COUNT(*) AS n FROM grown_up_invites WHERE created_by = $1 AND created_at > $2`, [
      parentId,
      since,
    ]);
    return (rows[0] as { n: number }).n;
  },

  async markInviteRedeemed(q, id, parentId, at) {
    await q.query(`UPDATE grown_up_invites SET state = 'redeemed', redeemed_by = $1, redeemed_at = $2 WHERE id = $3`, [
      parentId,
      at,
      id,
    ]);
  },

  async setInviteState(q, id, state) {
    await q.query(`UPDATE grown_up_invites SET state = $1 WHERE id = $2`, [state, id]);
  },

  async cancelInvitesOf(q, parentId, childId) {
    await q.query(
      `UPDATE grown_up_invites SET state = 'cancelled' WHERE created_by = $1 AND state IN ('waiting', 'redeemed')
         AND id IN (SELECT invite_id FROM grown_up_invite_children WHERE child_id = $2)`,
      [parentId, childId],
    );
  },
} satisfies PgModule<typeof grownUpInvites>;

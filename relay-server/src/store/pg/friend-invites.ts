import type * as friendInvites from '../../friendships/invite-queries';
import type { InviteRow } from '../../friendships/invite-queries';
import type { PgModule } from '../port';

/** The PostgreSQL twin of `friendships/invite-queries.ts`: friend invite codes, single use. */
export const pgFriendInvites = {
  async insertInvite(q, i) {
    await q.query(`INSERT INTO invites (code, child_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      i.code,
      i.childId,
      i.createdBy,
      i.createdAt,
      i.expiresAt,
    ]);
  },

  async getInvite(q, code) {
    const { rows } = await q.query(
      `SELECT code, child_id AS "childId", created_by AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt",
              redeemed_at AS "redeemedAt", redeemed_by AS "redeemedBy"
       FROM invites WHERE code = $1`,
      [code],
    );
    return rows[0] as InviteRow | undefined;
  },

  async markInviteRedeemed(q, code, by, now) {
    const { rowCount } = await q.query(
      `UPDATE invites SET redeemed_at = $1, redeemed_by = $2 WHERE code = $3 AND redeemed_at IS NULL AND expires_at > $1`,
      [now, by, code],
    );
    return (rowCount ?? 0) > 0;
  },

  async countInvitesSince(q, childId, since) {
    const { rows } = await q.query(`SELECT count(*)::int AS n FROM invites WHERE child_id = $1 AND created_at > $2`, [
      childId,
      since,
    ]);
    return (rows[0] as { n: number }).n;
  },

  async deleteStaleInvites(q, now) {
    return (await q.query(`DELETE FROM invites WHERE expires_at <= $1`, [now])).rowCount ?? 0;
  },

  async listInvitesOf(q, childId) {
    const { rows } = await q.query(
      `SELECT code, child_id AS "childId", created_by AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt",
              redeemed_at AS "redeemedAt", redeemed_by AS "redeemedBy"
       FROM invites WHERE child_id = $1 ORDER BY created_at, code`,
      [childId],
    );
    return rows as InviteRow[];
  },
} satisfies PgModule<typeof friendInvites>;

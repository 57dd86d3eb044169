import { isActive, type FriendshipKind } from '@hearth/common';
import type * as friendships from '../../friendships/queries';
import { pairKey, type FriendshipRow } from '../../friendships/queries';
import type { PgModule, PgQueryable } from '../port';

/** A `friendships` row as PostgreSQL gives it: the flags are BOOLEAN, the times BIGINT read as numbers. */
type PgRow = {
  id: string;
  kind: FriendshipKind;
  a_id: string;
  b_id: string;
  a_kid_confirmed: boolean;
  b_kid_confirmed: boolean;
  a_parent_approved: boolean;
  b_parent_approved: boolean;
  a_blocked: boolean;
  b_blocked: boolean;
  ended: 'declined' | 'removed' | null;
  created_at: number;
  updated_at: number;
};

function fromPg(r: PgRow): FriendshipRow {
  return {
    id: r.id,
    aId: r.a_id,
    bId: r.b_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    state: {
      kind: r.kind,
      kidConfirmed: { a: r.a_kid_confirmed, b: r.b_kid_confirmed },
      parentApproved: { a: r.a_parent_approved, b: r.b_parent_approved },
      blockedBy: { a: r.a_blocked, b: r.b_blocked },
      ended: r.ended,
    },
  };
}

async function one(q: PgQueryable, text: string, values: unknown[]): Promise<FriendshipRow | undefined> {
  const r = (await q.query(text, values)).rows[0] as PgRow | undefined;
  return r && fromPg(r);
}

/** The PostgreSQL twin of `friendships/queries.ts`: one row per pair, keyed by {@link pairKey}. */
export const pgFriendships = {
  async insertFriendship(q, f) {
    const s = f.state;
    await q.query(
      `INSERT INTO friendships (id, kind, a_id, b_id, pair_key, a_kid_confirmed, b_kid_confirmed, a_parent_approved,
         b_parent_approved, a_blocked, b_blocked, ended, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        f.id,
        s.kind,
        f.aId,
        f.bId,
        pairKey(f.aId, f.bId),
        s.kidConfirmed.a,
        s.kidConfirmed.b,
        s.parentApproved.a,
        s.parentApproved.b,
        s.blockedBy.a,
        s.blockedBy.b,
        s.ended,
        f.createdAt,
        f.updatedAt,
      ],
    );
  },

  async updateFriendshipState(q, id, s, now, changedAt = now) {
    const before = await one(q, `SELECT * FROM friendships WHERE id = $1`, [id]);
    const stopped = isActive(s) ? null : before && isActive(before.state) ? changedAt : undefined;
    await q.query(
      `UPDATE friendships SET a_kid_confirmed = $1, b_kid_confirmed = $2, a_parent_approved = $3, b_parent_approved = $4,
         a_blocked = $5, b_blocked = $6, ended = $7, updated_at = $8,
         inactive_since = CASE WHEN $9 THEN $10::bigint ELSE inactive_since END WHERE id = $11`,
      [
        s.kidConfirmed.a,
        s.kidConfirmed.b,
        s.parentApproved.a,
        s.parentApproved.b,
        s.blockedBy.a,
        s.blockedBy.b,
        s.ended,
        now,
        stopped !== undefined,
        stopped ?? null,
        id,
      ],
    );
  },

  getFriendship: (q, id) => one(q, `SELECT * FROM friendships WHERE id = $1`, [id]),

  getFriendshipByPair: (q, x, y) => one(q, `SELECT * FROM friendships WHERE pair_key = $1`, [pairKey(x, y)]),

  async listFriendshipsOf(q, accountId) {
    const { rows } = await q.query(`SELECT * FROM friendships WHERE a_id = $1 OR b_id = $1 ORDER BY created_at, id`, [accountId]);
    return (rows as PgRow[]).map(fromPg);
  },
} satisfies PgModule<typeof friendships>;

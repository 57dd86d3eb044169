import { isActive, type FriendshipKind, type FriendshipState } from '@hearth/common';
import type { ReadableDB, WritableDB } from '@hearth/sqlite';

export type FriendshipRow = Readonly<{
  id: string;
  aId: string;
  bId: string;
  state: FriendshipState;
  createdAt: number;
  updatedAt: number;
}>;

type RawRow = {
  id: string;
  kind: FriendshipKind;
  a_id: string;
  b_id: string;
  a_kid_confirmed: number;
  b_kid_confirmed: number;
  a_parent_approved: number;
  b_parent_approved: number;
  a_blocked: number;
  b_blocked: number;
  ended: 'declined' | 'removed' | null;
  created_at: number;
  updated_at: number;
};

/** The same key for (x, y) and (y, x): one row per pair, whoever invited whom. */
export function pairKey(x: string, y: string): string {
  return x < y ? `${x}:${y}` : `${y}:${x}`;
}

function fromRaw(r: RawRow): FriendshipRow {
  return {
    id: r.id,
    aId: r.a_id,
    bId: r.b_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    state: {
      kind: r.kind,
      kidConfirmed: { a: r.a_kid_confirmed === 1, b: r.b_kid_confirmed === 1 },
      parentApproved: { a: r.a_parent_approved === 1, b: r.b_parent_approved === 1 },
      blockedBy: { a: r.a_blocked === 1, b: r.b_blocked === 1 },
      ended: r.ended,
    },
  };
}

export function insertFriendship(db: WritableDB, f: FriendshipRow): void {
  const s = f.state;
  db.prepare(
    `INSERT INTO friendships (id, kind, a_id, b_id, pair_key, a_kid_confirmed, b_kid_confirmed, a_parent_approved,
       b_parent_approved, a_blocked, b_blocked, ended, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.id,
    s.kind,
    f.aId,
    f.bId,
    pairKey(f.aId, f.bId),
    Number(s.kidConfirmed.a),
    Number(s.kidConfirmed.b),
    Number(s.parentApproved.a),
    Number(s.parentApproved.b),
    Number(s.blockedBy.a),
    Number(s.blockedBy.b),
    s.ended,
    f.createdAt,
    f.updatedAt,
  );
}

/**
 * Writes a friendship's new state. `changedAt` (default `now`): when it really changed, for
 * `inactive_since` (a block keeps the shared `updatedAt` but is a real change): set when the pair
 * stops being active, cleared when it is active again (issue 15: reports about recent contacts).
 */
export function updateFriendshipState(db: WritableDB, id: string, s: FriendshipState, now: number, changedAt = now): void {
  const before = getFriendship(db, id);
  const stopped = isActive(s) ? null : before && isActive(before.state) ? changedAt : undefined;
  db.prepare(
    `UPDATE friendships SET a_kid_confirmed = ?, b_kid_confirmed = ?, a_parent_approved = ?, b_parent_approved = ?,
       a_blocked = ?, b_blocked = ?, ended = ?, updated_at = ?,
       inactive_since = CASE WHEN ? = 1 THEN ? ELSE inactive_since END WHERE id = ?`,
  ).run(
    Number(s.kidConfirmed.a),
    Number(s.kidConfirmed.b),
    Number(s.parentApproved.a),
    Number(s.parentApproved.b),
    Number(s.blockedBy.a),
    Number(s.blockedBy.b),
    s.ended,
    now,
    stopped === undefined ? 0 : 1,
    stopped ?? null,
    id,
  );
}

export function getFriendship(db: ReadableDB, id: string): FriendshipRow | undefined {
  const r = db.prepare(`SELECT * FROM friendships WHERE id = ?`).get(id) as RawRow | undefined;
  return r && fromRaw(r);
}

export function getFriendshipByPair(db: ReadableDB, x: string, y: string): FriendshipRow | undefined {
  const r = db.prepare(`SELECT * FROM friendships WHERE pair_key = ?`).get(pairKey(x, y)) as RawRow | undefined;
  return r && fromRaw(r);
}

export function listFriendshipsOf(db: ReadableDB, accountId: string): FriendshipRow[] {
  const rows = db
    .prepare(`SELECT * FROM friendships WHERE a_id = ? OR b_id = ? ORDER BY created_at, id`)
    .all(accountId, accountId) as RawRow[];
  return rows.map(fromRaw);
}

import type { ReadableDB, WritableDB } from '@hearth/sqlite';

export type StoredInviteState = 'waiting' | 'redeemed' | 'confirmed' | 'declined' | 'cancelled';

export type GrownUpInviteRow = Readonly<{
  id: string;
  role: 'guardian' | 'trusted';
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  state: StoredInviteState;
  redeemedBy: string | null;
  redeemedAt: number | null;
  avatar: string | null;
}>;

const COLUMNS = `id, role, created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt, state,
  redeemed_by AS redeemedBy, redeemed_at AS redeemedAt, avatar`;

export function insertGrownUpInvite(
  db: WritableDB,
  row: GrownUpInviteRow & Readonly<{ codeHash: Buffer }>,
  childIds: readonly string[],
): void {
  db.prepare(
    `INSERT INTO grown_up_invites (id, code_hash, role, created_by, created_at, expires_at, state, avatar)
     VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?)`,
  ).run(row.id, row.codeHash, row.role, row.createdBy, row.createdAt, row.expiresAt, row.avatar);
  const add = db.prepare(`INSERT INTO grown_up_invite_children (invite_id, child_id) VALUES (?, ?)`);
  for (const childId of childIds) add.run(row.id, childId);
}

export function codeHashExists(db: ReadableDB, codeHash: Buffer): boolean {
  return db.prepare(`SELECT 1 FROM grown_up_invites WHERE code_hash = ?`).get(codeHash) !== undefined;
}

export function getGrownUpInviteByHash(db: ReadableDB, codeHash: Buffer): GrownUpInviteRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM grown_up_invites WHERE code_hash = ?`).get(codeHash) as GrownUpInviteRow | undefined;
}

export function getGrownUpInvite(db: ReadableDB, id: string): GrownUpInviteRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM grown_up_invites WHERE id = ?`).get(id) as GrownUpInviteRow | undefined;
}

/** The children an invitation is for that still exist, with their names. */
export function inviteChildren(db: ReadableDB, inviteId: string): { childId: string; displayName: string }[] {
  return db
    .prepare(
      `SELECT ic.child_id AS childId, a.display_name AS displayName FROM grown_up_invite_children ic
       JOIN accounts a ON a.id = ic.child_id WHERE ic.invite_id = ? AND a.disabled_at IS NULL ORDER BY a.created_at, a.id`,
    )
    .all(inviteId) as { childId: string; displayName: string }[];
}

/** Invitations for any child this grown-up is a guardian of, newest first. */
export function listInvitesForGuardian(db: ReadableDB, parentId: string, limit: number): GrownUpInviteRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM grown_up_invites WHERE id IN (
         SELECT ic.invite_id FROM grown_up_invite_children ic JOIN guardians g ON g.child_id = ic.child_id
         WHERE g.parent_id = ?)
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .all(parentId, limit) as GrownUpInviteRow[];
}

export function listInvitesRedeemedBy(db: ReadableDB, parentId: string, limit: number): GrownUpInviteRow[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM grown_up_invites WHERE redeemed_by = ? ORDER BY redeemed_at DESC, id DESC LIMIT ?`)
    .all(parentId, limit) as GrownUpInviteRow[];
}

export function countInvitesCreatedSince(db: ReadableDB, parentId: string, since: number): number {
  return (
    db.prepare(`SELECT COUNT(*) AS n FROM grown_up_invites WHERE created_by = ? AND created_at > ?`).get(parentId, since) as {
      n: number;
    }
  ).n;
}

export function markInviteRedeemed(db: WritableDB, id: string, parentId: string, at: number): void {
  db.prepare(`UPDATE grown_up_invites SET state = 'redeemed', redeemed_by = ?, redeemed_at = ? WHERE id = ?`).run(
    parentId,
    at,
    id,
  );
}

export function setInviteState(db: WritableDB, id: string, state: StoredInviteState): void {
  db.prepare(`UPDATE grown_up_invites SET state = ? WHERE id = ?`).run(state, id);
}

/** Cancels the unanswered invitations a grown-up made for this child (they are no longer its guardian). */
export function cancelInvitesOf(db: WritableDB, parentId: string, childId: string): void {
  db.prepare(
    `UPDATE grown_up_invites SET state = 'cancelled' WHERE created_by = ? AND state IN ('waiting', 'redeemed')
       AND id IN (SELECT invite_id FROM grown_up_invite_children WHERE child_id = ?)`,
  ).run(parentId, childId);
}

import type { ReadableDB, WritableDB } from '@hearth/sqlite';

export type InviteRow = Readonly<{
  code: string;
  childId: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  redeemedAt: number | null;
  redeemedBy: string | null;
}>;

export function insertInvite(db: WritableDB, i: Omit<InviteRow, 'redeemedAt' | 'redeemedBy'>): void {
  db.prepare(`INSERT INTO invites (code, child_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`).run(
    i.code,
    i.childId,
    i.createdBy,
    i.createdAt,
    i.expiresAt,
  );
}

export function getInvite(db: ReadableDB, code: string): InviteRow | undefined {
  return db
    .prepare(
      `SELECT code, child_id AS childId, created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt,
              redeemed_at AS redeemedAt, redeemed_by AS redeemedBy
       FROM invites WHERE code = ?`,
    )
    .get(code) as InviteRow | undefined;
}

/** Marks a code used; false if it was already used or has expired (single use under races). */
export function markInviteRedeemed(db: WritableDB, code: string, by: string, now: number): boolean {
  return (
    db
      .prepare(`UPDATE invites SET redeemed_at = ?, redeemed_by = ? WHERE code = ? AND redeemed_at IS NULL AND expires_at > ?`)
      .run(now, by, code, now).changes > 0
  );
}

/** Codes made for this child after `since` (exclusive: a code exactly one window old no longer counts). */
export function countInvitesSince(db: ReadableDB, childId: string, since: number): number {
  return (
    db.prepare(`SELECT count(*) AS n FROM invites WHERE child_id = ? AND created_at > ?`).get(childId, since) as { n: number }
  ).n;
}

export function deleteStaleInvites(db: WritableDB, now: number): number {
  return db.prepare(`DELETE FROM invites WHERE expires_at <= ?`).run(now).changes;
}

/** Every friend code of a child the relay still holds, oldest first (the family's export, issue 15 §4). */
export function listInvitesOf(db: ReadableDB, childId: string): InviteRow[] {
  return db
    .prepare(
      `SELECT code, child_id AS childId, created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt,
              redeemed_at AS redeemedAt, redeemed_by AS redeemedBy
       FROM invites WHERE child_id = ? ORDER BY created_at, code`,
    )
    .all(childId) as InviteRow[];
}

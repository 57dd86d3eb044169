import type { ReadableDB, WritableDB } from '@hearth/sqlite';

/** Guardians and trusted grown-ups of children (issue 12). */

export type GrownUpRow = Readonly<{
  parentId: string;
  displayName: string;
  email: string;
  accountCreatedAt: number;
  since: number;
  avatar: string | null;
  disabled: boolean;
}>;

export function isGuardian(db: ReadableDB, childId: string, parentId: string): boolean {
  return db.prepare(`SELECT 1 FROM guardians WHERE child_id = ? AND parent_id = ?`).get(childId, parentId) !== undefined;
}

export function isTrusted(db: ReadableDB, childId: string, parentId: string): boolean {
  return db.prepare(`SELECT 1 FROM trusted_grown_ups WHERE child_id = ? AND parent_id = ?`).get(childId, parentId) !== undefined;
}

/** The ids of a child's guardians, oldest first (disabled accounts included: they are still on record). */
export function guardianIdsOf(db: ReadableDB, childId: string): string[] {
  return (
    db.prepare(`SELECT parent_id AS id FROM guardians WHERE child_id = ? ORDER BY added_at, parent_id`).all(childId) as {
      id: string;
    }[]
  ).map((r) => r.id);
}

export function trustedIdsOf(db: ReadableDB, childId: string): string[] {
  return (
    db.prepare(`SELECT parent_id AS id FROM trusted_grown_ups WHERE child_id = ? ORDER BY added_at, parent_id`).all(childId) as {
      id: string;
    }[]
  ).map((r) => r.id);
}

const GROWN_UP_COLUMNS = `g.parent_id AS parentId, a.display_name AS displayName, p.email AS email,
  a.created_at AS accountCreatedAt, g.added_at AS since, a.disabled_at IS NOT NULL AS disabled`;

export function listGuardians(db: ReadableDB, childId: string): GrownUpRow[] {
  return (
    db
      .prepare(
        `SELECT ${GROWN_UP_COLUMNS}, NULL AS avatar FROM guardians g
         JOIN parents p ON p.account_id = g.parent_id JOIN accounts a ON a.id = g.parent_id
         WHERE g.child_id = ? ORDER BY g.added_at, g.parent_id`,
      )
      .all(childId) as (Omit<GrownUpRow, 'disabled'> & { disabled: number })[]
  ).map((r) => ({ ...r, disabled: r.disabled === 1 }));
}

export function listTrusted(db: ReadableDB, childId: string): GrownUpRow[] {
  return (
    db
      .prepare(
        `SELECT ${GROWN_UP_COLUMNS}, g.avatar AS avatar FROM trusted_grown_ups g
         JOIN parents p ON p.account_id = g.parent_id JOIN accounts a ON a.id = g.parent_id
         WHERE g.child_id = ? ORDER BY g.added_at, g.parent_id`,
      )
      .all(childId) as (Omit<GrownUpRow, 'disabled'> & { disabled: number })[]
  ).map((r) => ({ ...r, disabled: r.disabled === 1 }));
}

export function trustedAvatar(db: ReadableDB, childId: string, parentId: string): string | null {
  const row = db.prepare(`SELECT avatar FROM trusted_grown_ups WHERE child_id = ? AND parent_id = ?`).get(childId, parentId) as
    { avatar: string | null } | undefined;
  return row?.avatar ?? null;
}

export function insertGuardian(db: WritableDB, childId: string, parentId: string, at: number, by: string | null): void {
  db.prepare(`INSERT INTO guardians (child_id, parent_id, added_at, added_by) VALUES (?, ?, ?, ?)`).run(
    childId,
    parentId,
    at,
    by,
  );
}

export function deleteGuardian(db: WritableDB, childId: string, parentId: string): boolean {
  return db.prepare(`DELETE FROM guardians WHERE child_id = ? AND parent_id = ?`).run(childId, parentId).changes > 0;
}

export function insertTrusted(
  db: WritableDB,
  t: Readonly<{ childId: string; parentId: string; avatar: string | null; at: number; by: string }>,
): void {
  db.prepare(`INSERT INTO trusted_grown_ups (child_id, parent_id, avatar, added_at, added_by) VALUES (?, ?, ?, ?, ?)`).run(
    t.childId,
    t.parentId,
    t.avatar,
    t.at,
    t.by,
  );
}

export function deleteTrusted(db: WritableDB, childId: string, parentId: string): boolean {
  return db.prepare(`DELETE FROM trusted_grown_ups WHERE child_id = ? AND parent_id = ?`).run(childId, parentId).changes > 0;
}

export function updateTrustedAvatar(db: WritableDB, childId: string, parentId: string, avatar: string | null): boolean {
  return (
    db.prepare(`UPDATE trusted_grown_ups SET avatar = ? WHERE child_id = ? AND parent_id = ?`).run(avatar, childId, parentId)
      .changes > 0
  );
}

/** Whether this guardian's consent to `policyVersion` stands for this child (given, not withdrawn). */
export function consentStands(db: ReadableDB, childId: string, parentId: string, policyVersion: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM consents WHERE child_id = ? AND parent_id = ? AND policy_version = ? AND withdrawn_at IS NULL LIMIT 1`,
      )
      .get(childId, parentId, policyVersion) !== undefined
  );
}

/** Covered: at least one current guardian's consent to `policyVersion` stands. */
export function isCovered(db: ReadableDB, childId: string, policyVersion: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM consents c JOIN guardians g ON g.child_id = c.child_id AND g.parent_id = c.parent_id
         WHERE c.child_id = ? AND c.policy_version = ? AND c.withdrawn_at IS NULL LIMIT 1`,
      )
      .get(childId, policyVersion) !== undefined
  );
}

/** Withdraws every standing consent of this guardian for this child; how many there were. */
export function withdrawConsents(db: WritableDB, childId: string, parentId: string, at: number): number {
  return db
    .prepare(`UPDATE consents SET withdrawn_at = ? WHERE child_id = ? AND parent_id = ? AND withdrawn_at IS NULL`)
    .run(at, childId, parentId).changes;
}

/** Whether this account is disabled (suspended or closed), or gone. */
export function isDisabledOrGone(db: ReadableDB, accountId: string): boolean {
  const row = db.prepare(`SELECT disabled_at AS d FROM accounts WHERE id = ?`).get(accountId) as { d: number | null } | undefined;
  return row === undefined || row.d !== null;
}

export function accountKindOf(db: ReadableDB, accountId: string): 'parent' | 'child' | undefined {
  const row = db.prepare(`SELECT kind FROM accounts WHERE id = ?`).get(accountId) as { kind: 'parent' | 'child' } | undefined;
  return row?.kind;
}

const hasVerifiedColumn = new WeakMap<ReadableDB, boolean>();

/**
 * Whether a grown-up's email is verified. The column `parents.email_verified_at` comes with the
 * email migration (issue 12 item 3, migration 0010); on a database without it every email reads
 * as not verified. TODO(merge): once 0010 is in, this can read the column directly (or use the
 * email feature's own helper) and drop the column check.
 */
export function isEmailVerified(db: ReadableDB, parentId: string): boolean {
  let has = hasVerifiedColumn.get(db);
  if (has === undefined) {
    const columns = db.prepare(`PRAGMA table_info(parents)`).all() as { name: string }[];
    has = columns.some((c) => c.name === 'email_verified_at');
    hasVerifiedColumn.set(db, has);
  }
  if (!has) return false;
  const row = db.prepare(`SELECT email_verified_at AS v FROM parents WHERE account_id = ?`).get(parentId) as
    { v: number | null } | undefined;
  return row?.v !== null && row?.v !== undefined;
}

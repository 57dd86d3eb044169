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

/**
 * The account's display name (a notice keeps the names as they were: the child, who did it, who
 * it is about), or undefined when the account is gone.
 */
export function displayNameOf(db: ReadableDB, accountId: string): string | undefined {
  const row = db.prepare(`SELECT display_name AS n FROM accounts WHERE id = ?`).get(accountId) as { n: string } | undefined;
  return row?.n;
}

/**
 * Revokes the child's live credentials on the PCs this grown-up enrolled (they stopped being its
 * guardian); the devices concerned, for their sockets to close.
 */
export function revokeCredentialsEnrolledBy(db: WritableDB, childId: string, parentId: string, at: number): string[] {
  return (
    db
      .prepare(
        `UPDATE device_credentials SET revoked_at = ? WHERE child_id = ? AND revoked_at IS NULL
           AND device_id IN (SELECT id FROM devices WHERE parent_id = ?) RETURNING device_id AS deviceId`,
      )
      .all(at, childId, parentId) as { deviceId: string }[]
  )
    .map((r) => r.deviceId)
    .sort();
}

/**
 * Deletes a child's account (its guardians deleted it): the cascades take its profile, links,
 * devices' credentials and messages; consents and notices stay, but the notices forget the
 * child's name (it becomes {@link FORGOTTEN_NAME}: nothing of the child is left, F12). Whether there was one.
 */
export function deleteChildAccount(db: WritableDB, childId: string): boolean {
  db.prepare(`UPDATE notices SET child_name = ? WHERE child_id = ?`).run(FORGOTTEN_NAME, childId);
  db.prepare(`UPDATE notices SET about_name = ? WHERE about_id = ?`).run(FORGOTTEN_NAME, childId);
  return db.prepare(`DELETE FROM accounts WHERE id = ? AND kind = 'child'`).run(childId).changes > 0;
}

/** What a notice shows in place of a deleted child's name. */
export const FORGOTTEN_NAME = '?';

/** A notice as stored for one grown-up: names as they were when it happened. */
export type NoticeRow = Readonly<{
  id: string;
  kind: string;
  childId: string;
  childName: string;
  byName: string | null;
  /** The grown-up who did it (written, not read back: their name is taken out when their account goes). */
  byId?: string | null;
  aboutId: string | null;
  aboutName: string | null;
  at: number;
  /** The report a `friend-reported` or `child-was-reported` notice is about (issue 15). */
  reportId?: string | null;
}>;

/**
 * Stores a notice for one grown-up, and forgets their notices from before `keepSince` (a
 * grown-up's old notices go as new ones come: see `NOTICE_RETENTION_MS`).
 */
export function insertNotice(db: WritableDB, recipientId: string, n: NoticeRow, keepSince: number): void {
  db.prepare(`DELETE FROM notices WHERE recipient_parent_id = ? AND at < ?`).run(recipientId, keepSince);
  db.prepare(
    `INSERT INTO notices (id, recipient_parent_id, kind, child_id, child_name, by_name, about_id, about_name, at, report_id, by_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
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
  );
}

/** A grown-up's notices, newest first (ties: the later id first). */
export function listNotices(db: ReadableDB, parentId: string, limit: number): NoticeRow[] {
  const rows = db
    .prepare(
      `SELECT id, kind, child_id AS childId, child_name AS childName, by_name AS byName, about_id AS aboutId,
         about_name AS aboutName, at, report_id AS reportId FROM notices
       WHERE recipient_parent_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(parentId, limit) as NoticeRow[];
  return rows.map(withoutNullReport);
}

/** A notice row as read: `reportId` only where the notice has one. */
export function withoutNullReport(row: NoticeRow): NoticeRow {
  const { reportId, ...rest } = row;
  return reportId ? { ...rest, reportId } : rest;
}

/** Whether a grown-up's email is verified (the email feature's query, re-exported for the family views). */
export { isEmailVerified } from '../email/queries';

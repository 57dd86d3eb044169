import type { ReadableDB, WritableDB } from '@hearth/sqlite';

/** Moderation's storage (issue 15, F16): moderators, their sessions, suspensions, email bans, the audit log. */

export type ModeratorRow = Readonly<{ id: string; email: string; displayName: string; passwordHash: string; createdAt: number }>;
export type ModeratorSessionRow = Readonly<{ id: string; moderatorId: string; expiresAt: number }>;
export type SuspensionRow = Readonly<{
  accountId: string;
  category: string;
  reason: string;
  moderatorId: string;
  suspendedAt: number;
}>;
export type EmailBanRow = Readonly<{ emailHash: Buffer; moderatorId: string; bannedAt: number; liftedAt: number | null }>;
export type AuditRow = Readonly<{
  id: string;
  moderatorId: string;
  at: number;
  action: string;
  subjectKind: string;
  subjectId: string;
  reason: string | null;
}>;

/** The actions that close a case: its audit entries go one year after the last of them (`retention.ts`). */
export const CLOSING_ACTIONS = ['close-report', 'lift-suspension', 'lift-ban', 'close-account'] as const;

const MODERATOR_COLUMNS = `id, email, display_name AS displayName, password_hash AS passwordHash, created_at AS createdAt`;

export function insertModerator(db: WritableDB, m: ModeratorRow): void {
  db.prepare(`INSERT INTO moderators (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)`).run(
    m.id,
    m.email,
    m.displayName,
    m.passwordHash,
    m.createdAt,
  );
}

/** By its normalized (trimmed, lower-case) email. */
export function getModeratorByEmail(db: ReadableDB, email: string): ModeratorRow | undefined {
  return db.prepare(`SELECT ${MODERATOR_COLUMNS} FROM moderators WHERE email = ?`).get(email) as ModeratorRow | undefined;
}

export function insertModeratorSession(
  db: WritableDB,
  s: Readonly<{ id: string; moderatorId: string; tokenHash: Buffer; createdAt: number; expiresAt: number }>,
): void {
  db.prepare(`INSERT INTO moderator_sessions (id, moderator_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`).run(
    s.id,
    s.moderatorId,
    s.tokenHash,
    s.createdAt,
    s.expiresAt,
  );
}

export function getLiveModeratorSession(db: ReadableDB, tokenHash: Buffer, now: number): ModeratorSessionRow | undefined {
  return db
    .prepare(
      `SELECT id, moderator_id AS moderatorId, expires_at AS expiresAt FROM moderator_sessions
       WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?`,
    )
    .get(tokenHash, now) as ModeratorSessionRow | undefined;
}

export function revokeModeratorSession(db: WritableDB, sessionId: string, now: number): boolean {
  return (
    db.prepare(`UPDATE moderator_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`).run(now, sessionId).changes > 0
  );
}

/** Revoked and expired sessions go as new ones start. */
export function deleteDeadModeratorSessions(db: WritableDB, now: number): number {
  return db.prepare(`DELETE FROM moderator_sessions WHERE revoked_at IS NOT NULL OR expires_at <= ?`).run(now).changes;
}

/** Suspends (or re-suspends, with the new category and reason) an account. */
export function putSuspension(db: WritableDB, s: SuspensionRow): void {
  db.prepare(
    `INSERT INTO account_suspensions (account_id, category, reason, moderator_id, suspended_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET category = excluded.category, reason = excluded.reason,
       moderator_id = excluded.moderator_id, suspended_at = excluded.suspended_at`,
  ).run(s.accountId, s.category, s.reason, s.moderatorId, s.suspendedAt);
}

export function getSuspension(db: ReadableDB, accountId: string): SuspensionRow | undefined {
  return db
    .prepare(
      `SELECT account_id AS accountId, category, reason, moderator_id AS moderatorId, suspended_at AS suspendedAt
       FROM account_suspensions WHERE account_id = ?`,
    )
    .get(accountId) as SuspensionRow | undefined;
}

/** What each suspension in force is now (no reasons), by account: running relays compare it each sweep (`suspension-watch.ts`). */
export type SuspensionState = Readonly<{ accountId: string; category: string; suspendedAt: number }>;

export function listSuspensions(db: ReadableDB): SuspensionState[] {
  return db
    .prepare(`SELECT account_id AS accountId, category, suspended_at AS suspendedAt FROM account_suspensions ORDER BY account_id`)
    .all() as SuspensionState[];
}

/** Whether it was suspended. */
export function deleteSuspension(db: WritableDB, accountId: string): boolean {
  return db.prepare(`DELETE FROM account_suspensions WHERE account_id = ?`).run(accountId).changes > 0;
}

/** Bans (or bans again, after a lift) the email whose keyed hash this is. */
export function putEmailBan(db: WritableDB, emailHash: Buffer, moderatorId: string, now: number): void {
  db.prepare(
    `INSERT INTO email_bans (email_hash, moderator_id, banned_at, lifted_at) VALUES (?, ?, ?, NULL)
     ON CONFLICT (email_hash) DO UPDATE SET moderator_id = excluded.moderator_id, banned_at = excluded.banned_at, lifted_at = NULL`,
  ).run(emailHash, moderatorId, now);
}

export function isEmailBanned(db: ReadableDB, emailHash: Buffer): boolean {
  return db.prepare(`SELECT 1 FROM email_bans WHERE email_hash = ? AND lifted_at IS NULL`).get(emailHash) !== undefined;
}

/** Whether a ban in force was lifted. */
export function liftEmailBan(db: WritableDB, emailHash: Buffer, now: number): boolean {
  return (
    db.prepare(`UPDATE email_bans SET lifted_at = ? WHERE email_hash = ? AND lifted_at IS NULL`).run(now, emailHash).changes > 0
  );
}

/** Lifted bans whose lift is older than `before` (bans in force are kept, however old). */
export function deleteLiftedEmailBans(db: WritableDB, before: number): number {
  return db.prepare(`DELETE FROM email_bans WHERE lifted_at IS NOT NULL AND lifted_at < ?`).run(before).changes;
}

export function countEmailBans(db: ReadableDB): number {
  return (db.prepare(`SELECT count(*) AS n FROM email_bans`).get() as { n: number }).n;
}

export function insertAudit(db: WritableDB, row: AuditRow): void {
  db.prepare(
    `INSERT INTO moderation_audit (id, moderator_id, at, action, subject_kind, subject_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.moderatorId, row.at, row.action, row.subjectKind, row.subjectId, row.reason);
}

const AUDIT_COLUMNS = `id, moderator_id AS moderatorId, at, action, subject_kind AS subjectKind, subject_id AS subjectId, reason`;

/** The log, oldest first; of one subject when given. */
export function listAudit(db: ReadableDB, subjectId?: string): AuditRow[] {
  return (
    subjectId === undefined
      ? db.prepare(`SELECT ${AUDIT_COLUMNS} FROM moderation_audit ORDER BY at, id`).all()
      : db.prepare(`SELECT ${AUDIT_COLUMNS} FROM moderation_audit WHERE subject_id = ? ORDER BY at, id`).all(subjectId)
  ) as AuditRow[];
}

/**
 * The retention sweep's delete (the only one the log allows): every entry of a case (one
 * subject) whose latest entry closed it before `before`. Opens the trigger's gate for its own
 * transaction only.
 */
export function sweepClosedAudit(db: WritableDB, before: number): number {
  const placeholders = CLOSING_ACTIONS.map(() => '?').join(', ');
  return db.transaction(() => {
    db.prepare(`UPDATE moderation_audit_gate SET open = 1 WHERE id = 1`).run();
    const changes = db
      .prepare(
        `DELETE FROM moderation_audit WHERE (subject_kind, subject_id) IN (
           SELECT a.subject_kind, a.subject_id FROM moderation_audit a
           WHERE a.id = (SELECT b.id FROM moderation_audit b WHERE b.subject_kind = a.subject_kind AND b.subject_id = a.subject_id
                         ORDER BY b.at DESC, b.id DESC LIMIT 1)
             AND a.action IN (${placeholders}) AND a.at < ?)`,
      )
      .run(...CLOSING_ACTIONS, before).changes;
    db.prepare(`UPDATE moderation_audit_gate SET open = 0 WHERE id = 1`).run();
    return changes;
  })();
}

/**
 * Deletes a grown-up's account (what cascades from it: sessions, devices, links, notices). A
 * child they created but who keeps another guardian is first handed to that guardian as its
 * `children.parent_id` (the creator column), so the cascade never takes a child along.
 */
export function deleteParentAccount(db: WritableDB, parentId: string): boolean {
  db.prepare(
    `UPDATE children SET parent_id = (SELECT g.parent_id FROM guardians g WHERE g.child_id = children.account_id AND g.parent_id <> ?
                                      ORDER BY g.added_at, g.parent_id LIMIT 1)
     WHERE parent_id = ? AND EXISTS (SELECT 1 FROM guardians g WHERE g.child_id = children.account_id AND g.parent_id <> ?)`,
  ).run(parentId, parentId, parentId);
  // Their name goes from the other grown-ups' notices (ids stay); their consent records stay, ids only.
  db.prepare(`UPDATE notices SET by_name = NULL, by_id = NULL WHERE by_id = ?`).run(parentId);
  db.prepare(
    `UPDATE notices SET about_name = NULL WHERE about_id = ? AND kind NOT IN ('device-signed-out', 'child-suspended')`,
  ).run(parentId);
  return db.prepare(`DELETE FROM accounts WHERE id = ? AND kind = 'parent'`).run(parentId).changes > 0;
}

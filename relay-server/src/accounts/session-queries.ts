import type { ReadableDB, WritableDB } from '@hearth/sqlite';

export type ParentSessionRow = Readonly<{
  id: string;
  parentId: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}>;

export function insertParentSession(
  db: WritableDB,
  s: Readonly<{ id: string; parentId: string; tokenHash: Buffer; createdAt: number; expiresAt: number }>,
): void {
  db.prepare(`INSERT INTO parent_sessions (id, parent_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`).run(
    s.id,
    s.parentId,
    s.tokenHash,
    s.createdAt,
    s.expiresAt,
  );
}

/** A live session for this token hash, or undefined (unknown, expired or revoked). */
export function getLiveParentSession(db: ReadableDB, tokenHash: Buffer, now: number): ParentSessionRow | undefined {
  return db
    .prepare(
      `SELECT s.id, s.parent_id AS parentId, s.created_at AS createdAt, s.expires_at AS expiresAt, s.revoked_at AS revokedAt
       FROM parent_sessions s JOIN accounts a ON a.id = s.parent_id
       WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND a.disabled_at IS NULL`,
    )
    .get(tokenHash, now) as ParentSessionRow | undefined;
}

/** A live session by its id: `sessionId` and when it ends. */
export function getLiveParentSessionById(
  db: ReadableDB,
  id: string,
  now: number,
): Readonly<{ sessionId: string; expiresAt: number }> | undefined {
  return db
    .prepare(
      `SELECT id AS sessionId, expires_at AS expiresAt FROM parent_sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?`,
    )
    .get(id, now) as { sessionId: string; expiresAt: number } | undefined;
}

export function listLiveParentSessions(db: ReadableDB, parentId: string, now: number): ParentSessionRow[] {
  return db
    .prepare(
      `SELECT id, parent_id AS parentId, created_at AS createdAt, expires_at AS expiresAt, revoked_at AS revokedAt
       FROM parent_sessions WHERE parent_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at, id`,
    )
    .all(parentId, now) as ParentSessionRow[];
}

/** Revokes one of this parent's sessions; false if there was no such live session. */
export function revokeParentSession(db: WritableDB, parentId: string, sessionId: string, now: number): boolean {
  return (
    db
      .prepare(`UPDATE parent_sessions SET revoked_at = ? WHERE id = ? AND parent_id = ? AND revoked_at IS NULL`)
      .run(now, sessionId, parentId).changes > 0
  );
}

export function deleteExpiredParentSessions(db: WritableDB, now: number): number {
  return db.prepare(`DELETE FROM parent_sessions WHERE expires_at <= ? OR revoked_at IS NOT NULL`).run(now).changes;
}

export type SignInFailureRow = Readonly<{ failures: number; lockedUntil: number }>;

export function getSignInFailures(db: ReadableDB, emailKey: string): SignInFailureRow | undefined {
  return db.prepare(`SELECT failures, locked_until AS lockedUntil FROM sign_in_failures WHERE email_key = ?`).get(emailKey) as
    SignInFailureRow | undefined;
}

export function putSignInFailures(db: WritableDB, emailKey: string, row: SignInFailureRow, now: number): void {
  db.prepare(
    `INSERT INTO sign_in_failures (email_key, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (email_key) DO UPDATE SET
       failures = excluded.failures, locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`,
  ).run(emailKey, row.failures, row.lockedUntil, now);
}

/** Forgets failure streaks whose last failure is older than `before` and whose lock has ended. */
export function deleteIdleSignInFailures(db: WritableDB, before: number, now: number): number {
  return db.prepare(`DELETE FROM sign_in_failures WHERE last_failure_at <= ? AND locked_until <= ?`).run(before, now).changes;
}

export function clearSignInFailures(db: WritableDB, emailKey: string): void {
  db.prepare(`DELETE FROM sign_in_failures WHERE email_key = ?`).run(emailKey);
}

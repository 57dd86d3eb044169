import type { ReadableDB, WritableDB } from '@hearth/sqlite';

export type CodePurpose = 'verify' | 'reset';
export type CodeSender = 'email' | 'operator';

export type EmailCodeRow = Readonly<{
  id: string;
  purpose: CodePurpose;
  emailKey: string;
  accountId: string;
  codeHash: Buffer;
  sentBy: CodeSender;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  attempts: number;
}>;

export function insertEmailCode(db: WritableDB, c: Omit<EmailCodeRow, 'usedAt' | 'attempts'>): void {
  db.prepare(
    `INSERT INTO email_codes (id, purpose, email_key, account_id, code_hash, sent_by, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.purpose, c.emailKey, c.accountId, c.codeHash, c.sentBy, c.createdAt, c.expiresAt);
}

/** Ends every unused code of this purpose for the account: only the newest one works. */
export function endLiveCodes(db: WritableDB, accountId: string, purpose: CodePurpose, now: number): void {
  db.prepare(`UPDATE email_codes SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL`).run(
    now,
    accountId,
    purpose,
  );
}

const CODE_COLUMNS = `id, purpose, email_key AS emailKey, account_id AS accountId, code_hash AS codeHash, sent_by AS sentBy,
  created_at AS createdAt,
  expires_at AS expiresAt, used_at AS usedAt, attempts`;

/** The newest unused, unexpired code of this purpose for the address with tries left, if any. */
export function getLiveCode(
  db: ReadableDB,
  emailKey: string,
  purpose: CodePurpose,
  now: number,
  maxAttempts: number,
): EmailCodeRow | undefined {
  return db
    .prepare(
      `SELECT ${CODE_COLUMNS} FROM email_codes
       WHERE email_key = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    )
    .get(emailKey, purpose, now, maxAttempts) as EmailCodeRow | undefined;
}

export function countWrongTry(db: WritableDB, id: string): void {
  db.prepare(`UPDATE email_codes SET attempts = attempts + 1 WHERE id = ?`).run(id);
}

/** Marks a code used; false if it was used meanwhile (two tries racing). */
export function useCode(db: WritableDB, id: string, now: number): boolean {
  return db.prepare(`UPDATE email_codes SET used_at = ? WHERE id = ? AND used_at IS NULL`).run(now, id).changes > 0;
}

/** Codes are kept a day after they expire or are used (to answer "was a code sent?"), then deleted. */
export function deleteOldCodes(db: WritableDB, before: number): number {
  return db.prepare(`DELETE FROM email_codes WHERE expires_at <= ? OR used_at <= ?`).run(before, before).changes;
}

/** Emails sent to this address since `since`. */
export function countSends(db: ReadableDB, emailKey: string, since: number): number {
  return (
    db.prepare(`SELECT COUNT(*) AS n FROM email_sends WHERE email_key = ? AND sent_at > ?`).get(emailKey, since) as {
      n: number;
    }
  ).n;
}

export function recordSend(db: WritableDB, emailKey: string, now: number): void {
  db.prepare(`INSERT INTO email_sends (email_key, sent_at) VALUES (?, ?)`).run(emailKey, now);
}

export function deleteOldSends(db: WritableDB, before: number): number {
  return db.prepare(`DELETE FROM email_sends WHERE sent_at <= ?`).run(before).changes;
}

/** Marks the parent's email verified (the first time only); false if there is no such parent. */
export function setEmailVerified(db: WritableDB, parentId: string, now: number): boolean {
  return (
    db.prepare(`UPDATE parents SET email_verified_at = COALESCE(email_verified_at, ?) WHERE account_id = ?`).run(now, parentId)
      .changes > 0
  );
}

/** Whether this parent proved their mailbox (for the friend-approval screen and `GET /v1/me`). */
export function isEmailVerified(db: ReadableDB, parentId: string): boolean {
  const row = db.prepare(`SELECT email_verified_at AS at FROM parents WHERE account_id = ?`).get(parentId) as
    { at: number | null } | undefined;
  return row?.at != null;
}

/** A guardian of any child, or trusted by one: an account in use, never taken over by a new registration. */
export function isInAFamily(db: ReadableDB, parentId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM guardians WHERE parent_id = ? UNION ALL SELECT 1 FROM trusted_grown_ups WHERE parent_id = ? LIMIT 1`,
      )
      .get(parentId, parentId) !== undefined
  );
}

export function setPasswordHash(db: WritableDB, parentId: string, passwordHash: string): void {
  db.prepare(`UPDATE parents SET password_hash = ? WHERE account_id = ?`).run(passwordHash, parentId);
}

export function setParentDisplayName(db: WritableDB, parentId: string, displayName: string): void {
  db.prepare(`UPDATE accounts SET display_name = ? WHERE id = ?`).run(displayName, parentId);
}

/** Revokes every live session of the parent; returns their ids (their sockets close). */
export function revokeAllParentSessions(db: WritableDB, parentId: string, now: number): string[] {
  const ids = (
    db.prepare(`SELECT id FROM parent_sessions WHERE parent_id = ? AND revoked_at IS NULL ORDER BY id`).all(parentId) as {
      id: string;
    }[]
  ).map((r) => r.id);
  db.prepare(`UPDATE parent_sessions SET revoked_at = ? WHERE parent_id = ? AND revoked_at IS NULL`).run(now, parentId);
  return ids;
}

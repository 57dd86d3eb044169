import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

export type LockRow = Readonly<{ passwordHash: string | null; failures: number; retryAt: number | null }>;

/** The lock's one row: the hash (null before first run ends) and the failure backoff. */
export function getLockRow(db: ReadableDB): LockRow {
  return prepared(
    db,
    `SELECT password_hash AS passwordHash, failures, retry_at AS retryAt FROM parent_lock WHERE id = 1`,
  ).get() as LockRow;
}

/** Replaces the password hash and clears the failures. */
export function setPasswordHash(db: WritableDB, hash: string): void {
  prepared(db, `UPDATE parent_lock SET password_hash = ?, failures = 0, retry_at = NULL WHERE id = 1`).run(hash);
}

/** Records wrong passwords in a row and when the next try is allowed. */
export function setLockFailures(db: WritableDB, failures: number, retryAt: number | null): void {
  prepared(db, `UPDATE parent_lock SET failures = ?, retry_at = ? WHERE id = 1`).run(failures, retryAt);
}

import type { ReadableDB, WritableDB } from '../../database';
import { prepare } from '../../prepared';

export type LockRow = Readonly<{ passwordHash: string | null; failures: number; retryAt: number | null }>;

export function getLockRow(db: ReadableDB): LockRow {
  return prepare(
    db,
    `SELECT password_hash AS passwordHash, failures, retry_at AS retryAt FROM parent_lock WHERE id = 1`,
  ).get() as LockRow;
}

export function setPasswordHash(db: WritableDB, hash: string): void {
  prepare(db, `UPDATE parent_lock SET password_hash = ?, failures = 0, retry_at = NULL WHERE id = 1`).run(hash);
}

export function setLockFailures(db: WritableDB, failures: number, retryAt: number | null): void {
  prepare(db, `UPDATE parent_lock SET failures = ?, retry_at = ? WHERE id = 1`).run(failures, retryAt);
}

import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';
import { lookUpDeliveryDevices } from './pair-devices';

/** The account queue's `device_id`: where an account's messages wait while it has no device. */
export const ACCOUNT_QUEUE = '';

/**
 * The account's devices that messages go to now: a child's live device credentials; a parent's
 * devices not signed out whose session ends after `parentSessionAfter` (now less a message
 * lifetime: a PC whose session ran out signs in again and finds what waited). Empty: the account
 * has no device (its account queue is used).
 */
export function listDeliveryDevices(db: ReadableDB, accountId: string, parentSessionAfter: number): string[] {
  return lookUpDeliveryDevices(db, accountId, parentSessionAfter);
}

/** Queues message `messageSeq` for one device of an account (its place in that queue is `messageSeq`). */
export function enqueueForDevice(db: WritableDB, messageSeq: number, accountId: string, deviceId: string, own: boolean): void {
  prepared(db, `INSERT INTO message_queue (account_id, device_id, message_seq, own) VALUES (?, ?, ?, ?)`).run(
    accountId,
    deviceId,
    messageSeq,
    Number(own),
  );
}

/** The first device of an account takes what waited in its account queue. */
export function claimAccountQueue(db: WritableDB, accountId: string, deviceId: string): number {
  if (!prepared(db, `SELECT 1 FROM message_queue WHERE account_id = ? AND device_id = '' LIMIT 1`).get(accountId)) return 0;
  const moved = prepared(db, `UPDATE OR IGNORE message_queue SET device_id = ? WHERE account_id = ? AND device_id = ''`).run(
    deviceId,
    accountId,
  ).changes;
  prepared(db, `DELETE FROM message_queue WHERE account_id = ? AND device_id = ''`).run(accountId);
  return moved;
}

/** Forgets what a device that is gone (revoked credential, signed-out parent PC) still had queued. */
export function dropDeviceQueue(db: WritableDB, accountId: string, deviceId: string): number {
  return prepared(db, `DELETE FROM message_queue WHERE account_id = ? AND device_id = ?`).run(accountId, deviceId).changes;
}

// ---- parent devices ----

/** The parent device a session is bound to, with its parent. */
export function getParentDeviceOfSession(
  db: ReadableDB,
  sessionId: string,
): Readonly<{ id: string; parentId: string }> | undefined {
  return prepared(db, `SELECT id, parent_id AS parentId FROM parent_devices WHERE session_id = ?`).get(sessionId) as
    { id: string; parentId: string } | undefined;
}

/** A signed-out session's parent device is no device any more (deleted with its queue by the next sweep). */
export function unbindParentDevice(db: WritableDB, deviceId: string): void {
  prepared(db, `UPDATE parent_devices SET session_id = NULL WHERE id = ?`).run(deviceId);
}

export function findParentDeviceOfSession(db: ReadableDB, sessionId: string): string | undefined {
  const row = prepared(db, `SELECT id FROM parent_devices WHERE session_id = ?`).get(sessionId) as { id: string } | undefined;
  return row?.id;
}

export function insertParentDevice(
  db: WritableDB,
  d: Readonly<{ id: string; parentId: string; sessionId: string; sessionExpiresAt: number; createdAt: number }>,
): void {
  prepared(
    db,
    `INSERT INTO parent_devices (id, parent_id, session_id, session_expires_at, created_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(d.id, d.parentId, d.sessionId, d.sessionExpiresAt, d.createdAt);
}

/** Moves the device of one of this parent's sessions to another session (a renewed sign-in); its id, if moved. */
export function moveParentDevice(
  db: WritableDB,
  parentId: string,
  from: string,
  to: Readonly<{ sessionId: string; expiresAt: number }>,
): string | undefined {
  const row = prepared(
    db,
    `UPDATE parent_devices SET session_id = ?, session_expires_at = ? WHERE session_id = ? AND parent_id = ? RETURNING id`,
  ).get(to.sessionId, to.expiresAt, from, parentId) as { id: string } | undefined;
  return row?.id;
}

/** Parent devices signed out, or whose session ended before `sessionEndedBefore`: removed with their queues. */
export function deleteEndedParentDevices(db: WritableDB, sessionEndedBefore: number): number {
  const gone = prepared(
    db,
    `DELETE FROM parent_devices WHERE session_id IS NULL OR session_expires_at <= ? RETURNING id, parent_id AS parentId`,
  ).all(sessionEndedBefore) as { id: string; parentId: string }[];
  for (const d of gone) dropDeviceQueue(db, d.parentId, d.id);
  return gone.length;
}

/** A device was removed: what it still had queued goes to the account queue if it was the account's last, else away. */
export function releaseDeviceQueue(db: WritableDB, accountId: string, deviceId: string, parentSessionAfter: number): void {
  if (listDeliveryDevices(db, accountId, parentSessionAfter).length === 0) {
    prepared(db, `UPDATE OR IGNORE message_queue SET device_id = '' WHERE account_id = ? AND device_id = ? AND own = 0`).run(
      accountId,
      deviceId,
    );
  }
  dropDeviceQueue(db, accountId, deviceId);
}

import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

export type SignalingTokenRow = Readonly<{
  accountId: string;
  peerId: string;
  deviceId: string | null;
  parentSessionId: string | null;
  expiresAt: number;
}>;

export function getPeerId(db: ReadableDB, accountId: string): string | undefined {
  const row = db.prepare(`SELECT peer_id AS peerId FROM peer_ids WHERE account_id = ?`).get(accountId) as
    { peerId: string } | undefined;
  return row?.peerId;
}

/** Inserts the account's peer id unless it has one; false when the id was taken by another account. */
export function insertPeerId(db: WritableDB, accountId: string, peerId: string, now: number): boolean {
  return (
    db
      .prepare(`INSERT INTO peer_ids (account_id, peer_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`)
      .run(accountId, peerId, now).changes > 0
  );
}

export function insertSignalingToken(
  db: WritableDB,
  t: Readonly<{
    tokenHash: Buffer;
    accountId: string;
    deviceId: string | null;
    parentSessionId: string | null;
    createdAt: number;
    expiresAt: number;
  }>,
): void {
  db.prepare(
    `INSERT INTO signaling_tokens (token_hash, account_id, device_id, parent_session_id, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(t.tokenHash, t.accountId, t.deviceId, t.parentSessionId, t.createdAt, t.expiresAt);
}

/**
 * The live grant behind a token: unexpired, for an account not disabled, and its device
 * credential or parent session still live.
 */
export function getLiveSignalingToken(db: ReadableDB, tokenHash: Buffer, now: number): SignalingTokenRow | undefined {
  // Prepared once: every signaling login asks it.
  return prepared(
    db,
    `SELECT t.account_id AS accountId, p.peer_id AS peerId, t.device_id AS deviceId,
              t.parent_session_id AS parentSessionId, t.expires_at AS expiresAt
       FROM signaling_tokens t
       JOIN peer_ids p ON p.account_id = t.account_id
       JOIN accounts a ON a.id = t.account_id AND a.disabled_at IS NULL
       WHERE t.token_hash = ? AND t.expires_at > ?
         AND (
           (t.device_id IS NOT NULL AND EXISTS (
              SELECT 1 FROM device_credentials dc JOIN devices d ON d.id = dc.device_id
              WHERE dc.device_id = t.device_id AND dc.child_id = t.account_id
                AND dc.revoked_at IS NULL AND d.revoked_at IS NULL))
           OR (t.parent_session_id IS NOT NULL AND EXISTS (
              SELECT 1 FROM parent_sessions s
              WHERE s.id = t.parent_session_id AND s.revoked_at IS NULL AND s.expires_at > ?))
         )`,
  ).get(tokenHash, now, now) as SignalingTokenRow | undefined;
}

export function deleteExpiredSignalingTokens(db: WritableDB, now: number): number {
  return db.prepare(`DELETE FROM signaling_tokens WHERE expires_at <= ?`).run(now).changes;
}

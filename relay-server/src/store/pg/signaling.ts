import type * as signaling from '../../signaling/queries';
import type { SignalingTokenRow } from '../../signaling/queries';
import type { PgModule } from '../port';

/** The PostgreSQL twin of `signaling/queries.ts`: stable peer ids and short-lived signaling grants. */
export const pgSignaling = {
  async getPeerId(q, accountId) {
    const { rows } = await q.query(`SELECT peer_id AS "peerId" FROM peer_ids WHERE account_id = $1`, [accountId]);
    return (rows[0] as { peerId: string } | undefined)?.peerId;
  },

  async insertPeerId(q, accountId, peerId, now) {
    const { rowCount } = await q.query(
      `INSERT INTO peer_ids (account_id, peer_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [accountId, peerId, now],
    );
    return (rowCount ?? 0) > 0;
  },

  async insertSignalingToken(q, t) {
    await q.query(
      `INSERT INTO signaling_tokens (token_hash, account_id, device_id, parent_session_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [t.tokenHash, t.accountId, t.deviceId, t.parentSessionId, t.createdAt, t.expiresAt],
    );
  },

  async getLiveSignalingToken(q, tokenHash, now) {
    const { rows } = await q.query(
      `SELECT t.account_id AS "accountId", p.peer_id AS "peerId", t.device_id AS "deviceId",
              t.parent_session_id AS "parentSessionId", t.expires_at AS "expiresAt"
       FROM signaling_tokens t
       JOIN peer_ids p ON p.account_id = t.account_id
       JOIN accounts a ON a.id = t.account_id AND a.disabled_at IS NULL
       WHERE t.token_hash = $1 AND t.expires_at > $2
         AND (
           (t.device_id IS NOT NULL AND EXISTS (
              SELECT 1 FROM device_credentials dc JOIN devices d ON d.id = dc.device_id
              WHERE dc.device_id = t.device_id AND dc.child_id = t.account_id
                AND dc.revoked_at IS NULL AND d.revoked_at IS NULL))
           OR (t.parent_session_id IS NOT NULL AND EXISTS (
              SELECT 1 FROM parent_sessions s
              WHERE s.id = t.parent_session_id AND s.revoked_at IS NULL AND s.expires_at > $2))
         )`,
      [tokenHash, now],
    );
    return rows[0] as SignalingTokenRow | undefined;
  },

  async deleteExpiredSignalingTokens(q, now) {
    return (await q.query(`DELETE FROM signaling_tokens WHERE expires_at <= $1`, [now])).rowCount ?? 0;
  },
} satisfies PgModule<typeof signaling>;

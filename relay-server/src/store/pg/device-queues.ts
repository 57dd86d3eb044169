import type * as deviceQueues from '../../messaging/device-queues';
import type { PgModule, PgQueryable } from '../port';

/**
 * The per-device queues on PostgreSQL: the twin of messaging/device-queues.ts. SQLite's
 * `UPDATE OR IGNORE` (move rows, skip those the target already has) is written as an UPDATE of
 * the rows the target lacks, the rest deleted after.
 */
async function listDeliveryDevices(q: PgQueryable, accountId: string, parentSessionAfter: number): Promise<string[]> {
  const { rows } = await q.query(
    `SELECT dc.device_id AS id FROM device_credentials dc JOIN devices d ON d.id = dc.device_id
       WHERE dc.child_id = $1 AND dc.revoked_at IS NULL AND d.revoked_at IS NULL
     UNION ALL
     SELECT id FROM parent_devices WHERE parent_id = $1 AND session_id IS NOT NULL AND session_expires_at > $2`,
    [accountId, parentSessionAfter],
  );
  return (rows as { id: string }[]).map((r) => r.id);
}

async function dropDeviceQueue(q: PgQueryable, accountId: string, deviceId: string): Promise<number> {
  const result = await q.query(`DELETE FROM message_queue WHERE account_id = $1 AND device_id = $2`, [accountId, deviceId]);
  return result.rowCount ?? 0;
}

/** Moves an account's queue rows from one device id to another, skipping messages the target has queued already. */
async function moveQueue(q: PgQueryable, accountId: string, from: string, to: string, onlyOthers: boolean): Promise<number> {
  const result = await q.query(
    `UPDATE message_queue q SET device_id = $3
     WHERE q.account_id = $1 AND q.device_id = $2 ${onlyOthers ? 'AND NOT q.own' : ''}
       AND NOT EXISTS (SELECT 1 FROM message_queue t WHERE t.account_id = $1 AND t.device_id = $3 AND t.message_seq = q.message_seq)`,
    [accountId, from, to],
  );
  return result.rowCount ?? 0;
}

export const pgDeviceQueues = {
  listDeliveryDevices,

  async enqueueForDevice(q, messageSeq, accountId, deviceId, own) {
    await q.query(`INSERT INTO message_queue (account_id, device_id, message_seq, own) VALUES ($1, $2, $3, $4)`, [
      accountId,
      deviceId,
      messageSeq,
      own,
    ]);
  },

  async claimAccountQueue(q, accountId, deviceId) {
    const waiting = await q.query(`SELECT 1 FROM message_queue WHERE account_id = $1 AND device_id = '' LIMIT 1`, [accountId]);
    if (waiting.rows.length === 0) return 0;
    const moved = await moveQueue(q, accountId, '', deviceId, false);
    await dropDeviceQueue(q, accountId, '');
    return moved;
  },

  dropDeviceQueue,

  async getParentDeviceOfSession(q, sessionId) {
    const { rows } = await q.query(`SELECT id, parent_id AS "parentId" FROM parent_devices WHERE session_id = $1`, [sessionId]);
    return rows[0] as { id: string; parentId: string } | undefined;
  },

  async unbindParentDevice(q, deviceId) {
    await q.query(`UPDATE parent_devices SET session_id = NULL WHERE id = $1`, [deviceId]);
  },

  async findParentDeviceOfSession(q, sessionId) {
    const { rows } = await q.query(`SELECT id FROM parent_devices WHERE session_id = $1`, [sessionId]);
    return (rows[0] as { id: string } | undefined)?.id;
  },

  async insertParentDevice(q, d) {
    await q.query(
      `INSERT INTO parent_devices (id, parent_id, session_id, session_expires_at, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [d.id, d.parentId, d.sessionId, d.sessionExpiresAt, d.createdAt],
    );
  },

  async moveParentDevice(q, parentId, from, to) {
    const { rows } = await q.query(
      `UPDATE parent_devices SET session_id = $1, session_expires_at = $2 WHERE session_id = $3 AND parent_id = $4 RETURNING id`,
      [to.sessionId, to.expiresAt, from, parentId],
    );
    return (rows[0] as { id: string } | undefined)?.id;
  },

  async deleteEndedParentDevices(q, sessionEndedBefore) {
    const { rows } = await q.query(
      `DELETE FROM parent_devices WHERE session_id IS NULL OR session_expires_at <= $1 RETURNING id, parent_id AS "parentId"`,
      [sessionEndedBefore],
    );
    const gone = rows as { id: string; parentId: string }[];
    for (const d of gone) await dropDeviceQueue(q, d.parentId, d.id);
    return gone.length;
  },

  async releaseDeviceQueue(q, accountId, deviceId, parentSessionAfter) {
    if ((await listDeliveryDevices(q, accountId, parentSessionAfter)).length === 0) {
      await moveQueue(q, accountId, deviceId, '', true);
    }
    await dropDeviceQueue(q, accountId, deviceId);
  },
} satisfies PgModule<typeof deviceQueues>;

import type * as messages from '../../messaging/queries';
import type {
  Accepted,
  Acknowledged,
  AcknowledgedMessage,
  ExpiredMessage,
  HeldMessageRow,
  MessageIdRecord,
  NewMessage,
  MessageToAccept,
  QueuedFor,
  QueuedMessageRow,
  UnsendOutcome,
} from '../../messaging/queries';
import { ACCOUNT_QUEUE } from '../../messaging/device-queues';
import type { PgModule, PgQueryable } from '../port';
import { pgDeviceQueues } from './device-queues';

/**
 * The messages port on PostgreSQL: the twin of messaging/queries.ts. Flags are BOOLEAN here; rows
 * say `own: 0 | 1` and `delivered: boolean` exactly as the SQLite module does. Written for
 * several instances at once: the unique message id (not a prior look) decides a duplicate, and
 * a delivery is recorded by the one conditional UPDATE that flips `delivered`.
 */
type MessageState = Readonly<{
  seq: number;
  senderId: string;
  recipientId: string;
  attachmentHash: string | null;
  withheld: boolean;
  delivered: boolean;
}>;

async function messageState(q: PgQueryable, id: string): Promise<MessageState | undefined> {
  const { rows } = await q.query(
    `SELECT seq, sender_id AS "senderId", recipient_id AS "recipientId", attachment_hash AS "attachmentHash", withheld, delivered
     FROM messages WHERE id = $1`,
    [id],
  );
  return rows[0] as MessageState | undefined;
}

async function rememberDelivered(q: PgQueryable, m: MessageState, id: string, now: number, purgeAt: number): Promise<void> {
  await q.query(
    `INSERT INTO message_outcomes (id, sender_id, recipient_id, outcome, notify_sender, decided_at, purge_at)
     VALUES ($1, $2, $3, 'delivered', false, $4, $5) ON CONFLICT (id) DO NOTHING`,
    [id, m.senderId, m.recipientId, now, purgeAt],
  );
}

async function markDelivered(q: PgQueryable, m: MessageState, id: string, now: number, purgeAt: number): Promise<boolean> {
  if (m.delivered || m.withheld) return false;
  const flipped = await q.query(`UPDATE messages SET delivered = true WHERE seq = $1 AND NOT delivered`, [m.seq]);
  if (flipped.rowCount === 0) return false;
  await rememberDelivered(q, m, id, now, purgeAt);
  return true;
}

export const pgMessages = {
  async insertMessage(q, m: NewMessage) {
    const { rows } = await q.query(
      `INSERT INTO messages (id, sender_id, recipient_id, kind, content_json, attachment_hash, withheld, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING seq`,
      [m.id, m.senderId, m.recipientId, m.kind, m.contentJson, m.attachmentHash, m.withheld, m.createdAt, m.expiresAt],
    );
    return (rows[0] as { seq: number } | undefined)?.seq;
  },

  async findMessageId(q, id) {
    const queued = await q.query(`SELECT sender_id AS "senderId", created_at AS "createdAt" FROM messages WHERE id = $1`, [id]);
    const row = queued.rows[0] as { senderId: string; createdAt: number } | undefined;
    if (row) return { ...row, state: 'queued' } satisfies MessageIdRecord;
    const past = await q.query(
      `SELECT sender_id AS "senderId", outcome AS state, decided_at AS "createdAt" FROM message_outcomes WHERE id = $1`,
      [id],
    );
    return past.rows[0] as MessageIdRecord | undefined;
  },

  /** The same steps as the SQLite function, in the caller's transaction. */
  async acceptMessage(q, m: MessageToAccept): Promise<Accepted> {
    const seen = await pgMessages.findMessageId(q, m.id);
    if (seen) return { kind: 'known', record: seen };
    const seq = await pgMessages.insertMessage(q, m);
    if (seq === undefined) {
      // Another instance stored this id in the meantime: the unique id decided, the look above did not.
      const raced = await pgMessages.findMessageId(q, m.id);
      if (!raced) throw new Error(`message ${m.id} was neither stored nor found`);
      return { kind: 'known', record: raced };
    }
    const queues: QueuedFor[] = [];
    const recipientDevices = await pgDeviceQueues.listDeliveryDevices(q, m.recipientId, m.parentSessionAfter);
    if (recipientDevices.length === 0) queues.push({ accountId: m.recipientId, deviceId: ACCOUNT_QUEUE, own: false });
    for (const deviceId of recipientDevices) queues.push({ accountId: m.recipientId, deviceId, own: false });
    for (const deviceId of await pgDeviceQueues.listDeliveryDevices(q, m.senderId, m.parentSessionAfter)) {
      if (deviceId !== m.sendingDevice) queues.push({ accountId: m.senderId, deviceId, own: true });
    }
    for (const c of queues) await pgDeviceQueues.enqueueForDevice(q, seq, c.accountId, c.deviceId, c.own);
    return { kind: 'stored', seq, queues };
  },

  async listDeliverable(q, accountId, deviceId, afterSeq, now, limit) {
    const { rows } = await q.query(
      `SELECT m.seq, m.id, m.sender_id AS "senderId", m.recipient_id AS "recipientId", m.content_json AS "contentJson",
              m.created_at AS "createdAt", CASE WHEN q.own THEN 1 ELSE 0 END AS own
       FROM message_queue q JOIN messages m ON m.seq = q.message_seq
       WHERE q.account_id = $1 AND q.device_id = $2 AND q.message_seq > $3 AND m.expires_at > $4 AND (q.own OR NOT m.withheld)
       ORDER BY q.message_seq LIMIT $5`,
      [accountId, deviceId, afterSeq, now, limit],
    );
    return rows as QueuedMessageRow[];
  },

  async acknowledgeMessage(q, accountId, deviceId, id, now, purgeAt): Promise<Acknowledged | undefined> {
    const m = await messageState(q, id);
    if (!m) return undefined;
    const own = m.senderId === accountId;
    if (!own && (m.recipientId !== accountId || m.withheld)) return undefined;
    const dequeued = await q.query(`DELETE FROM message_queue WHERE account_id = $1 AND device_id = $2 AND message_seq = $3`, [
      accountId,
      deviceId,
      m.seq,
    ]);
    if (dequeued.rowCount === 0) return undefined;
    const first = !own && !m.delivered;
    const others = await q.query(`SELECT 1 FROM message_queue WHERE message_seq = $1 LIMIT 1`, [m.seq]);
    if (others.rows.length > 0) {
      return { deliveredTo: first && (await markDelivered(q, m, id, now, purgeAt)) ? m.senderId : undefined, freed: undefined };
    }
    await q.query(`DELETE FROM messages WHERE seq = $1`, [m.seq]);
    if (first) await rememberDelivered(q, m, id, now, purgeAt);
    return { deliveredTo: first ? m.senderId : undefined, freed: { attachmentHash: m.attachmentHash } };
  },

  async acknowledgeMessages(q, accountId, deviceId, ids, now, purgeAt): Promise<AcknowledgedMessage[]> {
    const done: AcknowledgedMessage[] = [];
    for (const id of ids) {
      const acknowledged = await pgMessages.acknowledgeMessage(q, accountId, deviceId, id, now, purgeAt);
      if (acknowledged) done.push({ id, ...acknowledged });
    }
    return done;
  },

  async markMessageRead(q, accountId, id, now, purgeAt) {
    const m = await messageState(q, id);
    if (!m || m.recipientId !== accountId) return undefined;
    return (await markDelivered(q, m, id, now, purgeAt)) ? m.senderId : undefined;
  },

  async withholdBetween(q, x, y) {
    const result = await q.query(
      `UPDATE messages SET withheld = true WHERE NOT withheld
         AND ((recipient_id = $1 AND sender_id = $2) OR (recipient_id = $2 AND sender_id = $1))`,
      [x, y],
    );
    return result.rowCount ?? 0;
  },

  async expireDueMessages(q, now, purgeAt, limit): Promise<ExpiredMessage[]> {
    const { rows } = await q.query(
      `DELETE FROM messages WHERE seq IN (SELECT seq FROM messages WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2)
       RETURNING id, sender_id AS "senderId", recipient_id AS "recipientId", attachment_hash AS "attachmentHash", delivered`,
      [now, limit],
    );
    const due = rows as (Omit<ExpiredMessage, 'delivered'> & { recipientId: string; delivered: boolean })[];
    for (const m of due) {
      if (m.delivered) continue;
      await q.query(
        `INSERT INTO message_outcomes (id, sender_id, recipient_id, outcome, notify_sender, decided_at, purge_at)
         VALUES ($1, $2, $3, 'expired', true, $4, $5) ON CONFLICT (id) DO NOTHING`,
        [m.id, m.senderId, m.recipientId, now, purgeAt],
      );
    }
    return due.map(({ id, senderId, attachmentHash, delivered }) => ({ id, senderId, attachmentHash, delivered }));
  },

  async deleteDeliveredUnqueued(q, limit) {
    const { rows } = await q.query(
      `DELETE FROM messages WHERE seq IN (
         SELECT seq FROM messages m
         WHERE delivered AND done_at IS NULL AND NOT EXISTS (SELECT 1 FROM message_queue q WHERE q.message_seq = m.seq)
         LIMIT $1)
       RETURNING attachment_hash AS "attachmentHash"`,
      [limit],
    );
    return (rows as { attachmentHash: string | null }[]).map((r) => r.attachmentHash);
  },

  async listExpiryNotices(q, senderId, limit) {
    const { rows } = await q.query(
      `SELECT id FROM message_outcomes WHERE sender_id = $1 AND notify_sender ORDER BY decided_at, id LIMIT $2`,
      [senderId, limit],
    );
    return (rows as { id: string }[]).map((r) => r.id);
  },

  async clearExpiryNotice(q, senderId, id) {
    await q.query(`UPDATE message_outcomes SET notify_sender = false WHERE id = $1 AND sender_id = $2`, [id, senderId]);
  },

  async purgeOutcomes(q, now) {
    const result = await q.query(`DELETE FROM message_outcomes WHERE purge_at <= $1 AND NOT notify_sender`, [now]);
    return result.rowCount ?? 0;
  },

  async countAttachmentReferences(q, hash) {
    const { rows } = await q.query(`SELECT count(*) AS n FROM messages WHERE attachment_hash = $1`, [hash]);
    return (rows[0] as { n: number }).n;
  },

  async mayReadAttachment(q, hash, accountId) {
    const { rows } = await q.query(
      `SELECT 1 FROM messages WHERE attachment_hash = $1 AND (sender_id = $2 OR (recipient_id = $2 AND NOT withheld)) LIMIT 1`,
      [hash, accountId],
    );
    return rows.length > 0;
  },

  async countQueuedMessages(q) {
    const { rows } = await q.query(`SELECT count(*) AS n FROM messages`);
    return (rows[0] as { n: number }).n;
  },

  async unsendMessage(q, senderId, id, now, windowMs): Promise<UnsendOutcome> {
    const found = await q.query(
      `SELECT seq, sender_id AS "senderId", recipient_id AS "recipientId", attachment_hash AS "attachmentHash", delivered,
              created_at AS "createdAt"
       FROM messages WHERE id = $1`,
      [id],
    );
    const m = found.rows[0] as (MessageState & { createdAt: number }) | undefined;
    if (!m) {
      const past = await q.query(`SELECT outcome FROM message_outcomes WHERE id = $1 AND sender_id = $2`, [id, senderId]);
      const outcome = (past.rows[0] as { outcome: string } | undefined)?.outcome;
      if (outcome === 'delivered') return { ok: false, code: 'ALREADY_DELIVERED' };
      if (outcome === 'expired') return { ok: false, code: 'TOO_LATE' };
      return { ok: false, code: 'NOT_FOUND' };
    }
    if (m.senderId !== senderId) return { ok: false, code: 'NOT_FOUND' };
    if (m.delivered) return { ok: false, code: 'ALREADY_DELIVERED' };
    if (now - m.createdAt > windowMs) return { ok: false, code: 'TOO_LATE' };
    const dequeued = await q.query(
      `DELETE FROM message_queue WHERE message_seq = $1 RETURNING account_id AS "accountId", device_id AS "deviceId"`,
      [m.seq],
    );
    await q.query(`DELETE FROM messages WHERE seq = $1`, [m.seq]);
    return {
      ok: true,
      recipientId: m.recipientId,
      dequeued: dequeued.rows as { accountId: string; deviceId: string }[],
      attachmentHash: m.attachmentHash,
    };
  },

  async listHeldMessagesOf(q, accountId) {
    const { rows } = await q.query(
      `SELECT id, sender_id AS "senderId", recipient_id AS "recipientId", kind, content_json AS "contentJson",
              attachment_hash AS "attachmentHash", withheld, created_at AS "createdAt", expires_at AS "expiresAt"
       FROM messages WHERE sender_id = $1 OR recipient_id = $1 ORDER BY seq`,
      [accountId],
    );
    return rows as HeldMessageRow[];
  },
} satisfies PgModule<typeof messages>;

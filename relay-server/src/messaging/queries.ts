import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';
import { ACCOUNT_QUEUE, enqueueForDevice } from './device-queues';
import { deliveryDevicesOfPair } from './pair-devices';

/**
 * A message queued for one device, as the delivery code needs it: `seq` is its queue position
 * (the message's; a device's queue is in message order), `own` marks a copy of what the device's own account sent, `contentJson` is the
 * validated content, as sent.
 */
export type QueuedMessageRow = Readonly<{
  seq: number;
  id: string;
  senderId: string;
  recipientId: string;
  contentJson: string;
  createdAt: number;
  /** 1: an outgoing copy. */
  own: 0 | 1;
}>;

export type NewMessage = Readonly<{
  id: string;
  senderId: string;
  recipientId: string;
  kind: string;
  contentJson: string;
  attachmentHash: string | null;
  withheld: boolean;
  createdAt: number;
  expiresAt: number;
}>;

/** Where an id stands: still queued, or only remembered after delivery or expiry. */
export type MessageIdRecord = Readonly<{
  senderId: string;
  state: 'queued' | 'delivered' | 'expired';
  createdAt: number;
}>;

/**
 * Stores a message; returns its queue position, or undefined when its id is taken (by this sender
 * or another: the caller asks {@link findMessageId} which). The unique id decides, not an earlier
 * look: two instances storing one id at once store it once.
 */
export function insertMessage(db: WritableDB, m: NewMessage): number | undefined {
  // run() and the rowid (seq is the rowid) rather than RETURNING, which costs a third of the insert.
  const result = prepared(
    db,
    `INSERT INTO messages (id, sender_id, recipient_id, kind, content_json, attachment_hash, withheld, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  ).run(m.id, m.senderId, m.recipientId, m.kind, m.contentJson, m.attachmentHash, Number(m.withheld), m.createdAt, m.expiresAt);
  return result.changes === 1 ? Number(result.lastInsertRowid) : undefined;
}

export function findMessageId(db: ReadableDB, id: string): MessageIdRecord | undefined {
  // One statement: still queued first (a delivered message other devices still hold is queued), else remembered.
  return prepared(
    db,
    `SELECT sender_id AS senderId, CASE WHEN done_at IS NULL THEN 'queued' ELSE 'delivered' END AS state,
            created_at AS createdAt FROM messages WHERE id = ?
     UNION ALL
     SELECT sender_id, outcome, decided_at FROM message_outcomes WHERE id = ?
     LIMIT 1`,
  ).get(id, id) as MessageIdRecord | undefined;
}

/** A message to store and queue in one call ({@link acceptMessage}). */
export type MessageToAccept = NewMessage &
  Readonly<{
    /** The sender's device it came from (it has the message already): no copy is queued for it. */
    sendingDevice: string | undefined;
    /** Now less a message lifetime: which parent devices still count (see `listDeliveryDevices`). */
    parentSessionAfter: number;
  }>;

/** One device queue a stored message went into; `own`: an outgoing copy for the sender's other device. */
export type QueuedFor = Readonly<{ accountId: string; deviceId: string; own: boolean }>;

/** What {@link acceptMessage} came to: the id was known already (the caller says whose), or stored and queued. */
export type Accepted =
  Readonly<{ kind: 'known'; record: MessageIdRecord }> | Readonly<{ kind: 'stored'; seq: number; queues: readonly QueuedFor[] }>;

/**
 * Stores a message and queues it for every device it goes to, in one call (the send path's one
 * store call per message): an id already known (queued, delivered or expired, by anyone) is
 * answered with its record and nothing is written. Otherwise the message is inserted (the unique
 * id decides, as in {@link insertMessage}: an id stored meanwhile by another instance is answered
 * as known) and queued for each delivery device of the recipient (its account queue when it has
 * none) and for each of the sender's other devices (an outgoing copy). The caller checked the
 * friendship and the attachment first.
 */
export function acceptMessage(db: WritableDB, m: MessageToAccept): Accepted {
  const seen = findMessageId(db, m.id);
  if (seen) return { kind: 'known', record: seen };
  const seq = insertMessage(db, m);
  if (seq === undefined) {
    const raced = findMessageId(db, m.id);
    if (!raced) throw new Error(`message ${m.id} was neither stored nor found`);
    return { kind: 'known', record: raced };
  }
  const queues: QueuedFor[] = [];
  const { recipientDevices, senderDevices } = deliveryDevicesOfPair(db, m.recipientId, m.senderId, m.parentSessionAfter);
  if (recipientDevices.length === 0) queues.push({ accountId: m.recipientId, deviceId: ACCOUNT_QUEUE, own: false });
  for (const deviceId of recipientDevices) queues.push({ accountId: m.recipientId, deviceId, own: false });
  // The sender's other devices get an outgoing copy; the one it came from has it already.
  for (const deviceId of senderDevices) {
    if (deviceId !== m.sendingDevice) queues.push({ accountId: m.senderId, deviceId, own: true });
  }
  for (const q of queues) enqueueForDevice(db, seq, q.accountId, q.deviceId, q.own);
  return { kind: 'stored', seq, queues };
}

/** One device's deliverable messages after queue position `afterSeq`, oldest first. */
export function listDeliverable(
  db: ReadableDB,
  accountId: string,
  deviceId: string,
  afterSeq: number,
  now: number,
  limit: number,
): QueuedMessageRow[] {
  return prepared(
    db,
    `SELECT m.seq, m.id, m.sender_id AS senderId, m.recipient_id AS recipientId, m.content_json AS contentJson,
            m.created_at AS createdAt, q.own
     FROM message_queue q JOIN messages m ON m.seq = q.message_seq
     WHERE q.account_id = ? AND q.device_id = ? AND q.message_seq > ? AND m.expires_at > ? AND (q.own = 1 OR m.withheld = 0)
     ORDER BY q.message_seq LIMIT ?`,
  ).all(accountId, deviceId, afterSeq, now, limit) as QueuedMessageRow[];
}

type MessageState = Readonly<{
  seq: number;
  senderId: string;
  recipientId: string;
  attachmentHash: string | null;
  withheld: number;
  delivered: number;
}>;

function messageState(db: ReadableDB, id: string): MessageState | undefined {
  return prepared(
    db,
    `SELECT seq, sender_id AS senderId, recipient_id AS recipientId, attachment_hash AS attachmentHash, withheld, delivered
     FROM messages WHERE id = ?`,
  ).get(id) as MessageState | undefined;
}

function rememberDelivered(db: WritableDB, m: MessageState, id: string, now: number, purgeAt: number): void {
  prepared(
    db,
    `INSERT INTO message_outcomes (id, sender_id, recipient_id, outcome, notify_sender, decided_at, purge_at)
     VALUES (?, ?, ?, 'delivered', 0, ?, ?) ON CONFLICT (id) DO NOTHING`,
  ).run(id, m.senderId, m.recipientId, now, purgeAt);
}

/** The first acknowledgement (or `read`) of a message: delivered, for its sender and for expiry. */
function markDelivered(db: WritableDB, m: MessageState, id: string, now: number, purgeAt: number): boolean {
  if (m.delivered === 1 || m.withheld === 1) return false;
  // Conditional: of two devices acknowledging at once (two instances), one is the first.
  if (prepared(db, `UPDATE messages SET delivered = 1 WHERE seq = ? AND delivered = 0`).run(m.seq).changes === 0) return false;
  rememberDelivered(db, m, id, now, purgeAt);
  return true;
}

/** What one device's acknowledgement came to. */
export type Acknowledged = Readonly<{
  /** Set when this was the message's first delivery: tell this sender. */
  deliveredTo: string | undefined;
  /** The message left the queue of every device and was deleted; its attachment, if any. */
  freed: Readonly<{ attachmentHash: string | null }> | undefined;
}>;

/**
 * One device stored this message: it leaves that device's queue, counts as delivered if it was the
 * recipient's first, and goes once no device has it queued, only the id remembered until `purgeAt`
 * (its own row, emptied, when its only device took it: migration 23). Undefined when it was not
 * queued for this device (already acknowledged, expired, withheld from the recipient, someone else's).
 */
export function acknowledgeMessage(
  db: WritableDB,
  accountId: string,
  deviceId: string,
  id: string,
  now: number,
  purgeAt: number,
): Acknowledged | undefined {
  const m = messageState(db, id);
  if (!m) return undefined;
  const own = m.senderId === accountId;
  if (!own && (m.recipientId !== accountId || m.withheld === 1)) return undefined;
  const dequeued = prepared(db, `DELETE FROM message_queue WHERE account_id = ? AND device_id = ? AND message_seq = ?`).run(
    accountId,
    deviceId,
    m.seq,
  ).changes;
  if (dequeued === 0) return undefined;
  const first = !own && m.delivered === 0;
  // The last device. One statement looks and writes. The first delivery (one device, the common case)
  // turns the row into its own record (migration 23): fewer writes than a delete and an outcome.
  // Otherwise the message goes (an outcome was written at its first delivery, if it had one).
  const last = first
    ? prepared(
        db,
        `UPDATE messages SET done_at = ?, created_at = ?, expires_at = ?, delivered = 1, kind = '', content_json = '',
                attachment_hash = NULL, quiet_left_ms = NULL, quiet_left_at = NULL
         WHERE seq = ? AND NOT EXISTS (SELECT 1 FROM message_queue WHERE message_seq = ?)`,
      ).run(now, now, purgeAt, m.seq, m.seq).changes === 1
    : prepared(db, `DELETE FROM messages WHERE seq = ? AND NOT EXISTS (SELECT 1 FROM message_queue WHERE message_seq = ?)`).run(
        m.seq,
        m.seq,
      ).changes === 1;
  if (!last) {
    return { deliveredTo: first && markDelivered(db, m, id, now, purgeAt) ? m.senderId : undefined, freed: undefined };
  }
  return { deliveredTo: first ? m.senderId : undefined, freed: { attachmentHash: m.attachmentHash } };
}

/** One acknowledgement of {@link acknowledgeMessages} that took a message off the device's queue. */
export type AcknowledgedMessage = Acknowledged & Readonly<{ id: string }>;

/**
 * One device stored these messages (a `received` frame): {@link acknowledgeMessage} for each id,
 * in order, in one call. Only the ids that were queued for this device come back, with what
 * their acknowledgement came to.
 */
export function acknowledgeMessages(
  db: WritableDB,
  accountId: string,
  deviceId: string,
  ids: readonly string[],
  now: number,
  purgeAt: number,
): AcknowledgedMessage[] {
  const done: AcknowledgedMessage[] = [];
  for (const id of ids) {
    const acknowledged = acknowledgeMessage(db, accountId, deviceId, id, now, purgeAt);
    if (acknowledged) done.push({ id, ...acknowledged });
  }
  return done;
}

/**
 * The recipient read this message where it is no device (a grown-up's pane): delivered, for its
 * sender and for expiry; it stays queued for the recipient's devices. The sender's id when this
 * was the first delivery.
 */
export function markMessageRead(db: WritableDB, accountId: string, id: string, now: number, purgeAt: number): string | undefined {
  const m = messageState(db, id);
  if (!m || m.recipientId !== accountId) return undefined;
  return markDelivered(db, m, id, now, purgeAt) ? m.senderId : undefined;
}

/** Stops delivery of everything still queued between two accounts (a block or an unfriend). */
export function withholdBetween(db: WritableDB, x: string, y: string): number {
  return prepared(
    db,
    `UPDATE messages SET withheld = 1 WHERE withheld = 0 AND done_at IS NULL
       AND ((recipient_id = ? AND sender_id = ?) OR (recipient_id = ? AND sender_id = ?))`,
  ).run(x, y, y, x).changes;
}

export type ExpiredMessage = Readonly<{ id: string; senderId: string; attachmentHash: string | null; delivered: boolean }>;

/**
 * Removes up to `limit` messages past their lifetime from every queue. One no device acknowledged
 * expires: its sender gets a notice to acknowledge. One delivered to a device only leaves the others' queues.
 */
export function expireDueMessages(db: WritableDB, now: number, purgeAt: number, limit: number): ExpiredMessage[] {
  const due = prepared(
    db,
    `DELETE FROM messages WHERE seq IN (
       SELECT seq FROM messages WHERE expires_at <= ? AND done_at IS NULL ORDER BY expires_at LIMIT ?)
     RETURNING id, sender_id AS senderId, recipient_id AS recipientId, attachment_hash AS attachmentHash, delivered`,
  ).all(now, limit) as (Omit<ExpiredMessage, 'delivered'> & { recipientId: string; delivered: number })[];
  const remember = prepared(
    db,
    `INSERT INTO message_outcomes (id, sender_id, recipient_id, outcome, notify_sender, decided_at, purge_at)
     VALUES (?, ?, ?, 'expired', 1, ?, ?)`,
  );
  for (const m of due) if (m.delivered === 0) remember.run(m.id, m.senderId, m.recipientId, now, purgeAt);
  return due.map(({ id, senderId, attachmentHash, delivered }) => ({ id, senderId, attachmentHash, delivered: delivered === 1 }));
}

/** Deletes delivered messages no device has queued any more (its devices were removed); their attachments. */
export function deleteDeliveredUnqueued(db: WritableDB, limit: number): (string | null)[] {
  const rows = prepared(
    db,
    `DELETE FROM messages WHERE seq IN (
       SELECT seq FROM messages m INDEXED BY messages_delivered_held
       WHERE delivered = 1 AND done_at IS NULL AND NOT EXISTS (SELECT 1 FROM message_queue q WHERE q.message_seq = m.seq)
       LIMIT ?)
     RETURNING attachment_hash AS attachmentHash`,
  ).all(limit) as { attachmentHash: string | null }[];
  return rows.map((r) => r.attachmentHash);
}

/** Ids of this sender's expired messages whose notice was not yet acknowledged, oldest first. */
export function listExpiryNotices(db: ReadableDB, senderId: string, limit: number): string[] {
  const rows = prepared(
    db,
    `SELECT id FROM message_outcomes WHERE sender_id = ? AND notify_sender = 1 ORDER BY decided_at, id LIMIT ?`,
  ).all(senderId, limit) as { id: string }[];
  return rows.map((r) => r.id);
}

export function clearExpiryNotice(db: WritableDB, senderId: string, id: string): void {
  prepared(db, `UPDATE message_outcomes SET notify_sender = 0 WHERE id = ? AND sender_id = ?`).run(id, senderId);
}

/** Forgets delivered and expired ids past their keep time (a notice not yet acknowledged is kept). */
export function purgeOutcomes(db: WritableDB, now: number): number {
  // A done row's expires_at is its keep time (see acknowledgeMessage).
  const done = prepared(db, `DELETE FROM messages WHERE expires_at <= ? AND done_at IS NOT NULL`).run(now).changes;
  return done + prepared(db, `DELETE FROM message_outcomes WHERE purge_at <= ? AND notify_sender = 0`).run(now).changes;
}

export function countAttachmentReferences(db: ReadableDB, hash: string): number {
  return (prepared(db, `SELECT count(*) AS n FROM messages WHERE attachment_hash = ?`).get(hash) as { n: number }).n;
}

/** True when this account sent a queued message with this attachment, or is its recipient (not withheld). */
export function mayReadAttachment(db: ReadableDB, hash: string, accountId: string): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM messages WHERE attachment_hash = ? AND (sender_id = ? OR (recipient_id = ? AND withheld = 0)) LIMIT 1`,
    ).get(hash, accountId, accountId) !== undefined
  );
}

export function countQueuedMessages(db: ReadableDB): number {
  return (prepared(db, `SELECT count(*) AS n FROM messages WHERE done_at IS NULL`).get() as { n: number }).n;
}

/** What taking a message back came to. */
export type UnsendOutcome =
  | Readonly<{
      ok: true;
      recipientId: string;
      /** The devices it was still queued for (now no longer). */
      dequeued: readonly Readonly<{ accountId: string; deviceId: string }>[];
      attachmentHash: string | null;
    }>
  | Readonly<{ ok: false; code: 'ALREADY_DELIVERED' | 'TOO_LATE' | 'NOT_FOUND' }>;

/**
 * The sender takes back a message no device of its recipient received (nor a pane read) within
 * `windowMs` of storing it: it leaves every device queue and is deleted. Anyone else's id, or one
 * the relay does not hold, is NOT_FOUND, whatever became of it.
 */
export function unsendMessage(db: WritableDB, senderId: string, id: string, now: number, windowMs: number): UnsendOutcome {
  const m = prepared(
    db,
    `SELECT seq, sender_id AS senderId, recipient_id AS recipientId, attachment_hash AS attachmentHash, delivered,
            created_at AS createdAt
     FROM messages WHERE id = ?`,
  ).get(id) as (MessageState & { createdAt: number }) | undefined;
  if (!m) {
    const past = prepared(db, `SELECT outcome FROM message_outcomes WHERE id = ? AND sender_id = ?`).get(id, senderId) as
      { outcome: string } | undefined;
    if (past?.outcome === 'delivered') return { ok: false, code: 'ALREADY_DELIVERED' };
    if (past?.outcome === 'expired') return { ok: false, code: 'TOO_LATE' };
    return { ok: false, code: 'NOT_FOUND' };
  }
  if (m.senderId !== senderId) return { ok: false, code: 'NOT_FOUND' };
  if (m.delivered === 1) return { ok: false, code: 'ALREADY_DELIVERED' };
  if (now - m.createdAt > windowMs) return { ok: false, code: 'TOO_LATE' };
  const dequeued = prepared(
    db,
    `DELETE FROM message_queue WHERE message_seq = ? RETURNING account_id AS accountId, device_id AS deviceId`,
  ).all(m.seq) as { accountId: string; deviceId: string }[];
  prepared(db, `DELETE FROM messages WHERE seq = ?`).run(m.seq);
  return { ok: true, recipientId: m.recipientId, dequeued, attachmentHash: m.attachmentHash };
}

/** A message the relay still holds, as the family's export lists it (issue 15 §4). */
export type HeldMessageRow = Readonly<{
  id: string;
  senderId: string;
  recipientId: string;
  kind: string;
  contentJson: string;
  attachmentHash: string | null;
  withheld: boolean;
  createdAt: number;
  expiresAt: number;
}>;

/** Every message the relay still holds to or from an account, oldest first. */
export function listHeldMessagesOf(db: ReadableDB, accountId: string): HeldMessageRow[] {
  const rows = db
    .prepare(
      `SELECT id, sender_id AS senderId, recipient_id AS recipientId, kind, content_json AS contentJson,
              attachment_hash AS attachmentHash, withheld, created_at AS createdAt, expires_at AS expiresAt
       FROM messages WHERE (sender_id = ? OR recipient_id = ?) AND done_at IS NULL ORDER BY seq`,
    )
    .all(accountId, accountId) as (Omit<HeldMessageRow, 'withheld'> & { withheld: number })[];
  return rows.map((r) => ({ ...r, withheld: r.withheld === 1 }));
}

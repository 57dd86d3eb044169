import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

/** A queued message as the delivery code needs it; `contentJson` is the validated content, as sent. */
export type QueuedMessageRow = Readonly<{
  seq: number;
  id: string;
  senderId: string;
  recipientId: string;
  contentJson: string;
  createdAt: number;
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

/** Stores a message; returns its queue position. The caller has checked the id is new. */
export function insertMessage(db: WritableDB, m: NewMessage): number {
  const result = prepared(
    db,
    `INSERT INTO messages (id, sender_id, recipient_id, kind, content_json, attachment_hash, withheld, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(m.id, m.senderId, m.recipientId, m.kind, m.contentJson, m.attachmentHash, Number(m.withheld), m.createdAt, m.expiresAt);
  return Number(result.lastInsertRowid);
}

export function findMessageId(db: ReadableDB, id: string): MessageIdRecord | undefined {
  const queued = prepared(db, `SELECT sender_id AS senderId, created_at AS createdAt FROM messages WHERE id = ?`).get(id) as
    { senderId: string; createdAt: number } | undefined;
  if (queued) return { ...queued, state: 'queued' };
  const past = prepared(
    db,
    `SELECT sender_id AS senderId, outcome AS state, decided_at AS createdAt FROM message_outcomes WHERE id = ?`,
  ).get(id) as MessageIdRecord | undefined;
  return past;
}

/** The recipient's deliverable messages after queue position `afterSeq`, oldest first. */
export function listDeliverable(
  db: ReadableDB,
  recipientId: string,
  afterSeq: number,
  now: number,
  limit: number,
): QueuedMessageRow[] {
  return prepared(
    db,
    `SELECT seq, id, sender_id AS senderId, recipient_id AS recipientId, content_json AS contentJson, created_at AS createdAt
     FROM messages WHERE recipient_id = ? AND withheld = 0 AND seq > ? AND expires_at > ? ORDER BY seq LIMIT ?`,
  ).all(recipientId, afterSeq, now, limit) as QueuedMessageRow[];
}

export type TakenMessage = Readonly<{ senderId: string; attachmentHash: string | null }>;

/**
 * The recipient stored this message: deletes it, remembering only the id until `purgeAt`.
 * Undefined when it is not queued for this recipient (already taken, expired, someone else's).
 */
export function takeReceivedMessage(
  db: WritableDB,
  recipientId: string,
  id: string,
  now: number,
  purgeAt: number,
): TakenMessage | undefined {
  const row = prepared(
    db,
    `DELETE FROM messages WHERE id = ? AND recipient_id = ? AND withheld = 0
     RETURNING sender_id AS senderId, attachment_hash AS attachmentHash`,
  ).get(id, recipientId) as TakenMessage | undefined;
  if (!row) return undefined;
  prepared(
    db,
    `INSERT INTO message_outcomes (id, sender_id, recipient_id, outcome, notify_sender, decided_at, purge_at)
     VALUES (?, ?, ?, 'delivered', 0, ?, ?)`,
  ).run(id, row.senderId, recipientId, now, purgeAt);
  return row;
}

/** Stops delivery of everything still queued between two accounts (a block or an unfriend). */
export function withholdBetween(db: WritableDB, x: string, y: string): number {
  return prepared(
    db,
    `UPDATE messages SET withheld = 1 WHERE withheld = 0
       AND ((recipient_id = ? AND sender_id = ?) OR (recipient_id = ? AND sender_id = ?))`,
  ).run(x, y, y, x).changes;
}

export type ExpiredMessage = Readonly<{ id: string; senderId: string; attachmentHash: string | null }>;

/** Expires up to `limit` messages past their lifetime; their senders get a notice to acknowledge. */
export function expireDueMessages(db: WritableDB, now: number, purgeAt: number, limit: number): ExpiredMessage[] {
  const due = prepared(
    db,
    `DELETE FROM messages WHERE seq IN (SELECT seq FROM messages WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)
     RETURNING id, sender_id AS senderId, recipient_id AS recipientId, attachment_hash AS attachmentHash`,
  ).all(now, limit) as (ExpiredMessage & { recipientId: string })[];
  const remember = prepared(
    db,
    `INSERT INTO message_outcomes (id, sender_id, recipient_id, outcome, notify_sender, decided_at, purge_at)
     VALUES (?, ?, ?, 'expired', 1, ?, ?)`,
  );
  for (const m of due) remember.run(m.id, m.senderId, m.recipientId, now, purgeAt);
  return due.map(({ id, senderId, attachmentHash }) => ({ id, senderId, attachmentHash }));
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
  return prepared(db, `DELETE FROM message_outcomes WHERE purge_at <= ? AND notify_sender = 0`).run(now).changes;
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
  return (prepared(db, `SELECT count(*) AS n FROM messages`).get() as { n: number }).n;
}

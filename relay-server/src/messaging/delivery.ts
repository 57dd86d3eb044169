import { MAX_IDS_PER_FRAME } from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import { listDeliverable, listExpiryNotices, type QueuedMessageRow } from '../db/queries/messages';
import type { Connection, ConnectionRegistry } from '../realtime/connection';

/** Pushes queued messages to recipients' sockets, in queue order, a window at a time. */
export type Delivery = Readonly<{
  /** A socket came online: push its account's queue and the expiry notices it owes. */
  start(conn: Connection): void;
  /** A message was committed: push it to the recipient's sockets that are caught up. */
  stored(message: QueuedMessageRow): void;
  /** The recipient's removal of these ids was committed: free the window, push more. */
  received(accountId: string, ids: readonly string[]): void;
  /** Sends the sender's unacknowledged expiry notices (a page of them) to each of its sockets. */
  sendExpiryNotices(senderId: string): void;
}>;

export type DeliveryOptions = Readonly<{
  db: ReadableDB;
  registry: ConnectionRegistry;
  now: () => number;
  /** Checked again right before each push (a cached lookup), so nothing passes a pair that stopped being friends. */
  mayDeliver: (senderId: string, recipientId: string) => boolean;
  /** Does this socket's app read this message's kind? If not, the message stays queued for a newer app. Default: yes. */
  appReads?: (conn: Connection, message: QueuedMessageRow) => boolean;
  /** Messages pushed and not yet acknowledged, per socket. Default 256. */
  window?: number;
}>;

/** The `message` frame, built around the stored content JSON rather than re-parsing it. */
function messageFrame(m: QueuedMessageRow): string {
  return `{"type":"message","message":{"id":"${m.id}","from":"${m.senderId}","to":"${m.recipientId}","sentAt":${m.createdAt},"content":${m.contentJson}}}`;
}

export function createDelivery(options: DeliveryOptions): Delivery {
  const { db, registry, now } = options;
  const window = options.window ?? 256;

  function push(conn: Connection, m: QueuedMessageRow): void {
    conn.delivery.lastSeq = m.seq;
    if (!options.mayDeliver(m.senderId, m.recipientId)) return;
    if (options.appReads && !options.appReads(conn, m)) return;
    conn.delivery.inFlight.add(m.id);
    conn.send(messageFrame(m));
  }

  function pump(conn: Connection): void {
    const cursor = conn.delivery;
    const room = window - cursor.inFlight.size;
    if (room <= 0) return;
    const rows = listDeliverable(db, conn.accountId, cursor.lastSeq, now(), room);
    for (const row of rows) push(conn, row);
    cursor.caughtUp = rows.length < room;
  }

  function sendExpiryNotices(senderId: string): void {
    const conns = registry.ofAccount(senderId);
    if (conns.length === 0) return;
    const ids = listExpiryNotices(db, senderId, MAX_IDS_PER_FRAME);
    if (ids.length === 0) return;
    const frame = JSON.stringify({ type: 'expired', ids });
    for (const conn of conns) conn.send(frame);
  }

  return {
    start(conn) {
      pump(conn);
      sendExpiryNotices(conn.accountId);
    },
    stored(message) {
      for (const conn of registry.ofAccount(message.recipientId)) {
        const cursor = conn.delivery;
        if (cursor.caughtUp && cursor.inFlight.size < window && message.seq > cursor.lastSeq) push(conn, message);
        else cursor.caughtUp = false;
      }
    },
    received(accountId, ids) {
      for (const conn of registry.ofAccount(accountId)) {
        for (const id of ids) conn.delivery.inFlight.delete(id);
        // Refill at half a window: one query per many acknowledgements, not one per message.
        if (!conn.delivery.caughtUp && conn.delivery.inFlight.size <= window / 2) pump(conn);
      }
    },
    sendExpiryNotices,
  };
}

import { MAX_IDS_PER_FRAME } from '@hearth/common';
import type { Store } from '../store/port';
import type { QueuedMessageRow } from './queries';
import type { Connection, ConnectionRegistry } from '../realtime/connection';
import type { Logger } from '../realtime/logger';

/** Where a stored message was queued: one row per device (see db/migrations/0008-device-queues.ts). */
export type QueuedCopy = Readonly<{ accountId: string; deviceId: string; row: QueuedMessageRow }>;

/** Pushes each device's queue to that device's socket, in queue order, a window at a time. */
export type Delivery = Readonly<{
  /** A socket came online (or its session became a device): push its device's queue and the expiry notices it owes. */
  start(conn: Connection): void;
  /** A message was committed: push its copies to the devices whose sockets are caught up. */
  stored(copies: readonly QueuedCopy[]): void;
  /** The socket's acknowledgement of these ids was committed: free the window, push more. */
  received(conn: Connection, ids: readonly string[]): void;
  /** Sends the sender's unacknowledged expiry notices (a page of them) to each of its sockets. */
  sendExpiryNotices(senderId: string): void;
  /**
   * Reads the device's whole queue again and pushes what this socket was never pushed: after a
   * commit that landed behind the cursor (instances commit out of order) or an instance that died
   * between a commit and telling the others (issue 13).
   */
  resync(conn: Connection): void;
}>;

export type DeliveryOptions = Readonly<{
  /** Read for each device's queue; written only to hand an account queue to the account's first device. */
  store: Store;
  registry: ConnectionRegistry;
  now: () => number;
  /** Checked again right before each push (a cached lookup), so nothing passes a pair that stopped being friends. */
  mayDeliver: (senderId: string, recipientId: string) => Promise<boolean>;
  /** The same from memory, for a copy pushed right after its commit; undefined: not known now (the queue is read instead). */
  mayDeliverNow?: (senderId: string, recipientId: string) => boolean | undefined;
  /** Does this socket's app read this message's kind? If not, the message stays queued for a newer app. Default: yes. */
  appReads?: (conn: Connection, message: QueuedMessageRow) => boolean;
  /** Messages pushed and not yet acknowledged, per socket. Default 256. */
  window?: number;
  log: Logger;
}>;

/** The `message` frame, built around the stored content JSON rather than re-parsing it. */
function messageFrame(m: QueuedMessageRow): string {
  const outgoing = m.own === 1 ? ',"outgoing":true' : '';
  return `{"type":"message","message":{"id":"${m.id}","from":"${m.senderId}","to":"${m.recipientId}","sentAt":${m.createdAt},"content":${m.contentJson}${outgoing}}}`;
}

/** A socket's queue reading: one at a time; `again` when something changed while it read. */
type PumpState = { running: boolean; again: boolean; fromStart: boolean };

export function createDelivery(options: DeliveryOptions): Delivery {
  const { store, registry, now, log } = options;
  const window = options.window ?? 256;
  const pumps = new WeakMap<Connection, PumpState>();
  /**
   * Ids this socket acknowledged lately: a read from the start that raced an acknowledgement's
   * commit must not push the message again. Bounded: forgotten a few windows later.
   */
  const acked = new WeakMap<Connection, Set<string>>();
  const recentlyAcked = (conn: Connection): Set<string> => {
    let set = acked.get(conn);
    if (!set) acked.set(conn, (set = new Set()));
    return set;
  };

  /** `allowed`: what `mayDeliver` said of this message's pair (an outgoing copy needs no answer). */
  function push(conn: Connection, m: QueuedMessageRow, allowed: boolean): void {
    conn.delivery.lastSeq = Math.max(conn.delivery.lastSeq, m.seq);
    // An outgoing copy is the account's own history: it goes whatever became of the friendship.
    if (m.own === 0 && !allowed) return;
    if (options.appReads && !options.appReads(conn, m)) return;
    conn.delivery.inFlight.add(m.id);
    conn.send(messageFrame(m));
  }

  /**
   * Reads the device's queue after its cursor and pushes a window of it. The read is
   * asynchronous: a commit or restart meanwhile (`again`) reads once more, so nothing committed
   * during a read is left behind by a cursor that believes itself caught up.
   */
  async function readQueue(conn: Connection, state: PumpState): Promise<void> {
    try {
      do {
        state.again = false;
        const device = conn.queueDevice;
        if (device === undefined) return;
        const cursor = conn.delivery;
        const room = window - cursor.inFlight.size;
        // A read from the start waits for room too (it keeps its flag until then).
        if (room <= 0) return;
        const from = state.fromStart ? 0 : cursor.lastSeq;
        state.fromStart = false;
        // From the start, the rows in flight come back too: read past them.
        const limit = from === 0 ? room + cursor.inFlight.size : room;
        cursor.caughtUp = false;
        const rows = await store.messages.listDeliverable(conn.accountId, device, from, now(), limit);
        if (conn.delivery !== cursor || conn.queueDevice !== device) {
          state.again = true;
          continue;
        }
        const allowed = await verdictsFor(rows);
        for (const row of rows) {
          // From the start: what is queued and not in flight was never pushed to this socket
          // (an acknowledged message leaves the queue before it leaves `inFlight`).
          const missed = from === 0 && !cursor.inFlight.has(row.id) && !recentlyAcked(conn).has(row.id);
          if (row.seq > cursor.lastSeq || missed) {
            push(conn, row, allowed.get(`${row.senderId} ${row.recipientId}`) ?? false);
          }
        }
        cursor.caughtUp = rows.length < limit && !state.again;
      } while (state.again);
    } catch (err) {
      // The cursor stays behind: the next acknowledgement or connection reads again.
      log.error({ err }, 'reading a device queue failed');
    } finally {
      state.running = false;
    }
  }

  /** `mayDeliver` once per sender and recipient pair of these rows. */
  async function verdictsFor(rows: readonly QueuedMessageRow[]): Promise<Map<string, boolean>> {
    const pairs = new Map<string, [string, string]>();
    for (const r of rows) if (r.own === 0) pairs.set(`${r.senderId} ${r.recipientId}`, [r.senderId, r.recipientId]);
    const keys = [...pairs.keys()];
    const answers = await Promise.all([...pairs.values()].map(([s, r]) => options.mayDeliver(s, r)));
    return new Map(keys.map((k, i) => [k, answers[i] ?? false]));
  }

  function pump(conn: Connection, fromStart = false): void {
    let state = pumps.get(conn);
    if (!state) pumps.set(conn, (state = { running: false, again: false, fromStart: false }));
    if (fromStart) state.fromStart = true;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    void readQueue(conn, state);
  }

  async function sendExpiryNotices(senderId: string): Promise<void> {
    if (registry.ofAccount(senderId).length === 0) return;
    const ids = await store.messages.listExpiryNotices(senderId, MAX_IDS_PER_FRAME);
    if (ids.length === 0) return;
    const frame = JSON.stringify({ type: 'expired', ids });
    for (const conn of registry.ofAccount(senderId)) conn.send(frame);
  }

  function tellExpired(senderId: string): void {
    sendExpiryNotices(senderId).catch((err: unknown) => log.error({ err }, 'reading expiry notices failed'));
  }

  async function startDevice(conn: Connection, deviceId: string): Promise<void> {
    try {
      // Once per connection that finds an account queue: rare and small, so outside the group commit.
      await store.transaction((tx) => tx.deviceQueues.claimAccountQueue(conn.accountId, deviceId));
    } catch (err) {
      // It stays in the account queue for the next connection; this one gets its own queue.
      log.error({ err }, 'taking over an account queue failed');
    }
    if (conn.queueDevice === deviceId) pump(conn);
  }

  return {
    start(conn) {
      const device = conn.queueDevice;
      if (device !== undefined) {
        // A fresh cursor at once, not after the claim: nothing is pushed against the old one meanwhile.
        conn.delivery = { lastSeq: 0, inFlight: new Set(), caughtUp: false };
        void startDevice(conn, device);
      }
      tellExpired(conn.accountId);
    },
    stored(copies) {
      for (const copy of copies) {
        for (const conn of registry.ofAccount(copy.accountId)) {
          if (conn.queueDevice !== copy.deviceId) continue;
          const cursor = conn.delivery;
          const row = copy.row;
          const allowed = row.own === 1 ? true : options.mayDeliverNow?.(row.senderId, row.recipientId);
          if (allowed !== undefined && cursor.caughtUp && cursor.inFlight.size < window && row.seq > cursor.lastSeq) {
            push(conn, row, allowed);
          } else if (row.seq <= cursor.lastSeq && !cursor.inFlight.has(row.id)) {
            // Committed behind the cursor (another instance's commit, slower than a later one).
            pump(conn, true);
          } else {
            cursor.caughtUp = false;
            const state = pumps.get(conn);
            if (state?.running) state.again = true;
            // Not answerable from memory: read the queue, which checks the pair against the store.
            else if (allowed === undefined) pump(conn);
          }
        }
      }
    },
    received(conn, ids) {
      const recent = recentlyAcked(conn);
      if (recent.size > 4 * window) recent.clear();
      for (const id of ids) {
        conn.delivery.inFlight.delete(id);
        recent.add(id);
      }
      // Refill at half a window: one query per many acknowledgements, not one per message.
      if (!conn.delivery.caughtUp && conn.delivery.inFlight.size <= window / 2) pump(conn);
    },
    sendExpiryNotices: tellExpired,
    resync: (conn) => pump(conn, true),
  };
}

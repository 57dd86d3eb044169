import type { Bus } from '../bus/port';
import type { Delivery, QueuedCopy } from '../messaging/delivery';
import type { Connection, ConnectionRegistry } from './connection';
import type { Logger } from './logger';

/**
 * "A message is waiting for device X" between instances (issue 13; Signal-Server's model: a
 * channel per account that the instances holding its sockets listen to). After a commit the
 * copies go to this instance's sockets at once, as always; copies for a device with no socket
 * here are published on `waiting:<accountId>`, and the instance holding that device's socket
 * pushes them through its own delivery (which reads the queue instead where the socket is behind).
 * In-process nothing is published: one relay delivers exactly as before.
 */
export type MessageWaiting = Readonly<{
  /** A message was committed: deliver its copies here, and tell the instances holding the other devices. */
  stored(copies: readonly QueuedCopy[]): void;
  /** A socket of this account arrived here: listen for its messages committed elsewhere. */
  watch(accountId: string): Promise<void>;
  /** The account's last socket here left. */
  unwatch(accountId: string): Promise<void>;
  /** Sends a frame (`delivered`, `unsent`…) to every socket of the account, on every instance; not to `except`. */
  tell(accountId: string, frame: string, except?: Connection): void;
  /** A message was unsent: the recipient's sockets that were pushed it (and not yet acknowledged it) hide it. */
  unsent(recipientId: string, id: string): void;
}>;

/** What travels on an account's channel: copies to push, a frame to pass on, or an unsent id. */
type Waiting = Readonly<{ from: string; copies?: QueuedCopy[]; frame?: string; unsent?: string }>;

const channelOf = (accountId: string): string => `waiting:${accountId}`;

export function createMessageWaiting(
  deps: Readonly<{ bus: Bus; registry: ConnectionRegistry; delivery: Delivery; log: Logger }>,
): MessageWaiting {
  const { bus, registry, delivery, log } = deps;
  const clustered = bus.kind !== 'in-process';
  const handlers = new Map<string, (payload: string) => void>();

  const hideUnsent = (recipientId: string, id: string): void => {
    for (const r of registry.ofAccount(recipientId)) {
      if (!r.delivery.inFlight.has(id)) continue;
      r.send(JSON.stringify({ type: 'unsent', id }));
      delivery.received(r, [id]);
    }
  };

  const publish = (accountId: string, message: Omit<Waiting, 'from'>): void => {
    bus.publish(channelOf(accountId), JSON.stringify({ from: bus.instance, ...message })).catch((err: unknown) => {
      // Not lost: the message is in the device's queue, read when its socket next pumps or
      // reconnects; a `delivered` or `unsent` is sent again with the next sync of that socket.
      log.warn({ err, accountId }, 'telling other instances about a message failed');
    });
  };

  const onWaiting =
    (accountId: string) =>
    (payload: string): void => {
      const message = JSON.parse(payload) as Waiting;
      if (message.from === bus.instance) return;
      if (message.copies) delivery.stored(message.copies);
      if (message.frame !== undefined) for (const c of registry.ofAccount(accountId)) c.send(message.frame);
      if (message.unsent !== undefined) hideUnsent(accountId, message.unsent);
    };

  return {
    stored(copies) {
      delivery.stored(copies);
      if (!clustered) return;
      const elsewhere = new Map<string, QueuedCopy[]>();
      for (const copy of copies) {
        const here = registry.ofAccount(copy.accountId).some((c) => c.queueDevice === copy.deviceId);
        if (here) continue;
        elsewhere.set(copy.accountId, [...(elsewhere.get(copy.accountId) ?? []), copy]);
      }
      for (const [accountId, list] of elsewhere) publish(accountId, { copies: list });
    },
    tell(accountId, frame, except) {
      for (const c of registry.ofAccount(accountId)) if (c !== except) c.send(frame);
      if (clustered) publish(accountId, { frame });
    },
    unsent(recipientId, id) {
      hideUnsent(recipientId, id);
      if (clustered) publish(recipientId, { unsent: id });
    },
    async watch(accountId) {
      if (!clustered || handlers.has(accountId)) return;
      const handler = onWaiting(accountId);
      handlers.set(accountId, handler);
      await bus.subscribe(channelOf(accountId), handler);
    },
    async unwatch(accountId) {
      const handler = handlers.get(accountId);
      if (!handler || registry.isOnline(accountId)) return;
      handlers.delete(accountId);
      await bus.unsubscribe(channelOf(accountId), handler);
    },
  };
}

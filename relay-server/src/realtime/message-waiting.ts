import type { Bus } from '../bus/port';
import type { Delivery, QueuedCopy } from '../messaging/delivery';
import type { ConnectionRegistry } from './connection';
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
}>;

const channelOf = (accountId: string): string => `waiting:${accountId}`;

export function createMessageWaiting(
  deps: Readonly<{ bus: Bus; registry: ConnectionRegistry; delivery: Delivery; log: Logger }>,
): MessageWaiting {
  const { bus, registry, delivery, log } = deps;
  const clustered = bus.kind !== 'in-process';
  const handlers = new Map<string, (payload: string) => void>();

  const onWaiting = (payload: string): void => {
    const { from, copies } = JSON.parse(payload) as { from: string; copies: QueuedCopy[] };
    if (from === bus.instance) return;
    delivery.stored(copies);
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
      for (const [accountId, list] of elsewhere) {
        bus.publish(channelOf(accountId), JSON.stringify({ from: bus.instance, copies: list })).catch((err: unknown) => {
          // Not lost: the message is in the device's queue, read when its socket next pumps or reconnects.
          log.warn({ err, accountId }, 'telling other instances a message is waiting failed');
        });
      }
    },
    async watch(accountId) {
      if (!clustered || handlers.has(accountId)) return;
      handlers.set(accountId, onWaiting);
      await bus.subscribe(channelOf(accountId), onWaiting);
    },
    async unwatch(accountId) {
      const handler = handlers.get(accountId);
      if (!handler || registry.isOnline(accountId)) return;
      handlers.delete(accountId);
      await bus.unsubscribe(channelOf(accountId), handler);
    },
  };
}

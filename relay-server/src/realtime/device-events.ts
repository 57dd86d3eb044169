import type { RelayContext, RelayEventMap } from '../context';
import type { Delivery } from '../messaging/delivery';
import type { GroupCommitter } from '../messaging/group-commit';
import type { ConnectionRegistry } from './connection';
import type { Logger } from './logger';

type Deps = Readonly<{
  ctx: RelayContext;
  registry: ConnectionRegistry;
  committer: GroupCommitter;
  delivery: Delivery;
  log: Logger;
}>;

/** Per-device queues follow devices: a removed child device's queue is released, a newly registered parent device starts receiving. */
export function createDeviceEventHandlers(deps: Deps): Readonly<{
  onRevoked: (event: RelayEventMap['credentialsRevoked'][0]) => void;
  onParentDevice: (event: RelayEventMap['parentDeviceRegistered'][0]) => void;
}> {
  const { ctx, registry, committer, delivery, log } = deps;
  const ttl = ctx.config.messaging.messageTtlMs;
  return {
    onRevoked(event) {
      // The queue writes happen once, where the revocation was made; other instances only close their sockets.
      if (ctx.events.fromElsewhere) return;
      const sessionId = event.parentSessionId;
      if (sessionId !== undefined) {
        // A parent-mode PC signed out: it is no device any more; what it had queued goes (or to the account queue).
        committer.enqueue(
          async (tx) => {
            const device = await tx.deviceQueues.getParentDeviceOfSession(sessionId);
            if (!device) return;
            await tx.deviceQueues.unbindParentDevice(device.id);
            await tx.deviceQueues.releaseDeviceQueue(device.parentId, device.id, ctx.now() - ttl);
          },
          (result) => {
            if (!result.ok) log.error({ err: result.error }, 'releasing a signed-out parent device failed');
          },
        );
      }
      const deviceId = event.deviceId;
      if (deviceId === undefined || event.childIds.length === 0) return;
      committer.enqueue(
        async (tx) => {
          for (const childId of event.childIds) await tx.deviceQueues.releaseDeviceQueue(childId, deviceId, ctx.now() - ttl);
        },
        (result) => {
          if (!result.ok) log.error({ err: result.error }, 'releasing a removed device’s queue failed');
        },
      );
    },
    onParentDevice(event) {
      for (const conn of registry.ofAccount(event.parentId)) {
        if (conn.sessionKey !== `p:${event.sessionId}` || conn.queueDevice === event.deviceId) continue;
        conn.queueDevice = event.deviceId;
        delivery.start(conn);
      }
    },
  };
}

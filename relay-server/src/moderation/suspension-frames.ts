import type { SuspensionCategory } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import type { Connection, ConnectionRegistry } from '../realtime/connection';
import { createSuspensionWatch } from './suspension-watch';

/**
 * The `suspension` frame (F16) to a child's own sockets: at hello while suspended, and at every
 * change (the `suspensionChanged` event, from any instance through the bus, or found at a sweep
 * when `relay:admin` made it: `suspension-watch.ts`).
 */
export function createSuspensionFrames(
  ctx: Pick<RelayContext, 'store' | 'now' | 'events'>,
  registry: Pick<ConnectionRegistry, 'ofAccount'>,
  log: Readonly<{ error(obj: object, msg: string): void }>,
): Readonly<{
  greet: (conn: Connection) => Promise<void>;
  onChanged: (event: RelayEventMap['suspensionChanged'][0]) => void;
  /** Reads the suspensions in force (at the hub's start). */
  start: () => Promise<void>;
  /** At each sweep: suspensions made or lifted by `relay:admin` since the last are announced on this instance. */
  look: () => Promise<number>;
}> {
  const watch = createSuspensionWatch(ctx, log);
  return {
    async greet(conn) {
      if (conn.accountKind !== 'child') return;
      const s = await ctx.store.moderation.getSuspension(conn.accountId);
      if (s) conn.send({ type: 'suspension', suspended: true, category: s.category as SuspensionCategory });
    },
    onChanged(event) {
      watch.heard(event);
      for (const conn of registry.ofAccount(event.accountId)) {
        if (conn.accountKind !== 'child') continue;
        conn.send({ type: 'suspension', suspended: event.suspended, category: event.suspended ? event.category : null });
      }
    },
    start: () => watch.start(),
    look: () => watch.look(),
  };
}

import type { SuspensionCategory } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import type { Connection, ConnectionRegistry } from '../realtime/connection';

/**
 * The `suspension` frame (F16) to a child's own sockets: at hello while suspended, and at every
 * change (the `suspensionChanged` event, from any instance through the bus).
 */
export function createSuspensionFrames(
  ctx: Pick<RelayContext, 'store'>,
  registry: Pick<ConnectionRegistry, 'ofAccount'>,
): Readonly<{
  greet: (conn: Connection) => Promise<void>;
  onChanged: (event: RelayEventMap['suspensionChanged'][0]) => void;
}> {
  return {
    async greet(conn) {
      if (conn.accountKind !== 'child') return;
      const s = await ctx.store.moderation.getSuspension(conn.accountId);
      if (s) conn.send({ type: 'suspension', suspended: true, category: s.category as SuspensionCategory });
    },
    onChanged(event) {
      for (const conn of registry.ofAccount(event.accountId)) {
        if (conn.accountKind !== 'child') continue;
        conn.send({ type: 'suspension', suspended: event.suspended, category: event.suspended ? event.category : null });
      }
    },
  };
}

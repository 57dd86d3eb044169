import type { SuspensionCategory } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import type { Connection, ConnectionRegistry } from '../realtime/connection';

type Told = Readonly<{ suspended: boolean; category: SuspensionCategory | null }>;

/**
 * The `suspension` frame (F16) to a child's own sockets: at hello while suspended, at every change
 * (the `suspensionChanged` event, from any instance through the bus), and at the hub's periodic
 * sweep (`recheck`), which finds a change made where no event reaches this instance: the operator's
 * `relay:admin` command, run as its own process on the data folder.
 */
export function createSuspensionFrames(
  ctx: Pick<RelayContext, 'store'>,
  registry: Pick<ConnectionRegistry, 'ofAccount' | 'all'>,
): Readonly<{
  greet: (conn: Connection) => Promise<void>;
  onChanged: (event: RelayEventMap['suspensionChanged'][0]) => void;
  recheck: () => Promise<void>;
}> {
  /** What each connected child's sockets were last told (absent: not suspended). */
  const told = new Map<string, Told>();
  const tell = (accountId: string, state: Told): void => {
    if (state.suspended) told.set(accountId, state);
    else told.delete(accountId);
    for (const conn of registry.ofAccount(accountId)) {
      if (conn.accountKind !== 'child') continue;
      conn.send({ type: 'suspension', suspended: state.suspended, category: state.suspended ? state.category : null });
    }
  };
  return {
    async greet(conn) {
      if (conn.accountKind !== 'child') return;
      const s = await ctx.store.moderation.getSuspension(conn.accountId);
      if (s) {
        const category = s.category as SuspensionCategory;
        told.set(conn.accountId, { suspended: true, category });
        conn.send({ type: 'suspension', suspended: true, category });
      }
    },
    onChanged(event) {
      tell(event.accountId, { suspended: event.suspended, category: event.suspended ? event.category : null });
    },
    async recheck() {
      const children = new Set(
        registry
          .all()
          .filter((c) => c.accountKind === 'child')
          .map((c) => c.accountId),
      );
      for (const id of told.keys()) if (!children.has(id)) told.delete(id);
      for (const id of children) {
        const s = await ctx.store.moderation.getSuspension(id);
        const before = told.get(id);
        const category = (s?.category ?? null) as SuspensionCategory | null;
        if ((s !== undefined) === (before !== undefined) && (before?.category ?? null) === category) continue;
        tell(id, { suspended: s !== undefined, category });
      }
    },
  };
}

import type { RelayContext, RelayEventMap } from '../context';
import type { Connection, ConnectionRegistry } from '../realtime/connection';

/**
 * The `games` frame (issue 16, F9) to a child's own sockets: right after the welcome (whether on or
 * off, so a PC that missed a change while away learns where it stands), and at every change (the
 * `gamesChanged` event, from any instance through the bus). An app older than 0.4.0 does not read
 * the frame type: the version gate leaves it out for it.
 */
export function createGamesFrames(
  ctx: Pick<RelayContext, 'store' | 'events'>,
  registry: Pick<ConnectionRegistry, 'ofAccount'>,
): Readonly<{
  greet: (conn: Connection) => Promise<void>;
  /** Listens for changes; returns the function that stops listening. */
  listen: () => () => void;
}> {
  const onChanged = (event: RelayEventMap['gamesChanged'][0]): void => {
    for (const conn of registry.ofAccount(event.childId)) {
      if (conn.accountKind === 'child') conn.send({ type: 'games', enabled: event.enabled });
    }
  };
  return {
    async greet(conn) {
      if (conn.accountKind !== 'child') return;
      conn.send({ type: 'games', enabled: !(await ctx.store.games.areGamesOff(conn.accountId)) });
    },
    listen() {
      ctx.events.on('gamesChanged', onChanged);
      return () => ctx.events.off('gamesChanged', onChanged);
    },
  };
}

import { friendshipStatusFor, isActive, otherSide, type FriendshipState, type Side } from '@hearth/common';
import type { RelayContext } from '../context';
import type { FriendshipRow } from '../friendships/queries';
import { viewFor } from '../friendships/service';
import type { ConnectionRegistry } from './connection';
import type { FriendGraph } from './friend-graph';
import type { Logger } from './logger';
import type { Presence } from './presence';

export type FriendshipEventDeps = Readonly<{
  ctx: RelayContext;
  log: Logger;
  graph: FriendGraph;
  presence: Presence;
  registry: ConnectionRegistry;
}>;

/** Everything one side can see of a friendship, apart from names and the time of the change. */
function visibleTo(s: FriendshipState, side: Side): string {
  const other = otherSide(side);
  return [
    friendshipStatusFor(s, side),
    s.kidConfirmed[side],
    s.kidConfirmed[other],
    s.parentApproved[side],
    s.parentApproved[other],
    s.blockedBy[side],
  ].join();
}

/**
 * Handles `friendshipChanged` (on every instance: `ctx.events` is cluster-wide): stops (or starts) presence and delivery between the pair at
 * once, and pushes the friendship to both children and every guardian of each (issue 12), each
 * as their side sees it (a grown-up's family link: to that grown-up). A side that can see no
 * difference (the other side blocked them) is sent nothing at all.
 */
export function createFriendshipEventHandler(deps: FriendshipEventDeps): (row: FriendshipRow) => void {
  const { ctx, graph, presence, registry } = deps;

  async function audienceOf(accountId: string): Promise<string[]> {
    return [accountId, ...(await ctx.store.family.guardianIdsOf(accountId)).filter((id) => id !== accountId)];
  }

  async function notify(row: FriendshipRow, before: FriendshipState | undefined): Promise<void> {
    const wasActive = before !== undefined && isActive(before);
    const active = isActive(row.state);
    // Opening a pair the family rules keep shut (a child whose consent lapsed) shows nothing.
    if (wasActive !== active && (!active || (await graph.sendVerdict(row.aId, row.bId)) === 'deliver')) {
      await presence.pairChanged(row.aId, row.bId, active);
    }

    for (const side of ['a', 'b'] as const) {
      // A family link has no block to hide: every change is pushed (a trusted grown-up's new picture).
      if (row.state.kind !== 'family' && before && visibleTo(before, side) === visibleTo(row.state, side)) continue;
      const member = side === 'a' ? row.aId : row.bId;
      const online = (await audienceOf(member)).filter((id) => registry.isOnline(id));
      if (online.length === 0) continue;
      const frame = JSON.stringify({ type: 'friendship', friendship: await viewFor(ctx, row, side) });
      for (const accountId of online) for (const conn of registry.ofAccount(accountId)) conn.send(frame);
    }
  }

  return (row) => {
    // At once, before anything is awaited: the very next frame on this instance sees the change.
    const before = graph.apply(row);
    // Where the change was made (other instances hear it only to update their caches and sockets).
    // On SQLite this still runs inside the transaction that emitted the event.
    const withholding =
      !isActive(row.state) && !ctx.events.fromElsewhere ? ctx.store.messages.withholdBetween(row.aId, row.bId) : undefined;
    // A failed notification must not undo the block or approval that caused it.
    Promise.all([withholding, notify(row, before)]).catch((err: unknown) =>
      deps.log.error({ err, friendshipId: row.id }, 'pushing a friendship change failed'),
    );
  };
}

import { friendshipStatusFor, isActive, otherSide, type FriendshipState, type Side } from '@hearth/common';
import type { RelayContext } from '../context';
import { guardianIdsOf } from '../family/queries';
import type { FriendshipRow } from '../friendships/queries';
import { withholdBetween } from '../messaging/queries';
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
 * Handles `friendshipChanged`: stops (or starts) presence and delivery between the pair at
 * once, and pushes the friendship to both children and every guardian of each (issue 12), each
 * as their side sees it (a grown-up's family link: to that grown-up). A side that can see no
 * difference (the other side blocked them) is sent nothing at all.
 */
export function createFriendshipEventHandler(deps: FriendshipEventDeps): (row: FriendshipRow) => void {
  const { ctx, graph, presence, registry } = deps;

  function audienceOf(accountId: string): string[] {
    return [accountId, ...guardianIdsOf(ctx.db, accountId).filter((id) => id !== accountId)];
  }

  async function notify(row: FriendshipRow, before: FriendshipState | undefined): Promise<void> {
    const wasActive = before !== undefined && isActive(before);
    const active = isActive(row.state);
    // Opening a pair the family rules keep shut (a child whose consent lapsed) shows nothing.
    if (wasActive !== active && (!active || graph.sendVerdict(row.aId, row.bId) === 'deliver')) {
      presence.pairChanged(row.aId, row.bId, active);
    }

    for (const side of ['a', 'b'] as const) {
      // A family link has no block to hide: every change is pushed (a trusted grown-up's new picture).
      if (row.state.kind !== 'family' && before && visibleTo(before, side) === visibleTo(row.state, side)) continue;
      const member = side === 'a' ? row.aId : row.bId;
      const online = audienceOf(member).filter((id) => registry.isOnline(id));
      if (online.length === 0) continue;
      const frame = JSON.stringify({ type: 'friendship', friendship: await viewFor(ctx, row, side) });
      for (const accountId of online) for (const conn of registry.ofAccount(accountId)) conn.send(frame);
    }
  }

  return (row) => {
    // Runs inside the transaction that changed the friendship: the withholding commits with it.
    const before = graph.apply(row);
    if (!isActive(row.state)) withholdBetween(ctx.db, row.aId, row.bId);
    // A failed notification must not undo the block or approval that caused it.
    notify(row, before).catch((err: unknown) =>
      deps.log.error({ err, friendshipId: row.id }, 'pushing a friendship change failed'),
    );
  };
}

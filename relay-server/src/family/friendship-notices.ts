import type { FriendshipAction, Side } from '@hearth/common';
import type { RelayContext } from '../context';
import type { FriendshipRow } from '../friendships/queries';
import { noticeGuardians } from './notices';

/** `store`: the caller's transaction's store (`{ ...ctx, store: tx }`). */
type Ctx = Pick<RelayContext, 'store' | 'now' | 'newId' | 'events'>;

const KIND_OF: Partial<
  Record<FriendshipAction | 'redeem', 'friend-requested' | 'friend-approved' | 'friend-blocked' | 'friend-removed'>
> = {
  redeem: 'friend-requested',
  approve: 'friend-approved',
  block: 'friend-blocked',
  remove: 'friend-removed',
};

/**
 * Tells the guardians of the children of a friendship what happened to it (issue 12): a request
 * (a redeemed code), an approval and a removal to both families; a block only to the blocking
 * child's guardians (a block never shows to the other side). `byName` is the grown-up who did it,
 * told only to their own child's guardians. Runs inside the caller's transaction.
 */
export async function noticeFriendshipChange(
  ctx: Ctx,
  row: FriendshipRow,
  action: FriendshipAction | 'redeem',
  /** The grown-up who acted, or null (a child). */
  byParentId: string | null,
  actorSides: readonly Side[],
): Promise<void> {
  const kind = KIND_OF[action];
  if (kind === undefined || row.state.kind !== 'friend') return;
  const sides: readonly Side[] = action === 'block' ? actorSides : ['a', 'b'];
  for (const side of sides) {
    const childId = side === 'a' ? row.aId : row.bId;
    const aboutId = side === 'a' ? row.bId : row.aId;
    const byId = actorSides.includes(side) ? byParentId : null;
    await noticeGuardians(ctx, { kind, childId, byId, aboutId });
  }
}

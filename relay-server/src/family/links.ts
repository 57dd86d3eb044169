import { newFamilyLink, type FriendshipState } from '@hearth/common';
import type { RelayContext } from '../context';

/** `store`: the caller's transaction's store (`{ ...ctx, store: tx }`): these run inside one. */
type Ctx = Pick<RelayContext, 'store' | 'now' | 'newId' | 'events'>;

/** A family link that no longer stands: not active, so nothing passes through any gate. */
const ENDED: FriendshipState = {
  ...newFamilyLink(),
  kidConfirmed: { a: false, b: false },
  parentApproved: { a: false, b: false },
  ended: 'removed',
};

/**
 * A grown-up (guardian or trusted) and a child: an active family link, side a the grown-up.
 * An ended link between them starts again. Runs inside the caller's transaction; the
 * `friendshipChanged` event pushes it and opens presence, messages and calls at once.
 */
export async function linkFamily(ctx: Ctx, childId: string, grownUpId: string): Promise<void> {
  const now = ctx.now();
  const existing = await ctx.store.friendships.getFriendshipByPair(grownUpId, childId);
  if (!existing) {
    const row = { id: ctx.newId(), aId: grownUpId, bId: childId, state: newFamilyLink(), createdAt: now, updatedAt: now };
    await ctx.store.friendships.insertFriendship(row);
    ctx.events.emit('friendshipChanged', row);
    return;
  }
  const state = newFamilyLink();
  await ctx.store.friendships.updateFriendshipState(existing.id, state, now);
  ctx.events.emit('friendshipChanged', { ...existing, state, updatedAt: now });
}

/** Ends the family link of a grown-up and a child, if any: presence stops and nothing more passes, at once. */
export async function endFamilyLink(ctx: Ctx, childId: string, grownUpId: string): Promise<void> {
  const existing = await ctx.store.friendships.getFriendshipByPair(grownUpId, childId);
  if (!existing || existing.state.kind !== 'family' || existing.state.ended) return;
  const now = ctx.now();
  await ctx.store.friendships.updateFriendshipState(existing.id, ENDED, now);
  ctx.events.emit('friendshipChanged', { ...existing, state: ENDED, updatedAt: now });
}

/** Ends every friendship and family link of a child (before its account goes), each pushed as ended. */
export async function endEveryLinkOf(ctx: Ctx, childId: string): Promise<void> {
  const now = ctx.now();
  for (const row of await ctx.store.friendships.listFriendshipsOf(childId)) {
    if (row.state.ended && !row.state.blockedBy.a && !row.state.blockedBy.b) continue;
    const state: FriendshipState = { ...ENDED, kind: row.state.kind };
    await ctx.store.friendships.updateFriendshipState(row.id, state, now);
    ctx.events.emit('friendshipChanged', { ...row, state, updatedAt: now });
  }
}

/** Pushes a family link again as it is now (what its views show changed: a trusted grown-up's picture). */
export async function touchFamilyLink(ctx: Ctx, childId: string, grownUpId: string): Promise<void> {
  const existing = await ctx.store.friendships.getFriendshipByPair(grownUpId, childId);
  if (!existing || existing.state.kind !== 'family') return;
  const now = ctx.now();
  await ctx.store.friendships.updateFriendshipState(existing.id, existing.state, now);
  ctx.events.emit('friendshipChanged', { ...existing, updatedAt: now });
}

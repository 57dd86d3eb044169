import { isActive } from '@hearth/common';
import { readFamilyFacts } from '../family/read-facts';
import type { RelayContext } from '../context';
import { pairKey, type FriendshipRow } from '../friendships/queries';
import { familyAllows } from '../family/reach';
import { quietGateFor } from '../quiet/gate';

export type FriendCache = Readonly<{
  /** Whether calls may pass between these accounts: from memory while the bus is live, else from the store. */
  areFriends(x: string, y: string): Promise<boolean>;
  /** The same answer from memory, without waiting; undefined where it needs the store (then ask `areFriends`). */
  areFriendsNow(x: string, y: string): boolean | undefined;
  /** Stops listening to relay events and forgets everything. */
  dispose(): void;
}>;

type Ctx = Pick<RelayContext, 'store' | 'bus' | 'events' | 'config' | 'now' | 'consent'>;

/**
 * Friendship answers kept in memory so the signaling hot path makes no query per frame. Every
 * change goes through the friendship service, which emits `friendshipChanged` (on every instance,
 * through the bus); the pair's entry is dropped right then, so a block applies to the very next
 * frame. The family rules (`family/reach.ts`: a child whose consent lapsed reaches only its
 * guardians) apply the same way: `familyChanged` drops what is known. Revoked credentials (and
 * deleted accounts) clear everything.
 *
 * Fencing (issue 13): an instance that lost its bus subscription, or has not heard the bus
 * heartbeat within the fencing window, may have missed an event. While `bus.isLive()` is false
 * every answer comes from the store and nothing is kept; when it turns live again everything
 * known is dropped and reloaded on demand. A load that an event (or a liveness change) overtook
 * is answered but not kept.
 */
export function createFriendCache(ctx: Ctx, maxEntries = 100_000): FriendCache {
  const known = new Map<string, boolean>();
  /** Bumped by every invalidation: a load started before one must not be cached after it. */
  let generation = 0;
  let disposed = false;
  const forgetAll = (): void => {
    generation += 1;
    known.clear();
  };
  const onFriendship = (row: FriendshipRow): void => {
    generation += 1;
    known.delete(pairKey(row.aId, row.bId));
  };
  ctx.events.on('friendshipChanged', onFriendship);
  ctx.events.on('familyChanged', forgetAll);
  ctx.events.on('credentialsRevoked', forgetAll);
  // The bus port has no way to stop listening; a disposed cache ignores the news.
  ctx.bus.onLiveChange(() => {
    if (!disposed) forgetAll();
  });

  const load = async (x: string, y: string): Promise<boolean> => {
    const row = await ctx.store.friendships.getFriendshipByPair(x, y);
    if (row === undefined || !isActive(row.state)) return false;
    return familyAllows(await readFamilyFacts(ctx.store, ctx.consent, [x, y]), x, y);
  };

  // Quiet time (issue 14) is asked at each frame, after the cached friendship: it changes with the clock.
  const quiet = quietGateFor(ctx);
  const friendship = async (x: string, y: string): Promise<boolean> => {
    if (!ctx.bus.isLive()) return load(x, y);
    const key = pairKey(x, y);
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    const startedAt = generation;
    const answer = await load(x, y);
    if (startedAt === generation && ctx.bus.isLive() && !disposed) {
      if (known.size >= maxEntries) known.clear();
      known.set(key, answer);
    }
    return answer;
  };

  return {
    async areFriends(x, y) {
      return (await friendship(x, y)) && !(await quiet.apart(x, y));
    },
    areFriendsNow(x, y) {
      if (!ctx.bus.isLive()) return undefined;
      const hit = known.get(pairKey(x, y));
      if (hit !== true) return hit;
      // `quiet.apart`, from memory: either side kept from the other.
      const keepsX = quiet.keepsNow(x, y);
      if (keepsX !== false) return keepsX === undefined ? undefined : false;
      const keepsY = quiet.keepsNow(y, x);
      return keepsY === undefined ? undefined : !keepsY;
    },
    dispose() {
      disposed = true;
      ctx.events.off('friendshipChanged', onFriendship);
      ctx.events.off('familyChanged', forgetAll);
      ctx.events.off('credentialsRevoked', forgetAll);
      known.clear();
    },
  };
}

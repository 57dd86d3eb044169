import type { RelayContext } from '../context';
import { isActive } from '@hearth/common';
import { getFriendshipByPair, pairKey, type FriendshipRow } from '../friendships/queries';
import { createFamilyFacts, familyAllows } from '../family/reach';

export type FriendCache = Readonly<{
  /** Whether calls may pass between these accounts, from memory when known. */
  areFriends(x: string, y: string): boolean;
  /** Stops listening to relay events. */
  dispose(): void;
}>;

/**
 * Friendship answers kept in memory so the signaling hot path makes no query per frame. Every
 * change goes through the friendship service, which emits `friendshipChanged` inside its
 * transaction; the pair's entry is dropped right then, so a block applies to the very next frame.
 * The family rules (`family/reach.ts`: a child whose consent lapsed reaches only its guardians)
 * apply the same way: `familyChanged` drops what is known. Revoked credentials (and deleted
 * accounts) clear everything.
 */
export function createFriendCache(ctx: Pick<RelayContext, 'db' | 'events' | 'config'>, maxEntries = 100_000): FriendCache {
  const known = new Map<string, boolean>();
  const facts = createFamilyFacts(ctx.db, ctx.config.policyVersion);
  const onFriendship = (row: FriendshipRow): void => void known.delete(pairKey(row.aId, row.bId));
  const onFamily = (event: Readonly<{ childIds: readonly string[] }>): void => {
    facts.invalidate(event.childIds);
    known.clear();
  };
  const onRevoked = (): void => {
    known.clear();
    facts.clear();
  };
  ctx.events.on('friendshipChanged', onFriendship);
  ctx.events.on('familyChanged', onFamily);
  ctx.events.on('credentialsRevoked', onRevoked);
  return {
    areFriends(x, y) {
      const key = pairKey(x, y);
      const hit = known.get(key);
      if (hit !== undefined) return hit;
      // Read synchronously until this cache moves to the store (issue 13): friendships' areActiveFriends is async.
      const row = getFriendshipByPair(ctx.db, x, y);
      const answer = row !== undefined && isActive(row.state) && familyAllows(facts, x, y);
      if (known.size >= maxEntries) known.clear();
      known.set(key, answer);
      return answer;
    },
    dispose() {
      ctx.events.off('friendshipChanged', onFriendship);
      ctx.events.off('familyChanged', onFamily);
      ctx.events.off('credentialsRevoked', onRevoked);
      known.clear();
    },
  };
}

import { friendshipStatusFor, isActive, type FriendshipState } from '@hearth/common';
import type { ReadableDB } from '@hearth/sqlite';
import { getFriendshipByPair, listFriendshipsOf, pairKey, type FriendshipRow } from '../friendships/queries';
import { familyAllows, type FamilyFacts } from '../family/reach';

/** What to do with a message: store and deliver, store but never deliver, or refuse. */
export type SendVerdict = 'deliver' | 'withhold' | 'refuse';

/**
 * The relay's view of who may reach whom, cached in memory for the realtime paths and kept
 * current by `apply` on every friendship change.
 */
export type FriendGraph = Readonly<{
  /**
   * A message from `senderId` to `recipientId`. The sender's own view decides refusals, so a
   * child who was blocked is answered as if all were well (`withhold`): the block never shows.
   */
  sendVerdict(senderId: string, recipientId: string): SendVerdict;
  /**
   * Accounts with an active friendship with this one (family links to guardians and trusted
   * grown-ups included) that the child's family rules let through now (see `family/reach.ts`).
   */
  activeFriendsOf(accountId: string): ReadonlySet<string>;
  /** Loads (and remembers) every friendship of these accounts: what their audience last saw. */
  remember(accountIds: readonly string[]): void;
  /** Records a change; returns the state known before it, if any. */
  apply(row: FriendshipRow): FriendshipState | undefined;
  /** Drops the cached friend set of an account that went offline. */
  forget(accountId: string): void;
  /**
   * Drops the cached pairs and friend sets (they reload on use), bounding how long a change
   * made without an event (an account deleted in the database) can go unseen.
   */
  refresh(): void;
}>;

const MAX_CACHED_PAIRS = 50_000;

/**
 * `facts`: what the family rules need (coverage, guardians); without it (unit tests) every active
 * friendship passes.
 */
export function createFriendGraph(db: ReadableDB, facts?: FamilyFacts): FriendGraph {
  const allows = (x: string, y: string): boolean => facts === undefined || familyAllows(facts, x, y);
  const pairs = new Map<string, FriendshipRow | null>();
  const states = new Map<string, FriendshipState>();
  const friends = new Map<string, Set<string>>();

  function rowBetween(x: string, y: string): FriendshipRow | undefined {
    const key = pairKey(x, y);
    const cached = pairs.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const row = getFriendshipByPair(db, x, y);
    if (pairs.size >= MAX_CACHED_PAIRS) pairs.clear();
    pairs.set(key, row ?? null);
    if (row) states.set(row.id, row.state);
    return row;
  }

  function load(accountId: string): FriendshipRow[] {
    const rows = listFriendshipsOf(db, accountId);
    for (const row of rows) {
      states.set(row.id, row.state);
      pairs.set(pairKey(row.aId, row.bId), row);
    }
    return rows;
  }

  return {
    sendVerdict(senderId, recipientId) {
      if (senderId === recipientId) return 'refuse';
      const row = rowBetween(senderId, recipientId);
      if (!row) return 'refuse';
      const side = row.aId === senderId ? 'a' : 'b';
      if (friendshipStatusFor(row.state, side) !== 'active') return 'refuse';
      if (!isActive(row.state)) return 'withhold';
      if (allows(senderId, recipientId)) return 'deliver';
      // A child kept away from everyone but its guardians (lapsed consent) cannot send; a message
      // to it is refused too, so nothing waits to arrive once it is covered again.
      return 'refuse';
    },
    activeFriendsOf(accountId) {
      let set = friends.get(accountId);
      if (!set) {
        set = new Set();
        for (const row of load(accountId)) {
          if (isActive(row.state)) set.add(row.aId === accountId ? row.bId : row.aId);
        }
        friends.set(accountId, set);
      }
      if (facts === undefined) return set;
      const allowed = new Set<string>();
      for (const other of set) if (allows(accountId, other)) allowed.add(other);
      return allowed;
    },
    remember(accountIds) {
      for (const id of accountIds) load(id);
    },
    apply(row) {
      const before = states.get(row.id);
      states.set(row.id, row.state);
      pairs.set(pairKey(row.aId, row.bId), row);
      const active = isActive(row.state);
      for (const [me, other] of [
        [row.aId, row.bId],
        [row.bId, row.aId],
      ] as const) {
        const set = friends.get(me);
        if (!set) continue;
        if (active) set.add(other);
        else set.delete(other);
      }
      return before;
    },
    forget(accountId) {
      friends.delete(accountId);
    },
    refresh() {
      pairs.clear();
      friends.clear();
    },
  };
}

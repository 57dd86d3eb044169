import { friendshipStatusFor, isActive, type FriendshipState } from '@hearth/common';
import type { Store } from '../store/port';
import { pairKey, type FriendshipRow } from '../friendships/queries';
import { familyAllows, type CachedFamilyFacts, type FamilyFacts } from '../family/reach';
import { heldForReconsent, sendAwaitsReconsent, sendSuspended } from '../family/reconsent-hold';
import type { QuietGate } from '../quiet/gate';

/**
 * What to do with a message: store and deliver, store but never deliver, store and deliver later
 * (`hold`: the recipient child waits for a guardian's re-consent), or refuse (`reconsent`: because
 * the sending child waits for its guardians' re-consent, F15).
 */
export type SendVerdict = 'deliver' | 'withhold' | 'hold' | 'refuse' | 'reconsent' | 'suspended';

/** The family rules' verdict on a pair whose friendship is active (see `family/reach.ts`). */
export function familyVerdict(facts: FamilyFacts, senderId: string, recipientId: string): SendVerdict {
  if (familyAllows(facts, senderId, recipientId)) return 'deliver';
  if (sendSuspended(facts, senderId, recipientId)) return 'suspended';
  if (sendAwaitsReconsent(facts, senderId, recipientId)) return 'reconsent';
  if (heldForReconsent(facts, senderId, recipientId)) return 'hold';
  return 'refuse';
}

/**
 * The relay's view of who may reach whom, cached in memory for the realtime paths and kept
 * current by `apply` on every friendship change (from any instance: `ctx.events` is cluster-wide).
 *
 * Fencing (issue 13): while `trusted()` is false (the bus is not live, so a change may have been
 * missed) every question reads the store and nothing is kept; the hub clears the caches when the
 * bus comes back, so they reload before they are trusted again. A load that a change overtook
 * (it started before `apply`, `refresh` or `forget`) answers its caller but is not kept.
 */
export type FriendGraph = Readonly<{
  /**
   * A message from `senderId` to `recipientId`. The sender's own view decides refusals, so a
   * child who was blocked is answered as if all were well (`withhold`): the block never shows.
   */
  sendVerdict(senderId: string, recipientId: string): Promise<SendVerdict>;
  /**
   * The same from memory only, for the paths that must answer at once (a copy pushed right after
   * its commit): undefined when not known or not trusted, and the caller asks {@link sendVerdict}.
   */
  cachedVerdict(senderId: string, recipientId: string): SendVerdict | undefined;
  /**
   * Accounts with an active friendship with this one (family links to guardians and trusted
   * grown-ups included) that the child's family rules let through now (see `family/reach.ts`).
   */
  activeFriendsOf(accountId: string): Promise<ReadonlySet<string>>;
  /** Loads (and remembers) every friendship of these accounts: what their audience last saw. */
  remember(accountIds: readonly string[]): Promise<void>;
  /** Records a change at once (synchronously: the next frame sees it); returns the state known before it, if any. */
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

/** The verdict for a friendship row as the sender sees it (see {@link FriendGraph.sendVerdict}). */
export function verdictOf(row: FriendshipRow | undefined, senderId: string, familyLetsThrough: () => boolean): SendVerdict {
  if (!row) return 'refuse';
  const side = row.aId === senderId ? 'a' : 'b';
  if (friendshipStatusFor(row.state, side) !== 'active') return 'refuse';
  if (!isActive(row.state)) return 'withhold';
  // A child kept away from everyone but its guardians (lapsed consent) cannot send; a message
  // to it is refused too, so nothing waits to arrive once it is covered again.
  return familyLetsThrough() ? 'deliver' : 'refuse';
}

/**
 * `facts`: what the family rules need (coverage, guardians); without it (unit tests) every active
 * friendship passes. `trusted`: whether the caches may be used (`ctx.bus.isLive`).
 */
export function createFriendGraph(
  store: Store,
  facts?: CachedFamilyFacts,
  trusted: () => boolean = () => true,
  /** Quiet time (issue 14): a friend it keeps apart now is left out of {@link FriendGraph.activeFriendsOf}. */
  quiet?: Pick<QuietGate, 'apart'>,
): FriendGraph {
  const verdictOfFamily = async (x: string, y: string): Promise<SendVerdict> =>
    facts === undefined ? 'deliver' : familyVerdict(await facts.about([x, y]), x, y);
  const pairs = new Map<string, FriendshipRow | null>();
  const states = new Map<string, FriendshipState>();
  const friends = new Map<string, Set<string>>();
  let generation = 0;

  async function rowBetween(x: string, y: string): Promise<FriendshipRow | undefined> {
    const key = pairKey(x, y);
    const cached = trusted() ? pairs.get(key) : undefined;
    if (cached !== undefined) return cached ?? undefined;
    const started = generation;
    const row = await store.friendships.getFriendshipByPair(x, y);
    if (started === generation && trusted()) {
      if (pairs.size >= MAX_CACHED_PAIRS) pairs.clear();
      pairs.set(key, row ?? null);
      if (row) states.set(row.id, row.state);
    }
    return row;
  }

  /** The account's friendships; kept (with its active friend set) when nothing overtook the load. */
  async function load(accountId: string): Promise<Set<string>> {
    const started = generation;
    const rows = await store.friendships.listFriendshipsOf(accountId);
    const set = new Set<string>();
    for (const row of rows) if (isActive(row.state)) set.add(row.aId === accountId ? row.bId : row.aId);
    if (started === generation && trusted()) {
      for (const row of rows) {
        states.set(row.id, row.state);
        pairs.set(pairKey(row.aId, row.bId), row);
      }
      friends.set(accountId, set);
    }
    return set;
  }

  return {
    async sendVerdict(senderId, recipientId) {
      if (senderId === recipientId) return 'refuse';
      const row = await rowBetween(senderId, recipientId);
      const verdict = verdictOf(row, senderId, () => true);
      if (verdict !== 'deliver') return verdict;
      return verdictOfFamily(senderId, recipientId);
    },
    cachedVerdict(senderId, recipientId) {
      if (senderId === recipientId) return 'refuse';
      const cached = trusted() ? pairs.get(pairKey(senderId, recipientId)) : undefined;
      if (cached === undefined) return undefined;
      const verdict = verdictOf(cached ?? undefined, senderId, () => true);
      if (verdict !== 'deliver' || facts === undefined) return verdict;
      const known = facts.peek([senderId, recipientId]);
      if (known === undefined) return undefined;
      return familyVerdict(known, senderId, recipientId);
    },
    async activeFriendsOf(accountId) {
      const set = (trusted() ? friends.get(accountId) : undefined) ?? (await load(accountId));
      if (facts === undefined || set.size === 0) return set;
      const known = await facts.about([accountId, ...set]);
      const allowed = new Set<string>();
      for (const other of set) {
        if (familyAllows(known, accountId, other) && !(await quiet?.apart(accountId, other))) allowed.add(other);
      }
      return allowed;
    },
    async remember(accountIds) {
      await Promise.all(accountIds.map(load));
    },
    apply(row) {
      generation++;
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
      generation++;
      friends.delete(accountId);
    },
    refresh() {
      generation++;
      pairs.clear();
      friends.clear();
    },
  };
}

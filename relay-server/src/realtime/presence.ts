import type { WsPresenceEntry, WsPresenceState } from '@hearth/common';
import type { Bus } from '../bus/port';
import type { ConnectionRegistry } from './connection';
import type { FriendGraph } from './friend-graph';
import type { Logger } from './logger';

/** Presence: what each account's friends see, sent only to active friends, across instances. */
export type Presence = Readonly<{
  /** The busiest state over the account's sockets on every instance, or offline. */
  stateOf(accountId: string): WsPresenceState;
  /** The account's active friends who are online now, for `welcome` (read from the bus for other instances). */
  snapshotFor(accountId: string): Promise<WsPresenceEntry[]>;
  /**
   * This instance's sockets of the account changed (one came, went or set a state): tells the other
   * instances, and the account's friends here its state, if it differs from `before`.
   */
  announce(accountId: string, before: WsPresenceState): Promise<void>;
  /**
   * A friendship became active (each side learns the other's state) or stopped being active
   * (each side sees the other go offline, as any friend going offline looks, and then nothing).
   */
  pairChanged(x: string, y: string, active: boolean): Promise<void>;
  /** Starts hearing other instances and refreshing this one's keys (nothing to do in-process). */
  start(): Promise<void>;
  stop(): Promise<void>;
}>;

/** How long a presence key lives without a refresh: an instance that dies takes its accounts offline by then. */
export const PRESENCE_TTL_MS = 30_000;
const REFRESH_MS = 10_000;
const WATCH_MS = 500;
const CHANNEL = 'presence';

const RANK: Readonly<Record<WsPresenceState, number>> = { offline: 0, away: 1, online: 2, 'in-call': 3 };
const busiest = (states: Iterable<WsPresenceState>): WsPresenceState => {
  let best: WsPresenceState = 'offline';
  for (const s of states) if (RANK[s] > RANK[best]) best = s;
  return best;
};

type Deps = Readonly<{ registry: ConnectionRegistry; graph: FriendGraph; bus: Bus; log: Logger }>;

/**
 * Presence on one instance or several. Each instance keeps the state of its own sockets per
 * account under the key `presence:<accountId>:<instance>` (30 s TTL, refreshed every 10 s) and
 * publishes each change on the `presence` channel; every instance remembers what the others said
 * (for the accounts it heard of) and tells its own sockets. On connect, friends on other
 * instances are read from their keys. An instance that stops beating on the bus (killed) is
 * dropped by the others within the fencing window: its accounts go offline for their friends
 * then, and its keys expire within the TTL for anyone reading them later.
 */
export function createPresence(deps: Deps): Presence {
  const { registry, graph, bus, log } = deps;
  const clustered = bus.kind !== 'in-process';
  /** What other instances said: account → instance → state (never 'offline': that entry is removed). */
  const remote = new Map<string, Map<string, WsPresenceState>>();
  /** Per account, its announcements in order (two quick changes must not reach friends swapped). */
  const chains = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  const keyOf = (accountId: string, instance: string): string => `presence:${accountId}:${instance}`;

  const localStateOf = (accountId: string): WsPresenceState => busiest(registry.ofAccount(accountId).map((c) => c.presence));
  const stateOf = (accountId: string): WsPresenceState =>
    busiest([localStateOf(accountId), ...(remote.get(accountId)?.values() ?? [])]);

  function tell(viewer: string, subject: string, state: WsPresenceState): void {
    if (!registry.isOnline(viewer)) return;
    const frame = JSON.stringify({ type: 'presence', accountId: subject, state });
    for (const conn of registry.ofAccount(viewer)) conn.send(frame);
  }

  async function tellFriendsHere(subject: string, state: WsPresenceState): Promise<void> {
    for (const friend of await graph.activeFriendsOf(subject)) tell(friend, subject, state);
  }

  function setRemote(accountId: string, instance: string, state: WsPresenceState): void {
    let byInstance = remote.get(accountId);
    if (state === 'offline') {
      byInstance?.delete(instance);
      if (byInstance?.size === 0) remote.delete(accountId);
      return;
    }
    if (!byInstance) remote.set(accountId, (byInstance = new Map()));
    byInstance.set(instance, state);
  }

  /** A change somewhere else: remember it, and tell the friends here if what they see changed. */
  async function heard(accountId: string, instance: string, state: WsPresenceState): Promise<void> {
    const before = stateOf(accountId);
    setRemote(accountId, instance, state);
    const after = stateOf(accountId);
    if (after !== before) await tellFriendsHere(accountId, after);
  }

  /** Reads what the other live instances hold for these accounts from their keys. */
  async function learn(accountIds: readonly string[]): Promise<void> {
    if (!clustered || accountIds.length === 0) return;
    const others = bus.instances().filter((i) => i !== bus.instance);
    if (others.length === 0) return;
    const keys = accountIds.flatMap((a) => others.map((i) => keyOf(a, i)));
    const values = await bus.getMany(keys);
    accountIds.forEach((a, ai) => {
      others.forEach((i, ii) => setRemote(a, i, (values[ai * others.length + ii] as WsPresenceState | undefined) ?? 'offline'));
    });
  }

  /** Tells the cluster this instance's state of the account (key and channel). */
  async function share(accountId: string): Promise<void> {
    if (!clustered) return;
    const state = localStateOf(accountId);
    const key = keyOf(accountId, bus.instance);
    if (state === 'offline') await bus.remove(key);
    else await bus.put(key, state, PRESENCE_TTL_MS);
    await bus.publish(CHANNEL, JSON.stringify({ a: accountId, i: bus.instance, s: state }));
  }

  const onMessage = (payload: string): void => {
    const { a, i, s } = JSON.parse(payload) as { a: string; i: string; s: WsPresenceState };
    if (i === bus.instance) return;
    void queue(a, () => heard(a, i, s));
  };

  function queue(accountId: string, run: () => Promise<void>): Promise<void> {
    const next = (chains.get(accountId) ?? Promise.resolve())
      .then(run)
      .catch((err: unknown) => log.error({ err, accountId }, 'a presence change failed'));
    chains.set(accountId, next);
    void next.then(() => {
      if (chains.get(accountId) === next) chains.delete(accountId);
    });
    return next;
  }

  /** Instances that stopped beating: their accounts go offline for the friends here. */
  function dropSilentInstances(): void {
    if (!bus.isLive()) return;
    const live = new Set(bus.instances());
    for (const [accountId, byInstance] of remote) {
      for (const instance of byInstance.keys()) {
        if (!live.has(instance)) void queue(accountId, () => heard(accountId, instance, 'offline'));
      }
    }
  }

  /** Back on the bus: say again what this instance holds, and read again what the others hold. */
  function resync(live: boolean): void {
    if (!live) return;
    const here = new Set(registry.all().map((c) => c.accountId));
    for (const accountId of here) void queue(accountId, () => share(accountId));
    const known = [...remote.keys()];
    for (const accountId of known) {
      void queue(accountId, async () => {
        const before = stateOf(accountId);
        remote.delete(accountId);
        await learn([accountId]);
        const after = stateOf(accountId);
        if (after !== before) await tellFriendsHere(accountId, after);
      });
    }
  }

  return {
    stateOf,
    async snapshotFor(accountId) {
      const friends = [...(await graph.activeFriendsOf(accountId))];
      await learn(friends.filter((f) => !registry.isOnline(f)));
      const entries: WsPresenceEntry[] = [];
      for (const friend of friends) {
        const state = stateOf(friend);
        if (state !== 'offline') entries.push({ accountId: friend, state });
      }
      return entries;
    },
    announce(accountId, before) {
      return queue(accountId, async () => {
        const sharing = share(accountId);
        const after = stateOf(accountId);
        if (after !== before) await tellFriendsHere(accountId, after);
        await sharing;
      });
    },
    async pairChanged(x, y, active) {
      if (active) await learn([x, y].filter((id) => !registry.isOnline(id)));
      for (const [viewer, subject] of [
        [x, y],
        [y, x],
      ] as const) {
        const state = stateOf(subject);
        if (state !== 'offline') tell(viewer, subject, active ? state : 'offline');
      }
    },
    async start() {
      if (!clustered) return;
      await bus.subscribe(CHANNEL, onMessage);
      bus.onLiveChange(resync);
      const refresh = setInterval(() => {
        for (const accountId of new Set(registry.all().map((c) => c.accountId))) {
          const state = localStateOf(accountId);
          if (state === 'offline') continue;
          bus.put(keyOf(accountId, bus.instance), state, PRESENCE_TTL_MS).catch((err: unknown) => {
            log.warn({ err }, 'refreshing a presence key failed');
          });
        }
      }, REFRESH_MS);
      const watch = setInterval(dropSilentInstances, WATCH_MS);
      refresh.unref();
      watch.unref();
      timers.push(refresh, watch);
    },
    async stop() {
      for (const t of timers.splice(0)) clearInterval(t);
      if (clustered) await bus.unsubscribe(CHANNEL, onMessage);
    },
  };
}

import type { WsPresenceEntry, WsPresenceState } from '@hearth/common';
import type { ConnectionRegistry } from './connection';
import type { FriendGraph } from './friend-graph';

/** Presence: what each account's friends see, sent only to active friends. */
export type Presence = Readonly<{
  /** The busiest state over the account's sockets, or offline. */
  stateOf(accountId: string): WsPresenceState;
  /** The account's active friends who are online now, for `welcome`. */
  snapshotFor(accountId: string): WsPresenceEntry[];
  /** Tells the account's online active friends its state, if it differs from `before`. */
  announce(accountId: string, before: WsPresenceState): void;
  /**
   * A friendship became active (each side learns the other's state) or stopped being active
   * (each side sees the other go offline, as any friend going offline looks, and then nothing).
   */
  pairChanged(x: string, y: string, active: boolean): void;
}>;

const RANK: Readonly<Record<WsPresenceState, number>> = { offline: 0, away: 1, online: 2, 'in-call': 3 };

export function createPresence(registry: ConnectionRegistry, graph: FriendGraph): Presence {
  function stateOf(accountId: string): WsPresenceState {
    let best: WsPresenceState = 'offline';
    for (const conn of registry.ofAccount(accountId)) if (RANK[conn.presence] > RANK[best]) best = conn.presence;
    return best;
  }

  function tell(viewer: string, subject: string, state: WsPresenceState): void {
    if (!registry.isOnline(viewer)) return;
    const frame = JSON.stringify({ type: 'presence', accountId: subject, state });
    for (const conn of registry.ofAccount(viewer)) conn.send(frame);
  }

  return {
    stateOf,
    snapshotFor(accountId) {
      const entries: WsPresenceEntry[] = [];
      for (const friend of graph.activeFriendsOf(accountId)) {
        const state = stateOf(friend);
        if (state !== 'offline') entries.push({ accountId: friend, state });
      }
      return entries;
    },
    announce(accountId, before) {
      const after = stateOf(accountId);
      if (after === before) return;
      for (const friend of graph.activeFriendsOf(accountId)) tell(friend, accountId, after);
    },
    pairChanged(x, y, active) {
      for (const [viewer, subject] of [
        [x, y],
        [y, x],
      ] as const) {
        const state = stateOf(subject);
        if (state !== 'offline') tell(viewer, subject, active ? state : 'offline');
      }
    },
  };
}

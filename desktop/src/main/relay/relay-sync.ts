import { type ConnectionState, type PresenceState } from '@hearth/common';
import type { WritableDB } from '@hearth/sqlite';
import { getProfile, requireProfile } from '../db/family/queries/profiles';
import { replaceContacts } from '../db/child/queries/contacts';
import type { Logger } from '../logging/logger';
import type { EventHub } from '../services/event-hub';
import type { SyncControl } from '../services/ports';
import type { GamesInbound } from '../services/games';
import type { ChildStores } from '../stores/child-stores';
import type { AttachmentTransfer } from './attachment-transfer';
import { createChildConnection, DEFAULT_RECONNECT, type ChildConnection, type ReconnectPolicy } from './child-connection';
import type { WsCallIceFrame, WsCallIceRelayedFrame, WsPresenceState, WsSelfPresenceState } from '@hearth/common';
import type { RelayHttp } from './relay-http';
import type { RelayVersions } from './relay-versions';
import type { QuietTracker } from './quiet-tracker';
import type { SuspensionTracker } from './suspension-tracker';

export type RelaySyncDeps = Readonly<{
  /** The relay's origin, e.g. `http://127.0.0.1:8787`. */
  relayUrl: string;
  relay: RelayHttp;
  blobs: AttachmentTransfer;
  familyDb: WritableDB;
  stores: ChildStores;
  events: EventHub;
  now: () => number;
  logger: Logger;
  reconnect?: ReconnectPolicy;
  /** Wait this long for `sent` before sending a message again. Default 30 s. */
  ackTimeoutMs?: number;
  /** Each child's quiet time as the relay says it. */
  quiet: QuietTracker;
  /** Each child's suspension as the relay says it (issue 15). */
  suspension?: SuspensionTracker;
  /** Says this app's version on each socket and hears when the relay finds it too old. */
  versions?: RelayVersions;
  /** A profile's credential was refused for good: the computers service asks whether this PC was signed out (F18). */
  credentialRefused?: (childId: string) => void;
  /** Game moves and the games switch go to the games service (issue 16). */
  games?: GamesInbound;
  /** A friend's ICE restart for a call goes to the calls service (issue 18). */
  callIce?: (childId: string, frame: WsCallIceRelayedFrame) => void;
}>;

/** Every child profile's relay connection on this PC. */
export type RelaySync = SyncControl &
  Readonly<{
    /** The child now at the PC shows as online to friends; the others as away. */
    setActive: (childId: string | null) => void;
    /** Friends see this profile as in a call (until false, or until another profile is picked). */
    setInCall: (childId: string, inCall: boolean) => void;
    /**
     * Sends a profile's `call-ice` frame (issue 18): false when its socket is not open or the relay
     * does not pass these (an older relay would count it as a bad frame).
     */
    sendCallIce: (childId: string, frame: WsCallIceFrame) => boolean;
    connectionState: (childId: string) => ConnectionState;
    stopAll: () => void;
  }>;

/** The `ws(s)://…/v1/ws` URL of a relay origin. */
export function realtimeUrl(relayUrl: string): string {
  const url = new URL('/v1/ws', relayUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** One connection per child profile, made on `start`, kept until `stop`. */
export function createRelaySync(deps: RelaySyncDeps): RelaySync {
  const log = deps.logger.child({ component: 'relay-sync' });
  const connections = new Map<string, ChildConnection>();
  const presences = new Map<string, Map<string, WsPresenceState>>();
  let active: string | null = null;
  const inCall = new Set<string>();
  const presenceFor = (childId: string): WsSelfPresenceState =>
    inCall.has(childId) ? 'in-call' : active === childId ? 'online' : 'away';

  const tokenOf = (childId: string): string => requireProfile(deps.familyDb, childId).deviceToken;
  const refreshContacts = async (childId: string): Promise<void> => {
    const { friendships } = await deps.relay.listFriendships(tokenOf(childId));
    // A parent's list also holds their children's friendships: only the account's own links are its contacts.
    const own = friendships.filter((f) => f.me.accountId === childId);
    // Only a real change is told: the UI reloads on it, and its reload refreshes from here again.
    if (replaceContacts(deps.stores.get(childId).db, own, deps.now())) deps.events.emitForChild(childId, 'friendsChanged', {});
  };

  /** A parent-mode profile's session becomes a parent device on the relay; a child's credential is one already. */
  const becomeDevice = async (childId: string): Promise<void> => {
    const p = getProfile(deps.familyDb, childId);
    if (p?.kind === 'parent') await deps.relay.registerParentDevice(p.deviceToken);
  };

  const connectionFor = (childId: string): ChildConnection => {
    const existing = connections.get(childId);
    if (existing) return existing;
    const store = deps.stores.get(childId);
    const presence = new Map<string, WsPresenceState>();
    presences.set(childId, presence);
    const conn = createChildConnection(
      {
        wsUrl: realtimeUrl(deps.relayUrl),
        policy: deps.reconnect ?? DEFAULT_RECONNECT,
        ...(deps.versions ? { versions: deps.versions } : {}),
      },
      (send) => ({
        childId,
        db: store.db,
        attachmentsDir: store.attachmentsDir,
        token: () => tokenOf(childId),
        blobs: deps.blobs,
        events: deps.events,
        now: deps.now,
        log: log.child({ childId }),
        send,
        presence,
        refreshContacts: () => refreshContacts(childId),
        becomeDevice: () => becomeDevice(childId),
        quiet: deps.quiet,
        ...(deps.suspension ? { suspension: deps.suspension } : {}),
        credentialRefused: () => deps.credentialRefused?.(childId),
        ...(deps.games ? { games: deps.games } : {}),
        ...(deps.callIce ? { callIce: (frame: WsCallIceRelayedFrame) => deps.callIce?.(childId, frame) } : {}),
        ackTimeoutMs: deps.ackTimeoutMs ?? 30_000,
      }),
    );
    connections.set(childId, conn);
    return conn;
  };

  return Object.freeze({
    start(childId: string): void {
      const conn = connectionFor(childId);
      conn.setPresence(presenceFor(childId));
      conn.start();
    },
    stop(childId: string): void {
      connections.get(childId)?.stop();
      connections.delete(childId);
      presences.delete(childId);
      deps.quiet.forget(childId);
      deps.suspension?.forget(childId);
    },
    kick: (childId: string) => connections.get(childId)?.kick(),
    unsend: (childId: string, messageId: string) => connections.get(childId)?.unsend(messageId) ?? false,
    presenceOf: (childId: string, contactId: string): PresenceState => presences.get(childId)?.get(contactId) ?? 'offline',
    refreshContacts,
    setActive(childId: string | null): void {
      const previous = active;
      active = childId;
      if (previous && previous !== childId) {
        inCall.delete(previous);
        connections.get(previous)?.setPresence('away');
      }
      if (childId) connections.get(childId)?.setPresence(presenceFor(childId));
    },
    setInCall(childId: string, on: boolean): void {
      if (on) inCall.add(childId);
      else inCall.delete(childId);
      connections.get(childId)?.setPresence(presenceFor(childId));
    },
    sendCallIce(childId: string, frame: WsCallIceFrame): boolean {
      if (!deps.versions?.offersFeature('call-ice')) return false;
      return connections.get(childId)?.sendCallIce(frame) ?? false;
    },
    connectionState: (childId: string) => connections.get(childId)?.state() ?? 'offline',
    stopAll(): void {
      for (const id of [...connections.keys()]) connections.get(id)?.stop();
      connections.clear();
      presences.clear();
    },
  });
}

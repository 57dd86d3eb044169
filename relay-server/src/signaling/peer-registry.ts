import type { WebSocket } from 'ws';
import type { Bus } from '../bus/port';
import type { TokenBuckets } from '../limits/token-buckets';
import { forgetConnection, recordConnection, type ConnectionEnd, type ConnectionRole } from './peer-directory';

export type { ConnectionRole } from './peer-directory';

/** A connection an allowed OFFER opened, as this instance remembers it for one of its peers. */
export type KnownConnection = Readonly<{
  role: ConnectionRole;
  otherPeerId: string;
  otherAccountId: string;
  connectionId: string;
}>;

/**
 * The connection records (`peer-directory.ts`) this instance wrote for a peer, keyed by
 * `connectionKey(otherPeerId, connectionId)`, oldest first: an index to bound and prune them (the
 * records themselves live on the bus, where every instance reads them). Kept per peer (not per
 * socket) so a reconnecting client keeps its calls going.
 */
export type PeerConnections = Map<string, KnownConnection>;

/** One logged-in signaling socket. */
export type PeerClient = {
  readonly peerId: string;
  readonly accountId: string;
  /** The device whose credential got the token; null in parent mode. */
  readonly deviceId: string | null;
  /** The parent session whose grant opened this socket (parent mode); null for a device. */
  readonly parentSessionId: string | null;
  readonly socket: WebSocket;
  /** This socket's frame budget (one key). */
  readonly bucket: TokenBuckets;
  readonly connections: PeerConnections;
  /** This login's id, as written in the peer's location on the bus. */
  readonly login: string;
  /** The peer's epoch (`peer-directory.ts`): kept across logins that replace a live one. */
  epoch: string;
  /** The exact location value this login wrote on the bus (released only while unchanged). */
  location: string;
  lastSeenAt: number;
  invalidFrames: number;
  throttledFrames: number;
  /** Frames read but not yet handled (they are handled one after another, in order). */
  pendingFrames: number;
  /** The frame being handled now, and those queued behind it. */
  queue: Promise<void>;
  /** False once the socket is closing or replaced: nothing more is read or sent. */
  live: boolean;
  /** True once a newer login took over: its connections stay open for that login. */
  replaced: boolean;
};

export function connectionKey(otherPeerId: string, connectionId: string): string {
  return `${otherPeerId} ${connectionId}`;
}

export const endOf = (client: PeerClient): ConnectionEnd => ({ peerId: client.peerId, epoch: client.epoch });

export type PeerRegistry = Readonly<{
  byPeer(peerId: string): PeerClient | undefined;
  byAccount(accountId: string): PeerClient | undefined;
  /** Adds a client; returns the one it replaces (same peer id), if any. */
  add(client: PeerClient): PeerClient | undefined;
  /** Removes a client if it is still the current one for its peer id. */
  remove(client: PeerClient): boolean;
  all(): IterableIterator<PeerClient>;
  size(): number;
}>;

/** This instance's online peers by peer id and by account (one peer id per account, so one socket per account). */
export function createPeerRegistry(): PeerRegistry {
  const peers = new Map<string, PeerClient>();
  const accounts = new Map<string, PeerClient>();
  return {
    byPeer: (peerId) => peers.get(peerId),
    byAccount: (accountId) => accounts.get(accountId),
    add(client) {
      const previous = peers.get(client.peerId);
      peers.set(client.peerId, client);
      accounts.set(client.accountId, client);
      return previous;
    },
    remove(client) {
      if (peers.get(client.peerId) !== client) return false;
      peers.delete(client.peerId);
      accounts.delete(client.accountId);
      return true;
    },
    all: () => peers.values(),
    size: () => peers.size,
  };
}

/** The caller's side of an OFFER: a peer here, or one on another instance. */
export type CallerInfo = ConnectionEnd & Readonly<{ accountId: string; local: PeerClient | undefined }>;

/**
 * Records a connection an allowed OFFER opened, on the bus for both sides, and in the index of each
 * side that is on this instance; past `max` per peer the oldest is forgotten.
 */
export async function openConnection(
  bus: Bus,
  caller: CallerInfo,
  callee: PeerClient,
  connectionId: string,
  max: number,
): Promise<void> {
  await recordConnection(bus, caller, endOf(callee), connectionId);
  const sides: [PeerClient | undefined, KnownConnection][] = [
    [caller.local, { role: 'caller', otherPeerId: callee.peerId, otherAccountId: callee.accountId, connectionId }],
    [callee, { role: 'callee', otherPeerId: caller.peerId, otherAccountId: caller.accountId, connectionId }],
  ];
  const evicted: Promise<void>[] = [];
  for (const [self, known] of sides) {
    if (!self) continue;
    const key = connectionKey(known.otherPeerId, connectionId);
    self.connections.delete(key);
    self.connections.set(key, known);
    while (self.connections.size > max) {
      const [oldestKey, oldest] = self.connections.entries().next().value as [string, KnownConnection];
      self.connections.delete(oldestKey);
      evicted.push(forgetConnection(bus, self.peerId, oldest.otherPeerId, oldest.connectionId));
    }
  }
  await Promise.all(evicted);
}

/**
 * Forgets the connections this instance recorded for `client` (all of them, or those with
 * `otherAccountId`), on the bus and in both sides' indexes here.
 */
export async function forgetConnections(
  bus: Bus,
  registry: PeerRegistry,
  client: PeerClient,
  otherAccountId?: string,
): Promise<void> {
  const removals: Promise<void>[] = [];
  for (const [key, known] of [...client.connections]) {
    if (otherAccountId !== undefined && known.otherAccountId !== otherAccountId) continue;
    client.connections.delete(key);
    registry.byPeer(known.otherPeerId)?.connections.delete(connectionKey(client.peerId, known.connectionId));
    removals.push(forgetConnection(bus, client.peerId, known.otherPeerId, known.connectionId));
  }
  await Promise.all(removals);
}

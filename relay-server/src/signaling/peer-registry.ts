import type { WebSocket } from 'ws';
import type { TokenBuckets } from '../limits/token-buckets';

/** Which side of a PeerJS connection a peer is on: the one that sent the OFFER, or the other. */
export type ConnectionRole = 'caller' | 'callee';

/**
 * Connection ids an allowed OFFER opened, keyed by `connectionKey(otherPeerId, connectionId)`.
 * Kept per peer (not per socket) so a reconnecting client keeps its calls going.
 */
export type PeerConnections = Map<string, ConnectionRole>;

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
  lastSeenAt: number;
  invalidFrames: number;
  throttledFrames: number;
  /** False once the socket is closing or replaced: nothing more is read or sent. */
  live: boolean;
};

export function connectionKey(otherPeerId: string, connectionId: string): string {
  return `${otherPeerId} ${connectionId}`;
}

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

/** Online peers by peer id and by account (one peer id per account, so one socket per account). */
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

/** Records a connection an allowed OFFER opened, on both sides; the oldest goes past `max`. */
export function openConnection(caller: PeerClient, callee: PeerClient, connectionId: string, max: number): void {
  for (const [self, other, role] of [
    [caller, callee, 'caller'],
    [callee, caller, 'callee'],
  ] as const) {
    const key = connectionKey(other.peerId, connectionId);
    self.connections.delete(key);
    self.connections.set(key, role);
    while (self.connections.size > max) {
      const oldest = self.connections.keys().next().value as string;
      self.connections.delete(oldest);
    }
  }
}

/** Forgets every connection between `client` and `otherPeerId` (or all of client's), on both sides. */
export function forgetConnections(registry: PeerRegistry, client: PeerClient, otherPeerId?: string): void {
  for (const key of [...client.connections.keys()]) {
    const space = key.indexOf(' ');
    const other = key.slice(0, space);
    if (otherPeerId !== undefined && other !== otherPeerId) continue;
    client.connections.delete(key);
    registry.byPeer(other)?.connections.delete(connectionKey(client.peerId, key.slice(space + 1)));
  }
}

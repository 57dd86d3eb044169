import type { AnswerFrame, CandidateFrame, ClientFrame, ClientFrameType, OfferFrame } from '@hearth/common';
import type { FriendCache } from './friend-cache';
import { connectionKey, openConnection, type PeerClient, type PeerRegistry } from './peer-registry';
import { expireFrame, relayedFrame } from './frames';

export type HandlerDeps = Readonly<{
  registry: PeerRegistry;
  friends: FriendCache;
  maxConnectionsPerPeer: number;
  send(client: PeerClient, data: string): void;
  /** A frame was refused or dropped; for logs and tests. */
  onRefused(client: PeerClient, type: ClientFrameType, reason: 'unreachable' | 'unknown-connection'): void;
}>;

/** Handles one validated frame; `text` is the JSON it was parsed from. */
export type FrameHandler = (client: PeerClient, frame: ClientFrame, text: string) => void;

/** Handlers keyed by frame type, as the `peer` server's MessageHandler registry. */
export type HandlerRegistry = ReadonlyMap<ClientFrameType, FrameHandler>;

/**
 * The relay rules for each client frame type:
 * - OFFER passes only to an online, active, unblocked friend, and opens its connection id;
 * - ANSWER only from the peer an OFFER went to, CANDIDATE only on an opened connection id;
 * - a refusal on friendship (or an offline peer) answers EXPIRE to the sender; a frame for an
 *   unknown connection id between friends is dropped. The target never learns of either.
 */
export function createHandlerRegistry(deps: HandlerDeps): HandlerRegistry {
  const { registry, friends, send } = deps;

  /** The online friend `dst` names, or undefined after telling the sender EXPIRE. */
  const reachableFriend = (client: PeerClient, type: ClientFrameType, dst: string): PeerClient | undefined => {
    const target = registry.byPeer(dst);
    if (target !== undefined && target !== client && friends.areFriends(client.accountId, target.accountId)) return target;
    send(client, expireFrame(dst, client.peerId));
    deps.onRefused(client, type, 'unreachable');
    return undefined;
  };

  const offer: FrameHandler = (client, frame, text) => {
    const f = frame as OfferFrame;
    const target = reachableFriend(client, 'OFFER', f.dst);
    if (!target) return;
    openConnection(client, target, f.payload.connectionId, deps.maxConnectionsPerPeer);
    send(target, relayedFrame(text, client.peerId));
  };

  const onOpenConnection =
    (type: 'ANSWER' | 'CANDIDATE'): FrameHandler =>
    (client, frame, text) => {
      const f = frame as AnswerFrame | CandidateFrame;
      const target = reachableFriend(client, type, f.dst);
      if (!target) return;
      const role = client.connections.get(connectionKey(target.peerId, f.payload.connectionId));
      if (role === undefined || (type === 'ANSWER' && role !== 'callee')) {
        deps.onRefused(client, type, 'unknown-connection');
        return;
      }
      send(target, relayedFrame(text, client.peerId));
    };

  return new Map<ClientFrameType, FrameHandler>([
    ['HEARTBEAT', () => undefined],
    ['OFFER', offer],
    ['ANSWER', onOpenConnection('ANSWER')],
    ['CANDIDATE', onOpenConnection('CANDIDATE')],
  ]);
}

import type { ClientFrameType } from '@hearth/common';
import type { Bus } from '../bus/port';
import type { FriendCache } from './friend-cache';
import { endOf, openConnection, type CallerInfo, type PeerClient } from './peer-registry';
import { connectionRole } from './peer-directory';
import { expireFrame, relayedFrame } from './frames';

/** A relayed frame type (HEARTBEAT stops at the relay). */
export type RoutedType = Exclude<ClientFrameType, 'HEARTBEAT'>;

/** A validated frame on its way to its target, from this instance or from another one over the bus. */
export type RoutedFrame = Readonly<{
  type: RoutedType;
  dst: string;
  connectionId: string;
  /** The client's JSON text, forwarded as it came (with `src` put in front). */
  text: string;
}>;

/** Who sent a frame, wherever that peer is logged in. */
export type Sender = CallerInfo & Readonly<{ reply(data: string): void }>;

export type HandlerDeps = Readonly<{
  bus: Bus;
  friends: FriendCache;
  maxConnectionsPerPeer: number;
  send(client: PeerClient, data: string): void;
  /** A frame was refused or dropped; for logs and tests. */
  onRefused(senderPeerId: string, type: RoutedType, reason: 'unreachable' | 'unknown-connection'): void;
}>;

/**
 * Applies the relay rules to a frame whose target is on this instance (`target`), or on none
 * (undefined). The instance holding the target decides, whichever instance the sender is on.
 */
export type FrameHandler = (sender: Sender, target: PeerClient | undefined, frame: RoutedFrame) => Promise<void>;

/** Handlers keyed by frame type, as the `peer` server's MessageHandler registry. */
export type HandlerRegistry = ReadonlyMap<RoutedType, FrameHandler>;

/**
 * The relay rules for each client frame type:
 * - OFFER passes only to an online, active, unblocked friend, and opens its connection id;
 * - ANSWER only from the peer an OFFER went to, CANDIDATE only on an opened connection id;
 * - a refusal on friendship (or an offline peer) answers EXPIRE to the sender; a frame for an
 *   unknown connection id between friends is dropped. The target never learns of either.
 */
export function createHandlerRegistry(deps: HandlerDeps): HandlerRegistry {
  const { friends, send } = deps;

  /** Whether `target` is an online friend of the sender; if not, the sender is told EXPIRE. */
  const reachable = async (sender: Sender, target: PeerClient | undefined, frame: RoutedFrame): Promise<boolean> => {
    if (
      target !== undefined &&
      target.peerId !== sender.peerId &&
      (await friends.areFriends(sender.accountId, target.accountId))
    ) {
      if (target.live) return true;
    }
    sender.reply(expireFrame(frame.dst, sender.peerId));
    deps.onRefused(sender.peerId, frame.type, 'unreachable');
    return false;
  };

  const offer: FrameHandler = async (sender, target, frame) => {
    if (!(await reachable(sender, target, frame)) || !target) return;
    await openConnection(deps.bus, sender, target, frame.connectionId, deps.maxConnectionsPerPeer);
    send(target, relayedFrame(frame.text, sender.peerId));
  };

  const onOpenConnection =
    (type: 'ANSWER' | 'CANDIDATE'): FrameHandler =>
    async (sender, target, frame) => {
      if (!(await reachable(sender, target, frame)) || !target) return;
      const role = await connectionRole(deps.bus, sender, endOf(target), frame.connectionId);
      if (role === undefined || (type === 'ANSWER' && role !== 'callee')) {
        deps.onRefused(sender.peerId, type, 'unknown-connection');
        return;
      }
      send(target, relayedFrame(frame.text, sender.peerId));
    };

  return new Map<RoutedType, FrameHandler>([
    ['OFFER', offer],
    ['ANSWER', onOpenConnection('ANSWER')],
    ['CANDIDATE', onOpenConnection('CANDIDATE')],
  ]);
}

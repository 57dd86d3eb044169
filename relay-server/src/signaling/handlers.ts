import type { ClientFrameType } from '@hearth/common';
import type { Bus } from '../bus/port';
import type { FriendCache } from './friend-cache';
import { endOf, openConnection, type CallerInfo, type PeerClient } from './peer-registry';
import { connectionRole, connectionRoleNow } from './peer-directory';
import { expireFrame, relayedFrame } from './frames';

/** A relayed frame type (HEARTBEAT stops at the relay). */
export type RoutedType = Exclude<ClientFrameType, 'HEARTBEAT'>;

/** A validated frame on its way to its target, from this instance or from another one over the bus. */
export type RoutedFrame = Readonly<{
  type: RoutedType;
  dst: string;
  connectionId: string;
  /** The checked frame's JSON text, forwarded with `src` put in front. */
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

/**
 * The ANSWER and CANDIDATE rules of {@link createHandlerRegistry} for two peers on this instance,
 * applied at once where everything they ask is in memory (the friendship and quiet time cached,
 * the connection record on the in-process bus): the frames of a call in progress then cost no
 * promise and no turn of the event loop. Returns false, having done nothing, where a rule needs
 * the store or the bus, or would refuse with EXPIRE: the registry's handler decides then. The
 * caller keeps each sender's order (nothing of the sender's may be waiting in its queue).
 */
export function createImmediateRelay(deps: HandlerDeps): (sender: PeerClient, target: PeerClient, frame: RoutedFrame) => boolean {
  return (sender, target, frame) => {
    if (frame.type === 'OFFER' || !deps.bus.peek || !target.live || target.peerId === sender.peerId) return false;
    if (deps.friends.areFriendsNow(sender.accountId, target.accountId) !== true) return false;
    const role = connectionRoleNow(deps.bus, sender, target, frame.connectionId);
    if (role === null) return false;
    if (role === undefined || (frame.type === 'ANSWER' && role !== 'callee')) {
      deps.onRefused(sender.peerId, frame.type, 'unknown-connection');
      return true;
    }
    deps.send(target, relayedFrame(frame.text, sender.peerId));
    return true;
  };
}

import type { RawData, WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import { ErrorCode, isActive } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import { createFriendCache } from './friend-cache';
import { checkedText, createFrameValidators, errorFrame, expireFrame, openFrame, SignalingErrorMessage } from './frames';
import { SIGNALING_KEY, resolveSignalingToken } from './grants';
import { createHandlerRegistry, createImmediateRelay, type RoutedFrame, type RoutedType, type Sender } from './handlers';
import { createPeerRegistry, forgetConnections, type PeerClient } from './peer-registry';
import { claimPeer, locatePeer, newEpoch, refreshPeers, releasePeer } from './peer-directory';
import { createTokenBuckets } from '../limits/token-buckets';
import { createWriteBatcher } from './write-batcher';

export type SignalingServer = Readonly<{
  /** Subscribes to this instance's signaling channel on the bus; call once before accepting sockets. */
  start(): Promise<void>;
  /** Takes a freshly upgraded socket and its query: logs it in, or sends ERROR and closes it. */
  accept(socket: WebSocket, query: unknown): void;
  /** Closes sockets silent for longer than `signaling.idleTimeoutMs`; returns how many. */
  sweep(): number;
  /**
   * Refreshes where this instance's peers are on the bus (every `PEER_REFRESH_MS`), and closes
   * the sockets of peers a newer login on another instance has taken.
   */
  refresh(): Promise<void>;
  /** Peers online on this instance now. */
  size(): number;
  /** Closes every socket, forgets its peers on the bus and stops listening. */
  close(): Promise<void>;
}>;

type Ctx = Pick<RelayContext, 'store' | 'bus' | 'config' | 'now' | 'events' | 'consent'>;

/** Bad frames a socket may send before it is closed. */
const MAX_INVALID_FRAMES = 20;
/** A peer that does not read its socket gets no more frames past this many queued bytes. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Frames of one sender waiting for the one being handled (a store or bus round trip); past this, dropped. */
const MAX_PENDING_FRAMES = 256;

/** The bus channel on which an instance receives the signaling meant for its peers. */
export const signalingChannel = (instance: string): string => `instance:${instance}:signaling`;

/** What instances tell each other on their signaling channels. */
type BusMessage =
  /** A frame for a peer of the receiving instance, from a peer of `from`. */
  | Readonly<{ t: 'frame'; from: string; src: string; account: string; epoch: string; frame: RoutedFrame }>
  /** A frame for a peer of the receiving instance to be sent as it is (an EXPIRE for a sender). */
  | Readonly<{ t: 'deliver'; dst: string; data: string }>
  /** A newer login took `peer` over: close the socket of login `login` if it is still here. */
  | Readonly<{ t: 'takeover'; peer: string; login: string }>;

/**
 * The PeerJS-compatible signaling endpoint: who may log in as which peer id, and which frames
 * pass between whom. Sockets come from the Fastify plugin. Each instance keeps its own sockets in
 * memory; where each peer is, and which OFFER opened which connection, is on the bus
 * (`peer-directory.ts`), so a frame for a peer on another instance is sent there and checked
 * there by the same rules (issue 13). One relay alone does the same through the in-process bus.
 * Every sender's frames are handled one after another, in the order they came.
 */
export function createSignalingServer(ctx: Ctx, log: FastifyBaseLogger): SignalingServer {
  const limits = ctx.config.signaling;
  const { bus } = ctx;
  const registry = createPeerRegistry();
  const friends = createFriendCache(ctx);
  const validators = createFrameValidators();
  const batcher = createWriteBatcher();
  /** Frames from peers on other instances, queued per sender as for local ones. */
  const remoteQueues = new Map<string, { queue: Promise<void>; pending: number }>();

  const logFailure =
    (what: string, peerId?: string) =>
    (err: unknown): void =>
      log.error({ err, peerId }, what);

  const publish = (instance: string, message: BusMessage): Promise<void> =>
    bus.publish(signalingChannel(instance), JSON.stringify(message));

  const send = (client: PeerClient, data: string): void => {
    if (!client.live) return;
    if (batcher.buffered(client.socket) > MAX_BUFFERED_BYTES) {
      log.warn({ peerId: client.peerId }, 'signaling peer is not reading; frame dropped');
      return;
    }
    batcher.send(client.socket, data);
  };

  /** Takes a client out of this instance; unless a newer login took over, forgets its calls and where it was. */
  const leave = async (client: PeerClient): Promise<void> => {
    client.live = false;
    if (!registry.remove(client) || client.replaced) return;
    await Promise.all([forgetConnections(bus, registry, client), releasePeer(bus, client.peerId, client.location)]);
  };

  const closeClient = (client: PeerClient, code: number, reason: string, hard = false): void => {
    leave(client).catch(logFailure('signaling peer cleanup failed', client.peerId));
    batcher.flushSocket(client.socket);
    if (hard) client.socket.terminate();
    else client.socket.close(code, reason);
  };

  /** A newer login has this peer id (here or on another instance): its calls carry on there. */
  const replaced = (client: PeerClient): void => {
    client.replaced = true;
    closeClient(client, 1000, 'replaced by a newer login');
  };

  const handlerDeps = {
    bus,
    friends,
    maxConnectionsPerPeer: limits.maxConnectionsPerPeer,
    send,
    onRefused: (peerId: string, type: RoutedType, reason: string) =>
      log.debug({ peerId, type, reason }, 'signaling frame refused'),
  };
  const handlers = createHandlerRegistry(handlerDeps);
  const relayNow = createImmediateRelay(handlerDeps);

  const handle = (sender: Sender, target: PeerClient | undefined, frame: RoutedFrame): Promise<void> =>
    (handlers.get(frame.type) as NonNullable<ReturnType<typeof handlers.get>>)(sender, target, frame);

  /** Sends a local client's frame to its target: checked here if the target is here, else by the instance holding it. */
  const route = async (client: PeerClient, frame: RoutedFrame): Promise<void> => {
    if (!client.live) return;
    const sender: Sender = {
      peerId: client.peerId,
      accountId: client.accountId,
      epoch: client.epoch,
      local: client,
      reply: (data) => send(client, data),
    };
    try {
      const here = registry.byPeer(frame.dst);
      if (here) return await handle(sender, here, frame);
      const where = await locatePeer(bus, frame.dst);
      if (!where || where.instance === bus.instance) return await handle(sender, undefined, frame);
      const { peerId: src, accountId: account, epoch } = client;
      await publish(where.instance, { t: 'frame', from: bus.instance, src, account, epoch, frame });
    } catch (err) {
      // The store or the bus did not answer: the sender hears what an unreachable peer gives.
      log.error({ err, peerId: client.peerId, type: frame.type }, 'signaling frame failed');
      send(client, expireFrame(frame.dst, client.peerId));
    }
  };

  const invalid = (client: PeerClient, type: unknown): void => {
    client.invalidFrames += 1;
    log.debug({ peerId: client.peerId, type: typeof type === 'string' ? type.slice(0, 32) : typeof type }, 'bad frame');
    if (client.invalidFrames > MAX_INVALID_FRAMES) closeClient(client, 1008, 'too many invalid frames');
  };

  const onMessage = (client: PeerClient, data: RawData, isBinary: boolean): void => {
    if (!client.live) return;
    client.lastSeenAt = ctx.now();
    if (client.bucket.take('frames', client.lastSeenAt) > 0) {
      client.throttledFrames += 1;
      if (client.throttledFrames === 1) log.info({ peerId: client.peerId }, 'signaling socket over its frame rate; dropping');
      if (client.throttledFrames > limits.frameBurst) closeClient(client, 1008, 'too many frames');
      return;
    }
    const text = isBinary ? '' : data.toString();
    let frame: unknown;
    try {
      frame = isBinary ? undefined : JSON.parse(text);
    } catch {
      frame = undefined;
    }
    const type = typeof frame === 'object' && frame !== null ? (frame as { type?: unknown }).type : undefined;
    const check = validators.frame(type);
    if (!check || !check(frame)) return invalid(client, type);
    if (frame.type === 'HEARTBEAT') return;
    const checked = checkedText(text, frame);
    if (checked === undefined) return invalid(client, type);
    if (client.pendingFrames >= MAX_PENDING_FRAMES) {
      log.warn({ peerId: client.peerId }, 'signaling frames pile up behind a slow store or bus; frame dropped');
      return;
    }
    const routed: RoutedFrame = {
      type: frame.type,
      dst: frame.dst,
      connectionId: frame.payload.connectionId,
      text: checked,
    };
    // A call's frames between two peers here, with all the rules can ask in memory: at once, in order.
    if (client.pendingFrames === 0) {
      const here = registry.byPeer(routed.dst);
      if (here && relayNow(client, here, routed)) return;
    }
    client.pendingFrames += 1;
    client.queue = client.queue
      .then(() => route(client, routed))
      .catch(logFailure('signaling frame failed', client.peerId))
      .finally(() => {
        client.pendingFrames -= 1;
      });
  };

  /** A frame from a peer on another instance, for a peer here (or one that just left). */
  const onRemoteFrame = (m: Extract<BusMessage, { t: 'frame' }>): void => {
    if (!handlers.has(m.frame.type as RoutedType)) return;
    const sender: Sender = {
      peerId: m.src,
      accountId: m.account,
      epoch: m.epoch,
      local: undefined,
      reply: (data) => {
        publish(m.from, { t: 'deliver', dst: m.src, data }).catch(logFailure('signaling reply failed', m.src));
      },
    };
    const entry = remoteQueues.get(m.src) ?? { queue: Promise.resolve(), pending: 0 };
    if (entry.pending >= MAX_PENDING_FRAMES) return;
    entry.pending += 1;
    remoteQueues.set(m.src, entry);
    entry.queue = entry.queue
      .then(() => handle(sender, registry.byPeer(m.frame.dst), m.frame))
      .catch((err: unknown) => {
        log.error({ err, peerId: m.src, type: m.frame.type }, 'signaling frame failed');
        sender.reply(expireFrame(m.frame.dst, m.src));
      })
      .finally(() => {
        entry.pending -= 1;
        if (entry.pending === 0 && remoteQueues.get(m.src) === entry) remoteQueues.delete(m.src);
      });
  };

  const onBusMessage = (payload: string): void => {
    let message: BusMessage;
    try {
      message = JSON.parse(payload) as BusMessage;
    } catch {
      return;
    }
    if (message.t === 'frame') onRemoteFrame(message);
    else if (message.t === 'deliver') {
      const client = registry.byPeer(message.dst);
      if (client) send(client, message.data);
    } else if (message.t === 'takeover') {
      const client = registry.byPeer(message.peer);
      if (client && client.login === message.login) replaced(client);
    }
  };

  const reject = (socket: WebSocket, msg: string, code: ErrorCode): void => {
    socket.send(errorFrame(msg, code));
    socket.close(1008, 'refused');
  };

  const login = async (socket: WebSocket, query: unknown, gone: () => boolean): Promise<PeerClient | undefined> => {
    if (!validators.query(query)) return void reject(socket, SignalingErrorMessage.InvalidParameters, ErrorCode.ValidationFailed);
    if (query.key !== SIGNALING_KEY) return void reject(socket, SignalingErrorMessage.InvalidKey, ErrorCode.Unauthenticated);
    let grant;
    try {
      grant = await resolveSignalingToken(ctx, query.token);
    } catch (err) {
      log.error({ err }, 'signaling token lookup failed');
      return void reject(socket, 'The relay could not check this token.', ErrorCode.Unavailable);
    }
    if (!grant || grant.peerId !== query.id) {
      return void reject(socket, SignalingErrorMessage.InvalidToken, ErrorCode.Unauthenticated);
    }
    if (gone()) return undefined;
    // The newest login wins wherever the previous one is; it keeps the peer's epoch, so the calls
    // the previous socket had open go on.
    const claim = await claimPeer(bus, grant.peerId, newEpoch());
    const now = ctx.now();
    const client: PeerClient = {
      peerId: grant.peerId,
      accountId: grant.accountId,
      deviceId: grant.deviceId,
      parentSessionId: grant.parentSessionId,
      socket,
      bucket: createTokenBuckets({ perMinute: limits.framesPerSecond * 60, burst: limits.frameBurst }),
      connections: registry.byPeer(grant.peerId)?.connections ?? new Map(),
      login: claim.location.login,
      epoch: claim.location.epoch,
      location: claim.value,
      lastSeenAt: now,
      invalidFrames: 0,
      throttledFrames: 0,
      pendingFrames: 0,
      queue: Promise.resolve(),
      live: true,
      replaced: false,
    };
    if (gone()) {
      await releasePeer(bus, client.peerId, client.location);
      return undefined;
    }
    const previous = registry.add(client);
    if (previous) replaced(previous);
    if (claim.previous && claim.previous.instance !== bus.instance) {
      // Should this not arrive, that instance still closes its socket at its next refresh.
      publish(claim.previous.instance, { t: 'takeover', peer: client.peerId, login: claim.previous.login }).catch(
        logFailure('signaling takeover not sent', client.peerId),
      );
    }
    return client;
  };

  const accept = (socket: WebSocket, query: unknown): void => {
    // Logged, rate-capped and without a stack, by the relay's websocket error handler (plugins/raw-refusals.ts).
    socket.on('error', (err) => log.debug({ err: err.message }, 'signaling socket error'));
    let client: PeerClient | undefined;
    let closed = false;
    socket.on('close', () => {
      closed = true;
      if (client) leave(client).catch(logFailure('signaling peer cleanup failed', client.peerId));
    });
    login(socket, query, () => closed)
      .then((c) => {
        if (!c) return;
        client = c;
        if (closed) {
          leave(c).catch(logFailure('signaling peer cleanup failed', c.peerId));
          return;
        }
        socket.on('message', (data, isBinary) => {
          // `ws` does not catch what a listener throws: a frame must never take the relay down.
          try {
            onMessage(c, data, isBinary);
          } catch (err) {
            log.error({ err, peerId: c.peerId }, 'a signaling frame failed');
            closeClient(c, 1011, 'internal error');
          }
        });
        socket.send(openFrame());
      })
      .catch((err: unknown) => {
        log.error({ err }, 'signaling login failed');
        if (!closed) reject(socket, 'The relay could not log this peer in just now.', ErrorCode.Unavailable);
      });
  };

  const onRevoked = ({ childIds, deviceId, parentSessionId }: RelayEventMap['credentialsRevoked'][0]): void => {
    if (parentSessionId !== undefined) {
      for (const client of [...registry.all()]) {
        if (client.parentSessionId !== parentSessionId) continue;
        send(client, errorFrame(SignalingErrorMessage.InvalidToken, ErrorCode.Unauthenticated));
        closeClient(client, 1008, 'session signed out');
      }
    }
    for (const childId of childIds) {
      const client = registry.byAccount(childId);
      if (!client || (deviceId !== undefined && client.deviceId !== deviceId)) continue;
      send(client, errorFrame(SignalingErrorMessage.InvalidToken, ErrorCode.Unauthenticated));
      closeClient(client, 1008, 'credentials revoked');
    }
  };
  const onFriendship = (row: RelayEventMap['friendshipChanged'][0]): void => {
    if (isActive(row.state)) return;
    for (const [self, other] of [
      [row.aId, row.bId],
      [row.bId, row.aId],
    ] as const) {
      const client = registry.byAccount(self);
      if (client)
        forgetConnections(bus, registry, client, other).catch(logFailure('forgetting connections failed', client.peerId));
    }
  };
  ctx.events.on('credentialsRevoked', onRevoked);
  ctx.events.on('friendshipChanged', onFriendship);

  return {
    start: () => bus.subscribe(signalingChannel(bus.instance), onBusMessage),
    accept,
    sweep() {
      const deadline = ctx.now() - limits.idleTimeoutMs;
      const idle = [...registry.all()].filter((c) => c.lastSeenAt < deadline);
      for (const client of idle) closeClient(client, 1001, 'idle', true);
      return idle.length;
    },
    async refresh() {
      const clients = [...registry.all()].filter((c) => c.live);
      const lost = new Set(
        await refreshPeers(
          bus,
          clients.map((c) => ({ peerId: c.peerId, value: c.location })),
        ),
      );
      for (const client of clients) {
        if (lost.has(client.peerId) && registry.byPeer(client.peerId) === client) replaced(client);
      }
    },
    size: () => registry.size(),
    async close() {
      ctx.events.off('credentialsRevoked', onRevoked);
      ctx.events.off('friendshipChanged', onFriendship);
      await bus.unsubscribe(signalingChannel(bus.instance), onBusMessage);
      friends.dispose();
      const clients = [...registry.all()];
      batcher.flush();
      for (const client of clients) client.socket.close(1001, 'relay shutting down');
      await Promise.all(clients.map((c) => leave(c).catch(logFailure('signaling peer cleanup failed', c.peerId))));
    },
  };
}

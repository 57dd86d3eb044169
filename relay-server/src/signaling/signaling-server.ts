import type { RawData, WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import { ErrorCode, isActive, type ClientFrameType } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import { createFriendCache } from './friend-cache';
import { createFrameValidators, errorFrame, openFrame, SignalingErrorMessage } from './frames';
import { SIGNALING_KEY } from './grants';
import { getLiveSignalingToken } from './queries';
import { hashToken, tokenKind } from '../auth/tokens';
import { createHandlerRegistry } from './handlers';
import { createPeerRegistry, forgetConnections, type PeerClient } from './peer-registry';
import { createTokenBuckets } from '../limits/token-buckets';
import { createWriteBatcher } from './write-batcher';

export type SignalingServer = Readonly<{
  /** Takes a freshly upgraded socket and its query: logs it in, or sends ERROR and closes it. */
  accept(socket: WebSocket, query: unknown): void;
  /** Closes sockets silent for longer than `signaling.idleTimeoutMs`; returns how many. */
  sweep(): number;
  /** Peers online now. */
  size(): number;
  /** Closes every socket and stops listening to relay events. */
  close(): void;
}>;

type Ctx = Pick<RelayContext, 'db' | 'config' | 'now' | 'events'>;

/** Bad frames a socket may send before it is closed. */
const MAX_INVALID_FRAMES = 20;
/** A peer that does not read its socket gets no more frames past this many queued bytes. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * The PeerJS-compatible signaling endpoint: who may log in as which peer id, and which frames
 * pass between whom. Sockets come from the Fastify plugin; state lives only in memory and is
 * pruned when sockets close, are replaced, time out, or lose their credentials.
 */
export function createSignalingServer(ctx: Ctx, log: FastifyBaseLogger): SignalingServer {
  const limits = ctx.config.signaling;
  const registry = createPeerRegistry();
  const friends = createFriendCache(ctx);
  const validators = createFrameValidators();
  const batcher = createWriteBatcher();

  const send = (client: PeerClient, data: string): void => {
    if (!client.live) return;
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      log.warn({ peerId: client.peerId }, 'signaling peer is not reading; frame dropped');
      return;
    }
    batcher.send(client.socket, data);
  };

  const closeClient = (client: PeerClient, code: number, reason: string, hard = false): void => {
    client.live = false;
    if (registry.remove(client)) forgetConnections(registry, client);
    if (hard) client.socket.terminate();
    else client.socket.close(code, reason);
  };

  const handlers = createHandlerRegistry({
    registry,
    friends,
    maxConnectionsPerPeer: limits.maxConnectionsPerPeer,
    send,
    onRefused: (client, type, reason) => log.debug({ peerId: client.peerId, type, reason }, 'signaling frame refused'),
  });

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
    try {
      (handlers.get(frame.type as ClientFrameType) as NonNullable<ReturnType<typeof handlers.get>>)(client, frame, text);
    } catch (err) {
      log.error({ err, peerId: client.peerId, type: frame.type }, 'signaling frame failed');
    }
  };

  const reject = (socket: WebSocket, msg: string, code: ErrorCode): void => {
    socket.send(errorFrame(msg, code));
    socket.close(1008, 'refused');
  };

  const accept = (socket: WebSocket, query: unknown): void => {
    // Logged, rate-capped and without a stack, by the relay's websocket error handler (plugins/raw-refusals.ts).
    socket.on('error', (err) => log.debug({ err: err.message }, 'signaling socket error'));
    if (!validators.query(query)) return reject(socket, SignalingErrorMessage.InvalidParameters, ErrorCode.ValidationFailed);
    if (query.key !== SIGNALING_KEY) return reject(socket, SignalingErrorMessage.InvalidKey, ErrorCode.Unauthenticated);
    let grant;
    try {
      // Read synchronously until this runtime moves to the store (issue 13): grants.ts's resolveSignalingToken is async.
      grant = tokenKind(query.token) === 'sg' ? getLiveSignalingToken(ctx.db, hashToken(query.token), ctx.now()) : undefined;
    } catch (err) {
      log.error({ err }, 'signaling token lookup failed');
      return reject(socket, 'The relay could not check this token.', ErrorCode.Unavailable);
    }
    if (!grant || grant.peerId !== query.id) {
      return reject(socket, SignalingErrorMessage.InvalidToken, ErrorCode.Unauthenticated);
    }
    const now = ctx.now();
    const client: PeerClient = {
      peerId: grant.peerId,
      accountId: grant.accountId,
      deviceId: grant.deviceId,
      parentSessionId: grant.parentSessionId,
      socket,
      bucket: createTokenBuckets({ perMinute: limits.framesPerSecond * 60, burst: limits.frameBurst }),
      // A new login takes over the connections its previous socket had open.
      connections: registry.byPeer(grant.peerId)?.connections ?? new Map(),
      lastSeenAt: now,
      invalidFrames: 0,
      throttledFrames: 0,
      live: true,
    };
    const previous = registry.add(client);
    if (previous) {
      previous.live = false;
      previous.socket.close(1000, 'replaced by a newer login');
    }
    socket.on('message', (data, isBinary) => onMessage(client, data, isBinary));
    socket.on('close', () => {
      client.live = false;
      if (registry.remove(client)) forgetConnections(registry, client);
    });
    socket.send(openFrame());
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
    const a = registry.byAccount(row.aId);
    const b = registry.byAccount(row.bId);
    if (a && b) forgetConnections(registry, a, b.peerId);
  };
  ctx.events.on('credentialsRevoked', onRevoked);
  ctx.events.on('friendshipChanged', onFriendship);

  return {
    accept,
    sweep() {
      const deadline = ctx.now() - limits.idleTimeoutMs;
      const idle = [...registry.all()].filter((c) => c.lastSeenAt < deadline);
      for (const client of idle) closeClient(client, 1001, 'idle', true);
      return idle.length;
    },
    size: () => registry.size(),
    close() {
      ctx.events.off('credentialsRevoked', onRevoked);
      ctx.events.off('friendshipChanged', onFriendship);
      friends.dispose();
      for (const client of [...registry.all()]) closeClient(client, 1001, 'relay shutting down');
    },
  };
}

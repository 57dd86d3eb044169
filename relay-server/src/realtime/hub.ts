import { WebSocket } from 'ws';
import { WsCloseCode, type AppVersion, type FirstReadTable, type HearthError, type WsClientFrame } from '@hearth/common';
import type { RelayContext, RelayEventMap } from '../context';
import { resolveToken, type RequestCaller } from '../auth/callers';
import { createBlobStoreFor } from '../attachments/blob-store';
import { createGroupCommitter, type GroupCommitter } from '../messaging/group-commit';
import { createDelivery } from '../messaging/delivery';
import { createMessageService } from '../messaging/message-service';
import { createSweeper } from '../messaging/sweeper';
import { revokedDeviceError } from '../devices/computers';
import { createConnectionRegistry, heartbeat, type Connection } from './connection';
import { createDeviceEventHandlers } from './device-events';
import { createFrameDecoder, encodeFrame, type FrameDecoder } from './frame-codec';
import { createFrameHandlers, type FrameHandlers } from './frame-handlers';
import { createCallIce } from './call-ice';
import { createFriendGraph } from './friend-graph';
import { createFriendshipEventHandler } from './friendship-events';
import { createFamilyEventHandlers } from './family-events';
import { createCachedFamilyFacts } from '../family/reach';
import type { Logger } from './logger';
import { createPresence } from './presence';
import { createMessageWaiting } from './message-waiting';
import { createTokenBuckets } from '../limits/token-buckets';
import { createVersionGate } from './version-gate';
import { createWriteBatcher } from '../signaling/write-batcher';
import { quietGateFor } from '../quiet/gate';
import { createQuietNotifier } from '../quiet/notifier';
import { createReconsentWatch } from './reconsent-watch';
import { frankingKey, frankingKeyNow } from '../franking/frank';
import { createSuspensionFrames } from '../moderation/suspension-frames';
import { createGamesFrames } from '../games/games-frames';

/** The realtime side of the relay: sockets, presence, friendship events and the message queue. */
export type RealtimeHub = Readonly<{
  decode: FrameDecoder;
  /** The caller a token belongs to, if it is live. */
  authenticate(token: string): Promise<RequestCaller | undefined>;
  /** DEVICE_REVOKED (with the wipe flag) for a signed-out PC's credential, for an app that reads it (F18). */
  revoked(token: string, appVersion: AppVersion): Promise<HearthError | undefined>;
  /** Registers an authenticated socket (replacing an older one of the same session) and greets it. */
  attach(socket: WebSocket, caller: RequestCaller, token: string, appVersion: AppVersion): Promise<Connection>;
  detach(conn: Connection): void;
  handle(conn: Connection, frame: Exclude<WsClientFrame, { type: 'hello' }>): void;
  /** Expiry and cleanup, and suspensions made by `relay:admin`, now; resolves when committed. Runs on a timer too. */
  sweep(): Promise<void>;
  /** Group-commit counters of the message queue. */
  queueStats(): Readonly<{ commits: number; pieces: number }>;
  /** Counts children's minutes and looks at their quiet time now (it also runs on timers of the relay clock). */
  quietTick(): Promise<void>;
  /** Starts the timers and event listeners, and joins the bus's presence channel. */
  start(): Promise<void>;
  /** Stops everything, commits what is queued and closes the sockets (1001). */
  close(): Promise<void>;
}>;

const HEARTBEAT_MS = 30_000;
/** Group-commit batches in flight at once on PostgreSQL (each its own transaction and connection). */
const PG_COMMIT_LANES = 4;
/** How often an instance on a bus looks for instances that went quiet. */
const INSTANCE_WATCH_MS = 1_000;
const ORPHAN_AGE_MS = 60 * 60_000;

export function createRealtimeHub(ctx: RelayContext, log: Logger, firstReadIn?: FirstReadTable): RealtimeHub {
  const { now, config } = ctx;
  const gate = createVersionGate(firstReadIn);
  const registry = createConnectionRegistry();
  const batcher = createWriteBatcher(); // one write per socket per loop turn, not one per frame
  // Fencing (issue 13): caches are trusted only while the bus is live (always, in-process).
  const trusted = (): boolean => ctx.bus.isLive();
  const facts = createCachedFamilyFacts(ctx.store, ctx.consent, trusted);
  // Quiet time (issue 14): who it keeps apart now, on the relay's clock.
  const quiet = quietGateFor(ctx);
  const graph = createFriendGraph(ctx.store, facts, trusted, quiet);
  const presence = createPresence({ registry, graph, bus: ctx.bus, log });
  quiet.setCounting((id) => ['online', 'in-call'].includes(presence.stateOf(id)));
  const blobs = createBlobStoreFor(config, ctx.store);
  const committer: GroupCommitter = createGroupCommitter(ctx.store, {
    delayMs: config.messaging.groupCommitDelayMs,
    // SQLite: one writer, one batch at a time. PostgreSQL: a few transactions at once on the pool.
    lanes: ctx.store.kind === 'postgres' ? PG_COMMIT_LANES : 1,
    onCallbackError: (err) => log.error({ err }, 'a message queue callback failed'),
    afterBatch: () => batcher.flush(), // a batch's frames leave before the next batch runs
  });
  const delivery = createDelivery({
    store: ctx.store,
    registry,
    now,
    // A message to a child in quiet time is held: not pushed now, pushed again (resync) when it ends.
    mayDeliver: async (senderId, recipientId) =>
      (graph.cachedVerdict(senderId, recipientId) ?? (await graph.sendVerdict(senderId, recipientId))) === 'deliver' &&
      !(await quiet.keeps(recipientId, senderId)),
    mayDeliverNow: (senderId, recipientId) => {
      const verdict = graph.cachedVerdict(senderId, recipientId);
      if (verdict === undefined) return undefined;
      if (verdict !== 'deliver') return false;
      const kept = quiet.keepsNow(recipientId, senderId);
      return kept === undefined ? undefined : !kept;
    },
    appReads: (conn, m) => gate.message(conn.appVersion, m.contentJson),
    log,
  });
  // Copies for devices whose sockets are on other instances are published for them (issue 13).
  const waiting = createMessageWaiting({ bus: ctx.bus, registry, delivery, log });
  const messageBuckets = createTokenBuckets({
    perMinute: config.messaging.messagesPerMinute,
    burst: config.messaging.messageBurst,
  });
  const presenceBuckets = createTokenBuckets({ perMinute: 60, burst: 20 });
  const messages = createMessageService({
    now,
    config,
    committer,
    graph,
    delivery: { ...delivery, stored: waiting.stored },
    others: waiting,
    blobs,
    buckets: messageBuckets,
    quiet,
    log,
    frankingKey: () => frankingKeyNow(ctx.store),
  });
  const callIce = createCallIce({ graph, quiet, tell: (accountId, frame) => waiting.tell(accountId, frame), now, log });
  const handlers: FrameHandlers = createFrameHandlers({ presence, messages, presenceBuckets, now, callIce: callIce.handle });
  const onFriendshipChanged = createFriendshipEventHandler({ ctx, graph, presence, registry, log });
  const sweeper = createSweeper({
    store: ctx.store,
    now,
    config,
    committer,
    blobs,
    log,
    onExpired: (senders) => senders.forEach((id) => delivery.sendExpiryNotices(id)),
  });
  const deviceEvents = createDeviceEventHandlers({ ctx, registry, committer, delivery, log });
  const familyEvents = createFamilyEventHandlers({ ctx, facts, presence, registry, log });
  const quietNotifier = createQuietNotifier({ ctx, gate: quiet, registry, presence, graph, delivery, log });
  const reconsent = createReconsentWatch({ ctx, facts, registry, delivery, presence, log });
  const suspension = createSuspensionFrames(ctx, registry, log);
  const games = createGamesFrames(ctx, registry);
  const unlisten: (() => void)[] = [];
  let nextId = 1;
  let closed = false;
  let closing = false;
  const timers: NodeJS.Timeout[] = [];
  /** Sockets whose welcome is still being prepared: their frames wait for it, in order. */
  const greeting = new WeakMap<Connection, Promise<void>>();

  /**
   * One socket per device session on the whole cluster: a socket that arrives here tells the other
   * instances, which close theirs of the same session (in-process, the registry does it alone).
   */
  const SESSIONS = 'sessions';
  const onSessionElsewhere = (payload: string): void => {
    const { key, instance } = JSON.parse(payload) as { key: string; instance: string };
    if (instance !== ctx.bus.instance) registry.ofSession(key)?.close(WsCloseCode.Replaced, 'replaced by a newer connection');
  };

  /** The bus went away or came back: what was cached may have missed changes; reload on use. */
  const onLiveChange = (): void => {
    graph.refresh();
    facts.clear();
  };

  const onRevoked = (event: RelayEventMap['credentialsRevoked'][0]): void => {
    for (const conn of registry.all()) {
      if (event.parentSessionId !== undefined && conn.sessionKey === `p:${event.parentSessionId}`) {
        conn.close(WsCloseCode.Unauthenticated, 'session signed out');
        continue;
      }
      if (conn.accountKind !== 'child' || !event.childIds.includes(conn.accountId)) continue;
      if (event.deviceId === undefined || event.deviceId === conn.deviceId) {
        conn.close(WsCloseCode.Unauthenticated, 'credential revoked');
      }
    }
  };

  function dispatch(conn: Connection, frame: Exclude<WsClientFrame, { type: 'hello' }>): void {
    switch (frame.type) {
      case 'presence':
        handlers.presence(conn, frame);
        quietNotifier.presenceChanged(conn.accountId);
        return;
      case 'send':
        return handlers.send(conn, frame);
      case 'received':
        return handlers.received(conn, frame);
      case 'read':
        return handlers.read(conn, frame);
      case 'ack-expired':
        return handlers['ack-expired'](conn, frame);
      case 'unsend':
        return handlers.unsend(conn, frame);
      case 'ping':
        return handlers.ping(conn, frame);
      case 'call-ice':
        return handlers['call-ice'](conn, frame);
      default: {
        const never: never = frame;
        throw new Error(`unhandled frame ${String(never)}`);
      }
    }
  }

  /** Parent sessions expire and can be signed out without an event: check every socket now and then. */
  async function recheckCredentials(): Promise<void> {
    for (const conn of registry.all()) {
      if (!(await resolveToken(ctx.store, conn.token, now())))
        conn.close(WsCloseCode.Unauthenticated, 'credential no longer valid');
    }
  }

  /**
   * An instance that died between a commit and telling the others left messages queued that no
   * socket here was told of: when one goes quiet, every socket here reads its queue again.
   */
  let knownInstances = new Set<string>();
  function watchInstances(): void {
    const now = new Set(ctx.bus.instances());
    const gone = [...knownInstances].some((name) => !now.has(name));
    knownInstances = now;
    if (gone) for (const conn of registry.all()) delivery.resync(conn);
  }

  function periodic(): void {
    try {
      recheckCredentials().catch((err: unknown) => log.error({ err }, 'checking realtime credentials failed'));
      graph.refresh();
      facts.clear();
      for (const buckets of [messageBuckets, presenceBuckets, callIce]) buckets.prune(now());
      sweeper.sweep().catch((err: unknown) => log.error({ err }, 'message queue sweep failed'));
      reconsent.tick();
      suspension.look().catch((err: unknown) => log.error({ err }, 'looking for suspensions made elsewhere failed'));
    } catch (err) {
      log.error({ err }, 'realtime housekeeping failed');
    }
  }

  return {
    decode: createFrameDecoder(),
    authenticate: (token) => resolveToken(ctx.store, token, now()),
    revoked: (token, appVersion) => revokedDeviceError(ctx.store, token, appVersion),

    async attach(socket, caller, token, appVersion) {
      const queueDevice =
        caller.kind === 'child' ? caller.deviceId : await ctx.store.deviceQueues.findParentDeviceOfSession(caller.sessionId);
      const accountId = caller.kind === 'child' ? caller.childId : caller.parentId;
      const conn: Connection = {
        id: nextId++,
        accountId,
        accountKind: caller.kind,
        sessionKey: caller.kind === 'child' ? `c:${caller.childId}:${caller.deviceId}` : `p:${caller.sessionId}`,
        deviceId: caller.kind === 'child' ? caller.deviceId : undefined,
        queueDevice,
        token,
        appVersion,
        presence: 'online',
        delivery: { lastSeq: 0, inFlight: new Set(), caughtUp: false },
        alive: true,
        send(frame) {
          if (socket.readyState !== WebSocket.OPEN) return;
          const readable = gate.frame(appVersion, frame);
          if (readable !== undefined) batcher.send(socket, typeof readable === 'string' ? readable : encodeFrame(readable));
        },
        close(code, reason) {
          batcher.flushSocket(socket);
          if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(code, reason);
        },
        ping: () => void (socket.readyState === WebSocket.OPEN && socket.ping()),
        terminate: () => socket.terminate(),
      };
      socket.on('pong', () => {
        conn.alive = true;
      });
      const before = presence.stateOf(accountId);
      registry.add(conn)?.close(WsCloseCode.Replaced, 'replaced by a newer connection');
      if (ctx.bus.kind !== 'in-process') {
        ctx.bus
          .publish(SESSIONS, JSON.stringify({ key: conn.sessionKey, instance: ctx.bus.instance }))
          .catch((err: unknown) => log.warn({ err }, 'telling other instances of a new socket failed'));
      }
      const greet = async (): Promise<void> => {
        // A parent's audience includes their children's friendships: remember what those look like now.
        if (caller.kind === 'parent') {
          await graph.remember((await ctx.store.accounts.listChildrenOfParent(caller.parentId)).map((c) => c.id));
        }
        const [snapshot] = await Promise.all([presence.snapshotFor(accountId), waiting.watch(accountId)]);
        conn.send({
          type: 'welcome',
          accountId,
          accountKind: caller.kind,
          presence: snapshot,
          limits: {
            attachmentMaxBytes: config.messaging.attachmentMaxBytes,
            messageTtlMs: config.messaging.messageTtlMs,
            messagesPerMinute: config.messaging.messagesPerMinute,
          },
        });
        await reconsent.greet(conn);
        await suspension.greet(conn);
        await games.greet(conn);
        void presence.announce(accountId, before);
        delivery.start(conn);
        quietNotifier.connected(conn);
      };
      const ready = greet()
        .catch((err: unknown) => {
          log.error({ err, accountId }, 'greeting a realtime socket failed');
          conn.close(WsCloseCode.GoingAway, 'please reconnect');
        })
        .finally(() => greeting.delete(conn));
      greeting.set(conn, ready);
      return conn;
    },

    detach(conn) {
      if (closed) return;
      const before = presence.stateOf(conn.accountId);
      if (!registry.remove(conn)) return;
      void presence.announce(conn.accountId, before);
      quietNotifier.presenceChanged(conn.accountId);
      if (!registry.isOnline(conn.accountId)) {
        graph.forget(conn.accountId);
        waiting.unwatch(conn.accountId).catch((err: unknown) => log.warn({ err }, 'leaving a message channel failed'));
      }
    },

    handle(conn, frame) {
      const wait = greeting.get(conn);
      if (wait) {
        void wait.then(() => {
          try {
            dispatch(conn, frame);
          } catch (err) {
            log.error({ err, accountId: conn.accountId }, 'a realtime frame failed');
          }
        });
        return;
      }
      dispatch(conn, frame);
    },

    sweep: async () => {
      reconsent.tick();
      await suspension.look();
      await sweeper.sweep();
    },
    queueStats: () => committer.stats(),
    quietTick: () => quietNotifier.tick(),

    async start() {
      // Only blobs older than an hour: on shared storage a younger one may be another instance's upload under way.
      ctx.store.attachments
        .listAttachmentHashes()
        .then((known) => blobs.removeOrphans(new Set(known), now() - ORPHAN_AGE_MS))
        .then((removed) => removed > 0 && log.warn({ removed }, 'removed attachment files the database did not know'))
        .catch((err: unknown) => log.error({ err }, 'removing orphaned attachments failed'));
      ctx.events.on('friendshipChanged', onFriendshipChanged);
      ctx.events.on('credentialsRevoked', onRevoked);
      ctx.events.on('credentialsRevoked', deviceEvents.onRevoked);
      ctx.events.on('parentDeviceRegistered', deviceEvents.onParentDevice);
      ctx.events.on('familyChanged', familyEvents.onFamilyChanged);
      ctx.events.on('familyChanged', reconsent.onFamilyChanged);
      ctx.events.on('noticeCreated', familyEvents.onNotice);
      ctx.events.on('suspensionChanged', suspension.onChanged);
      ctx.bus.onLiveChange(onLiveChange);
      await Promise.all([presence.start(), suspension.start()]);
      // Read once, outside any transaction (a key made in a batch that then failed must not stay in memory).
      await frankingKey(ctx.store, now()).catch((err: unknown) => log.error({ err }, 'reading the franking key failed'));
      quietNotifier.start();
      if (ctx.bus.kind !== 'in-process') await ctx.bus.subscribe(SESSIONS, onSessionElsewhere);
      timers.push(setInterval(periodic, config.messaging.sweepIntervalMs).unref());
      if (ctx.bus.kind !== 'in-process') timers.push(setInterval(watchInstances, INSTANCE_WATCH_MS).unref());
      timers.push(setInterval(() => heartbeat(registry), HEARTBEAT_MS).unref());
      unlisten.push(games.listen());
    },

    async close() {
      if (closing) return;
      closing = true;
      for (const t of timers) clearInterval(t);
      ctx.events.off('friendshipChanged', onFriendshipChanged);
      ctx.events.off('credentialsRevoked', onRevoked);
      ctx.events.off('credentialsRevoked', deviceEvents.onRevoked);
      ctx.events.off('parentDeviceRegistered', deviceEvents.onParentDevice);
      ctx.events.off('familyChanged', familyEvents.onFamilyChanged);
      ctx.events.off('familyChanged', reconsent.onFamilyChanged);
      ctx.events.off('noticeCreated', familyEvents.onNotice);
      ctx.events.off('suspensionChanged', suspension.onChanged);
      for (const stop of unlisten.splice(0)) stop();
      quietNotifier.stop();
      presence.stop().catch((err: unknown) => log.warn({ err }, 'leaving the presence channel failed'));
      ctx.bus
        .unsubscribe(SESSIONS, onSessionElsewhere)
        .catch((err: unknown) => log.warn({ err }, 'leaving a bus channel failed'));
      await committer.close();
      closed = true;
      for (const conn of registry.all()) conn.close(WsCloseCode.GoingAway, 'relay shutting down');
    },
  };
}

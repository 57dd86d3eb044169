import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import type { SignalingGrant } from '@hearth/common';
import type { RelayApp } from '../app';
import type { Bus } from '../bus/port';
import { createInProcessBus } from '../bus/in-process';
import { createRedisBus } from '../bus/redis';
import { REDIS_TEST_URL, testRedisPrefix, withoutRedis } from '@hearth/test-kit/redis';
import type { RelayEvents } from '../context';
import { api, befriend, createFamily, expectStatus, type TestFamily, type TestRelay } from '../../test/helpers';
import { createSignalingServer, type SignalingServer } from './signaling-server';

/** Tests only: a listening relay's WebSocket base URL, after `app.listen({ port: 0 })`. */
export async function listen(app: RelayApp): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

export async function grantFor(app: RelayApp, token: string): Promise<SignalingGrant> {
  return expectStatus(await api<SignalingGrant>(app, 'POST', '/v1/signaling/session', { token }), 201);
}

/** A family whose child holds a signaling grant. */
export type SignalingKid = TestFamily & Readonly<{ grant: SignalingGrant }>;

export async function signalingKid(app: RelayApp): Promise<SignalingKid> {
  const family = await createFamily(app);
  return { ...family, grant: await grantFor(app, family.childToken) };
}

/** Two kids from two families, active friends; returns them and the friendship id. */
export async function friendPair(app: RelayApp): Promise<Readonly<{ a: SignalingKid; b: SignalingKid; friendshipId: string }>> {
  const a = await signalingKid(app);
  const b = await signalingKid(app);
  return { a, b, friendshipId: await befriend(app, a, b) };
}

export type Frame = Readonly<Record<string, unknown> & { type?: string }>;

/** A raw signaling socket that records every frame it receives. */
export type RawPeer = Readonly<{
  ws: WebSocket;
  frames: Frame[];
  send(frame: unknown): void;
  sendRaw(data: string | Buffer): void;
  /** The next received frame (after those already taken) matching `match`. */
  next(match?: (f: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
  closed: Promise<number>;
}>;

export function rawPeer(port: number, query: Readonly<Record<string, string>>): RawPeer {
  const qs = new URLSearchParams(query).toString();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/peerjs?${qs}`);
  const frames: Frame[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as Frame);
    for (const w of [...waiters]) w();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const send = (data: string | Buffer): void => {
    const go = (): void => ws.send(data);
    if (ws.readyState === WebSocket.OPEN) go();
    else ws.once('open', go);
  };
  return {
    ws,
    frames,
    send: (frame) => send(JSON.stringify(frame)),
    sendRaw: send,
    closed,
    next: (match = () => true, timeoutMs = 3000) =>
      new Promise<Frame>((resolve, reject) => {
        const check = (): void => {
          while (taken < frames.length) {
            const f = frames[taken++] as Frame;
            if (match(f)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(f);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/** Opens a raw socket as this grant's peer and waits for OPEN. */
export async function loggedIn(port: number, grant: SignalingGrant): Promise<RawPeer> {
  const peer = rawPeer(port, { key: grant.key, id: grant.peerId, token: grant.token, version: '1.5.5' });
  const first = await peer.next();
  if (first.type !== 'OPEN') throw new Error(`expected OPEN, got ${JSON.stringify(first)}`);
  return peer;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const offer = (dst: string, connectionId = 'dc_test1'): object => ({
  type: 'OFFER',
  dst,
  payload: {
    sdp: { type: 'offer', sdp: 'v=0\r\n' },
    type: 'data',
    connectionId,
    label: connectionId,
    reliable: true,
    serialization: 'binary',
  },
});

export const answer = (dst: string, connectionId = 'dc_test1'): object => ({
  type: 'ANSWER',
  dst,
  payload: { sdp: { type: 'answer', sdp: 'v=0\r\n' }, type: 'data', connectionId },
});

export const candidate = (dst: string, connectionId = 'dc_test1', n = 1): object => ({
  type: 'CANDIDATE',
  dst,
  payload: {
    candidate: { candidate: `candidate:${n} 1 UDP 2122252543 127.0.0.1 5000${n % 10} typ host`, sdpMid: '0', sdpMLineIndex: 0 },
    type: 'data',
    connectionId,
  },
});

/**
 * Tests only: the bus of a cluster, as each instance sees it. `join(name)` gives the bus of the
 * instance called `name`; every instance joined to one cluster shares channels and keys.
 */
export type BusCluster = Readonly<{ join(instance: string): Promise<Bus>; close(): Promise<void> }>;

/**
 * How a cross-instance test gets a cluster's bus; `skip` says why this kind cannot run here.
 * `now` is the test's clock, for key expiry in-process (Redis keeps its own time).
 */
export type BusFactory = Readonly<{ name: string; skip?: string; cluster(now: () => number): Promise<BusCluster> }>;

/** One in-process bus seen under several instance names: what instances sharing one Redis see. */
export const inProcessBuses: BusFactory = {
  name: 'in-process',
  async cluster(now) {
    const shared = createInProcessBus('shared', now);
    return { join: async (instance) => Object.freeze({ ...shared, instance }), close: () => shared.close() };
  },
};

const NO_REDIS = await withoutRedis();

/** Redis (`bus/redis.ts`): instances of one cluster share a fresh key prefix; each waits until its bus is live. */
export const redisBuses: BusFactory = {
  name: 'redis',
  ...(NO_REDIS ? { skip: 'Redis does not answer on this machine' } : {}),
  async cluster() {
    const prefix = testRedisPrefix();
    const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined };
    const opened: Bus[] = [];
    return {
      async join(instance) {
        // Not the test's clock: Redis liveness runs on real time.
        const bus = await createRedisBus({ url: REDIS_TEST_URL, prefix, instance, log: quiet });
        opened.push(bus);
        const end = Date.now() + 3_000;
        while (!bus.isLive() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
        return bus;
      },
      close: async () => {
        await Promise.all(opened.map((b) => b.close()));
      },
    };
  },
};

export const BUS_FACTORIES: readonly BusFactory[] = [inProcessBuses, redisBuses];

/**
 * A bus whose liveness the test sets: a real bus that lost (or regained) its subscription, as
 * fencing sees it. `tell` false: the listeners are not told (a missed heartbeat, noticed later).
 */
export type FencedBus = Bus & Readonly<{ setLive(live: boolean, tell?: boolean): void }>;

export function withLiveness(bus: Bus): FencedBus {
  let live = true;
  const listeners: ((live: boolean) => void)[] = [];
  return Object.freeze({
    ...bus,
    isLive: () => live,
    onLiveChange: (listener: (live: boolean) => void) => void listeners.push(listener),
    setLive(next: boolean, tell = true) {
      if (next === live) return;
      live = next;
      if (tell) for (const listener of listeners) listener(next);
    },
  });
}

/** A second (third…) signaling instance in the test process: its own sockets and port, the relay's store. */
export type SignalingInstance = Readonly<{ port: number; server: SignalingServer; close(): Promise<void> }>;

/**
 * Starts a signaling server with the relay's store and config but its own bus (and, to simulate
 * an instance that missed the cluster's events, its own `events`), listening on `/peerjs` of a
 * fresh port as the plugin does.
 */
export async function startSignalingInstance(
  relay: TestRelay,
  bus: Bus,
  events: RelayEvents = relay.app.relay.events,
): Promise<SignalingInstance> {
  const server = createSignalingServer({ ...relay.app.relay, bus, events }, relay.app.log);
  await server.start();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/peerjs' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket, request) => {
    const query = Object.fromEntries(new URL(request.url ?? '/', 'http://relay').searchParams);
    server.accept(socket, query);
  });
  return {
    port: (wss.address() as AddressInfo).port,
    server,
    async close() {
      await server.close();
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * The realtime side on two instances joined by a real Redis bus (issue 13). Both instances share
 * one SQLite file here (the same database, as instances on PostgreSQL do); the full cluster on
 * PostgreSQL behind nginx is tested apart. What is tested is what travels on the bus: presence,
 * "a message is waiting", friendship events and revocations, and an instance that stops beating.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WsCloseCode, type WsPresenceFrame } from '@hearth/common';
import type { Static } from 'typebox';
import { REDIS_TEST_URL, testRedisPrefix, withoutRedis } from '@hearth/test-kit/redis';
import { buildApp, type RelayApp } from '../app';
import { DEFAULT_CONFIG, type RelayConfig } from '../config';
import { createRedisBus } from '../bus/redis';
import type { Bus, BusHandler } from '../bus/port';
import { BUS_FENCE_MS } from '../bus/port';
import { act, api, befriend, createClock, createFamily, enrollDevice, expectStatus } from '../../test/helpers';
import {
  errorFor,
  listenForWs,
  messageWith,
  newMessageId,
  sendAndAck,
  settle,
  socketPool,
  type TestSocket,
} from '../../test/ws-client';

type PresenceFrame = Static<typeof WsPresenceFrame>;
const presenceOf = (accountId: string, state?: string) => (f: { type: string }) =>
  f.type === 'presence' &&
  (f as PresenceFrame).accountId === accountId &&
  (state === undefined || (f as PresenceFrame).state === state);
const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined };

type Instance = Readonly<{ app: RelayApp; url: string; bus: Bus; close: () => Promise<void> }>;

const closers: (() => Promise<void>)[] = [];
const sockets = socketPool();
afterEach(async () => {
  await sockets.closeAll();
  for (const close of closers.splice(0).reverse()) await close();
});

/** A bus whose messages reach this instance's handlers `ms` late: an instance that is slow to hear. */
function slowToHear(bus: Bus, ms: number): Bus {
  const wrapped = new Map<BusHandler, BusHandler>();
  return {
    ...bus,
    subscribe(channel, handler) {
      const late: BusHandler = (payload) => void setTimeout(() => handler(payload), ms);
      wrapped.set(handler, late);
      return bus.subscribe(channel, late);
    },
    unsubscribe: (channel, handler) => bus.unsubscribe(channel, wrapped.get(handler) ?? handler),
  };
}

/** Two relay instances on one data folder, each with its own Redis bus under one prefix; the second hears `slowTwoMs` late. */
async function twoInstances(slowTwoMs = 0): Promise<[Instance, Instance]> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-cluster-test-'));
  closers.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const prefix = testRedisPrefix();
  const clock = createClock();
  const start = async (name: string): Promise<Instance> => {
    const config: RelayConfig = Object.freeze({
      ...DEFAULT_CONFIG,
      dataDir,
      logLevel: 'silent',
      instanceName: name,
      passwordHash: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
      rateLimits: { ...DEFAULT_CONFIG.rateLimits, registerPerHour: 100_000 },
    });
    const redis = await createRedisBus({ url: REDIS_TEST_URL, prefix, instance: name, log: quiet });
    const bus = name === 'two' && slowTwoMs > 0 ? slowToHear(redis, slowTwoMs) : redis;
    const app = await buildApp(config, { now: clock.now, logger: false, bus });
    await app.ready();
    const url = await listenForWs(app);
    let closed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      await app.close();
      await redis.close();
    };
    closers.push(close);
    return { app, url, bus, close };
  };
  const one = await start('one');
  const two = await start('two');
  const end = Date.now() + 3_000;
  while (one.bus.instances().length < 2 || two.bus.instances().length < 2) {
    if (Date.now() > end) throw new Error('the instances never heard each other');
    await settle(20);
  }
  return [one, two];
}

const open = (instance: Instance, token: string): Promise<TestSocket> => sockets.open(instance.url, token);

describe.skipIf(await withoutRedis())('the realtime side on two instances', () => {
  it('shows a friend on the other instance in welcome, then every change of their state, then offline', async () => {
    const [one, two] = await twoInstances();
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    await befriend(one.app, a, b);

    const bSocket = await open(two, b.childToken);
    const aSocket = await open(one, a.childToken);
    const welcome = aSocket.frames.find((f) => f.type === 'welcome');
    expect(welcome).toMatchObject({ presence: [{ accountId: b.child.childId, state: 'online' }] });
    // And b, already connected on the other instance, hears a arrive.
    await bSocket.take(presenceOf(a.child.childId, 'online'));

    bSocket.send({ type: 'presence', state: 'in-call' });
    await aSocket.take(presenceOf(b.child.childId, 'in-call'));
    await bSocket.close();
    await aSocket.take(presenceOf(b.child.childId, 'offline'));
  });

  it('delivers a message at once to a device whose socket is on the other instance', async () => {
    const [one, two] = await twoInstances();
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    await befriend(one.app, a, b);
    const aSocket = await open(one, a.childToken);
    const bSocket = await open(two, b.childToken);
    await settle(100);

    const started = Date.now();
    const id = await sendAndAck(aSocket, b.child.childId);
    await bSocket.take(messageWith(id), 2_000);
    // Pushed through the bus, not found by a later poll of the queue.
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('passes a call-ice to the friend’s sockets on both instances, once each, and tells the sender nothing', async () => {
    const [one, two] = await twoInstances();
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    await befriend(one.app, a, b);
    const second = await enrollDevice(one.app, b.parent.token, [b.child.childId]);
    const aSocket = await open(one, a.childToken);
    const bThere = await open(two, b.childToken);
    const bHere = await open(one, (second.credentials[0] as { token: string }).token);
    const ice = { callId: 'callCluster01', role: 'offer', attempt: 2, sdp: 'v=0\r\na=ice-ufrag:Q7\r\n' } as const;
    aSocket.send({ type: 'call-ice', to: b.child.childId, ...ice });
    const relayed = { type: 'call-ice', from: a.child.childId, ...ice };
    expect(await bThere.take((f) => f.type === 'call-ice', 2_000)).toEqual(relayed);
    expect(await bHere.take((f) => f.type === 'call-ice')).toEqual(relayed);
    await settle();
    expect([bThere, bHere].map((s) => s.frames.filter((f) => f.type === 'call-ice').length)).toEqual([1, 1]);
    expect(aSocket.frames.filter((f) => f.type === 'call-ice' || f.type === 'error')).toEqual([]);
  });

  it('refuses the next call-ice after a block made on the other instance', async () => {
    const [one, two] = await twoInstances(300);
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    const friendshipId = await befriend(one.app, a, b);
    const aSocket = await open(two, a.childToken);
    const bSocket = await open(one, b.childToken);
    const ice = { type: 'call-ice', to: b.child.childId, callId: 'callCluster02', role: 'offer', sdp: 'v=0' } as const;
    aSocket.send({ ...ice, attempt: 1 });
    await bSocket.take((f) => f.type === 'call-ice', 2_000);
    await act(one.app, a.parent.token, friendshipId, 'block');
    aSocket.send({ ...ice, attempt: 2 });
    expect(await aSocket.take((f) => f.type === 'error')).toMatchObject({ code: 'NOT_FRIENDS' });
    await settle();
    expect(bSocket.frames.filter((f) => f.type === 'call-ice')).toHaveLength(1);
  });

  it('applies a block made on one instance to presence on the other', async () => {
    const [one, two] = await twoInstances();
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    const friendshipId = await befriend(one.app, a, b);
    const aSocket = await open(two, a.childToken);
    const bSocket = await open(two, b.childToken);
    await aSocket.take(presenceOf(b.child.childId, 'online'));
    await act(one.app, a.childToken, friendshipId, 'block');
    // The blocked child sees the blocker go offline (as any friend does), pushed by the other instance.
    await bSocket.take(presenceOf(a.child.childId, 'offline'));
  });

  it('answers a block only once the other instance applied it: the very next frame there is refused', async () => {
    // The other instance hears the bus 300 ms late; the answer waits for it (within the 2 s fence).
    const [one, two] = await twoInstances(300);
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    const friendshipId = await befriend(one.app, a, b);
    const aSocket = await open(two, a.childToken);
    await sendAndAck(aSocket, b.child.childId);
    await act(one.app, a.childToken, friendshipId, 'block');
    const id = newMessageId();
    aSocket.send({ type: 'send', id, to: b.child.childId, content: { kind: 'text', text: 'hi' } });
    expect(await aSocket.take(errorFor(id))).toMatchObject({ code: 'NOT_FRIENDS' });
  });

  it('closes a revoked credential’s socket on the other instance at once', async () => {
    const [one, two] = await twoInstances();
    const a = await createFamily(one.app);
    const aSocket = await open(two, a.childToken);
    expectStatus(await api(one.app, 'DELETE', `/v1/devices/${a.deviceId}`, { token: a.parent.token }), 204);
    const closed = await Promise.race([aSocket.closed, settle(1_000).then(() => undefined)]);
    expect(closed?.code).toBe(WsCloseCode.Unauthenticated);
  });

  it('keeps one socket per device session across instances: a newer one on the other instance replaces the first', async () => {
    const [one, two] = await twoInstances();
    const a = await createFamily(one.app);
    const first = await open(one, a.childToken);
    await open(two, a.childToken);
    const closed = await Promise.race([first.closed, settle(1_000).then(() => undefined)]);
    expect(closed?.code).toBe(WsCloseCode.Replaced);
  });

  it('takes the friends of an instance that stopped beating offline within the fencing window', async () => {
    const [one, two] = await twoInstances();
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    await befriend(one.app, a, b);
    const aSocket = await open(one, a.childToken);
    await open(two, b.childToken);
    await aSocket.take(presenceOf(b.child.childId, 'online'));

    // Instance two stops without a word, as a killed process does: its sockets say nothing more
    // on the bus, and its heartbeat stops.
    await two.close();
    const started = Date.now();
    await aSocket.take(presenceOf(b.child.childId, 'offline'), BUS_FENCE_MS + 2_000);
    expect(Date.now() - started).toBeLessThan(BUS_FENCE_MS + 1_500);
    // Its presence keys outlive it (30 s), but nobody reads a silent instance's keys: a newcomer sees b offline.
    expect(await one.bus.get(`presence:${b.child.childId}:two`)).toBe('online');
    const bParent = await open(one, b.parent.token);
    expect(bParent.frames.find((f) => f.type === 'welcome')).toMatchObject({ presence: [] });
  });
});

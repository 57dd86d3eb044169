/**
 * Quiet time on two relay instances joined by a real Redis bus (issue 13's cluster): a guardian's
 * change on one instance reaches the child's socket on the other, friends on either instance see
 * the child go and come back, and held messages reach the child wherever its socket is.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WsQuietFrame, WsServerFrame } from '@hearth/common';
import { REDIS_TEST_URL, testRedisPrefix, withoutRedis } from '@hearth/test-kit/redis';
import { buildApp, type RelayApp } from '../app';
import { DEFAULT_CONFIG, type RelayConfig } from '../config';
import { createRedisBus } from '../bus/redis';
import {
  api,
  befriend,
  createClock,
  createFamily,
  DEVICE_INFO,
  expectStatus,
  registerParentDevice,
  type TestClock,
} from '../../test/helpers';
import { errorFor, listenForWs, messageWith, newMessageId, sendAndAck, settle, socketPool, text } from '../../test/ws-client';

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };
type Instance = Readonly<{ app: RelayApp; url: string }>;

const closers: (() => Promise<void>)[] = [];
const sockets = socketPool();
afterEach(async () => {
  await sockets.closeAll();
  for (const close of closers.splice(0).reverse()) await close();
});

async function twoInstances(): Promise<[Instance, Instance, TestClock]> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-quiet-cluster-'));
  closers.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const prefix = testRedisPrefix();
  const clock = createClock();
  const start = async (name: string): Promise<Instance & { bus: Awaited<ReturnType<typeof createRedisBus>> }> => {
    const config: RelayConfig = Object.freeze({
      ...DEFAULT_CONFIG,
      dataDir,
      logLevel: 'silent',
      instanceName: name,
      passwordHash: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
      rateLimits: { ...DEFAULT_CONFIG.rateLimits, registerPerHour: 100_000 },
    });
    const bus = await createRedisBus({ url: REDIS_TEST_URL, prefix, instance: name, log: silent });
    const app = await buildApp(config, { now: clock.now, logger: false, bus });
    await app.ready();
    const url = await listenForWs(app);
    closers.push(async () => {
      await app.close();
      await bus.close();
    });
    return { app, url, bus };
  };
  const one = await start('one');
  const two = await start('two');
  const end = Date.now() + 3_000;
  while (one.bus.instances().length < 2 || two.bus.instances().length < 2) {
    if (Date.now() > end) throw new Error('the instances never heard each other');
    await settle(20);
  }
  return [one, two, clock];
}

const presenceOf = (accountId: string, state: string) => (f: WsServerFrame) =>
  f.type === 'presence' && f.accountId === accountId && f.state === state;
const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe.skipIf(await withoutRedis())('quiet time on two instances', () => {
  it('carries a guardian’s change to the other instance, and the end of quiet too', async () => {
    const [one, two, clock] = await twoInstances();
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    await befriend(one.app, a, b);
    const kid = await sockets.open(one.url, a.childToken);
    const friend = await sockets.open(two.url, b.childToken);
    expect(friend.frames.find((f) => f.type === 'welcome')).toMatchObject({
      presence: [{ accountId: a.child.childId, state: 'online' }],
    });

    // Changed through instance two; the child's socket is on instance one.
    expectStatus(
      await api(two.app, 'PUT', `/v1/children/${a.child.childId}/quiet`, {
        token: a.parent.token,
        body: {
          quiet: { ...none, mon: [{ start: '08:00', end: '09:30' }] },
          dailyLimitMinutes: null,
          trustedGrownUpsReach: false,
        },
      }),
      200,
    );
    expect((await kid.take<WsQuietFrame>((f) => f.type === 'quiet' && (f as WsQuietFrame).status.quiet)).status).toMatchObject({
      endsAt: '09:30',
    });
    await friend.take(presenceOf(a.child.childId, 'offline'));
    const id = newMessageId();
    kid.send({ type: 'send', id, to: b.child.childId, content: text('psst') });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'QUIET_HOURS' });
    const held = await sendAndAck(friend, a.child.childId, text('morning!'));
    await settle();
    expect(kid.frames.filter(messageWith(held))).toEqual([]);

    // Quiet ends on the relay clock: instance one (the child's) notices; the friend on two sees it back.
    clock.advance(30 * 60_000);
    await one.app.realtime.quietTick();
    await two.app.realtime.quietTick();
    await kid.take(messageWith(held));
    await friend.take(presenceOf(a.child.childId, 'online'));
    await sendAndAck(kid, b.child.childId, text('hi!'));
  });

  it('tells a guardian’s parent-mode socket on the other instance where the child stands, and nobody else', async () => {
    const [one, two, clock] = await twoInstances();
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    await befriend(one.app, a, b);
    await registerParentDevice(one.app, a.parent.token);
    await registerParentDevice(one.app, b.parent.token);
    const kid = await sockets.open(one.url, a.childToken);
    const mum = await sockets.open(two.url, a.parent.token);
    const otherParent = await sockets.open(two.url, b.parent.token);
    const ofKid = (quiet: boolean) => (f: WsServerFrame) =>
      f.type === 'quiet' && f.childId === a.child.childId && f.status.quiet === quiet;

    expectStatus(
      await api(one.app, 'PUT', `/v1/children/${a.child.childId}/quiet`, {
        token: a.parent.token,
        body: {
          quiet: { ...none, mon: [{ start: '08:00', end: '09:30' }] },
          dailyLimitMinutes: null,
          trustedGrownUpsReach: false,
        },
      }),
      200,
    );
    await kid.take(ofKid(true));
    expect((await mum.take<WsQuietFrame>(ofKid(true))).status).toMatchObject({ reason: 'schedule', endsAt: '09:30' });
    clock.advance(30 * 60_000);
    await one.app.realtime.quietTick();
    await two.app.realtime.quietTick();
    await mum.take(ofKid(false));
    await settle();
    expect(otherParent.frames.filter((f) => f.type === 'quiet')).toEqual([]);
  });

  it("carries a PC's new quiet-hours floor (issue 17) to the instance its socket is on, and its removal", async () => {
    const [one, two] = await twoInstances();
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    await befriend(one.app, a, b);
    const kid = await sockets.open(two.url, a.childToken);
    // Instance two has read (and cached) this PC's floor: none.
    await sendAndAck(kid, b.child.childId, text('before'));
    const putInfo = async (info: unknown): Promise<void> => {
      const res = await api(one.app, 'PUT', `/v1/devices/${a.deviceId}/info`, { token: a.childToken, body: { info } });
      expect(res.status).toBe(204);
    };
    await putInfo({ ...DEVICE_INFO, quietFloor: { start: '08:00', end: '10:00' } });
    await kid.take((f) => f.type === 'quiet' && f.status.quiet);
    const id = newMessageId();
    kid.send({ type: 'send', id, to: b.child.childId, content: text('psst') });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'QUIET_HOURS' });
    await putInfo(DEVICE_INFO);
    await kid.take((f) => f.type === 'quiet' && !f.status.quiet);
    await sendAndAck(kid, b.child.childId, text('after'));
  });
});

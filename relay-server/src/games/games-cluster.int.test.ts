/**
 * The games switch on two relay instances joined by a real Redis bus (issue 13's cluster): a
 * guardian's change made through one instance reaches the child's socket on the other at once,
 * and a game move sent through the other is refused from the very next frame.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REDIS_TEST_URL, testRedisPrefix, withoutRedis } from '@hearth/test-kit/redis';
import { ulid } from 'ulid';
import { buildApp, type RelayApp } from '../app';
import { DEFAULT_CONFIG, type RelayConfig } from '../config';
import { createRedisBus } from '../bus/redis';
import { api, befriend, createClock, createFamily, expectStatus } from '../../test/helpers';
import { errorFor, listenForWs, newMessageId, settle, socketPool } from '../../test/ws-client';

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };
type Instance = Readonly<{ app: RelayApp; url: string }>;

const closers: (() => Promise<void>)[] = [];
const sockets = socketPool();
afterEach(async () => {
  await sockets.closeAll();
  for (const close of closers.splice(0).reverse()) await close();
});

async function twoInstances(): Promise<[Instance, Instance]> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-games-cluster-'));
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
  return [one, two];
}

describe.skipIf(await withoutRedis())('the games switch on two instances', () => {
  it('tells the child’s socket on the other instance, which refuses the next game move', async () => {
    const [one, two] = await twoInstances();
    const a = await createFamily(one.app);
    const b = await createFamily(one.app);
    await befriend(one.app, a, b);
    const kid = await sockets.open(two.url, a.childToken);
    expect(await kid.take((f) => f.type === 'games')).toEqual({ type: 'games', enabled: true });

    const off = { token: a.parent.token, body: { enabled: false } };
    expectStatus(await api(one.app, 'PUT', `/v1/children/${a.child.childId}/games`, off), 200);
    expect(await kid.take((f) => f.type === 'games')).toEqual({ type: 'games', enabled: false });

    const id = newMessageId();
    const envelope = { game: 'four-in-a-row', matchId: ulid(), version: 1, move: { column: 0 }, stateHash: 'c'.repeat(64) };
    kid.send({ type: 'send', id, to: b.child.childId, content: { kind: 'game-move', moves: [envelope] } });
    expect(await kid.take(errorFor(id))).toMatchObject({ code: 'GAMES_OFF' });
  });
});

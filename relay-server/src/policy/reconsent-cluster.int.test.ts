/**
 * The end of a policy change's grace period (F15) on two relay instances joined by a real Redis
 * bus (issue 13's cluster): every waiting child is told wherever its socket is, friends on either
 * instance see those children go, and a child that connects later is told at its welcome.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { WsServerFrame } from '@hearth/common';
import { REDIS_TEST_URL, testRedisPrefix, withoutRedis } from '@hearth/test-kit/redis';
import { buildApp, type RelayApp } from '../app';
import { DEFAULT_CONFIG, type RelayConfig } from '../config';
import { createRedisBus } from '../bus/redis';
import { api, befriend, createClock, createFamily, enrollDevice, expectStatus, type TestFamily } from '../../test/helpers';
import { listenForWs, settle, socketPool } from '../../test/ws-client';

const OLD = '2026-01-01';
const NEW = '2026-06-01';
const DAY = 24 * 60 * 60 * 1000;
const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };
type Instance = Readonly<{ app: RelayApp; url: string }>;

const closers: (() => Promise<void>)[] = [];
const sockets = socketPool();
afterEach(async () => {
  await sockets.closeAll();
  for (const close of closers.splice(0).reverse()) await close();
});

const policyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-reconsent-cluster-policy-'));
for (const version of [OLD, NEW]) {
  await fs.mkdir(path.join(policyDir, version));
  for (const lang of ['en', 'es']) {
    await fs.writeFile(path.join(policyDir, version, `${lang}.md`), `# Policy ${version} ${lang}`);
    await fs.writeFile(path.join(policyDir, version, `changes.${lang}.md`), `What changed in ${version} (${lang})`);
  }
}
afterAll(() => fs.rm(policyDir, { recursive: true, force: true }));

const consentTo = (version: string) => ({ policyVersion: version, method: 'checkbox', agreed: true }) as const;

function configFor(dataDir: string, version: string, instanceName?: string): RelayConfig {
  return Object.freeze({
    ...DEFAULT_CONFIG,
    dataDir,
    logLevel: 'silent',
    policyDir,
    policyVersion: version,
    ...(instanceName ? { instanceName } : {}),
    passwordHash: { memoryCostKiB: 1024, timeCost: 1, parallelism: 1 },
    rateLimits: { ...DEFAULT_CONFIG.rateLimits, registerPerHour: 100_000 },
  });
}

/**
 * Families A and C (consented to the old version only) are friends of B, whose child is on two
 * PCs; then the relay comes back as two instances serving the new version, and B's guardian
 * consents to it.
 */
async function world(): Promise<
  Readonly<{
    one: Instance;
    two: Instance;
    clock: ReturnType<typeof createClock>;
    a: TestFamily;
    b: TestFamily;
    c: TestFamily;
    bSecondToken: string;
  }>
> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-reconsent-cluster-'));
  closers.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const clock = createClock();
  const before = await buildApp(configFor(dataDir, OLD), { now: clock.now, logger: false });
  await before.ready();
  const a = await createFamily(before, { consent: consentTo(OLD) });
  const b = await createFamily(before, { consent: consentTo(OLD) });
  const c = await createFamily(before, { consent: consentTo(OLD) });
  await befriend(before, a, b);
  await befriend(before, c, b);
  const bSecondToken = (await enrollDevice(before, b.parent.token, [b.child.childId])).credentials[0]?.token ?? '';
  await before.close();

  const prefix = testRedisPrefix();
  const start = async (name: string): Promise<Instance & { bus: Awaited<ReturnType<typeof createRedisBus>> }> => {
    const bus = await createRedisBus({ url: REDIS_TEST_URL, prefix, instance: name, log: silent });
    const app = await buildApp(configFor(dataDir, NEW, name), { now: clock.now, logger: false, bus });
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
  expectStatus(
    await api(two.app, 'POST', '/v1/policy-review/consent', { token: b.parent.token, body: { consent: consentTo(NEW) } }),
    200,
  );
  return { one, two, clock, a, b, c, bSecondToken };
}

const presenceOf = (accountId: string, state: string) => (f: WsServerFrame) =>
  f.type === 'presence' && f.accountId === accountId && f.state === state;
const waiting = (f: WsServerFrame): boolean => f.type === 'reconsent' && f.waiting;

describe.skipIf(await withoutRedis())('the end of the grace period on two instances', () => {
  it('tells every waiting child wherever it is connected, and friends on both instances see them go', async () => {
    const { one, two, clock, a, b, c, bSecondToken } = await world();
    const aKid = await sockets.open(one.url, a.childToken);
    const cKid = await sockets.open(two.url, c.childToken);
    const bOnOne = await sockets.open(one.url, b.childToken);
    const bOnTwo = await sockets.open(two.url, bSecondToken);
    for (const s of [bOnOne, bOnTwo]) {
      const welcome = s.frames.find((f) => f.type === 'welcome');
      expect(welcome?.type === 'welcome' && welcome.presence.map((p) => p.accountId).sort()).toEqual(
        [a.child.childId, c.child.childId].sort(),
      );
    }
    // Still within the grace period: nobody is told anything.
    clock.advance(29 * DAY);
    await one.app.realtime.sweep();
    await two.app.realtime.sweep();
    await settle(200);
    expect([...aKid.frames, ...cKid.frames].filter(waiting)).toEqual([]);

    // The grace period ends; only instance one's housekeeping has run so far.
    clock.advance(2 * DAY);
    await one.app.realtime.sweep();
    await aKid.take(waiting);
    await cKid.take(waiting);
    for (const s of [bOnOne, bOnTwo]) {
      await s.take(presenceOf(a.child.childId, 'offline'));
      await s.take(presenceOf(c.child.childId, 'offline'));
    }
    // The waiting children see their friend go too; then instance two's own housekeeping tells no one twice.
    await aKid.take(presenceOf(b.child.childId, 'offline'));
    await cKid.take(presenceOf(b.child.childId, 'offline'));
    await two.app.realtime.sweep();
    await settle(200);
    expect(cKid.frames.filter(waiting)).toHaveLength(1);
  });

  it('tells a waiting child that connects after the end, on either instance, at its welcome', async () => {
    const { one, two, clock, a, c } = await world();
    clock.advance(31 * DAY);
    await one.app.realtime.sweep();
    await two.app.realtime.sweep();
    const aKid = await sockets.open(two.url, a.childToken);
    const cKid = await sockets.open(one.url, c.childToken);
    await aKid.take(waiting);
    await cKid.take(waiting);
    expect(aKid.frames.find((f) => f.type === 'welcome')).toMatchObject({ presence: [] });
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { REDIS_TEST_URL, testRedisPrefix, withoutRedis } from '@hearth/test-kit/redis';
import { createInProcessBus } from './in-process';
import type { Bus } from './port';
import { createRedisBus } from './redis';

const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined };
const noRedis = await withoutRedis();

/** Resolves once `check` holds, polling; fails after `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}

type Kind = Readonly<{ name: string; skip: boolean; open: (instance?: string) => Promise<Bus> }>;

const opened: Bus[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((b) => b.close()));
});

const kinds: Kind[] = [
  { name: 'in-process', skip: false, open: async (instance = 'one') => createInProcessBus(instance) },
  {
    name: 'redis',
    skip: noRedis,
    open: async (instance = 'one') => {
      const bus = await createRedisBus({ url: REDIS_TEST_URL, prefix: testRedisPrefix(), instance, log: quiet });
      await until(() => bus.isLive());
      return bus;
    },
  },
];

for (const kind of kinds) {
  describe.skipIf(kind.skip)(`the ${kind.name} bus`, () => {
    const open = async (): Promise<Bus> => {
      const bus = await kind.open();
      opened.push(bus);
      return bus;
    };

    it('delivers a publish to every handler of that channel, the publisher included, and to no other channel', async () => {
      const bus = await open();
      const got: string[] = [];
      await bus.subscribe('a', (p) => got.push(`1:${p}`));
      await bus.subscribe('a', (p) => got.push(`2:${p}`));
      await bus.subscribe('b', (p) => got.push(`b:${p}`));
      await bus.publish('a', 'hi');
      await until(() => got.length >= 2);
      await sleep(50);
      expect(got.sort()).toEqual(['1:hi', '2:hi']);
    });

    it('keeps the order of one publisher’s messages', async () => {
      const bus = await open();
      const got: string[] = [];
      await bus.subscribe('order', (p) => got.push(p));
      const sent = Array.from({ length: 50 }, (_, i) => String(i));
      await Promise.all(sent.map((p) => bus.publish('order', p)));
      await until(() => got.length === 50);
      expect(got).toEqual(sent);
    });

    it('stops delivering to an unsubscribed handler and keeps the others', async () => {
      const bus = await open();
      const got: string[] = [];
      const first = (p: string): void => void got.push(`1:${p}`);
      await bus.subscribe('a', first);
      await bus.subscribe('a', (p) => got.push(`2:${p}`));
      await bus.unsubscribe('a', first);
      await bus.publish('a', 'x');
      await until(() => got.length >= 1);
      await sleep(50);
      expect(got).toEqual(['2:x']);
    });

    it('keeps a key until its time to live passes', async () => {
      const bus = await open();
      await bus.put('k', 'v', 200);
      expect(await bus.get('k')).toBe('v');
      expect(await bus.getMany(['k', 'missing'])).toEqual(['v', undefined]);
      await sleep(300);
      expect(await bus.get('k')).toBeUndefined();
      expect(await bus.getMany([])).toEqual([]);
    });

    it('sets a key only if absent, and removes it only while it holds the value given', async () => {
      const bus = await open();
      expect(await bus.putIfAbsent('owner', 'me', 5_000)).toBe(true);
      expect(await bus.putIfAbsent('owner', 'you', 5_000)).toBe(false);
      expect(await bus.get('owner')).toBe('me');
      await bus.remove('owner', 'you');
      expect(await bus.get('owner')).toBe('me');
      await bus.remove('owner', 'me');
      expect(await bus.get('owner')).toBeUndefined();
      await bus.put('plain', 'x', 5_000);
      await bus.remove('plain');
      expect(await bus.get('plain')).toBeUndefined();
    });

    it('is live and counts itself among the instances', async () => {
      const bus = await open();
      expect(bus.isLive()).toBe(true);
      expect(bus.instances()).toEqual(['one']);
    });
  });
}

describe.skipIf(noRedis)('the Redis bus between instances', () => {
  const open = async (
    instance: string,
    prefix: string,
    extra: Partial<Parameters<typeof createRedisBus>[0]> = {},
  ): Promise<Bus> => {
    const bus = await createRedisBus({ url: REDIS_TEST_URL, prefix, instance, log: quiet, ...extra });
    opened.push(bus);
    return bus;
  };

  it('carries messages and keys between instances of one prefix, and never across prefixes', async () => {
    const prefix = testRedisPrefix();
    const [a, b, other] = await Promise.all([open('a', prefix), open('b', prefix), open('c', testRedisPrefix())]);
    const atB: string[] = [];
    const atOther: string[] = [];
    await b.subscribe('ch', (p) => atB.push(p));
    await other.subscribe('ch', (p) => atOther.push(p));
    await a.publish('ch', 'from a');
    await until(() => atB.length === 1);
    await a.put('shared', 'yes', 5_000);
    expect(await b.get('shared')).toBe('yes');
    expect(await other.get('shared')).toBeUndefined();
    await until(() => a.instances().length === 2 && b.instances().length === 2);
    expect(a.instances()).toEqual(['a', 'b']);
    expect(other.instances()).toEqual(['c']);
    expect(atOther).toEqual([]);
  });

  it('drops an instance it stopped hearing from once the fencing window passed', async () => {
    const prefix = testRedisPrefix();
    const [a, b] = await Promise.all([open('a', prefix), open('b', prefix)]);
    await until(() => a.instances().length === 2);
    await b.close();
    await sleep(500);
    expect(a.instances()).toEqual(['a', 'b']);
    await until(() => a.instances().length === 1, 3_000);
    expect(a.instances()).toEqual(['a']);
  });

  it('refuses to start with a sentence when Redis does not answer', async () => {
    await expect(
      createRedisBus({
        url: 'redis://127.0.0.1:1',
        prefix: testRedisPrefix(),
        instance: 'x',
        log: quiet,
        connectTimeoutMs: 1_000,
      }),
    ).rejects.toThrow(/The bus at redis:\/\/127\.0\.0\.1:1 does not answer/);
  });
});

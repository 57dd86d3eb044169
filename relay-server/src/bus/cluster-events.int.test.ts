import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { REDIS_TEST_URL, testRedisPrefix, withoutRedis } from '@hearth/test-kit/redis';
import { createClusterEvents, type ClusterEvents } from './cluster-events';
import { createInProcessBus } from './in-process';
import { BUS_FENCE_MS, type Bus } from './port';
import { createRedisBus } from './redis';

type Map = { changed: [row: Readonly<{ id: string; n: number }>] };
const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined };

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(10);
  }
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** An instance: its bus and its events, connected. */
async function instance(
  bus: Bus,
): Promise<Readonly<{ events: ClusterEvents<Map>; heard: Readonly<{ n: number; remote: boolean }>[] }>> {
  const events = createClusterEvents<Map>();
  const heard: { n: number; remote: boolean }[] = [];
  events.on('changed', (row) => heard.push({ n: row.n, remote: events.fromElsewhere }));
  await events.connect(bus, quiet);
  closers.push(() => events.disconnect());
  return { events, heard };
}

describe('events on the in-process bus', () => {
  it('run their listeners at once, inside the emit, and an announcement answers at once', async () => {
    const { events, heard } = await instance(createInProcessBus('one'));
    events.emit('changed', { id: 'x', n: 1 });
    expect(heard).toEqual([{ n: 1, remote: false }]);
    await events.announce('changed', { id: 'x', n: 2 });
    expect(heard).toEqual([
      { n: 1, remote: false },
      { n: 2, remote: false },
    ]);
  });
});

describe.skipIf(await withoutRedis())('events between instances on Redis', () => {
  async function cluster(names: readonly string[]): Promise<Bus[]> {
    const prefix = testRedisPrefix();
    const buses = await Promise.all(
      names.map((name) => createRedisBus({ url: REDIS_TEST_URL, prefix, instance: name, log: quiet })),
    );
    for (const bus of buses) closers.push(() => bus.close());
    await until(() => buses.every((b) => b.instances().length === names.length));
    return buses;
  }

  it('reach every other instance once, marked as from elsewhere, and run here at once', async () => {
    const [a, b, c] = await cluster(['a', 'b', 'c']);
    const [at, bt, ct] = [await instance(a!), await instance(b!), await instance(c!)];
    at.events.emit('changed', { id: 'x', n: 1 });
    expect(at.heard).toEqual([{ n: 1, remote: false }]);
    await until(() => bt.heard.length === 1 && ct.heard.length === 1);
    await sleep(100);
    expect(at.heard).toEqual([{ n: 1, remote: false }]);
    expect(bt.heard).toEqual([{ n: 1, remote: true }]);
    expect(ct.heard).toEqual([{ n: 1, remote: true }]);
  });

  it('answer an announcement once every live instance ran its listeners', async () => {
    const [a, b, c] = await cluster(['a', 'b', 'c']);
    const [at, bt, ct] = [await instance(a!), await instance(b!), await instance(c!)];
    const started = Date.now();
    await at.events.announce('changed', { id: 'x', n: 7 });
    expect(Date.now() - started).toBeLessThan(BUS_FENCE_MS / 2);
    // Not "soon after": already, when the announcement answered.
    expect(bt.heard).toEqual([{ n: 7, remote: true }]);
    expect(ct.heard).toEqual([{ n: 7, remote: true }]);
    expect(at.heard).toEqual([{ n: 7, remote: false }]);
  });

  it('answer an announcement once the fencing window passed for an instance that did not confirm', async () => {
    const [a, b] = await cluster(['a', 'b']);
    const at = await instance(a!);
    // b's bus still beats (a counts it live) but nothing on b listens to events: it never confirms.
    void b;
    const started = Date.now();
    await at.events.announce('changed', { id: 'x', n: 1 });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(BUS_FENCE_MS - 50);
    expect(took).toBeLessThan(BUS_FENCE_MS + 1_000);
  });

  it('answer an announcement at once when no other instance is live', async () => {
    const [a] = await cluster(['a']);
    const at = await instance(a!);
    const started = Date.now();
    await at.events.announce('changed', { id: 'x', n: 1 });
    expect(Date.now() - started).toBeLessThan(200);
    expect(at.heard).toEqual([{ n: 1, remote: false }]);
  });
});

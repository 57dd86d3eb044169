import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { REDIS_TEST_URL, testRedisPrefix, withoutRedis } from '@hearth/test-kit/redis';
import { BUS_FENCE_MS, type Bus } from './port';
import { createRedisBus } from './redis';

const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined };

async function until(check: () => boolean, ms: number): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await sleep(20);
  }
  return Date.now() - start;
}

/**
 * A proxy in front of Redis whose traffic a test can hold back (a network that stalls: the
 * connections stay open, nothing passes) or cut (connections die, new ones are refused).
 */
async function startRedisProxy(): Promise<
  Readonly<{ url: string; stall(on: boolean): void; down(on: boolean): void; close(): Promise<void> }>
> {
  const target = new URL(REDIS_TEST_URL);
  const sockets = new Set<net.Socket>();
  const held: (() => void)[] = [];
  let stalled = false;
  let isDown = false;
  const forward = (from: net.Socket, to: net.Socket): void => {
    from.on('data', (chunk) => {
      if (stalled) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
  };
  const server = net.createServer((client) => {
    if (isDown) return void client.destroy();
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const cut = (): void => {
    for (const s of sockets) s.destroy();
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    stall(on) {
      stalled = on;
      if (!on) for (const release of held.splice(0)) release();
    },
    down(on) {
      isDown = on;
      if (on) cut();
    },
    close: () =>
      new Promise((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe.skipIf(await withoutRedis())('the Redis bus fences itself', () => {
  async function setUp(): Promise<
    Readonly<{ bus: Bus; proxy: Awaited<ReturnType<typeof startRedisProxy>>; changes: boolean[] }>
  > {
    const proxy = await startRedisProxy();
    closers.push(() => proxy.close());
    const bus = await createRedisBus({ url: proxy.url, prefix: testRedisPrefix(), instance: 'one', log: quiet });
    closers.push(() => bus.close());
    const changes: boolean[] = [];
    bus.onLiveChange((live) => changes.push(live));
    await until(() => bus.isLive(), 3_000);
    return { bus, proxy, changes };
  }

  it('stops trusting itself within the fencing window when the bus stalls, and trusts again once it hears the heartbeat', async () => {
    const { bus, proxy, changes } = await setUp();
    expect(changes).toEqual([true]);
    proxy.stall(true);
    const took = await until(() => changes.length === 2, BUS_FENCE_MS + 1_000);
    // Not before the window (it heard the bus a moment ago), not long after it.
    expect(took).toBeGreaterThan(BUS_FENCE_MS - 700);
    expect(changes).toEqual([true, false]);
    expect(bus.isLive()).toBe(false);
    expect(bus.instances()).toEqual([]);
    proxy.stall(false);
    await until(() => bus.isLive(), 2_000);
    expect(changes).toEqual([true, false, true]);
    expect(bus.instances()).toEqual(['one']);
  });

  it('loses liveness at once when the connection drops, reconnects by itself and resubscribes its channels', async () => {
    const { bus, proxy, changes } = await setUp();
    const got: string[] = [];
    await bus.subscribe('still-here', (p) => got.push(p));
    proxy.down(true);
    await until(() => !bus.isLive(), 500);
    await expect(bus.publish('still-here', 'lost')).rejects.toThrow();
    await sleep(1_500);
    expect(bus.isLive()).toBe(false);
    proxy.down(false);
    await until(() => bus.isLive(), 5_000);
    expect(changes).toEqual([true, false, true]);
    await bus.publish('still-here', 'after');
    await until(() => got.length === 1, 2_000);
    expect(got).toEqual(['after']);
  });
});

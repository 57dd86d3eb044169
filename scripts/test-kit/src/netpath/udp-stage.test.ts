/**
 * The impaired link (pure, seeded: exact counts) and the UDP stage on real loopback sockets
 * (statistical bounds wide enough for a busy machine, narrow enough to catch a wrong setting).
 */
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { createLink, HOME_WIFI, impairment, seededRandom } from './impairment';
import { startUdpStage, type UdpStage } from './udp-stage';

describe('an impaired link', () => {
  it('is the same for the same seed, and different for another', () => {
    const fates = (seed: number): string =>
      JSON.stringify(Array.from({ length: 200 }, (_, i) => createLink(HOME_WIFI, seededRandom(seed)).decide(100, i * 10)));
    const run = (seed: number): string => {
      const link = createLink(impairment({ loss: 0.1, delayMs: 50, jitterMs: 20 }), seededRandom(seed));
      return JSON.stringify(Array.from({ length: 200 }, (_, i) => link.decide(100, i * 10)));
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
    expect(fates(1)).toBe(fates(1));
  });

  it('loses about the share it is told to, and delays within delay ± jitter', () => {
    const link = createLink(impairment({ loss: 0.03, delayMs: 80, jitterMs: 20 }), seededRandom(42));
    const fates = Array.from({ length: 20_000 }, (_, i) => link.decide(1000, i * 10));
    const lost = fates.filter((f) => f.drop).length / fates.length;
    expect(lost).toBeGreaterThan(0.025);
    expect(lost).toBeLessThan(0.035);
    const delays = fates.flatMap((f) => (f.drop ? [] : [f.delayMs]));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...delays)).toBeLessThanOrEqual(100);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(Math.abs(mean - 80)).toBeLessThan(1);
  });

  it('caps the rate: a burst queues, and past the queue it is dropped', () => {
    // 1 Mbit/s: a 1250-byte packet takes 10 ms; a queue of 100 ms holds about 10 of them.
    const link = createLink(impairment({ rateBps: 1_000_000, queueMs: 100 }), seededRandom(1));
    const fates = Array.from({ length: 30 }, () => link.decide(1250, 0));
    const sent = fates.filter((f) => !f.drop);
    expect(sent).toHaveLength(11);
    expect(sent.map((f) => Math.round((f as { delayMs: number }).delayMs))).toEqual([
      10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110,
    ]);
    expect(fates.filter((f) => f.drop && f.why === 'queue')).toHaveLength(19);
    // Spread out under the rate, nothing queues.
    const spread = Array.from({ length: 30 }, (_, i) => link.decide(1250, 1000 + i * 20));
    expect(spread.every((f) => !f.drop && f.delayMs === 10)).toBe(true);
  });

  it('holds back a share of packets so later ones overtake them', () => {
    const link = createLink(impairment({ delayMs: 10, reorder: 0.1, reorderMs: 30 }), seededRandom(3));
    const arrivals = Array.from({ length: 1000 }, (_, i) => {
      const f = link.decide(100, i * 5);
      return { i, at: i * 5 + (f.drop ? 0 : f.delayMs) };
    });
    const order = [...arrivals].sort((a, b) => a.at - b.at).map((a) => a.i);
    const overtaken = order.filter((v, k) => k > 0 && v < order[k - 1]!).length;
    expect(overtaken).toBeGreaterThan(50);
    expect(overtaken).toBeLessThan(150);
  });

  it('drops everything while down, and passes again when up', () => {
    const link = createLink(impairment({ down: true }), seededRandom(1));
    expect(link.decide(100, 0)).toEqual({ drop: true, why: 'down' });
    link.set(impairment());
    expect(link.decide(100, 1)).toEqual({ drop: false, delayMs: 0 });
  });
});

describe('the UDP stage', () => {
  let stage: UdpStage | null = null;
  const sockets: dgram.Socket[] = [];
  afterEach(async () => {
    await stage?.close();
    stage = null;
    for (const s of sockets.splice(0)) s.close();
  });

  /** An echo server standing in for TURN, and a client; returns the echoes' round trips (ms) by sequence number. */
  async function world(): Promise<{ client: dgram.Socket; rtts: Map<number, number>; send: (n: number) => void }> {
    const echo = dgram.createSocket('udp4');
    echo.on('message', (m, r) => echo.send(m, r.port, r.address));
    await new Promise<void>((resolve) => echo.bind(0, '127.0.0.1', resolve));
    stage = await startUdpStage({ listenHost: '127.0.0.1', upstream: { host: '127.0.0.1', port: echo.address().port }, seed: 5 });
    const client = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => client.bind(0, '127.0.0.1', resolve));
    sockets.push(echo, client);
    const sentAt = new Map<number, number>();
    const rtts = new Map<number, number>();
    client.on('message', (m) => {
      const n = m.readUInt32BE(0);
      rtts.set(n, performance.now() - sentAt.get(n)!);
    });
    const { port } = stage;
    const send = (n: number): void => {
      const b = Buffer.alloc(200);
      b.writeUInt32BE(n, 0);
      sentAt.set(n, performance.now());
      client.send(b, port, '127.0.0.1');
    };
    return { client, rtts, send };
  }

  const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  it('delays and loses both directions of a client, as the path says', async () => {
    const { rtts, send } = await world();
    stage!.setPath('127.0.0.1', {
      up: impairment({ delayMs: 40, jitterMs: 10, loss: 0.1 }),
      down: impairment({ delayMs: 40, jitterMs: 10, loss: 0.1 }),
    });
    for (let n = 0; n < 400; n++) {
      send(n);
      if (n % 20 === 19) await wait(10);
    }
    await wait(400);
    const got = [...rtts.values()];
    // Each way 10 %: about 19 % of round trips lost.
    expect(got.length).toBeGreaterThan(400 * 0.7);
    expect(got.length).toBeLessThan(400 * 0.9);
    expect(Math.min(...got)).toBeGreaterThanOrEqual(59);
    const median = [...got].sort((a, b) => a - b)[got.length >> 1]!;
    expect(median).toBeGreaterThan(70);
    expect(median).toBeLessThan(140);
    expect(stage!.stats()['127.0.0.1']!.dropped).toBeGreaterThan(40);
  });

  it('cuts the path while down and passes packets again once up', async () => {
    const { rtts, send } = await world();
    stage!.setPath('127.0.0.1', { up: impairment({ down: true }) });
    for (let n = 0; n < 10; n++) send(n);
    await wait(100);
    expect(rtts.size).toBe(0);
    stage!.setPath('127.0.0.1', { up: impairment() });
    for (let n = 10; n < 20; n++) send(n);
    await wait(100);
    expect([...rtts.keys()].sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('caps the rate: a burst beyond it arrives spread out, what overflows the queue is dropped', async () => {
    const { rtts, send } = await world();
    // 200-byte packets at 160 kbit/s: 10 ms each; a 100 ms queue.
    stage!.setPath('127.0.0.1', { up: impairment({ rateBps: 160_000, queueMs: 100 }) });
    for (let n = 0; n < 50; n++) send(n);
    await wait(400);
    expect(rtts.size).toBeGreaterThanOrEqual(9);
    expect(rtts.size).toBeLessThanOrEqual(13);
    expect(Math.max(...rtts.values())).toBeGreaterThan(90);
  });
});

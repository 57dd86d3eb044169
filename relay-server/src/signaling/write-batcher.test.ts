import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createWriteBatcher } from './write-batcher';

/** A real ws server and client on loopback: the server side's socket, and what the client got. */
async function pair(): Promise<{ server: WebSocket; got: string[]; closed: Promise<number>; stop(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const accepted = new Promise<WebSocket>((r) => wss.once('connection', r));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  const got: string[] = [];
  client.on('message', (data) => got.push(String(data)));
  const closed = new Promise<number>((r) => client.once('close', r));
  await new Promise((r) => client.once('open', r));
  const server = await accepted;
  return {
    server,
    got,
    closed,
    stop: async () => {
      client.terminate();
      await new Promise((r) => wss.close(r));
    },
  };
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('the write batcher', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it("writes a loop turn's frames for a socket in one write, each still its own message, in order", async () => {
    const p = await pair();
    stops.push(p.stop);
    const raw = (p.server as unknown as { _socket: { write: (...args: unknown[]) => boolean } })._socket;
    const original = raw.write.bind(raw);
    let writes = 0;
    raw.write = (...args: unknown[]) => {
      writes++;
      return original(...args);
    };
    const batcher = createWriteBatcher();
    const long = 'x'.repeat(70_000); // a 64-bit length header
    batcher.send(p.server, '{"n":1}');
    batcher.send(p.server, `{"n":2,"pad":"${'é'.repeat(200)}"}`); // a 16-bit length, multi-byte characters
    batcher.send(p.server, `{"n":3,"pad":"${long}"}`);
    expect(writes).toBe(0);
    await until(() => p.got.length === 3);
    expect(writes).toBe(1);
    expect(p.got.map((m) => (JSON.parse(m) as { n: number }).n)).toEqual([1, 2, 3]);
    expect(p.got[1]).toContain('é'.repeat(200));
    expect(p.got[2]?.length).toBe(long.length + 16);
  });

  it('frames every payload length at the edges of the 7, 16 and 64-bit length headers, and many frames past its first buffer', async () => {
    const p = await pair();
    stops.push(p.stop);
    const batcher = createWriteBatcher();
    // ASCII and two-byte characters, where the character count alone does not settle the header length.
    const sizes = [0, 1, 125, 126, 127, 2047, 2048, 65_535, 65_536];
    const sent = [
      ...sizes.map((n) => 'a'.repeat(n)),
      ...[41, 42, 62, 63, 64, 21_845, 32_767, 32_768].map((n) => 'é'.repeat(n)),
      '😀'.repeat(40), // surrogate pairs: 4 bytes for 2 units
      ...Array.from({ length: 300 }, (_, i) => `{"n":${i}}`),
    ];
    for (const m of sent) batcher.send(p.server, m);
    await until(() => p.got.length === sent.length);
    expect(p.got).toEqual(sent);
  });

  it("counts the frames held this turn in the socket's buffered bytes, so a backlog cap sees them at once", async () => {
    const p = await pair();
    stops.push(p.stop);
    const batcher = createWriteBatcher();
    expect(batcher.buffered(p.server)).toBe(p.server.bufferedAmount);
    batcher.send(p.server, 'x'.repeat(1000));
    batcher.send(p.server, 'y'.repeat(1000));
    // Two frames of 1000 bytes, each with a 4-byte header (a 16-bit length).
    expect(batcher.buffered(p.server)).toBe(p.server.bufferedAmount + 2008);
    batcher.flushSocket(p.server);
    expect(batcher.buffered(p.server)).toBe(p.server.bufferedAmount);
    await until(() => p.got.length === 2);
  });

  it('writes what it holds for a socket before that socket closes, and drops frames for a closed one', async () => {
    const p = await pair();
    stops.push(p.stop);
    const batcher = createWriteBatcher();
    batcher.send(p.server, '{"type":"ERROR"}');
    batcher.flushSocket(p.server);
    p.server.close(1008, 'refused');
    expect(await p.closed).toBe(1008);
    expect(p.got).toEqual(['{"type":"ERROR"}']);
    batcher.send(p.server, '{"type":"late"}');
    batcher.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(p.got).toEqual(['{"type":"ERROR"}']);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { createWriteBatcher } from '../src/signaling/write-batcher';

/**
 * `bench:relay`'s ceiling for signaling: a PeerJS-shaped relay on the same `ws` and write
 * batching as ours that checks nothing. It logs any id in, parses each frame and passes it to its
 * `dst` with `src` put in front; no schema, friendship, connection or rate rule. What it relays per
 * busy second is the most any relay built on `ws` can, so its ratio against the `peer` server
 * bounds ours (not a server to ship: it lets anyone reach anyone).
 */
export async function startSignalingFloor(sockets: number): Promise<{
  url: string;
  peers: Array<{ id: string; token: string }>;
  close(): Promise<void>;
}> {
  const server = http.createServer();
  const wss = new WebSocketServer({ server, path: '/peerjs', maxPayload: 256 * 1024 });
  const byId = new Map<string, WebSocket>();
  const batcher = createWriteBatcher();
  wss.on('connection', (socket, req) => {
    const id = new URL(req.url ?? '', 'http://floor').searchParams.get('id') ?? '';
    byId.set(id, socket);
    socket.on('message', (data: Buffer) => {
      const text = data.toString();
      const frame = JSON.parse(text) as { dst?: unknown };
      const target = typeof frame.dst === 'string' ? byId.get(frame.dst) : undefined;
      if (target) batcher.send(target, `{"src":"${id}",${text.slice(text.indexOf('{') + 1)}`);
    });
    socket.send('{"type":"OPEN"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}/peerjs`,
    peers: Array.from({ length: sockets }, () => ({ id: randomBytes(16).toString('hex'), token: 'floor' })),
    async close() {
      for (const socket of wss.clients) socket.terminate();
      await new Promise((resolve) => wss.close(resolve));
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

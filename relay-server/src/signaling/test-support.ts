import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import type { SignalingGrant } from '@hearth/common';
import type { RelayApp } from '../app';
import { api, befriend, createFamily, expectStatus, type TestFamily } from '../../test/helpers';

/** Tests only: a listening relay's WebSocket base URL, after `app.listen({ port: 0 })`. */
export async function listen(app: RelayApp): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

export async function grantFor(app: RelayApp, token: string): Promise<SignalingGrant> {
  return expectStatus(await api<SignalingGrant>(app, 'POST', '/v1/signaling/session', { token }), 201);
}

/** A family whose child holds a signaling grant. */
export type SignalingKid = TestFamily & Readonly<{ grant: SignalingGrant }>;

export async function signalingKid(app: RelayApp): Promise<SignalingKid> {
  const family = await createFamily(app);
  return { ...family, grant: await grantFor(app, family.childToken) };
}

/** Two kids from two families, active friends; returns them and the friendship id. */
export async function friendPair(app: RelayApp): Promise<Readonly<{ a: SignalingKid; b: SignalingKid; friendshipId: string }>> {
  const a = await signalingKid(app);
  const b = await signalingKid(app);
  return { a, b, friendshipId: await befriend(app, a, b) };
}

export type Frame = Readonly<Record<string, unknown> & { type?: string }>;

/** A raw signaling socket that records every frame it receives. */
export type RawPeer = Readonly<{
  ws: WebSocket;
  frames: Frame[];
  send(frame: unknown): void;
  sendRaw(data: string | Buffer): void;
  /** The next received frame (after those already taken) matching `match`. */
  next(match?: (f: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
  closed: Promise<number>;
}>;

export function rawPeer(port: number, query: Readonly<Record<string, string>>): RawPeer {
  const qs = new URLSearchParams(query).toString();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/peerjs?${qs}`);
  const frames: Frame[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as Frame);
    for (const w of [...waiters]) w();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const send = (data: string | Buffer): void => {
    const go = (): void => ws.send(data);
    if (ws.readyState === WebSocket.OPEN) go();
    else ws.once('open', go);
  };
  return {
    ws,
    frames,
    send: (frame) => send(JSON.stringify(frame)),
    sendRaw: send,
    closed,
    next: (match = () => true, timeoutMs = 3000) =>
      new Promise<Frame>((resolve, reject) => {
        const check = (): void => {
          while (taken < frames.length) {
            const f = frames[taken++] as Frame;
            if (match(f)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(f);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/** Opens a raw socket as this grant's peer and waits for OPEN. */
export async function loggedIn(port: number, grant: SignalingGrant): Promise<RawPeer> {
  const peer = rawPeer(port, { key: grant.key, id: grant.peerId, token: grant.token, version: '1.5.5' });
  const first = await peer.next();
  if (first.type !== 'OPEN') throw new Error(`expected OPEN, got ${JSON.stringify(first)}`);
  return peer;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const offer = (dst: string, connectionId = 'dc_test1'): object => ({
  type: 'OFFER',
  dst,
  payload: {
    sdp: { type: 'offer', sdp: 'v=0\r\n' },
    type: 'data',
    connectionId,
    label: connectionId,
    reliable: true,
    serialization: 'binary',
  },
});

export const answer = (dst: string, connectionId = 'dc_test1'): object => ({
  type: 'ANSWER',
  dst,
  payload: { sdp: { type: 'answer', sdp: 'v=0\r\n' }, type: 'data', connectionId },
});

export const candidate = (dst: string, connectionId = 'dc_test1', n = 1): object => ({
  type: 'CANDIDATE',
  dst,
  payload: {
    candidate: { candidate: `candidate:${n} 1 UDP 2122252543 127.0.0.1 5000${n % 10} typ host`, sdpMid: '0', sdpMLineIndex: 0 },
    type: 'data',
    connectionId,
  },
});

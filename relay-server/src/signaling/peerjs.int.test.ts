import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DataConnection, Peer, PeerError } from 'peerjs';
import type { SignalingGrant } from '@hearth/common';
import { act, buildTestApp, expectStatus, type TestRelay } from '../../test/helpers';
import { loadPeerJs, peerOptions, type PeerCtor } from './peerjs-client';
import { friendPair, grantFor, listen, signalingKid, sleep } from './test-support';

let PeerClass: PeerCtor;
let relay: TestRelay;
let port: number;
const peers: Peer[] = [];

beforeAll(async () => {
  ({ Peer: PeerClass } = await loadPeerJs());
});

beforeEach(async () => {
  relay = await buildTestApp();
  port = await listen(relay.app);
});

afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await relay.close();
});

function newPeer(grant: SignalingGrant, token = grant.token): Peer {
  const peer = new PeerClass(grant.peerId, peerOptions(port, grant, { token }));
  peers.push(peer);
  return peer;
}

function opened(peer: Peer): Promise<string> {
  return new Promise((resolve, reject) => {
    peer.once('open', resolve);
    peer.once('error', reject);
  });
}

function firstError(peer: Peer): Promise<PeerError<string>> {
  return new Promise((resolve) => peer.once('error', resolve));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`timed out: ${what}`)))]);
}

/** `caller` connects to `calleeId`: the caller sees peer-unavailable, the callee nothing. */
async function expectRefusedCall(caller: Peer, callee: Peer, calleeId: string): Promise<void> {
  let rang = false;
  callee.on('connection', () => (rang = true));
  const error = firstError(caller);
  caller.connect(calleeId);
  expect((await withTimeout(error, 5000, 'peer-unavailable')).type).toBe('peer-unavailable');
  await sleep(200);
  expect(rang).toBe(false);
}

describe('the unmodified peerjs client against the relay', () => {
  it('opens a data connection between two friends and exchanges messages', async () => {
    const { a, b } = await friendPair(relay.app);
    // Given an id, peerjs@1.5.5 makes no HTTP request (no GET /peerjs/id): only the socket.
    let httpRequests = 0;
    relay.app.server.on('request', () => (httpRequests += 1));
    const pa = newPeer(a.grant);
    const pb = newPeer(b.grant);
    expect(await opened(pa)).toBe(a.grant.peerId);
    await opened(pb);
    const incoming = new Promise<DataConnection>((resolve) => pb.once('connection', resolve));
    const conn = pa.connect(b.grant.peerId, { reliable: true, metadata: { game: 'tic-tac-toe' } });
    const open = new Promise<void>((resolve) => conn.once('open', resolve));
    const theirs = await withTimeout(incoming, 10_000, 'connection at b');
    expect(theirs.peer).toBe(a.grant.peerId);
    expect(theirs.metadata).toEqual({ game: 'tic-tac-toe' });
    const received = new Promise<unknown>((resolve) => theirs.once('data', resolve));
    await withTimeout(open, 10_000, 'data channel open');
    await conn.send({ move: 4 });
    expect(await withTimeout(received, 10_000, 'data at b')).toEqual({ move: 4 });
    expect(httpRequests).toBe(0);
  });

  it('is refused between two kids who are not friends: the caller sees peer-unavailable, the callee nothing', async () => {
    const a = await signalingKid(relay.app);
    const c = await signalingKid(relay.app);
    const pa = newPeer(a.grant);
    const pc = newPeer(c.grant);
    await Promise.all([opened(pa), opened(pc)]);
    await expectRefusedCall(pa, pc, c.grant.peerId);
  });

  it('is refused after a block made while both are signed in', async () => {
    const { a, b, friendshipId } = await friendPair(relay.app);
    const pa = newPeer(a.grant);
    const pb = newPeer(b.grant);
    await Promise.all([opened(pa), opened(pb)]);
    expectStatus(await act(relay.app, b.childToken, friendshipId, 'block'), 200);
    await expectRefusedCall(pa, pb, b.grant.peerId);
  });

  it('refuses an expired token (server-error, the peer is destroyed)', async () => {
    const a = await signalingKid(relay.app);
    relay.clock.advance(relay.config.signaling.tokenTtlMs + 1);
    const pa = newPeer(a.grant);
    const error = await withTimeout(firstError(pa), 5000, 'server-error');
    expect(error.type).toBe('server-error');
    expect(pa.open).toBe(false);
  });

  it("refuses another account's token", async () => {
    const a = await signalingKid(relay.app);
    const c = await signalingKid(relay.app);
    const pa = newPeer(a.grant, c.grant.token);
    expect((await withTimeout(firstError(pa), 5000, 'server-error')).type).toBe('server-error');
  });

  it('reconnects with a fresh token after the socket drops', async () => {
    const a = await signalingKid(relay.app);
    const pa = newPeer(a.grant);
    await opened(pa);
    const disconnected = new Promise<void>((resolve) => pa.once('disconnected', () => resolve()));
    const second = newPeer(await grantFor(relay.app, a.childToken)); // replaces pa's socket
    await opened(second);
    await withTimeout(disconnected, 5000, 'disconnected');
    second.destroy();
    (pa.options as { token: string }).token = (await grantFor(relay.app, a.childToken)).token;
    const reopened = opened(pa);
    pa.reconnect();
    expect(await withTimeout(reopened, 5000, 'reopened')).toBe(a.grant.peerId);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IceConfig } from '@hearth/common';
import { DEFAULT_CONFIG } from '../config';
import { signalingChannel } from './signaling-server';
import { act, api, buildTestApp, expectStatus, type TestRelay } from '../../test/helpers';
import {
  answer,
  candidate,
  friendPair,
  grantFor,
  listen,
  loggedIn,
  offer,
  rawPeer,
  signalingKid,
  sleep,
  type RawPeer,
} from './test-support';

let relay: TestRelay;
let port: number;
const open: RawPeer[] = [];

async function login(...args: Parameters<typeof loggedIn>): Promise<RawPeer> {
  const peer = await loggedIn(...args);
  open.push(peer);
  return peer;
}

beforeEach(async () => {
  relay = await buildTestApp({ signaling: { ...DEFAULT_CONFIG.signaling, idleTimeoutMs: 4000 } });
  port = await listen(relay.app);
});

afterEach(async () => {
  for (const p of open.splice(0)) p.ws.terminate();
  await relay.close();
});

/** Lets frames in flight on loopback arrive before asserting that none did. */
const settle = (): Promise<void> => sleep(80);

describe('signaling grants', () => {
  it('gives a child a stable opaque peer id and a fresh URL-safe token each time', async () => {
    const kid = await signalingKid(relay.app);
    const again = await grantFor(relay.app, kid.childToken);
    expect(again.peerId).toBe(kid.grant.peerId);
    expect(again.token).not.toBe(kid.grant.token);
    expect(kid.grant.peerId).not.toContain(kid.child.childId);
    expect(kid.grant.peerId).toMatch(/^[0-9a-f]{32}$/);
    expect(kid.grant.token).toMatch(/^sg_[A-Za-z0-9_-]+$/);
    expect(kid.grant).toMatchObject({ path: '/', key: 'peerjs' });
    expect(kid.grant.expiresAt).toBe(relay.clock.now() + 10 * 60_000);
  });

  it('gives a parent session its own peer id (parent mode) and refuses anonymous callers', async () => {
    const kid = await signalingKid(relay.app);
    const parentGrant = await grantFor(relay.app, kid.parent.token);
    expect(parentGrant.peerId).not.toBe(kid.grant.peerId);
    const anon = await api(relay.app, 'POST', '/v1/signaling/session');
    expect(anon.status).toBe(401);
  });
});

describe('signaling login', () => {
  it('opens with a live token for its own peer id', async () => {
    const kid = await signalingKid(relay.app);
    const peer = await login(port, kid.grant);
    expect(peer.frames[0]).toEqual({ type: 'OPEN' });
  });

  it.each([
    ['another account’s token', 'other'],
    ['an unknown token', 'unknown'],
    ['a wrong key', 'key'],
    ['missing parameters', 'missing'],
  ])('refuses %s with ERROR, then closes', async (_name, kind) => {
    const kid = await signalingKid(relay.app);
    const other = await signalingKid(relay.app);
    const query: Record<string, string> = { key: 'peerjs', id: kid.grant.peerId, token: kid.grant.token };
    if (kind === 'other') query.token = other.grant.token;
    if (kind === 'unknown') query.token = `sg_${'A'.repeat(43)}`;
    if (kind === 'key') query.key = 'nope';
    if (kind === 'missing') delete query.token;
    const peer = rawPeer(port, query);
    open.push(peer);
    const first = await peer.next();
    expect(first.type).toBe('ERROR');
    expect(await peer.closed).toBe(1008);
    expect(peer.frames).toHaveLength(1);
  });

  it('lets no one lock a child out by failing logins with its peer id (friends and ex-friends know it)', async () => {
    const kid = await signalingKid(relay.app);
    // More failed upgrades with the child's id than the per-login budget allows in a minute.
    for (let i = 0; i < 32; i++) {
      const bad = rawPeer(port, { key: 'peerjs', id: kid.grant.peerId, token: `sg_${String(i).padStart(43, 'A')}` });
      open.push(bad);
      await bad.closed;
    }
    const peer = await login(port, kid.grant);
    expect(peer.frames[0]).toEqual({ type: 'OPEN' });
  });

  it('limits upgrades per grant: a client reconnecting in a loop is slowed down', async () => {
    const kid = await signalingKid(relay.app);
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) {
      const peer = rawPeer(port, { key: 'peerjs', id: kid.grant.peerId, token: kid.grant.token });
      peer.ws.on('error', () => undefined);
      peer.ws.on('unexpected-response', (_req, res) => {
        codes.push(res.statusCode ?? 0);
        peer.ws.terminate();
      });
      peer.ws.on('open', () => {
        codes.push(101);
        peer.ws.close();
      });
      await peer.closed;
    }
    expect(codes.filter((c) => c === 101)).toHaveLength(30);
    expect(codes.slice(30)).toEqual([429, 429]);
  });

  it('refuses an expired token', async () => {
    const kid = await signalingKid(relay.app);
    relay.clock.advance(10 * 60_000 + 1);
    const peer = rawPeer(port, { key: 'peerjs', id: kid.grant.peerId, token: kid.grant.token });
    open.push(peer);
    expect((await peer.next()).type).toBe('ERROR');
    expect(await peer.closed).toBe(1008);
  });

  it('refuses a token whose device was revoked, and closes the socket it opened', async () => {
    const kid = await signalingKid(relay.app);
    const peer = await login(port, kid.grant);
    expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${kid.deviceId}`, { token: kid.parent.token }), 204);
    expect((await peer.next()).type).toBe('ERROR');
    expect(await peer.closed).toBe(1008);
    const again = rawPeer(port, { key: 'peerjs', id: kid.grant.peerId, token: kid.grant.token });
    open.push(again);
    expect((await again.next()).type).toBe('ERROR');
  });

  it('closes a parent-mode socket as soon as that parent session signs out', async () => {
    const kid = await signalingKid(relay.app);
    const parentGrant = await grantFor(relay.app, kid.parent.token);
    const parent = await login(port, parentGrant);
    const child = await login(port, kid.grant);
    expectStatus(await api(relay.app, 'DELETE', `/v1/sessions/${kid.parent.sessionId}`, { token: kid.parent.token }), 204);
    expect((await parent.next()).type).toBe('ERROR');
    expect(await parent.closed).toBe(1008);
    // The child's own socket is not touched.
    expect(child.ws.readyState).toBe(child.ws.OPEN);
  });

  it('sends what it holds for a socket before the relay closes it going away', async () => {
    const kid = await signalingKid(relay.app);
    const peer = await login(port, kid.grant);
    const { bus } = relay.app.relay;
    // A frame another instance hands over for this peer is held for the rest of this loop turn;
    // the relay starts closing in that same turn.
    const frame = JSON.stringify({ type: 'EXPIRE', src: 'elsewhere', dst: kid.grant.peerId });
    void bus.publish(signalingChannel(bus.instance), JSON.stringify({ t: 'deliver', dst: kid.grant.peerId, data: frame }));
    const closing = relay.app.close();
    expect(await peer.closed).toBe(1001);
    await closing;
    expect(peer.frames).toEqual([{ type: 'OPEN' }, JSON.parse(frame)]);
  });

  it('lets a second login with the same id replace the first', async () => {
    const kid = await signalingKid(relay.app);
    const first = await login(port, kid.grant);
    const second = await login(port, await grantFor(relay.app, kid.childToken));
    expect(await first.closed).toBe(1000);
    expect(second.ws.readyState).toBe(second.ws.OPEN);
  });

  it('closes a socket that sends nothing for the idle timeout', async () => {
    const kid = await signalingKid(relay.app);
    const peer = await login(port, kid.grant);
    relay.clock.advance(4001);
    expect(await peer.closed).toBe(1006); // terminated: a dead peer would not answer a close
  });
});

describe('signaling relay between friends', () => {
  it('relays OFFER, ANSWER and CANDIDATE with src set by the relay', async () => {
    const { a, b } = await friendPair(relay.app);
    const pa = await login(port, a.grant);
    const pb = await login(port, b.grant);
    pa.send({ ...offer(b.grant.peerId), src: 'forged' });
    // An unknown field (src) makes the frame invalid: nothing is relayed.
    await settle();
    expect(pb.frames).toHaveLength(1);
    pa.send(offer(b.grant.peerId));
    expect(await pb.next()).toMatchObject({ type: 'OFFER', src: a.grant.peerId, dst: b.grant.peerId });
    pb.send(answer(a.grant.peerId));
    expect(await pa.next()).toMatchObject({ type: 'ANSWER', src: b.grant.peerId });
    pa.send(candidate(b.grant.peerId));
    pb.send(candidate(a.grant.peerId));
    expect(await pb.next()).toMatchObject({ type: 'CANDIDATE', src: a.grant.peerId });
    expect(await pa.next()).toMatchObject({ type: 'CANDIDATE', src: b.grant.peerId });
  });

  it('forwards only what it checked: a key given twice reaches the friend once, as checked', async () => {
    const { a, b } = await friendPair(relay.app);
    const pa = await login(port, a.grant);
    const pb = await login(port, b.grant);
    const raw: string[] = [];
    pb.ws.on('message', (data) => raw.push(String(data)));
    const checked = offer(b.grant.peerId);
    // JSON.parse keeps the last of a repeated key: the first one here is never checked.
    const unchecked = JSON.stringify({ evil: { nested: [1, 2, 3] }, sdp: { type: 'offer', sdp: 'x'.repeat(100_000) } });
    const text = JSON.stringify(checked);
    pa.sendRaw(`${text.slice(0, text.indexOf('"payload":'))}"payload":${unchecked},${text.slice(text.indexOf('"payload":'))}`);
    expect(await pb.next()).toMatchObject({
      type: 'OFFER',
      src: a.grant.peerId,
      payload: (JSON.parse(text) as { payload: unknown }).payload,
    });
    expect(raw).toHaveLength(1);
    expect(raw[0]).not.toContain('evil');
    expect(raw[0]!.length).toBeLessThan(text.length + 100);
  });

  it('refuses an OFFER whose free-form metadata nests deeper than any call needs, and stays up', async () => {
    const { a, b } = await friendPair(relay.app);
    const pa = await login(port, a.grant);
    const pb = await login(port, b.grant);
    const text = JSON.stringify(offer(b.grant.peerId));
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    // Twice: once as the client wrote it, once with a key given twice (which is serialized again).
    pa.sendRaw(text.replace('"payload":{', `"payload":{"metadata":${deep},`));
    pa.sendRaw(text.replace('"payload":{', `"payload":{"metadata":${deep},"metadata":${deep},`));
    pa.send(offer(b.grant.peerId));
    const relayed = await pb.next();
    expect(relayed).toMatchObject({ type: 'OFFER', src: a.grant.peerId });
    expect(JSON.stringify(relayed)).not.toContain('[[');
    expect((await api(relay.app, 'GET', '/health')).status).toBe(200);
    expect(pa.ws.readyState).toBe(pa.ws.OPEN);
  });

  it('relays between a parent (parent mode) and their own child, not another family’s child', async () => {
    const kid = await signalingKid(relay.app);
    const other = await signalingKid(relay.app);
    const parentGrant = await grantFor(relay.app, kid.parent.token);
    const parent = await login(port, parentGrant);
    const child = await login(port, kid.grant);
    const stranger = await login(port, other.grant);
    parent.send(offer(kid.grant.peerId, 'mc_call1'));
    expect(await child.next()).toMatchObject({ type: 'OFFER', src: parentGrant.peerId });
    parent.send(offer(other.grant.peerId, 'mc_call2'));
    expect(await parent.next()).toMatchObject({ type: 'EXPIRE', src: other.grant.peerId });
    await settle();
    expect(stranger.frames).toEqual([{ type: 'OPEN' }]);
  });

  it('answers EXPIRE to an OFFER for a friend who is offline', async () => {
    const { a, b } = await friendPair(relay.app);
    const pa = await login(port, a.grant);
    pa.send(offer(b.grant.peerId));
    expect(await pa.next()).toEqual({ type: 'EXPIRE', src: b.grant.peerId, dst: a.grant.peerId });
  });

  it('drops an ANSWER or CANDIDATE for a connection id no OFFER opened, and an ANSWER from the caller', async () => {
    const { a, b } = await friendPair(relay.app);
    const pa = await login(port, a.grant);
    const pb = await login(port, b.grant);
    pb.send(answer(a.grant.peerId, 'dc_neveroffered'));
    pb.send(candidate(a.grant.peerId, 'dc_neveroffered'));
    pa.send(offer(b.grant.peerId, 'dc_real'));
    await pb.next((f) => f.type === 'OFFER');
    pa.send(answer(b.grant.peerId, 'dc_real')); // the caller cannot answer its own offer
    await settle();
    expect(pa.frames).toEqual([{ type: 'OPEN' }]);
    expect(pb.frames.map((f) => f.type)).toEqual(['OPEN', 'OFFER']);
  });

  it('keeps open connection ids for a peer that logs in again, and prunes them when it leaves', async () => {
    const { a, b } = await friendPair(relay.app);
    const pa = await login(port, a.grant);
    const pb1 = await login(port, b.grant);
    pa.send(offer(b.grant.peerId));
    await pb1.next((f) => f.type === 'OFFER');
    const pb2 = await login(port, await grantFor(relay.app, b.childToken));
    pa.send(candidate(b.grant.peerId));
    expect(await pb2.next()).toMatchObject({ type: 'CANDIDATE', src: a.grant.peerId });
    pb2.ws.close();
    await pb2.closed;
    await settle();
    const pb3 = await login(port, await grantFor(relay.app, b.childToken));
    pa.send(candidate(b.grant.peerId, 'dc_test1', 2));
    await settle();
    expect(pb3.frames).toEqual([{ type: 'OPEN' }]);
  });
});

describe('signaling refusals', () => {
  it('answers EXPIRE to a non-friend’s OFFER and sends nothing to the target', async () => {
    const a = await signalingKid(relay.app);
    const c = await signalingKid(relay.app);
    const pa = await login(port, a.grant);
    const pc = await login(port, c.grant);
    pa.send(offer(c.grant.peerId));
    pa.send(candidate(c.grant.peerId));
    expect(await pa.next()).toEqual({ type: 'EXPIRE', src: c.grant.peerId, dst: a.grant.peerId });
    expect(await pa.next()).toEqual({ type: 'EXPIRE', src: c.grant.peerId, dst: a.grant.peerId });
    await settle();
    expect(pc.frames).toEqual([{ type: 'OPEN' }]);
  });

  it('answers the same EXPIRE whether a non-friend is online or not', async () => {
    const a = await signalingKid(relay.app);
    const c = await signalingKid(relay.app);
    const pa = await login(port, a.grant);
    pa.send(candidate(c.grant.peerId, 'dc_probe'));
    const offline = await pa.next();
    await login(port, c.grant);
    pa.send(candidate(c.grant.peerId, 'dc_probe'));
    expect(await pa.next()).toEqual(offline);
  });

  it('refuses at once after a block during an open signaling session', async () => {
    const { a, b, friendshipId } = await friendPair(relay.app);
    const pa = await login(port, a.grant);
    const pb = await login(port, b.grant);
    pa.send(offer(b.grant.peerId));
    await pb.next((f) => f.type === 'OFFER');
    pa.send(candidate(b.grant.peerId, 'dc_test1', 1));
    await pb.next((f) => f.type === 'CANDIDATE');
    expectStatus(await act(relay.app, b.childToken, friendshipId, 'block'), 200);
    pa.send(candidate(b.grant.peerId, 'dc_test1', 2));
    pa.send(offer(b.grant.peerId, 'dc_again'));
    pb.send(candidate(a.grant.peerId, 'dc_test1', 3));
    expect(await pa.next()).toMatchObject({ type: 'EXPIRE', src: b.grant.peerId });
    expect(await pa.next()).toMatchObject({ type: 'EXPIRE', src: b.grant.peerId });
    expect(await pb.next()).toMatchObject({ type: 'EXPIRE', src: a.grant.peerId });
    await settle();
    expect(pb.frames.map((f) => f.type)).toEqual(['OPEN', 'OFFER', 'CANDIDATE', 'EXPIRE']);
    expect(pa.frames.map((f) => f.type)).toEqual(['OPEN', 'EXPIRE', 'EXPIRE']);
  });

  it('applies a block to the very next frame once frames have been flowing', async () => {
    const { a, b, friendshipId } = await friendPair(relay.app);
    const pa = await login(port, a.grant);
    const pb = await login(port, b.grant);
    pa.send(offer(b.grant.peerId));
    await pb.next((f) => f.type === 'OFFER');
    // Warm: the friendship, quiet time and connection are cached by now.
    for (let n = 1; n <= 20; n++) pa.send(candidate(b.grant.peerId, 'dc_test1', n));
    for (let n = 1; n <= 20; n++) expect(await pb.next((f) => f.type === 'CANDIDATE')).toMatchObject({ src: a.grant.peerId });
    pb.send(candidate(a.grant.peerId, 'dc_test1', 21));
    await pa.next((f) => f.type === 'CANDIDATE');
    expectStatus(await act(relay.app, a.childToken, friendshipId, 'block'), 200);
    pa.send(candidate(b.grant.peerId, 'dc_test1', 22));
    pb.send(candidate(a.grant.peerId, 'dc_test1', 23));
    expect(await pa.next()).toMatchObject({ type: 'EXPIRE', src: b.grant.peerId });
    expect(await pb.next()).toMatchObject({ type: 'EXPIRE', src: a.grant.peerId });
    await settle();
    expect(pb.frames.filter((f) => f.type === 'CANDIDATE')).toHaveLength(20);
    expect(pa.frames.filter((f) => f.type === 'CANDIDATE')).toHaveLength(1);
  });

  it('survives malformed frames, then closes a socket that keeps sending them', async () => {
    const { a, b } = await friendPair(relay.app);
    const pa = await login(port, a.grant);
    const pb = await login(port, b.grant);
    const bad = [
      'not json',
      'null',
      '42',
      '"OFFER"',
      '{}',
      '{"type":"NOPE"}',
      '{"type":"LEAVE","dst":"x"}',
      '{"type":"EXPIRE","dst":"x"}',
      JSON.stringify({ type: 'OFFER', dst: b.grant.peerId }),
      JSON.stringify({ type: 'OFFER', dst: '../etc', payload: {} }),
      JSON.stringify({ ...(offer(b.grant.peerId) as object), payload: { connectionId: 'dc_x', type: 'data' } }),
      JSON.stringify({ type: 'CANDIDATE', dst: b.grant.peerId, payload: { candidate: 'x', connectionId: 'zz' } }),
      JSON.stringify({ type: 'HEARTBEAT', extra: true }),
    ];
    for (const frame of bad) pa.sendRaw(frame);
    pa.sendRaw(Buffer.from([0xff, 0x00, 0x01]));
    pa.send({ type: 'HEARTBEAT' });
    pa.send(offer(b.grant.peerId));
    expect(await pb.next()).toMatchObject({ type: 'OFFER', src: a.grant.peerId });
    expect(pa.frames).toEqual([{ type: 'OPEN' }]);
    for (let i = 0; i < 10; i++) pa.sendRaw('{');
    expect(await pa.closed).toBe(1008);
    expect(pb.ws.readyState).toBe(pb.ws.OPEN);
  });

  it('closes a socket that floods frames past its rate limit', async () => {
    const kid = await signalingKid(relay.app);
    const peer = await login(port, kid.grant);
    const heartbeat = JSON.stringify({ type: 'HEARTBEAT' });
    for (let i = 0; i < 2 * relay.config.signaling.frameBurst + 2; i++) peer.sendRaw(heartbeat);
    expect(await peer.closed).toBe(1008);
  });
});

describe('ICE servers', () => {
  it('gives no servers by default (loopback and LAN only)', async () => {
    const kid = await signalingKid(relay.app);
    const res = expectStatus(await api(relay.app, 'GET', '/v1/ice', { token: kid.childToken }), 200);
    expect(res).toEqual({ iceServers: [], iceTransportPolicy: 'all', expiresAt: null });
    expect((await api(relay.app, 'GET', '/v1/ice')).status).toBe(401);
  });

  it('gives a child and a parent TURN credentials for their own account', async () => {
    const turnRelay = await buildTestApp({
      ice: {
        stunUrls: [],
        turnUrls: ['turn:127.0.0.1:3478'],
        turnSecret: 'x'.repeat(32),
        turnTtlSeconds: 600,
        transportPolicy: 'relay',
      },
    });
    try {
      const kid = await signalingKid(turnRelay.app);
      const forKid = expectStatus(await api<IceConfig>(turnRelay.app, 'GET', '/v1/ice', { token: kid.childToken }), 200);
      const expiry = Math.floor(turnRelay.clock.now() / 1000) + 600;
      expect(forKid).toMatchObject({ iceTransportPolicy: 'relay', expiresAt: expiry * 1000 });
      expect(forKid.iceServers).toEqual([
        { urls: ['turn:127.0.0.1:3478'], username: `${expiry}:${kid.child.childId}`, credential: expect.any(String) },
      ]);
      const forParent = expectStatus(await api<IceConfig>(turnRelay.app, 'GET', '/v1/ice', { token: kid.parent.token }), 200);
      expect(forParent.iceServers[0]?.username).toBe(`${expiry}:${kid.parent.parentId}`);
    } finally {
      await turnRelay.close();
    }
  });
});

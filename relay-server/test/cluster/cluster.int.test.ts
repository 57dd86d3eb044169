/**
 * Three relay processes on one PostgreSQL database and one Redis prefix, behind nginx (the deployed
 * template), reached as the apps reach them: every client goes through nginx from 127.0.0.2, and
 * each family's sockets are put on different instances (the `X-Hearth-Instance` of the upgrade).
 * Then an instance is SIGKILLed while messages flow, and nginx's logs are searched for what must
 * never be in them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { DataConnection, Peer } from 'peerjs';
import type { FriendshipView, SignalingGrant, WsServerFrame } from '@hearth/common';
import { startCluster, withoutCluster, type TestCluster } from '@hearth/test-kit/cluster';
import {
  actHttp,
  anotherDeviceHttp,
  befriendHttp,
  createFamilyHttp,
  expectHttp,
  relayHttp,
  requestFriendshipHttp,
  signalingGrantHttp,
  type HttpFamily,
  type RelayHttp,
} from '@hearth/test-kit/relay-http';
import { INSTANCE_HEADER, newMessageId, openRelaySocketOn, type RelaySocket } from '@hearth/test-kit/relay-socket';
import { loadPeerJs, peerOptions, type PeerCtor } from '../../src/signaling/peerjs-client';
import { FlowReceiver, FlowSender, until } from './flow';

/** Every client's address: not the relays' or nginx's (127.0.0.1), so a log line carrying it is seen. */
const CLIENT = '127.0.0.2';
/** Presence keys live 30 s (refreshed by the heartbeat); a dead instance's sockets must be offline after it. */
const PRESENCE_TTL_MS = 30_000;
/** A real 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1a4f80000000049454e44ae426082',
  'hex',
);

let cluster: TestCluster;
let h: RelayHttp;
let a: HttpFamily;
let b: HttpFamily;
/** B's child's second PC. */
let b2: Readonly<{ deviceId: string; token: string }>;
let friendshipId: string;
/** Everything that must never reach a log: tokens of every kind. */
const secrets = new Set<string>();
const sockets: RelaySocket[] = [];

const presenceOf = (id: string, state: string) => (f: WsServerFrame) =>
  f.type === 'presence' && f.accountId === id && f.state === state;
const friendshipIs = (status: string) => (f: WsServerFrame) =>
  f.type === 'friendship' && (f.friendship as FriendshipView).status === status;

/**
 * A socket for `token` through nginx, on an instance `accept` allows (or, with `past`, straight to
 * that instance: nginx's least_conn never picks the busiest instance, which the kill test wants).
 */
async function socketOn(token: string, accept: (instance: string) => boolean, past?: string): Promise<RelaySocket> {
  const base = past === undefined ? cluster.url : cluster.instance(past).url;
  const socket = await openRelaySocketOn(base, token, accept, { localAddress: CLIENT });
  sockets.push(socket);
  return socket;
}
const anywhere = (): boolean => true;
const not =
  (...names: string[]) =>
  (instance: string): boolean =>
    !names.includes(instance);

/** Straight to instance `name` (past nginx): to make a change happen on a chosen instance. */
const direct = (name: string): RelayHttp => relayHttp(cluster.instance(name).url, CLIENT);

async function family(): Promise<HttpFamily> {
  const f = await createFamilyHttp(h);
  secrets.add(f.childToken).add(f.parent.token);
  return f;
}

describe.skipIf(await withoutCluster())('three relays on PostgreSQL and Redis behind nginx', () => {
  beforeAll(async () => {
    // `info`: the relays' request logs too, searched at the end for addresses and tokens.
    cluster = await startCluster({ instances: 3, logLevel: 'info' });
    h = relayHttp(cluster.url, CLIENT);
    a = await family();
    b = await family();
    b2 = await anotherDeviceHttp(h, b);
    secrets.add(b2.token);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
    await cluster?.close();
  });

  it('names the instance that answered, and nginx spreads requests over all three', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const res = await h.request('GET', '/health');
      expect(res.status).toBe(200);
      seen.add(String(res.headers[INSTANCE_HEADER]));
    }
    expect([...seen].sort()).toEqual(['relay-0', 'relay-1', 'relay-2']);
  });

  it('pushes each step of a friendship to both families on their different instances', async () => {
    const aKid = await socketOn(a.childToken, anywhere);
    const bKid = await socketOn(b.childToken, not(aKid.instance));
    const third = cluster.instances.map((i) => i.name).find((n) => n !== aKid.instance && n !== bKid.instance) as string;
    friendshipId = await requestFriendshipHttp(h, a, b);
    await aKid.take(friendshipIs('requested'));
    expectHttp(await actHttp(h, a.childToken, friendshipId, 'confirm'), 200, 'confirm');
    expectHttp(await actHttp(h, a.parent.token, friendshipId, 'approve'), 200, 'approve');
    // The approval that makes it active lands on the instance neither child is on.
    expectHttp(await actHttp(direct(third), b.parent.token, friendshipId, 'approve'), 200, 'approve');
    await aKid.take(friendshipIs('active'));
    await bKid.take(friendshipIs('active'));
    await Promise.all([aKid.close(), bKid.close()]);
  });

  it('shows presence across instances: online, offline when the socket closes, online again elsewhere', async () => {
    const aKid = await socketOn(a.childToken, anywhere);
    const bKid = await socketOn(b.childToken, not(aKid.instance));
    await aKid.take(presenceOf(b.child.childId, 'online'));
    await bKid.close();
    await aKid.take(presenceOf(b.child.childId, 'offline'));
    const again = await socketOn(b.childToken, not(aKid.instance, bKid.instance));
    await aKid.take(presenceOf(b.child.childId, 'online'));
    await Promise.all([aKid.close(), again.close()]);
  });

  it('delivers a message at once to a device online elsewhere, and from the queue to every other device', async () => {
    const sender = await socketOn(a.childToken, anywhere);
    const first = await socketOn(b.childToken, not(sender.instance));
    const online = newMessageId();
    sender.send({ type: 'send', id: online, to: b.child.childId, content: { kind: 'text', text: 'hi across' } });
    await sender.take((f) => f.type === 'sent' && f.id === online);
    await first.take((f) => f.type === 'message' && f.message.id === online);
    first.send({ type: 'received', ids: [online] });
    await sender.take((f) => f.type === 'delivered' && f.ids.includes(online));
    await first.close();

    const queued = newMessageId();
    sender.send({ type: 'send', id: queued, to: b.child.childId, content: { kind: 'text', text: 'while you were away' } });
    await sender.take((f) => f.type === 'sent' && f.id === queued);
    // Both of B's PCs, each on an instance other than the sender's: the second gets both, the first the queued one.
    const pc1 = await socketOn(b.childToken, not(sender.instance));
    const pc2 = await socketOn(b2.token, not(sender.instance, pc1.instance));
    await pc1.take((f) => f.type === 'message' && f.message.id === queued);
    await pc2.take((f) => f.type === 'message' && f.message.id === online);
    await pc2.take((f) => f.type === 'message' && f.message.id === queued);
    pc1.send({ type: 'received', ids: [queued] });
    pc2.send({ type: 'received', ids: [online, queued] });
    await Promise.all([sender.close(), pc1.close(), pc2.close()]);
  });

  it('serves an attachment uploaded through one instance from another, to the recipient only', async () => {
    const [up, down] = cluster.instances.map((i) => i.name) as [string, string];
    const ref = expectHttp(
      await direct(up).request<{ hash: string; size: number; mime: string }>('POST', '/v1/attachments', {
        token: a.childToken,
        raw: PNG,
        contentType: 'application/octet-stream',
      }),
      201,
      'upload',
    );
    const sender = await socketOn(a.childToken, not(up));
    const id = newMessageId();
    sender.send({ type: 'send', id, to: b.child.childId, content: { kind: 'photo', attachment: ref } });
    await sender.take((f) => f.type === 'sent' && f.id === id);
    const got = await direct(down).request<Buffer>('GET', `/v1/attachments/${ref.hash}`, { token: b.childToken });
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body, PNG)).toBe(0);
    const outsider = await family();
    expect((await direct(down).request('GET', `/v1/attachments/${ref.hash}`, { token: outsider.childToken })).status).toBe(404);
    await sender.close();
  });

  describe('a PeerJS call', () => {
    let Peer: PeerCtor;
    const peers: Peer[] = [];
    /** Peer id → the instance its signaling socket landed on. */
    const landedOn = new Map<string, string>();

    beforeAll(async () => {
      ({ Peer } = await loadPeerJs());
      // PeerJS opens its socket with globalThis.WebSocket: from the clients' address, noting the instance.
      class Recording extends WebSocket {
        constructor(url: string) {
          super(url, { localAddress: CLIENT });
          const id = new URL(url).searchParams.get('id') ?? '';
          this.once('upgrade', (res) => landedOn.set(id, String(res.headers[INSTANCE_HEADER] ?? '')));
        }
      }
      Object.assign(globalThis, { WebSocket: Recording });
    });
    afterAll(() => peers.splice(0).forEach((p) => p.destroy()));

    async function peerFor(
      token: string,
      accept: (instance: string) => boolean,
    ): Promise<Readonly<{ peer: Peer; grant: SignalingGrant }>> {
      for (let i = 0; i < 30; i++) {
        const grant = await signalingGrantHttp(h, token);
        secrets.add(grant.token);
        const peer = new Peer(grant.peerId, peerOptions(cluster.nginx.port, grant));
        peers.push(peer);
        await new Promise<void>((resolve, reject) => {
          peer.once('open', () => resolve());
          peer.once('error', reject);
        });
        if (accept(landedOn.get(grant.peerId) ?? '')) return { peer, grant };
        peer.destroy();
      }
      throw new Error('no signaling socket landed on a wanted instance');
    }

    it('connects a data channel between friends whose signaling sockets are on different instances', async () => {
      const caller = await peerFor(a.childToken, anywhere);
      const callee = await peerFor(b.childToken, not(landedOn.get(caller.grant.peerId) ?? ''));
      const incoming = new Promise<DataConnection>((resolve) => callee.peer.once('connection', resolve));
      const conn = caller.peer.connect(callee.grant.peerId, { reliable: true });
      const theirs = await incoming;
      expect(theirs.peer).toBe(caller.grant.peerId);
      const received = new Promise<unknown>((resolve) => theirs.once('data', resolve));
      await new Promise<void>((resolve) => conn.once('open', () => resolve()));
      await conn.send({ move: 4 });
      expect(await received).toEqual({ move: 4 });
    }, 60_000);
  });

  it('applies a block made on one instance to the very next frame on the others', async () => {
    const blocked = await socketOn(a.childToken, anywhere);
    const blocker = await socketOn(b.childToken, not(blocked.instance));
    await blocked.take(presenceOf(b.child.childId, 'online'));
    const third = cluster.instances.map((i) => i.name).find((n) => n !== blocked.instance && n !== blocker.instance) as string;
    expectHttp(await actHttp(direct(third), b.childToken, friendshipId, 'block'), 200, 'block');
    // The blocker's next frame, on its own instance, is already refused.
    const back = newMessageId();
    blocker.send({ type: 'send', id: back, to: a.child.childId, content: { kind: 'text', text: 'go away' } });
    expect(await blocker.take((f) => f.type === 'error' && f.ref === back)).toMatchObject({ code: 'NOT_FRIENDS' });
    // What the blocked child sends next is accepted and never delivered.
    const id = newMessageId();
    blocked.send({ type: 'send', id, to: b.child.childId, content: { kind: 'text', text: 'after the block' } });
    await blocked.take((f) => f.type === 'sent' && f.id === id);
    await blocked.take(presenceOf(b.child.childId, 'offline'));
    await new Promise((r) => setTimeout(r, 500));
    expect(blocker.frames.filter((f) => f.type === 'message' && f.message.id === id)).toEqual([]);
    await Promise.all([blocked.close(), blocker.close()]);
  });

  it('closes a revoked device’s socket at once, whichever instance holds it', async () => {
    const socket = await socketOn(b2.token, anywhere);
    const other = cluster.instances.map((i) => i.name).find((n) => n !== socket.instance) as string;
    expect((await direct(other).request('DELETE', `/v1/devices/${b2.deviceId}`, { token: b.parent.token })).status).toBe(204);
    const closed = await Promise.race([socket.closed, new Promise<null>((r) => setTimeout(() => r(null), 3_000))]);
    expect(closed?.code).toBe(4401);
  });

  it('loses no acknowledged message when an instance is SIGKILLed mid-flow, and lets its presence expire', async () => {
    const recipient = await family();
    const r2 = await anotherDeviceHttp(h, recipient);
    secrets.add(r2.token);
    const senders: HttpFamily[] = [];
    for (let i = 0; i < 4; i++) {
      const s = await family();
      await befriendHttp(h, s, recipient);
      senders.push(s);
    }
    // C stays on the instance that dies and never comes back.
    const c = await family();
    const d = await family();
    await befriendHttp(h, c, d);

    const endpoint = (token: string) => ({ url: cluster.url, token, localAddress: CLIENT });
    const online = new FlowReceiver(endpoint(recipient.childToken));
    await online.connect();
    const flows = senders.map((s) => new FlowSender(endpoint(s.childToken), recipient.child.childId, 150));
    await Promise.all(flows.map((f) => f.connect()));
    const acked = (): number => flows.reduce((n, f) => n + f.acked.size, 0);
    const total = flows.reduce((n, f) => n + f.ids.length, 0);

    await until(
      () => acked() > total / 4,
      60_000,
      () => `only ${acked()} of ${total} acknowledged before the kill`,
    );
    // The instance carrying the most senders dies; C is put on it, D (its friend) watches from another.
    const counts = new Map<string, number>();
    for (const f of flows) counts.set(f.instance, (counts.get(f.instance) ?? 0) + 1);
    const victim = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'relay-0';
    const dead = cluster.instances.findIndex((i) => i.name === victim);
    const cSocket = await socketOn(c.childToken, (i) => i === victim, victim);
    const watcher = await socketOn(d.childToken, not(cSocket.instance));
    const welcome = watcher.frames[0] as { presence?: { accountId: string }[] };
    if (!(welcome.presence ?? []).some((p) => p.accountId === c.child.childId)) {
      await watcher.take(presenceOf(c.child.childId, 'online'));
    }
    const ackedBefore = acked();
    await cluster.kill(dead);
    const killedAt = Date.now();

    await until(
      () => flows.every((f) => f.done),
      90_000,
      () => `${acked()} of ${total} acknowledged after the kill`,
    );
    expect(ackedBefore).toBeLessThan(total);
    // The second PC comes online only now: one clean session, every message exactly once.
    const late = new FlowReceiver(endpoint(r2.token));
    await late.connect();
    const everyAcked = flows.flatMap((f) => [...f.acked]);
    await until(
      () => everyAcked.every((id) => online.history().has(id) && late.history().has(id)),
      30_000,
      () =>
        `missing: online PC ${everyAcked.filter((id) => !online.history().has(id)).length}, late PC ${everyAcked.filter((id) => !late.history().has(id)).length}`,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(online.pushedAfterAck).toBe(0);
    expect([...late.pushes].filter(([, n]) => n > 1)).toEqual([]);
    expect(late.history().size).toBe(total);
    flows.forEach((f) => f.close());
    online.close();
    late.close();

    // C's socket died with its instance: no one may see C online once the presence TTL has passed.
    const deadline = killedAt + PRESENCE_TTL_MS + 10_000;
    let stillOnline = true;
    while (stillOnline && Date.now() < deadline) {
      const look = await socketOn(d.childToken, anywhere);
      const welcome = look.frames.find((f) => f.type === 'welcome') as { presence?: { accountId: string }[] } | undefined;
      stillOnline = (welcome?.presence ?? []).some((p) => p.accountId === c.child.childId);
      await look.close();
      if (stillOnline) await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(stillOnline).toBe(false);
    await cluster.restart(dead);
  }, 180_000);

  it('leaves no client address, query string or token in nginx’s logs or the relays’ output', async () => {
    await new Promise((r) => setTimeout(r, 300)); // nginx writes a socket's line when it closes
    const logs = cluster.nginx.allLogs();
    expect(logs).toMatch(/GET \/v1\/ws 101 /);
    expect(logs).toMatch(/GET \/peerjs 101 /);
    expect(logs).not.toContain(CLIENT);
    expect(logs).not.toContain('token=');
    expect(logs).not.toContain('?');
    const relays = cluster.instances.map((_, i) => cluster.logs(i)).join('\n');
    expect(relays).not.toContain(CLIENT);
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
      expect(relays).not.toContain(secret);
    }
  });
});

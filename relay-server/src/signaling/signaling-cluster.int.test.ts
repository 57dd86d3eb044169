import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvents } from '../context';
import { act, api, buildTestApp, expectStatus, type TestRelay } from '../../test/helpers';
import { encodeLocation, peerKey } from './peer-directory';
import {
  BUS_FACTORIES,
  answer,
  candidate,
  friendPair,
  grantFor,
  loggedIn,
  offer,
  signalingKid,
  sleep,
  startSignalingInstance,
  withLiveness,
  type BusCluster,
  type FencedBus,
  type RawPeer,
  type SignalingInstance,
} from './test-support';

/** Lets frames in flight (loopback, the bus) arrive before asserting that none did. */
const settle = (): Promise<void> => sleep(120);

for (const factory of BUS_FACTORIES) {
  describe.skipIf(factory.skip !== undefined)(
    `signaling across two instances on the ${factory.name} bus${factory.skip ? ` (skip: ${factory.skip})` : ''}`,
    () => {
      let relay: TestRelay;
      let cluster: BusCluster;
      let A: SignalingInstance;
      let B: SignalingInstance;
      const open: RawPeer[] = [];
      const started: SignalingInstance[] = [];

      async function login(instance: SignalingInstance, grant: Parameters<typeof loggedIn>[1]): Promise<RawPeer> {
        const peer = await loggedIn(instance.port, grant);
        open.push(peer);
        return peer;
      }

      async function instance(...args: Parameters<typeof startSignalingInstance>): Promise<SignalingInstance> {
        const started_ = await startSignalingInstance(...args);
        started.push(started_);
        return started_;
      }

      beforeEach(async () => {
        relay = await buildTestApp();
        cluster = await factory.cluster(relay.clock.now);
        A = await instance(relay, await cluster.join('a'));
        B = await instance(relay, await cluster.join('b'));
      });

      afterEach(async () => {
        for (const p of open.splice(0)) p.ws.terminate();
        for (const s of started.splice(0)) await s.close();
        await cluster.close();
        await relay.close();
      });

      it('relays OFFER, ANSWER and CANDIDATE between friends on different instances', async () => {
        const { a, b } = await friendPair(relay.app);
        const pa = await login(A, a.grant);
        const pb = await login(B, b.grant);
        expect([A.server.size(), B.server.size()]).toEqual([1, 1]);
        pa.send(offer(b.grant.peerId));
        expect(await pb.next()).toMatchObject({ type: 'OFFER', src: a.grant.peerId, dst: b.grant.peerId });
        pb.send(answer(a.grant.peerId));
        expect(await pa.next()).toMatchObject({ type: 'ANSWER', src: b.grant.peerId, dst: a.grant.peerId });
        pa.send(candidate(b.grant.peerId, 'dc_test1', 1));
        pa.send(candidate(b.grant.peerId, 'dc_test1', 2));
        pb.send(candidate(a.grant.peerId, 'dc_test1', 3));
        expect(await pb.next()).toMatchObject({ type: 'CANDIDATE', src: a.grant.peerId });
        // In order, behind the OFFER that opened the connection.
        expect(await pb.next()).toMatchObject({
          type: 'CANDIDATE',
          payload: { candidate: { candidate: expect.stringMatching(/^candidate:2 /) } },
        });
        expect(await pa.next()).toMatchObject({ type: 'CANDIDATE', src: b.grant.peerId });
      });

      it('answers EXPIRE for a peer on no instance, and the same EXPIRE for a non-friend on another instance', async () => {
        const { a, b } = await friendPair(relay.app);
        const stranger = await signalingKid(relay.app);
        const pa = await login(A, a.grant);
        pa.send(offer(b.grant.peerId));
        expect(await pa.next()).toEqual({ type: 'EXPIRE', src: b.grant.peerId, dst: a.grant.peerId });

        // b logs in on B, then leaves: nowhere again.
        const pb = await login(B, b.grant);
        pb.ws.close();
        await pb.closed;
        await settle();
        pa.send(offer(b.grant.peerId, 'dc_after'));
        expect(await pa.next()).toEqual({ type: 'EXPIRE', src: b.grant.peerId, dst: a.grant.peerId });

        const offline = await (async () => {
          pa.send(candidate(stranger.grant.peerId, 'dc_probe'));
          return pa.next();
        })();
        const ps = await login(B, stranger.grant);
        pa.send(candidate(stranger.grant.peerId, 'dc_probe'));
        pa.send(offer(stranger.grant.peerId, 'dc_probe'));
        expect(await pa.next()).toEqual(offline);
        expect(await pa.next()).toEqual(offline);
        await settle();
        expect(ps.frames).toEqual([{ type: 'OPEN' }]);
      });

      it('lets a second login on another instance replace the first, and sends its frames there', async () => {
        const { a, b } = await friendPair(relay.app);
        const pa = await login(A, a.grant);
        const first = await login(B, b.grant);
        const second = await login(A, await grantFor(relay.app, b.childToken));
        expect(await first.closed).toBe(1000);
        expect(second.ws.readyState).toBe(second.ws.OPEN);
        await settle();
        expect([A.server.size(), B.server.size()]).toEqual([2, 0]);
        pa.send(offer(b.grant.peerId));
        expect(await second.next()).toMatchObject({ type: 'OFFER', src: a.grant.peerId });

        // And back: a third login on B replaces the second on A.
        const third = await login(B, await grantFor(relay.app, b.childToken));
        expect(await second.closed).toBe(1000);
        pa.send(candidate(b.grant.peerId));
        expect(await third.next()).toMatchObject({ type: 'CANDIDATE', src: a.grant.peerId });
      });

      it('closes a login that another instance claimed last when it refreshes its peers', async () => {
        const kid = await signalingKid(relay.app);
        const peer = await login(B, kid.grant);
        // Two logins raced: the other instance wrote the peer's location last.
        await (
          await cluster.join('a')
        ).put(peerKey(kid.grant.peerId), encodeLocation({ instance: 'a', epoch: 'e', login: 'l' }), 30_000);
        await B.server.refresh();
        expect(await peer.closed).toBe(1000);
      });

      it('shares which OFFER opened which connection id: both instances check it, and a new login anywhere keeps it', async () => {
        const { a, b } = await friendPair(relay.app);
        const pa = await login(A, a.grant);
        const pb1 = await login(B, b.grant);
        pb1.send(answer(a.grant.peerId, 'dc_neveroffered'));
        pb1.send(candidate(a.grant.peerId, 'dc_neveroffered'));
        pa.send(offer(b.grant.peerId, 'dc_real')); // recorded by B, which holds b
        await pb1.next((f) => f.type === 'OFFER');
        pa.send(answer(b.grant.peerId, 'dc_real')); // the caller cannot answer its own offer, checked on B
        pb1.send(answer(a.grant.peerId, 'dc_real')); // checked on A, which holds a
        expect(await pa.next()).toMatchObject({ type: 'ANSWER', src: b.grant.peerId });
        await settle();
        expect(pa.frames.map((f) => f.type)).toEqual(['OPEN', 'ANSWER']);
        expect(pb1.frames.map((f) => f.type)).toEqual(['OPEN', 'OFFER']);

        // b moves to A: the record B wrote is checked on A now.
        const pb2 = await login(A, await grantFor(relay.app, b.childToken));
        await pb1.closed;
        pa.send(candidate(b.grant.peerId, 'dc_real', 1));
        expect(await pb2.next()).toMatchObject({ type: 'CANDIDATE', src: a.grant.peerId });

        // b leaves and comes back on B: its calls start afresh.
        pb2.ws.close();
        await pb2.closed;
        await settle();
        const pb3 = await login(B, await grantFor(relay.app, b.childToken));
        pa.send(candidate(b.grant.peerId, 'dc_real', 2));
        pb3.send(candidate(a.grant.peerId, 'dc_real', 3));
        await settle();
        expect(pb3.frames).toEqual([{ type: 'OPEN' }]);
        expect(pa.frames.map((f) => f.type)).toEqual(['OPEN', 'ANSWER']);
      });

      it('applies a block made on one instance to the very next frame on the other', async () => {
        const { a, b, friendshipId } = await friendPair(relay.app);
        const pa = await login(A, a.grant);
        const pb = await login(B, b.grant);
        pa.send(offer(b.grant.peerId));
        await pb.next((f) => f.type === 'OFFER');
        pb.send(answer(a.grant.peerId));
        await pa.next((f) => f.type === 'ANSWER');
        expectStatus(await act(relay.app, b.childToken, friendshipId, 'block'), 200);
        pa.send(candidate(b.grant.peerId, 'dc_test1', 2));
        pb.send(candidate(a.grant.peerId, 'dc_test1', 3));
        expect(await pa.next()).toEqual({ type: 'EXPIRE', src: b.grant.peerId, dst: a.grant.peerId });
        expect(await pb.next()).toEqual({ type: 'EXPIRE', src: a.grant.peerId, dst: b.grant.peerId });
        await settle();
        expect(pb.frames.map((f) => f.type)).toEqual(['OPEN', 'OFFER', 'EXPIRE']);
        expect(pa.frames.map((f) => f.type)).toEqual(['OPEN', 'ANSWER', 'EXPIRE']);
      });

      it('closes a revoked device’s socket on the instance holding it, which then is nowhere', async () => {
        const { a, b } = await friendPair(relay.app);
        const pa = await login(A, a.grant);
        const pb = await login(B, b.grant);
        expectStatus(await api(relay.app, 'DELETE', `/v1/devices/${b.deviceId}`, { token: b.parent.token }), 204);
        expect((await pb.next()).type).toBe('ERROR');
        expect(await pb.closed).toBe(1008);
        await settle();
        pa.send(offer(b.grant.peerId));
        expect(await pa.next()).toEqual({ type: 'EXPIRE', src: b.grant.peerId, dst: a.grant.peerId });
      });

      describe('fencing: an instance that may have missed events', () => {
        let busC: FencedBus;
        /** Instance C, deaf to the cluster's events (as when its subscription is lost), its bus liveness set by the test. */
        async function deafInstance(): Promise<SignalingInstance> {
          busC = withLiveness(await cluster.join('c'));
          return instance(relay, busC, createEvents());
        }

        it('checks every frame against the store while its bus is not live', async () => {
          const C = await deafInstance();
          const { a, b, friendshipId } = await friendPair(relay.app);
          const pa = await login(A, a.grant);
          const pc = await login(C, b.grant);
          pa.send(offer(b.grant.peerId)); // C learns that a and b are friends
          await pc.next((f) => f.type === 'OFFER');
          busC.setLive(false);
          expectStatus(await act(relay.app, b.childToken, friendshipId, 'block'), 200); // C does not hear of it
          pa.send(candidate(b.grant.peerId, 'dc_test1', 1));
          expect(await pa.next()).toEqual({ type: 'EXPIRE', src: b.grant.peerId, dst: a.grant.peerId });
          await settle();
          expect(pc.frames.map((f) => f.type)).toEqual(['OPEN', 'OFFER']);
        });

        it('stops relaying a warm call between two of its own peers at once when its bus is not live', async () => {
          const C = await deafInstance();
          const { a, b, friendshipId } = await friendPair(relay.app);
          const pa = await login(C, a.grant);
          const pb = await login(C, b.grant);
          pa.send(offer(b.grant.peerId));
          await pb.next((f) => f.type === 'OFFER');
          // Warm: the friendship and the connection are known in C's memory, so frames go straight through.
          for (let n = 1; n <= 3; n++) pa.send(candidate(b.grant.peerId, 'dc_test1', n));
          for (let n = 1; n <= 3; n++) expect(await pb.next()).toMatchObject({ type: 'CANDIDATE', src: a.grant.peerId });
          // As when a heartbeat is missed: `isLive()` is false before any listener is told.
          busC.setLive(false, false);
          expectStatus(await act(relay.app, b.childToken, friendshipId, 'block'), 200); // C does not hear of it
          pa.send(candidate(b.grant.peerId, 'dc_test1', 4));
          expect(await pa.next()).toEqual({ type: 'EXPIRE', src: b.grant.peerId, dst: a.grant.peerId });
          await settle();
          expect(pb.frames.filter((f) => f.type === 'CANDIDATE')).toHaveLength(3);
        });

        it('still relays between friends while fenced, from the store', async () => {
          const C = await deafInstance();
          busC.setLive(false);
          const { a, b } = await friendPair(relay.app);
          const pa = await login(A, a.grant);
          const pc = await login(C, b.grant);
          pa.send(offer(b.grant.peerId));
          expect(await pc.next()).toMatchObject({ type: 'OFFER', src: a.grant.peerId });
          pc.send(answer(a.grant.peerId));
          expect(await pa.next()).toMatchObject({ type: 'ANSWER', src: b.grant.peerId });
        });

        it('forgets what it knew when its bus is live again, so an event it missed still applies', async () => {
          const C = await deafInstance();
          const { a, b, friendshipId } = await friendPair(relay.app);
          const pa = await login(A, a.grant);
          const pc = await login(C, b.grant);
          pa.send(offer(b.grant.peerId));
          await pc.next((f) => f.type === 'OFFER');
          busC.setLive(false);
          expectStatus(await act(relay.app, b.childToken, friendshipId, 'block'), 200);
          busC.setLive(true); // re-subscribed: reloads instead of trusting what it had
          pa.send(candidate(b.grant.peerId, 'dc_test1', 1));
          expect(await pa.next()).toEqual({ type: 'EXPIRE', src: b.grant.peerId, dst: a.grant.peerId });
          await settle();
          expect(pc.frames.map((f) => f.type)).toEqual(['OPEN', 'OFFER']);
        });
      });
    },
  );
}

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MediaConnection, Peer, PeerError } from 'peerjs';
import type { SignalingGrant } from '@hearth/common';
import { buildTestApp, type TestRelay } from '../../test/helpers';
import { loadPeerJs, peerOptions, type MediaStreamLike, type PeerCtor, type WrtcMedia } from './peerjs-client';
import { friendPair, listen, signalingKid, sleep } from './test-support';

/** PeerJS's stream type (a DOM MediaStream); wrtc's streams stand in for it. */
type PeerStream = Parameters<Peer['call']>[1];

let PeerClass: PeerCtor;
let media: WrtcMedia;
let relay: TestRelay;
let port: number;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  ({ Peer: PeerClass, media } = await loadPeerJs());
});

beforeEach(async () => {
  relay = await buildTestApp();
  port = await listen(relay.app);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await relay.close();
});

function newPeer(grant: SignalingGrant): Promise<Peer> {
  const peer = new PeerClass(grant.peerId, peerOptions(port, grant));
  cleanups.push(() => peer.destroy());
  return new Promise((resolve, reject) => {
    peer.once('open', () => resolve(peer));
    peer.once('error', reject);
  });
}

function camera(): MediaStreamLike {
  const cam = media.videoStream();
  cleanups.push(cam.stop);
  return cam.stream;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`timed out: ${what}`)))]);
}

describe('a PeerJS media call through the relay', () => {
  it('connects two friends with video both ways', async () => {
    const { a, b } = await friendPair(relay.app);
    const [pa, pb] = await Promise.all([newPeer(a.grant), newPeer(b.grant)]);
    const atCallee = new Promise<MediaStreamLike>((resolve) =>
      pb.once('call', (incoming: MediaConnection) => {
        expect(incoming.metadata).toEqual({ kind: 'video' });
        incoming.once('stream', (s) => resolve(s as unknown as MediaStreamLike));
        incoming.answer(camera() as unknown as PeerStream);
      }),
    );
    const call = pa.call(b.grant.peerId, camera() as unknown as PeerStream, { metadata: { kind: 'video' } });
    const remote = await withTimeout(
      new Promise<MediaStreamLike>((resolve) => call.once('stream', (s) => resolve(s as unknown as MediaStreamLike))),
      15_000,
      'remote stream at the caller',
    );
    const frame = await withTimeout(media.firstFrame(remote), 15_000, 'first remote video frame');
    expect(frame).toEqual({ width: 320, height: 240 });
    const back = await withTimeout(atCallee, 15_000, 'remote stream at the callee');
    expect(await withTimeout(media.firstFrame(back), 15_000, 'first video frame at the callee')).toEqual({
      width: 320,
      height: 240,
    });
  });

  it('never rings a kid who is not a friend', async () => {
    const a = await signalingKid(relay.app);
    const c = await signalingKid(relay.app);
    const [pa, pc] = await Promise.all([newPeer(a.grant), newPeer(c.grant)]);
    let rang = false;
    pc.on('call', () => (rang = true));
    const error = new Promise<PeerError<string>>((resolve) => pa.once('error', resolve));
    pa.call(c.grant.peerId, camera() as unknown as PeerStream);
    expect((await withTimeout(error, 5000, 'peer-unavailable')).type).toBe('peer-unavailable');
    await sleep(200);
    expect(rang).toBe(false);
  });
});

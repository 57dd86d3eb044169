/**
 * Safety of the re-dial (issue 18) through the call service: a second offer of the very call
 * (same peer, same call id) is taken without ringing only while the callee is reconnecting; while
 * it is simply talking the offer is closed unanswered, and no camera opens for it.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeNetwork, FakeMediaStream, installMediaGlobals } from './testing/fake-peerjs';
import { befriend, fakeSide, until, type FakeSide } from './testing/fake-side';

beforeAll(installMediaGlobals);

let network: FakeNetwork;
const sides: FakeSide[] = [];
beforeEach(() => {
  network = new FakeNetwork();
});
afterEach(() => {
  for (const s of sides.splice(0)) s.service.stop();
});

describe('a re-dial of a call', () => {
  it('is refused while the callee is talking (not reconnecting): closed unanswered, no camera, no ring', async () => {
    const [a, b] = ['Alice', 'Bob'].map((n) => {
      const s = fakeSide(network, n);
      s.service.start();
      sides.push(s);
      return s;
    }) as [FakeSide, FakeSide];
    befriend(network, a, b);
    await until(() => a.service.view().signaling === 'online' && b.service.view().signaling === 'online', 'online');
    await a.service.dial(b.contactId, { video: true });
    await until(() => b.service.view().phase === 'incoming', 'ringing');
    await b.service.accept();
    await until(() => a.service.view().phase === 'active' && b.service.view().phase === 'active', 'active');
    const cameras = b.gum.length;
    const first = a.peer().calls[0]!;
    // The same call again, as a re-dial (same metadata, same call id) — but Bob is not reconnecting.
    const again = a.peer().call(b.peerId, new FakeMediaStream([]) as never, { metadata: first.metadata });
    // Bob's end of it: closed, never answered (PeerJS tells the caller nothing of an unanswered close).
    await until(() => again.other?.closed === true, 'the re-dial closed at Bob');
    expect(again.other?.peerConnection).toBeNull();
    expect(again.open).toBe(false);
    expect(b.gum.length).toBe(cameras);
    expect(b.service.view().phase).toBe('active');
    expect(a.service.view().phase).toBe('active');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CallSession } from '@hearth/common';
import { befriend, must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

let relay: TestRelay;
let alice: TestDesktop;
let bob: TestDesktop;
let stranger: TestDesktop;
let aliceId: string;
let bobId: string;
let strangerId: string;
/** The relay and the PCs the file started, closed newest first. */
const started = createClosers();

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
  alice = started.add(await startTestDesktop(relay.url, { callRingTimeoutMs: 4_000 }), () => alice.close());
  bob = started.add(await startTestDesktop(relay.url), () => bob.close());
  stranger = started.add(await startTestDesktop(relay.url), () => stranger.close());
  aliceId = (await setUpFamily(alice.api, 'Alice', { avatar: 'fox' })).childId;
  bobId = (await setUpFamily(bob.api, 'Bob', { avatar: 'owl' })).childId;
  strangerId = (await setUpFamily(stranger.api, 'Stranger')).childId;
  await befriend(alice.api, aliceId, bob.api, bobId);
  must(await stranger.api.selectProfile({ childId: strangerId }));
  await waitFor(async () => (await alice.api.listFriends()).ok, 15_000, 'friends');
}, 60_000);

afterAll(() => started.closeAll());

/** Opens the relay's PeerJS socket with a session's token, as the renderer's client does. */
function signalingOpens(s: CallSession): Promise<string> {
  const ws = new WebSocket(`ws://${s.host}:${s.port}${s.path}peerjs?key=${s.key}&id=${s.peerId}&token=${s.token}&version=1.5.5`);
  return new Promise((resolve, reject) => {
    ws.once('message', (data) => {
      resolve((JSON.parse(String(data)) as { type: string }).type);
      ws.close();
    });
    ws.once('error', reject);
  });
}

describe('calls in main', () => {
  it('gives the active profile a signaling session for its own peer id on the relay, and nothing else', async () => {
    const session = must(await alice.api.getCallSession());
    expect(session).toMatchObject({ host: '127.0.0.1', port: relay.port, secure: false, path: '/', key: 'peerjs' });
    expect(session.ringTimeoutMs).toBe(4_000);
    expect(session.token).toMatch(/^sg_/);
    expect(await signalingOpens(session)).toBe('OPEN');
    // The product default, where no test shortens it.
    expect(must(await bob.api.getCallSession()).ringTimeoutMs).toBe(30_000);
  });

  it('dials a friend by contact id and names a calling friend from its own contact list', async () => {
    const bobSession = must(await bob.api.getCallSession());
    const aliceSession = must(await alice.api.getCallSession());
    const toBob = must(await alice.api.getCallContact({ contactId: bobId }));
    expect(toBob).toEqual({
      contactId: bobId,
      peerId: bobSession.peerId,
      displayName: 'Bob',
      kind: 'friend',
      grownUp: false,
      parentDisplayName: "Bob's parent",
      // The picture Bob's grown-up picked on Bob's PC, as the relay gave it to Alice's.
      avatar: 'owl',
    });
    expect(must(await bob.api.identifyCaller({ peerId: aliceSession.peerId }))).toMatchObject({
      contactId: aliceId,
      displayName: 'Alice',
      avatar: 'fox',
    });
  });

  it('never names a stranger: an unknown peer id is FORBIDDEN and a stranger cannot be dialled', async () => {
    const strangerSession = must(await stranger.api.getCallSession());
    const refused = await bob.api.identifyCaller({ peerId: strangerSession.peerId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await alice.api.getCallContact({ contactId: strangerId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bobSession = must(await bob.api.getCallSession());
    expect(await stranger.api.identifyCaller({ peerId: bobSession.peerId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('uses relay-only ICE by default and all candidates once the grown-ups turn the privacy option off', async () => {
    expect(must(await alice.api.getCallIce())).toEqual({ iceServers: [], iceTransportPolicy: 'relay', expiresAt: null });
    must(await alice.api.updateSettings({ relayOnlyCalls: false }));
    expect(must(await alice.api.getCallIce()).iceTransportPolicy).toBe('all');
    must(await alice.api.updateSettings({ relayOnlyCalls: true }));
    expect(must(await alice.api.getCallIce()).iceTransportPolicy).toBe('relay');
  });

  it('shows friends that a child is in a call, and online again afterwards', async () => {
    must(await alice.api.setCallPresence({ inCall: true }));
    const presenceAtBob = async (): Promise<string | undefined> =>
      must(await bob.api.listFriends()).friends.find((f) => f.friendship.friend.accountId === aliceId)?.presence;
    await waitFor(async () => (await presenceAtBob()) === 'in-call', 10_000, 'in-call at Bob');
    must(await alice.api.setCallPresence({ inCall: false }));
    await waitFor(async () => (await presenceAtBob()) === 'online', 10_000, 'online at Bob');
  });

  it('refuses calls channels at the profile picker', async () => {
    must(await stranger.api.leaveProfile());
    expect(await stranger.api.getCallSession()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    must(await stranger.api.selectProfile({ childId: strangerId }));
  });

  it('passes an ICE restart between friends through the relay, and never to or from anyone else (issue 18)', async () => {
    const signal = { callId: 'restart0001', role: 'offer', attempt: 1, sdp: 'v=0\r\na=ice-ufrag:Qz7d\r\n' } as const;
    const told = (pc: TestDesktop): unknown[] => pc.events.filter((e) => e.event === 'callIce').map((e) => e.payload);
    must(await alice.api.sendCallIce({ contactId: bobId, ...signal }));
    await waitFor(async () => told(bob).length > 0, 10_000, 'the offer at Bob');
    expect(told(bob)).toEqual([{ contactId: aliceId, ...signal }]);
    must(await bob.api.sendCallIce({ contactId: aliceId, ...signal, role: 'answer' }));
    await waitFor(async () => told(alice).length > 0, 10_000, 'the answer at Alice');
    expect(told(alice)).toEqual([{ contactId: bobId, ...signal, role: 'answer' }]);
    // Not a contact: main refuses before anything reaches the relay.
    const notFound = { ok: false, error: { code: 'NOT_FOUND' } };
    expect(await stranger.api.sendCallIce({ contactId: bobId, ...signal })).toMatchObject(notFound);
    expect(await alice.api.sendCallIce({ contactId: strangerId, ...signal })).toMatchObject(notFound);
    // Main's own check of what the relay passes on: someone not an active contact here is not told to the screens.
    bob.core.services.calls.iceArrived(bobId, { type: 'call-ice', from: strangerId, ...signal });
    await new Promise((r) => setTimeout(r, 200));
    expect(told(bob)).toHaveLength(1);
    expect(told(stranger)).toEqual([]);
  });

  it('stops naming or dialling a friend the child blocked', async () => {
    const aliceSession = must(await alice.api.getCallSession());
    const friendship = must(await bob.api.listFriends()).friends.find((f) => f.friendship.friend.accountId === aliceId);
    must(await bob.api.actOnFriendship({ friendshipId: friendship!.friendship.friendshipId, action: 'block' }));
    expect(await bob.api.identifyCaller({ peerId: aliceSession.peerId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await bob.api.getCallContact({ contactId: aliceId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

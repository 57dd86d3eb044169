/**
 * The callee's side of a recovery (issue 18), on the call's own connections: a re-dial's media and
 * its control channel are offered separately, and may arrive in either order, interleaved with
 * another re-dial's. The control channel that goes on must be the one the caller took with the
 * media, or what either child does (mute, hang up, a game move) is lost for the rest of the call.
 */
import type { CallContact, PeerId } from '@hearth/common';
import type { DataConnection, MediaConnection } from 'peerjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent } from './call-events';
import { createLiveCalls, type Live, type LiveEffect } from './call-live';
import { step } from './call-machine';
import type { CallMedia } from './call-media';
import { CALL_CHANNEL_LABEL, newConnectionPair, pairOf } from './call-protocol';
import { newCall, type Call } from './call-state';
import { withStartBitrate } from './start-bitrate';
import { FakeDataConnection, FakeMediaConnection, FakeMediaStream, FakeTrack, installMediaGlobals } from './testing/fake-peerjs';

beforeAll(installMediaGlobals);

const BOB: CallContact = {
  contactId: '01J000000000000000000000BO',
  peerId: 'peer-a' as PeerId,
  displayName: 'Alice',
  kind: 'friend',
  grownUp: false,
  parentDisplayName: null,
  avatar: null,
};
const ACTIVE_IN: Call = {
  ...newCall(
    {
      key: 'peer-a c1',
      id: 'c1',
      logId: '01J0000000000000000000CA11',
      peerId: BOB.peerId,
      contact: BOB,
      avatar: null,
      direction: 'in',
      video: true,
    },
    1_000,
  ),
  offered: true,
  localReady: true,
  answered: true,
  phase: 'active',
  presence: true,
  activeSince: 3_000,
};
const LIVE_EFFECTS = new Set([
  'arm-ring',
  'stop-ring',
  'send',
  'answer',
  'release',
  'arm-reconnect',
  'arm-redial',
  'reconnected',
  'take-redial',
]);

/** One offer of the caller's: both ends of its media and of its control channel. */
function offer(ids: Readonly<{ media: string; data: string }> = newConnectionPair()) {
  const callerMedia = new FakeMediaConnection('peer-b', null);
  const media = new FakeMediaConnection('peer-a', null);
  callerMedia.localStream = new FakeMediaStream([new FakeTrack('video', 'alice')]);
  [callerMedia.other, media.other, callerMedia.connectionId, media.connectionId] = [media, callerMedia, ids.media, ids.media];
  const callerData = new FakeDataConnection('peer-b', CALL_CHANNEL_LABEL, null);
  const data = new FakeDataConnection('peer-a', CALL_CHANNEL_LABEL, null);
  [callerData.other, data.other, callerData.connectionId, data.connectionId] = [data, callerData, ids.data, ids.data];
  callerData.open = data.open = true;
  return { media, data, callerMedia, callerData };
}

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Bob's side of an answered call going on, then its path lost: "Reconnecting…". */
function reconnectingCallee() {
  const heard: CallEvent[] = [];
  const problems: string[] = [];
  /** The channel moves the service was told of (it says the mute and camera state again on them). */
  const moves: DataConnection[] = [];
  const lives = createLiveCalls({
    channelMoved: (live) => void moves.push(live.data as DataConnection),
    apply: (event, live) => {
      heard.push(event);
      const s = step(live.call, event, Date.now());
      if (s.call) live.call = s.call;
      for (const e of s.effects) if (LIVE_EFFECTS.has(e.type)) lives.run(e as LiveEffect, live);
    },
    problem: (m) => void problems.push(m),
  });
  const live: Live = lives.create(ACTIVE_IN);
  live.local = { sent: new FakeMediaStream([new FakeTrack('video', 'bob')]), stop: () => undefined } as unknown as CallMedia;
  const first = offer();
  lives.attachMedia(live, first.media as unknown as MediaConnection);
  lives.attachData(live, first.data as unknown as DataConnection);
  live.call = step(live.call, { type: 'path-lost' }, Date.now()).call!;
  const said = (): string[] =>
    heard.flatMap((e) => (e.type === 'message' && e.message.type === 'media' ? [String(e.message.muted)] : []));
  return { lives, live, first, heard, problems, said, moves };
}

describe("the callee's side of a re-dial", () => {
  it('pairs the offers by their connection ids', () => {
    const ids = newConnectionPair();
    expect(ids.media).toMatch(/^mc_[0-9a-f]{32}$/);
    expect(pairOf(ids.media)).toBe(pairOf(ids.data));
    expect(pairOf(newConnectionPair().data)).not.toBe(pairOf(ids.data));
    expect(pairOf('dc_somethingelse')).toBeNull();
    expect(pairOf(undefined)).toBeNull();
  });

  it("takes the re-dial's control channel when it comes after the media already brought the call back", async () => {
    const { lives, live, first, said, moves } = reconnectingCallee();
    const redial = offer();
    lives.rejoin(live, redial.media as unknown as MediaConnection, 'media');
    await tick(); // answered: the friend's media is here, the call is back
    expect(live.call.phase).toBe('active');
    expect(live.media).toBe(redial.media);
    // Its answer starts the video from the same estimate as a first answer (start-bitrate.ts).
    expect(redial.media.answerSdpTransform).toBe(withStartBitrate);
    expect(live.awaitingData).toBe(pairOf(redial.media.connectionId));
    // Bob mutes before the re-dial's channel is here: it waits for it (the old path is gone).
    lives.run({ type: 'send', message: { type: 'media', muted: true, cameraOff: false } }, live);
    expect(first.data.sent).toEqual([]);
    expect(moves).toEqual([]);
    // Another channel of the same call, not the one the caller took: closed.
    const stray = offer();
    lives.join(live, stray.data as unknown as DataConnection, 'data');
    expect(stray.data.closed).toBe(true);
    // The re-dial's own: the control channel moves to it, and the caller is heard on it.
    lives.join(live, redial.data as unknown as DataConnection, 'data');
    expect(redial.data.closed).toBe(false);
    expect(live.data).toBe(redial.data);
    expect(live.awaitingData).toBeNull();
    expect(moves).toEqual([redial.data]);
    redial.callerData.send({ type: 'media', muted: true, cameraOff: false });
    first.callerData.send({ type: 'media', muted: false, cameraOff: false });
    await tick();
    expect(said()).toEqual(['true']); // the old channel is not heard any more
    expect(live.call.remoteMuted).toBe(true);
    // What Bob says goes out on it too.
    lives.run({ type: 'send', message: { type: 'media', muted: true, cameraOff: true } }, live);
    expect(redial.data.sent).toEqual([
      { type: 'media', muted: true, cameraOff: false },
      { type: 'media', muted: true, cameraOff: true },
    ]);
    expect(first.data.sent).toEqual([]);
    // The old channel closing later ends nothing.
    first.data.close();
    await tick();
    expect(live.call.phase).toBe('active');
  });

  it('goes on with the channel paired with the media it took when two re-dials cross', async () => {
    const { lives, live, said } = reconnectingCallee();
    const [a, b] = [offer(), offer()];
    // Re-dial A's media waits for an answer path while B's channel, then A's, then B's media come.
    lives.rejoin(live, a.media as unknown as MediaConnection, 'media');
    lives.rejoin(live, b.data as unknown as DataConnection, 'data');
    lives.rejoin(live, a.data as unknown as DataConnection, 'data');
    // A was answered at once (the call is reconnecting); B's media never comes (the caller moved on).
    await tick();
    expect(live.call.phase).toBe('active');
    expect(live.media).toBe(a.media);
    expect(live.data).toBe(a.data);
    expect(b.data.closed).toBe(true);
    a.callerData.send({ type: 'media', muted: true, cameraOff: false });
    await tick();
    expect(said()).toEqual(['true']);
  });

  it("drops a re-dial replaced by a later one with its own channel, and keeps the later one's", async () => {
    const { lives, live } = reconnectingCallee();
    const [a, b] = [offer(), offer()];
    lives.rejoin(live, a.data as unknown as DataConnection, 'data');
    lives.rejoin(live, b.data as unknown as DataConnection, 'data');
    lives.rejoin(live, a.media as unknown as MediaConnection, 'media');
    lives.rejoin(live, b.media as unknown as MediaConnection, 'media'); // before A's answer came through
    expect(a.media.closed).toBe(true);
    expect(a.data.closed).toBe(true);
    expect(live.pending?.datas).toEqual([b.data]);
    await tick();
    expect(live.call.phase).toBe('active');
    expect(live.media).toBe(b.media);
    expect(live.data).toBe(b.data);
  });

  it("takes the caller's channel offered again for the media it took, when the re-dial's own never comes", async () => {
    const { lives, live, first, said, moves } = reconnectingCallee();
    const redial = offer();
    lives.rejoin(live, redial.media as unknown as MediaConnection, 'media');
    await tick();
    expect(live.awaitingData).toBe(pairOf(redial.media.connectionId));
    lives.run({ type: 'send', message: { type: 'media', muted: true, cameraOff: false } }, live);
    /** A control channel of this call as the caller offers it again: `channelFor` names a media's pair. */
    const again = (pair: string | null) => {
      const ends = offer();
      const metadata = { v: 1, callId: 'call0001', video: true, avatar: null, channelFor: pair };
      const data = Object.assign(new FakeDataConnection('peer-a', CALL_CHANNEL_LABEL, metadata), {
        other: ends.callerData,
        connectionId: ends.data.connectionId,
        open: true,
      });
      ends.callerData.other = data;
      return { data, callerData: ends.callerData };
    };
    // One offered again for another media (an old re-dial's): closed, the channel still waits.
    const other = again(pairOf(newConnectionPair().media));
    lives.join(live, other.data as unknown as DataConnection, 'data');
    expect(other.data.closed).toBe(true);
    expect(live.awaitingData).not.toBeNull();
    // The one for the media Bob took: the channel moves to it, and what waited goes out on it.
    const reopened = again(pairOf(redial.media.connectionId));
    lives.join(live, reopened.data as unknown as DataConnection, 'data');
    expect(reopened.data.closed).toBe(false);
    expect(live.data).toBe(reopened.data);
    expect(live.awaitingData).toBeNull();
    expect(moves).toEqual([reopened.data]);
    expect(reopened.data.sent).toEqual([{ type: 'media', muted: true, cameraOff: false }]);
    reopened.callerData.send({ type: 'media', muted: true, cameraOff: false });
    await tick();
    expect(said()).toEqual(['true']);
    // The re-dial's own channel, come after all: too late, closed (the caller let it go).
    lives.join(live, redial.data as unknown as DataConnection, 'data');
    expect(redial.data.closed).toBe(true);
    expect(live.data).toBe(reopened.data);
    expect(first.data.sent).toEqual([]);
  });
});

describe("the callee's answer on its way", () => {
  /** Bob accepted and is answering Alice's media: PeerJS is between the offer and the answer. */
  function answering() {
    const heard: CallEvent[] = [];
    const lives = createLiveCalls({
      apply: (event, live) => {
        heard.push(event);
        live.call = step(live.call, event, Date.now()).call ?? live.call;
      },
      problem: () => undefined,
    });
    const live = lives.create({ ...ACTIVE_IN, phase: 'connecting', activeSince: null });
    const { media } = offer();
    // What the answering RTCPeerConnection says of itself (the fake has no descriptions of its own).
    const pc = Object.assign(new EventTarget(), { signalingState: 'have-remote-offer' as RTCSignalingState });
    media.peerConnection = pc as unknown as NonNullable<typeof media.peerConnection>;
    lives.attachMedia(live, media as unknown as MediaConnection);
    const friend = new FakeMediaStream([new FakeTrack('video', 'alice')]);
    return { live, media, pc, heard, friend };
  }

  it('turns the call active only once its answer has left, not while PeerJS is still making it', async () => {
    const { live, media, pc, friend } = answering();
    media.emit('stream', friend);
    expect(live.remote).toBe(friend);
    await tick();
    expect(live.call.phase).toBe('connecting');
    pc.signalingState = 'stable';
    pc.dispatchEvent(new Event('signalingstatechange'));
    expect(live.call.phase).toBe('connecting'); // after the task that sends the answer
    await tick();
    expect(live.call.phase).toBe('active');
  });

  it('still turns active if the answer never settles, and at once for a stream that needs no answer', async () => {
    const stuck = answering();
    stuck.media.emit('stream', stuck.friend);
    await tick(1_100);
    expect(stuck.live.call.phase).toBe('active');
    const caller = answering();
    caller.pc.signalingState = 'stable';
    caller.media.emit('stream', caller.friend);
    expect(caller.live.call.phase).toBe('active');
  });
});

/**
 * Recovering a call (issue 18), through the call service. After a call comes back from
 * "Reconnecting…": what each side last said of its mute and camera goes again (said while the
 * path was down, it may have gone with it), and the caller restarts the control channel's own
 * connection where it did not come back with the media's. A re-dial of the call (same peer, same
 * call id) is taken without ringing only while the callee is reconnecting; while it is simply
 * talking the offer is closed unanswered, and no camera opens for it. The path breaks and heals
 * in the fakes' connections (their bytes stop and start), as the path watch reads it from a real one.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeMediaStream, FakeNetwork, installMediaGlobals, type FakeDataConnection, type FakePc } from './testing/fake-peerjs';
import { newConnectionPair, pairOf } from './call-protocol';
import { readCallTrace } from './call-trace';
import { befriend, fakeSide, until, type FakeSide } from './testing/fake-side';

beforeAll(installMediaGlobals);

let network: FakeNetwork;
const sides: FakeSide[] = [];
beforeEach(() => {
  network = new FakeNetwork();
});
afterEach(() => {
  for (const s of sides.splice(0)) s.service.stop();
  vi.unstubAllGlobals();
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type InCall = Readonly<{
  a: FakeSide;
  b: FakeSide;
  /** Each end's media connection and control channel. */
  media: { a: FakePc; b: FakePc };
  channel: { a: FakeDataConnection; b: FakeDataConnection };
}>;

/** Alice calls Bob, Bob accepts: both talking. */
async function talking(): Promise<InCall> {
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
  const call = a.peer().calls[0]!;
  const data = a.peer().connections[0]!;
  await until(() => data.open, 'the control channel open');
  return {
    a,
    b,
    media: { a: call.peerConnection!, b: call.other!.peerConnection! },
    channel: { a: data, b: data.other! },
  };
}

const mediaSaid = (c: FakeDataConnection): unknown[] => c.sent.filter((m) => (m as { type: string }).type === 'media');

/** One side's path down until it shows "Reconnecting…", then back until it talks again. */
async function dropAndHeal(side: FakeSide, pc: FakePc, whileDown: () => void = () => {}): Promise<void> {
  pc.flowing = false;
  await until(() => side.service.view().phase === 'reconnecting', `${side.name} reconnecting`, 5_000);
  whileDown();
  pc.flowing = true;
  await until(() => side.service.view().phase === 'active', `${side.name} back`, 5_000);
}

describe('a call back from reconnecting', () => {
  it('says our mute and camera again, with no button pressed, and the friend hears it', async () => {
    const { a, b, media, channel } = await talking();
    b.service.setMuted(true);
    await until(() => a.service.view().remoteMuted, 'Alice hears Bob muted');
    let said = 0;
    await dropAndHeal(b, media.b, () => {
      said = mediaSaid(channel.b).length;
    });
    await until(() => mediaSaid(channel.b).length > said, 'Bob saying his state again', 5_000);
    expect(mediaSaid(channel.b).at(-1)).toEqual({ type: 'media', muted: true, cameraOff: false });
    expect(a.service.view().remoteMuted).toBe(true);
    expect(a.service.view().phase).toBe('active');
  }, 20_000);

  it('restarts the control channel’s connection again where it did not come back (the caller)', async () => {
    const { a, media, channel } = await talking();
    const data = channel.a.peerConnection;
    // The channel's own restart beside the media's failed: its connection stays down.
    await dropAndHeal(a, media.a, () => {
      data.connectionState = 'failed';
    });
    const [dataOffers, mediaOffers] = [data.offers.length, media.a.offers.length];
    await until(() => data.offers.length > dataOffers, 'a restart of the channel', 4_000);
    expect(data.offers.at(-1)).toEqual({ iceRestart: true });
    // The media came back by itself: it is left alone.
    expect(media.a.offers.length).toBe(mediaOffers);
  }, 20_000);

  it('leaves the control channel alone where it came back with the media', async () => {
    const { a, media, channel } = await talking();
    const data = channel.a.peerConnection;
    await dropAndHeal(a, media.a);
    const dataOffers = data.offers.length;
    // Past the first look (2 s on), where a channel still down would have been restarted.
    await sleep(2_600);
    expect(data.offers.length).toBe(dataOffers);
    expect(a.service.view().phase).toBe('active');
  }, 20_000);

  it('moves the callee’s channel to a re-dial’s channel that comes after its media was taken', async () => {
    vi.stubGlobal('RTCRtpReceiver', {
      getCapabilities: () => ({ codecs: ['audio/opus', 'audio/red'].map((mimeType) => ({ mimeType, clockRate: 48_000 })) }),
    });
    const { a, b, media, channel } = await talking();
    // Bob's path is gone (and stays gone): he shows "Reconnecting…" and waits for Alice's re-dial.
    media.b.flowing = false;
    await until(() => b.service.view().phase === 'reconnecting', 'Bob reconnecting', 5_000);
    readCallTrace(true);
    // Alice's re-dial, as her app sends it: the media first, its channel a moment after. Bob
    // answers the media at once; his answer takes a while to leave, so he is still reconnecting
    // when the channel comes.
    const ids = newConnectionPair();
    const first = a.peer().calls[0]!;
    const again = a.peer().call(b.peerId, new FakeMediaStream([]) as never, {
      metadata: first.metadata,
      connectionId: ids.media,
    });
    again.other!.answerLeavesAfterMs = 300;
    await until(() => readCallTrace().some((m) => m.step === 'took-over'), 'Bob taking the re-dial');
    expect(b.service.view().phase).toBe('reconnecting');
    const data = a.peer().connect(b.peerId, { label: channel.a.label, metadata: first.metadata, connectionId: ids.data });
    await until(() => data.open, 'the re-dial’s channel open');
    await until(() => b.service.view().phase === 'active', 'Bob back', 5_000);
    // Bob's answer to the re-dial asks for the voice with redundancy too (where the browser has it).
    expect(again.other!.peerConnection!.transceivers.find((t) => t.sender.track?.kind === 'audio')?.codecs[0]).toBe('audio/red');
    // What Bob says now goes on the re-dial's channel (not on the old one, which Alice let go).
    b.service.setMuted(true);
    await until(() => mediaSaid(data.other!).some((m) => (m as { muted: boolean }).muted), 'Bob’s mute on the new channel');
    expect(readCallTrace().map((m) => m.step)).toContain('channel-awaited');
    expect(channel.b.closed || mediaSaid(channel.b).every((m) => !(m as { muted: boolean }).muted)).toBe(true);
  }, 20_000);
});

describe('a control channel that never opened', () => {
  it('is offered again by the caller after a re-dial whose channel was lost on the way, and the callee takes it', async () => {
    const { a, b, media } = await talking();
    // Both paths break; Alice's way back is a re-dial, whose control channel's offer gets lost.
    network.lostData = 1;
    media.a.flowing = media.b.flowing = false;
    await until(() => a.service.view().phase === 'reconnecting', 'Alice reconnecting', 5_000);
    readCallTrace(true);
    await until(() => a.service.view().phase === 'active' && b.service.view().phase === 'active', 'both back', 10_000);
    const lost = a.peer().connections.at(-1)!;
    expect(lost.open).toBe(false);
    expect(readCallTrace().map((m) => m.step)).toContain('channel-held');
    // Seen not open for 8 s, Alice offers the channel again; Bob takes it, and each hears the other.
    await until(
      () => a.peer().connections.at(-1) !== lost && a.peer().connections.at(-1)!.open,
      'a channel offered again',
      14_000,
    );
    const reopened = a.peer().connections.at(-1)!;
    expect((reopened.metadata as { channelFor?: string }).channelFor).toBe(pairOf(a.peer().calls.at(-1)!.connectionId));
    b.service.setMuted(true);
    await until(() => a.service.view().remoteMuted, 'Alice hears Bob muted on it', 4_000);
    a.service.setMuted(true);
    await until(() => b.service.view().remoteMuted, 'Bob hears Alice muted on it', 4_000);
    expect(a.service.view().phase).toBe('active');
    expect(b.service.view().phase).toBe('active');
  }, 40_000);
});

describe('a re-dial of a call', () => {
  it('is refused while the callee is talking (not reconnecting): closed unanswered, no camera, no ring', async () => {
    const { a, b } = await talking();
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

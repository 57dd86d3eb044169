import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallView } from './call-types';
import {
  FakeNetwork,
  FakeTrack,
  installMediaGlobals,
  type FakeDataConnection,
  type FakeMediaConnection,
} from './testing/fake-peerjs';
import { befriend, fakeMedia, fakeSide, until, type FakeSide } from './testing/fake-side';
import { DRAW_HOLD_MAX_MS } from './call-service';

beforeAll(installMediaGlobals);

let network: FakeNetwork;
const sides: FakeSide[] = [];

function side(name: string, ringTimeoutMs?: number): FakeSide {
  const s = fakeSide(network, name, ringTimeoutMs === undefined ? {} : { ringTimeoutMs });
  s.service.start();
  sides.push(s);
  return s;
}

beforeEach(() => {
  network = new FakeNetwork();
});

afterEach(() => {
  for (const s of sides.splice(0)) s.service.stop();
});

const phase = (s: FakeSide): CallView['phase'] => s.service.view().phase;
const online = (s: FakeSide): Promise<boolean> => until(() => s.service.view().signaling === 'online', `${s.name} online`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function friends(ringTimeoutMs?: number): Promise<[FakeSide, FakeSide]> {
  const a = side('Alice', ringTimeoutMs);
  const b = side('Bob', ringTimeoutMs);
  befriend(network, a, b);
  await Promise.all([online(a), online(b)]);
  return [a, b];
}

/** Two friends in a video call: Alice rang, Bob answered, and Alice's side is active. */
async function inVideoCall(): Promise<[FakeSide, FakeSide]> {
  const [a, b] = await friends();
  await a.service.dial(b.contactId, { video: true });
  await until(() => phase(b) === 'incoming', 'ringing');
  await b.service.accept();
  await until(() => phase(a) === 'active', 'active');
  return [a, b];
}

describe('the call service', () => {
  it('tells the screen only when what it shows changed, not at every step of the setup', async () => {
    const [a, b] = await friends();
    const seen: CallView[] = [];
    const off = a.service.subscribe(() => seen.push(a.service.view()));
    await a.service.dial(b.contactId, { video: true });
    await until(() => phase(b) === 'incoming', 'ringing');
    await b.service.accept();
    await until(() => phase(a) === 'active', 'active');
    off();
    expect(seen.length).toBeGreaterThan(0);
    // Every redraw shows something new (the offer leaving, or Bob's answer being ready, show nothing new).
    for (const [i, v] of seen.entries()) {
      const before = seen[i - 1];
      if (before) expect(Object.keys(v).some((k) => !Object.is(v[k as keyof CallView], before[k as keyof CallView]))).toBe(true);
    }
    // And the last one is what the screen reads now.
    expect(seen.at(-1)).toBe(a.service.view());
  });

  it('draws a call being placed once its offer has left, or after DRAW_HOLD_MAX_MS at most (a slow camera)', async () => {
    const [a, b] = await friends();
    const seen: string[] = [];
    const off = a.service.subscribe(() => seen.push(a.service.view().phase));
    const dialled = a.service.dial(b.contactId, { video: true });
    // While the camera opens and the offer leaves, the screen is not told, and says what it said.
    expect(a.service.view().phase).toBe('idle');
    await dialled;
    expect(seen).toEqual(['outgoing']);
    await until(() => phase(b) === 'incoming', 'ringing');
    a.service.hangUp();
    off();
    // A camera that takes long: the calling screen shows after the longest hold, before the camera opened.
    const slowGum: MediaStreamConstraints[] = [];
    const slow = fakeMedia(slowGum);
    const c = fakeSide(network, 'Cara', {
      overrides: { media: { ...slow, getUserMedia: async (x) => (await sleep(DRAW_HOLD_MAX_MS * 3), slow.getUserMedia(x)) } },
    });
    c.service.start();
    sides.push(c);
    befriend(network, c, b);
    await online(c);
    const startedAt = Date.now();
    let drawnAfter = -1;
    const offC = c.service.subscribe(() => {
      if (drawnAfter < 0 && c.service.view().phase === 'outgoing') drawnAfter = Date.now() - startedAt;
    });
    const cDialled = c.service.dial(b.contactId, { video: true });
    await until(() => drawnAfter >= 0, 'drawn');
    expect(drawnAfter).toBeGreaterThanOrEqual(DRAW_HOLD_MAX_MS - 20);
    expect(drawnAfter).toBeLessThan(DRAW_HOLD_MAX_MS * 3);
    expect(slowGum).toHaveLength(0);
    await cDialled;
    offC();
  });

  it('points PeerJS at the relay with the session from main, and our ICE config, never the defaults', async () => {
    const [a] = await friends();
    const o = a.peer().options;
    expect(o).toMatchObject({ host: '127.0.0.1', port: 8787, path: '/', key: 'peerjs', secure: false, debug: 0 });
    expect(o.token).toMatch(/^sg_Alice_token_/);
    expect(o.config).toEqual({ iceServers: [], iceTransportPolicy: 'all' });
  });

  it('rings the friend with the name from its own contacts, connects both ways on accept, and logs it on both sides', async () => {
    const [a, b] = await friends();
    await a.service.dial(b.contactId, { video: true });
    expect(phase(a)).toBe('outgoing');
    await until(() => phase(b) === 'incoming', 'ringing at Bob');
    expect(b.service.view()).toMatchObject({
      contact: { displayName: 'Alice', contactId: a.contactId },
      contactAvatar: 'alice',
      video: true,
    });
    // Nothing of Bob's is opened or sent before he answers.
    expect(b.gum).toEqual([]);

    await b.service.accept();
    await until(() => phase(a) === 'active' && phase(b) === 'active', 'both active');
    expect(a.service.view().remoteStream).not.toBeNull();
    expect(b.service.view().remoteStream).not.toBeNull();
    expect(a.presence).toEqual([true]);
    expect(b.presence).toEqual([true]);

    await sleep(20);
    a.service.hangUp();
    expect(a.service.view()).toMatchObject({ phase: 'ended', endReason: 'hung-up' });
    await until(() => b.service.view().endReason === 'remote-hung-up', 'Bob sees the hang-up');
    await until(() => a.records.length === 1 && b.records.length === 1, 'both logs');
    expect(a.records[0]).toMatchObject({ contactId: b.contactId, direction: 'out', video: true, outcome: 'answered' });
    expect(b.records[0]).toMatchObject({ contactId: a.contactId, direction: 'in', video: true, outcome: 'answered' });
    expect(a.records[0]!.endedAt! - a.records[0]!.startedAt).toBeGreaterThanOrEqual(15);
    expect(a.presence).toEqual([true, false]);
    await until(() => b.presence.length === 2, 'Bob out of the call');
    // The camera and microphone are off again.
    expect(a.service.view().localPreview).toBeNull();
  });

  it('tells the caller when the friend declines, and both logs say declined', async () => {
    const [a, b] = await friends();
    await a.service.dial(b.contactId, { video: false });
    await until(() => phase(b) === 'incoming', 'ringing');
    b.service.decline();
    await until(() => a.service.view().endReason === 'declined', 'declined at Alice');
    await until(() => a.records.length === 1 && b.records.length === 1, 'logs');
    expect(a.records[0]).toMatchObject({ direction: 'out', video: false, outcome: 'declined', endedAt: null });
    expect(b.records[0]).toMatchObject({ direction: 'in', outcome: 'declined' });
    expect(b.gum).toEqual([]);
  });

  it('stops ringing after the ring timeout: no answer for the caller, missed for the friend', async () => {
    const [a, b] = await friends(150);
    await a.service.dial(b.contactId, { video: true });
    await until(() => phase(b) === 'incoming', 'ringing');
    await until(() => a.service.view().endReason === 'no-answer', 'no answer', 3_000);
    await until(() => b.service.view().endReason === 'missed', 'missed at Bob', 3_000);
    await until(() => a.records.length === 1 && b.records.length === 1, 'logs');
    expect(a.records[0]).toMatchObject({ outcome: 'missed', direction: 'out' });
    expect(b.records[0]).toMatchObject({ outcome: 'missed', direction: 'in' });
  });

  it('answers a second caller "busy" without ringing, and keeps the first call going', async () => {
    const [a, b] = await friends();
    const c = side('Cara');
    befriend(network, c, b);
    await online(c);
    await a.service.dial(b.contactId, { video: true });
    await until(() => phase(b) === 'incoming', 'ringing');
    await b.service.accept();
    await until(() => phase(b) === 'active', 'active');

    await c.service.dial(b.contactId, { video: true });
    await until(() => c.service.view().endReason === 'busy', 'Cara hears busy');
    expect(phase(b)).toBe('active');
    expect(b.service.view().contact?.displayName).toBe('Alice');
    await until(() => c.records.length === 1 && b.records.some((r) => r.outcome === 'busy'), 'busy logs');
    expect(c.records[0]).toMatchObject({ outcome: 'busy', direction: 'out' });
    expect(b.records.find((r) => r.outcome === 'busy')).toMatchObject({ contactId: c.contactId, direction: 'in' });
  });

  it('connects two friends who call each other at the same moment: one call, no "busy", one log entry each', async () => {
    const [a, b] = await friends();
    await Promise.all([a.service.dial(b.contactId, { video: true }), b.service.dial(a.contactId, { video: true })]);
    await until(() => phase(a) === 'active' && phase(b) === 'active', 'both in one call');
    expect(a.service.view().contact?.contactId).toBe(b.contactId);
    expect(b.service.view().contact?.contactId).toBe(a.contactId);
    // The call of the smaller peer id went on: its maker called, the other answered.
    const [caller, callee] = a.peer().id < b.peer().id ? [a, b] : [b, a];
    await sleep(50);
    a.service.hangUp();
    await until(() => a.records.length === 1 && b.records.length === 1, 'one log entry each');
    await sleep(50);
    expect(caller.records).toEqual([expect.objectContaining({ direction: 'out', outcome: 'answered' })]);
    expect(callee.records).toEqual([expect.objectContaining({ direction: 'in', outcome: 'answered' })]);
    expect([...a.records, ...b.records].some((r) => r.outcome === 'busy')).toBe(false);
  });

  it('takes the friend’s crossed call when its own has not left yet (a slow camera), whoever has the smaller id', async () => {
    const slowGum: MediaStreamConstraints[] = [];
    const slow = fakeMedia(slowGum);
    const a = fakeSide(network, 'Alice', {
      overrides: {
        media: { ...slow, getUserMedia: async (c) => (await sleep(300), slow.getUserMedia(c)) },
      },
    });
    a.service.start();
    sides.push(a);
    const b = side('Bob');
    befriend(network, a, b);
    await Promise.all([online(a), online(b)]);
    expect(a.peer().id < b.peer().id).toBe(true); // by id alone, Alice's call would win
    await Promise.all([a.service.dial(b.contactId, { video: true }), b.service.dial(a.contactId, { video: true })]);
    await until(() => phase(a) === 'active' && phase(b) === 'active', 'both in one call');
    a.service.hangUp();
    await until(() => a.records.length === 1 && b.records.length === 1, 'one log entry each');
    await sleep(50);
    // Bob's call, the one that had left, is the call: Alice answered it; hers never went out.
    expect(b.records).toEqual([expect.objectContaining({ direction: 'out', outcome: 'answered' })]);
    expect(a.records).toEqual([expect.objectContaining({ direction: 'in', outcome: 'answered' })]);
    expect(a.peer().calls).toHaveLength(0);
  });

  it('connects two friends who call each other at once when the larger id takes longer to screen the crossed offer', async () => {
    const a = side('Alice');
    // Bob's PC (the larger id, whose own call gives way) asks main about Alice's offer slowly.
    const b = fakeSide(network, 'Bob', { identifyDelayMs: 150 });
    b.service.start();
    sides.push(b);
    befriend(network, a, b);
    await Promise.all([online(a), online(b)]);
    expect(a.peer().id < b.peer().id).toBe(true);
    await Promise.all([a.service.dial(b.contactId, { video: true }), b.service.dial(a.contactId, { video: true })]);
    await until(() => phase(a) === 'active' && phase(b) === 'active', 'both in one call');
    // Alice's call went on; Bob's gave way without ringing or a "not reachable" end.
    expect(b.service.view().direction).toBe('in');
    a.service.hangUp();
    await until(() => a.records.length === 1 && b.records.length === 1, 'one log entry each');
    expect(a.records).toEqual([expect.objectContaining({ direction: 'out', outcome: 'answered' })]);
    expect(b.records).toEqual([expect.objectContaining({ direction: 'in', outcome: 'answered' })]);
  });

  it('never rings for a caller who is not an active contact, even when the relay lets the offer through', async () => {
    const [a, b] = await friends();
    b.contacts.delete(a.peerId); // e.g. Bob blocked Alice a moment ago
    const arrived: (FakeMediaConnection | FakeDataConnection)[] = [];
    b.peer().on('call', (m) => arrived.push(m as FakeMediaConnection));
    b.peer().on('connection', (d) => arrived.push(d as FakeDataConnection));
    await a.service.dial(b.contactId, { video: true });
    await until(() => arrived.length === 2 && arrived.every((c) => c.closed), 'both connections closed at Bob');
    expect(phase(b)).toBe('idle');
    expect(b.records).toEqual([]);
    expect(b.gum).toEqual([]);
  });

  it('says the friend is not there when the relay refuses the offer', async () => {
    const a = side('Alice');
    const b = side('Bob');
    befriend(network, a, b);
    network.allow(a.peerId, 'nobody');
    await Promise.all([online(a), online(b)]);
    b.service.stop();
    await a.service.dial(b.contactId, { video: true });
    await until(() => a.service.view().endReason === 'unavailable', 'unavailable');
    await until(() => a.records.length === 1, 'log');
    expect(a.records[0]).toMatchObject({ outcome: 'failed' });
  });

  it('closes offers whose metadata is not a Hearth call', async () => {
    const [a, b] = await friends();
    const stray = a.peer().connect(b.peerId, { label: 'something-else', metadata: { hello: 1 } });
    await until(() => stray.closed, 'stray closed');
    expect(phase(b)).toBe('idle');
  });

  it('will not dial someone who is not a contact, and says why', async () => {
    const [a] = await friends();
    await a.service.dial('01J99999999999999999999999', { video: true });
    expect(a.service.view()).toMatchObject({ phase: 'idle', problem: 'not-callable' });
  });

  it('refuses to dial with relay-only calls but no TURN server, rather than leak or hang', async () => {
    const [a, b] = await friends();
    a.ice.current = { iceServers: [], iceTransportPolicy: 'relay', expiresAt: null };
    await a.service.dial(b.contactId, { video: true });
    expect(a.service.view()).toMatchObject({ phase: 'ended', endReason: 'failed', problem: 'needs-turn' });
    await sleep(20);
    expect(phase(b)).toBe('idle');
  });

  it('gives PeerJS the relay-only policy and the TURN servers before calling', async () => {
    const [a, b] = await friends();
    a.ice.current = {
      iceServers: [{ urls: ['turn:127.0.0.1:3478'], username: '1:x', credential: 'c' }],
      iceTransportPolicy: 'relay',
      expiresAt: Date.now() + 3_600_000,
    };
    await a.service.dial(b.contactId, { video: true });
    expect(a.peer().options.config).toEqual({
      iceServers: [{ urls: ['turn:127.0.0.1:3478'], username: '1:x', credential: 'c' }],
      iceTransportPolicy: 'relay',
    });
  });

  it('asks for the voice with redundancy (RED) first: in the offer, then on both sides’ audio transceivers', async () => {
    vi.stubGlobal('RTCRtpReceiver', {
      getCapabilities: () => ({ codecs: ['audio/opus', 'audio/red'].map((mimeType) => ({ mimeType, clockRate: 48_000 })) }),
    });
    try {
      const [a, b] = await friends();
      await a.service.dial(b.contactId, { video: true });
      const call = a.peer().calls[0]!;
      const offer = 'm=audio 9 UDP/TLS/RTP/SAVPF 111 63\r\na=rtpmap:111 opus/48000/2\r\na=rtpmap:63 red/48000/2\r\n';
      expect(call.sdpTransform?.(offer).split('\r\n')[0]).toBe('m=audio 9 UDP/TLS/RTP/SAVPF 63 111');
      await until(() => phase(b) === 'incoming', 'ringing');
      await b.service.accept();
      await until(() => phase(a) === 'active' && phase(b) === 'active', 'active');
      // The caller's for its later offers (an ICE restart), the callee's for its answer.
      for (const pc of [call.peerConnection!, call.other!.peerConnection!]) {
        const audio = pc.transceivers.find((t) => t.sender.track?.kind === 'audio')!;
        expect(audio.codecs).toEqual(['audio/red', 'audio/opus']);
        expect(pc.transceivers.find((t) => t.sender.track?.kind === 'video')!.codecs).toEqual([]);
      }
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('takes up the grown-ups’ relay-only setting when their pane locks, before any call arrives', async () => {
    const [a] = await friends();
    expect(a.peer().options.config).toMatchObject({ iceTransportPolicy: 'all' });
    a.ice.current = {
      iceServers: [{ urls: ['turn:127.0.0.1:3478'], username: 'u', credential: 'c' }],
      iceTransportPolicy: 'relay',
      expiresAt: null,
    };
    a.emit('lockChanged', { state: 'locked' });
    await until(() => (a.peer().options.config as RTCConfiguration).iceTransportPolicy === 'relay', 'relay policy');
  });

  it('makes a new PeerJS client when the relay refused or dropped the old one for good', async () => {
    const [a] = await friends();
    const first = a.peer();
    first.destroy();
    await until(() => network.peers.get(a.peerId) !== undefined && network.peers.get(a.peerId) !== first, 'a new client');
    await online(a);
    expect(a.peer().tokensUsed[0]).not.toBe(first.tokensUsed[0]);
  });

  it('reconnects a dropped signaling socket with a fresh token from main', async () => {
    const [a] = await friends();
    const peer = a.peer();
    peer.dropSignaling();
    expect(a.service.view().signaling).toBe('reconnecting');
    await online(a);
    expect(peer.reconnects).toBe(1);
    expect(peer.tokensUsed).toHaveLength(2);
    expect(peer.tokensUsed[1]).not.toBe(peer.tokensUsed[0]);
    peer.dropSignaling();
    await online(a);
    expect(peer.reconnects).toBe(2);
  });

  it('mutes, turns the camera off and tells the other side', async () => {
    const [a, b] = await inVideoCall();
    a.service.setMuted(true);
    a.service.setCameraOff(true);
    await until(() => b.service.view().remoteMuted && b.service.view().remoteCameraOff, 'Bob sees it');
    const sent = a.peer().calls[0]!.localStream!;
    expect(sent.getAudioTracks()[0]!.enabled).toBe(false);
    expect(sent.getVideoTracks()[0]!.enabled).toBe(false);
    a.service.setMuted(false);
    await until(() => !b.service.view().remoteMuted, 'unmuted at Bob');
    expect(sent.getAudioTracks()[0]!.enabled).toBe(true);
  });

  it('sends the effects track instead of the camera, on the same sender, and the camera again without it', async () => {
    const [a] = await inVideoCall();
    const videoSender = () =>
      a.peer().calls[0]!.peerConnection!.transceivers.find((t) => t.receiver.track.kind === 'video')!.sender;
    const camera = videoSender().track!;
    expect(camera.label).toBe('default camera');
    const effect = new FakeTrack('video', 'effects output');
    await a.service.setVideoSource(effect as unknown as MediaStreamTrack);
    expect(videoSender().track).toBe(effect);
    expect(a.service.view().localPreview?.getVideoTracks()[0]).toBe(effect);
    await a.service.setVideoSource(null);
    expect(videoSender().track).toBe(camera);
    expect(camera.readyState).toBe('live');

    // A processor gets the camera and its output is sent; switching the camera re-runs it.
    const seen: string[] = [];
    await a.service.setVideoProcessor((cam) => {
      seen.push((cam as unknown as FakeTrack).label);
      const out = new FakeTrack('video', `effect of ${(cam as unknown as FakeTrack).label}`);
      return { track: out as unknown as MediaStreamTrack, stop: () => out.stop() };
    });
    expect(videoSender().track?.label).toBe('effect of default camera');
    const first = videoSender().track!;
    await a.service.chooseCamera('cam-2');
    expect(seen).toEqual(['default camera', 'cam-2']);
    expect(videoSender().track?.label).toBe('effect of cam-2');
    expect(first.readyState).toBe('ended');
    expect(camera.readyState).toBe('ended');
  });

  it('lets the effects hook get ready while the camera opens, and then runs it on the camera', async () => {
    const [a, b] = await friends();
    const steps: string[] = [];
    const processor = Object.assign(
      (camera: MediaStreamTrack) => {
        steps.push(`process ${(camera as unknown as FakeTrack).label}`);
        return { track: camera, stop: () => undefined };
      },
      {
        prepare: async () => {
          steps.push(`prepare (camera requests so far: ${a.gum.length})`);
        },
      },
    );
    await a.service.setVideoProcessor(processor);
    await a.service.dial(b.contactId, { video: true });
    expect(steps).toEqual(['prepare (camera requests so far: 1)', 'process default camera']);
  });

  it('readies a ringing call’s ICE settings and effects hook while it rings, never its camera, and answers with them', async () => {
    const [a, b] = await friends();
    const steps: string[] = [];
    const processor = Object.assign((camera: MediaStreamTrack) => ({ track: camera, stop: () => undefined }), {
      prepare: async () => {
        steps.push(`prepare (camera requests so far: ${b.gum.length})`);
      },
    });
    await b.service.setVideoProcessor(processor);
    const asked = b.iceAsked();
    await a.service.dial(b.contactId, { video: true });
    await until(() => phase(b) === 'incoming', 'ringing at Bob');
    await until(() => b.iceAsked() === asked + 1, 'ICE settings asked while ringing');
    expect(steps).toEqual(['prepare (camera requests so far: 0)']);
    expect(b.gum).toEqual([]);
    await b.service.accept();
    await until(() => phase(a) === 'active' && phase(b) === 'active', 'both active');
    // The answer used what was readied: no second ICE request, no second preparation.
    expect(b.iceAsked()).toBe(asked + 1);
    expect(steps).toEqual(['prepare (camera requests so far: 0)']);
    expect(b.gum).toHaveLength(1);
  });

  it('asks for ICE settings again on accept when the ring’s request failed', async () => {
    const [a, b] = await friends();
    const settings = b.ice.current;
    let failures = 1;
    Object.defineProperty(b.ice, 'current', {
      get: () => {
        if (failures-- > 0) throw new Error('the relay could not be reached');
        return settings;
      },
    });
    const asked = b.iceAsked();
    await a.service.dial(b.contactId, { video: true });
    await until(() => phase(b) === 'incoming' && b.iceAsked() === asked + 1, 'ringing, its ICE request failed');
    await b.service.accept();
    await until(() => phase(a) === 'active' && phase(b) === 'active', 'both active');
    expect(b.iceAsked()).toBe(asked + 2);
  });

  it('asks for ICE settings again on accept when the grown-ups’ pane locked or unlocked while it rang', async () => {
    const [a, b] = await friends();
    await a.service.dial(b.contactId, { video: true });
    await until(() => phase(b) === 'incoming', 'ringing at Bob');
    await sleep(20);
    const asked = b.iceAsked();
    b.emit('lockChanged', { state: 'unlocked' });
    expect(b.iceAsked()).toBe(asked + 1); // the lock change's own refresh, for the peer
    await sleep(20);
    await b.service.accept();
    await until(() => phase(a) === 'active' && phase(b) === 'active', 'both active');
    expect(b.iceAsked()).toBe(asked + 2);
  });

  it('lists cameras and microphones and opens the chosen camera for the next call', async () => {
    const [a, b] = await friends();
    const devices = await a.service.listDevices();
    expect(devices.cameras).toEqual([
      { deviceId: 'cam-1', label: 'Front camera' },
      { deviceId: 'cam-2', label: 'Camera 2' },
    ]);
    expect(devices.microphones).toEqual([{ deviceId: 'mic-1', label: 'Headset' }]);
    await a.service.chooseCamera('cam-2');
    await a.service.dial(b.contactId, { video: true });
    expect(a.gum.some((c) => String(JSON.stringify(c.video)).includes('cam-2'))).toBe(true);
  });
});

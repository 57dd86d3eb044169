/**
 * The ICE restart's decisions (issue 18) on a stand-in RTCPeerConnection: which offers and answers
 * each side takes, what it sends, and what it never sends. The real thing between two Chromium
 * connections over TURN: `e2e/calls.e2e.test.ts` ("restarts ICE…").
 */
import { describe, expect, it } from 'vitest';
import type { CallIce, CallIceSignal, IpcResult } from '@hearth/common';
import { createIceRestarts, type IceRestarts } from './call-ice-restart';
import type { Live } from './call-live';

type Desc = { type: RTCSdpType; sdp: string };

/** Enough of RTCPeerConnection for the restarts: descriptions, states and a certificate. */
class StandInConnection {
  signalingState: RTCSignalingState = 'stable';
  connectionState: RTCPeerConnectionState = 'connected';
  iceGatheringState: RTCIceGatheringState = 'complete';
  localDescription: Desc | null;
  remoteDescription: Desc | null;
  onicecandidate: unknown = (): void => undefined;
  config: RTCConfiguration = { iceServers: [], iceTransportPolicy: 'relay' };
  /** What the trickle handler was while each description was set (null: paused). */
  readonly trickleSeen: unknown[] = [];
  private stableLocal: Desc | null;
  private n = 0;

  constructor(
    readonly cert: string,
    readonly candidate: 'relay' | 'host' | 'none' = 'relay',
    readonly kinds: readonly string[] = ['audio', 'video'],
  ) {
    this.localDescription = this.stableLocal = { type: 'offer', sdp: this.sdp('u0') };
    this.remoteDescription = null;
  }

  sdp(ufrag: string): string {
    const cand = this.candidate === 'none' ? '' : `a=candidate:1 1 udp 1 10.0.0.9 5000 typ ${this.candidate}\r\n`;
    const section = (k: string): string =>
      `m=${k} 9 UDP/TLS/RTP/SAVPF 96\r\na=ice-ufrag:${ufrag}\r\na=fingerprint:sha-256 ${this.cert}\r\n${cand}`;
    return `v=0\r\n${this.kinds.map(section).join('')}`;
  }

  async createOffer(): Promise<Desc> {
    return { type: 'offer', sdp: this.sdp(`o${++this.n}`) };
  }
  async createAnswer(): Promise<Desc> {
    return { type: 'answer', sdp: this.sdp(`a${++this.n}`) };
  }
  async setLocalDescription(d: Desc | { type: 'rollback' }): Promise<void> {
    this.trickleSeen.push(this.onicecandidate);
    if (d.type === 'rollback') {
      this.localDescription = this.stableLocal;
      this.signalingState = 'stable';
    } else if (d.type === 'offer') {
      this.localDescription = d as Desc;
      this.signalingState = 'have-local-offer';
    } else {
      this.localDescription = this.stableLocal = d as Desc;
      this.signalingState = 'stable';
    }
  }
  async setRemoteDescription(d: Desc): Promise<void> {
    if (d.type === 'offer') this.signalingState = 'have-remote-offer';
    else {
      this.stableLocal = this.localDescription;
      this.signalingState = 'stable';
    }
    this.remoteDescription = d;
  }
  getConfiguration(): RTCConfiguration {
    return this.config;
  }
  setConfiguration(c: RTCConfiguration): void {
    this.config = c;
  }
  addEventListener(): void {}
  removeEventListener(): void {}
}

const FRIEND = '01JFRIEND0000000000000000A';
const CALL = 'call0000001';
const ICE: CallIce = { iceServers: [{ urls: ['turn:127.0.0.1:3478'] }], iceTransportPolicy: 'relay', expiresAt: null };

function liveOf(pc: StandInConnection, over: Partial<Live['call']> = {}, data?: StandInConnection): Live {
  const call = { direction: 'in', phase: 'active', answered: true, contact: { contactId: FRIEND }, id: CALL, ...over };
  return { call, media: { peerConnection: pc }, data: data ? { peerConnection: data } : null } as unknown as Live;
}

function side(
  live: () => Live | null,
  ice: CallIce | null = ICE,
): { restarts: IceRestarts; sent: CallIceSignal[]; problems: string[] } {
  const sent: CallIceSignal[] = [];
  const problems: string[] = [];
  const done: IpcResult<{ done: true }> = { ok: true, value: { done: true } };
  const restarts = createIceRestarts({
    hearth: {
      sendCallIce: async (s) => {
        sent.push(s);
        return done;
      },
    },
    current: live,
    freshIce: async () => ice,
    problem: (m) => void problems.push(m),
  });
  return { restarts, sent, problems };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** The callee's connection as after the call's first answer: the caller's offer as its remote. */
function calleeConnection(callerCert = 'AA:CALLER', kinds?: readonly string[]): StandInConnection {
  const pc = new StandInConnection('BB:CALLEE', 'relay', kinds);
  pc.remoteDescription = { type: 'offer', sdp: new StandInConnection(callerCert, 'relay', kinds).sdp('first') };
  return pc;
}

const offerFrom = (cert: string, attempt: number, over: Partial<CallIceSignal> = {}): CallIceSignal => ({
  contactId: FRIEND,
  callId: CALL,
  role: 'offer',
  attempt,
  sdp: new StandInConnection(cert).sdp(`r${attempt}`),
  ...over,
});

describe('the caller’s ICE restart', () => {
  it('offers a restart with fresh ICE settings and its candidates, PeerJS’s trickle paused meanwhile', async () => {
    const pc = new StandInConnection('AA:CALLER');
    const trickle = pc.onicecandidate;
    const live = liveOf(pc, { direction: 'out', phase: 'reconnecting' });
    const me = side(() => live);
    expect(await me.restarts.restart(live)).toBe('sent');
    expect(me.sent).toEqual([{ contactId: FRIEND, callId: CALL, role: 'offer', attempt: 1, sdp: pc.localDescription?.sdp }]);
    expect(pc.config.iceServers).toEqual([{ urls: ['turn:127.0.0.1:3478'] }]);
    expect(pc.trickleSeen).toEqual([null]);
    expect(pc.onicecandidate).toBe(trickle);
  });

  it('restarts only its own reconnecting call', async () => {
    for (const over of [{ direction: 'in' as const }, { phase: 'active' as const }]) {
      const live = liveOf(new StandInConnection('AA:CALLER'), { direction: 'out', phase: 'reconnecting', ...over });
      const me = side(() => live);
      expect(await me.restarts.restart(live)).toBe('unavailable');
      expect(me.sent).toEqual([]);
    }
  });

  it('sends nothing it cannot stand behind: no candidates, or a PC’s own address on a relay-only call', async () => {
    for (const candidate of ['none', 'host'] as const) {
      const live = liveOf(new StandInConnection('AA:CALLER', candidate), { direction: 'out', phase: 'reconnecting' });
      const me = side(() => live);
      expect(await me.restarts.restart(live)).toBe('unavailable');
      expect(me.sent).toEqual([]);
    }
    // With every path allowed, a PC's own address may go (the grown-ups chose so).
    const live = liveOf(new StandInConnection('AA:CALLER', 'host'), { direction: 'out', phase: 'reconnecting' });
    const me = side(() => live, { ...ICE, iceTransportPolicy: 'all' });
    expect(await me.restarts.restart(live)).toBe('sent');
  });

  it('sends the offer still waiting again, not a new one, and makes one restart at a time', async () => {
    const pc = new StandInConnection('AA:CALLER');
    const live = liveOf(pc, { direction: 'out', phase: 'reconnecting' });
    const me = side(() => live);
    const [first, second] = await Promise.all([me.restarts.restart(live), me.restarts.restart(live)]);
    expect([first, second]).toEqual(['sent', 'sent']);
    expect(me.sent).toHaveLength(1);
    expect(await me.restarts.restart(live)).toBe('sent');
    expect(me.sent.map((s) => s.attempt)).toEqual([1, 1]);
    expect(me.sent[1]?.sdp).toBe(me.sent[0]?.sdp);
    expect(pc.signalingState).toBe('have-local-offer');
  });

  it('takes only the answer to its offer, from the same connection', async () => {
    const pc = new StandInConnection('AA:CALLER');
    pc.remoteDescription = { type: 'answer', sdp: new StandInConnection('BB:CALLEE').sdp('first') };
    const live = liveOf(pc, { direction: 'out', phase: 'reconnecting' });
    const me = side(() => live);
    await me.restarts.restart(live);
    const answer = (cert: string, attempt: number): CallIceSignal => ({ ...offerFrom(cert, attempt), role: 'answer' });
    me.restarts.arrived(answer('BB:CALLEE', 2)); // another attempt
    me.restarts.arrived(answer('CC:OTHER', 1)); // another connection (a re-dial's)
    me.restarts.arrived({ ...answer('BB:CALLEE', 1), callId: 'call0000002' }); // another call
    await tick();
    expect(pc.signalingState).toBe('have-local-offer');
    me.restarts.arrived(answer('BB:CALLEE', 1));
    await tick();
    expect(pc.signalingState).toBe('stable');
    expect(pc.remoteDescription?.sdp).toContain('a=ice-ufrag:r1');
  });
});

describe('the control channel’s connection, restarted beside the media’s', () => {
  it('the caller offers both, each with its own attempt, and takes each answer on its own connection', async () => {
    const media = new StandInConnection('AA:CALLER');
    const data = new StandInConnection('AD:CALLER', 'relay', ['application']);
    media.remoteDescription = { type: 'answer', sdp: new StandInConnection('BB:CALLEE').sdp('first') };
    data.remoteDescription = { type: 'answer', sdp: new StandInConnection('BD:CALLEE', 'relay', ['application']).sdp('first') };
    const live = liveOf(media, { direction: 'out', phase: 'reconnecting' }, data);
    const me = side(() => live);
    expect(await me.restarts.restart(live)).toBe('sent');
    await tick();
    expect(me.sent.map((s) => [s.attempt, s.sdp])).toEqual([
      [1, media.localDescription?.sdp],
      [2, data.localDescription?.sdp],
    ]);
    const answer = (cert: string, attempt: number, kinds?: readonly string[]): CallIceSignal => ({
      ...offerFrom(cert, attempt),
      sdp: new StandInConnection(cert, 'relay', kinds).sdp(`r${attempt}`),
      role: 'answer',
    });
    me.restarts.arrived(answer('BD:CALLEE', 1, ['application'])); // the data connection's certificate, the media's attempt
    await tick();
    expect([media.signalingState, data.signalingState]).toEqual(['have-local-offer', 'have-local-offer']);
    me.restarts.arrived(answer('BD:CALLEE', 2, ['application']));
    me.restarts.arrived(answer('BB:CALLEE', 1));
    await tick();
    expect([media.signalingState, data.signalingState]).toEqual(['stable', 'stable']);
    expect(data.remoteDescription?.sdp).toContain('a=ice-ufrag:r2');
    expect(media.remoteDescription?.sdp).toContain('a=ice-ufrag:r1');
  });

  it('the callee answers an offer on the connection whose certificate it carries, and leaves the other alone', async () => {
    const media = calleeConnection();
    const data = calleeConnection('AD:CALLER', ['application']);
    const live = liveOf(media, {}, data);
    const me = side(() => live);
    me.restarts.arrived({
      ...offerFrom('AD:CALLER', 2),
      sdp: new StandInConnection('AD:CALLER', 'relay', ['application']).sdp('r2'),
    });
    await tick();
    await tick();
    expect(me.sent).toEqual([{ contactId: FRIEND, callId: CALL, role: 'answer', attempt: 2, sdp: data.localDescription?.sdp }]);
    expect(media.remoteDescription?.sdp).toContain('a=ice-ufrag:first');
    // The media's own restart, attempt 1 (below the data's 2), is still answered: attempts count per connection.
    me.restarts.arrived(offerFrom('AA:CALLER', 1));
    await tick();
    await tick();
    expect(me.sent.map((s) => s.attempt)).toEqual([2, 1]);
    expect(media.remoteDescription?.sdp).toContain('a=ice-ufrag:r1');
    // An offer for the channel that adds media is refused like one for the media.
    me.restarts.arrived({
      ...offerFrom('AD:CALLER', 3),
      sdp: new StandInConnection('AD:CALLER', 'relay', ['application', 'video']).sdp('r3'),
    });
    await tick();
    expect(me.sent).toHaveLength(2);
  });
});

describe('the control channel’s connection, once the call is back', () => {
  const callerSide = (state: RTCPeerConnectionState, over: Partial<Live['call']> = {}) => {
    const media = new StandInConnection('AA:CALLER');
    const data = new StandInConnection('AD:CALLER', 'relay', ['application']);
    data.connectionState = state;
    data.remoteDescription = { type: 'answer', sdp: new StandInConnection('BD:CALLEE', 'relay', ['application']).sdp('first') };
    const live = liveOf(media, { direction: 'out', phase: 'active', ...over }, data);
    return { media, data, live, me: side(() => live) };
  };

  it('is restarted again when it did not come back with the media, and the media is left alone', async () => {
    const { media, data, live, me } = callerSide('failed');
    expect(await me.restarts.restartChannel(live)).toBe('sent');
    expect(me.sent.map((s) => [s.role, s.sdp])).toEqual([['offer', data.localDescription?.sdp]]);
    expect(media.signalingState).toBe('stable');
    // Asked again before the answer: the offer that waits goes again, not a new one.
    expect(await me.restarts.restartChannel(live)).toBe('sent');
    expect(me.sent.map((s) => s.attempt)).toEqual([1, 1]);
  });

  it('is left alone when it came back, or while its checks are under way', async () => {
    for (const state of ['connected', 'connecting'] as const) {
      const { live, me } = callerSide(state);
      expect(await me.restarts.restartChannel(live)).toBe(state === 'connected' ? 'connected' : 'sent');
      expect(me.sent).toEqual([]);
    }
  });

  it('is the caller’s to restart, and only in a call that is going on', async () => {
    for (const over of [{ direction: 'in' as const }, { phase: 'reconnecting' as const }, { phase: 'ended' as const }]) {
      const { live, me } = callerSide('failed', over as Partial<Live['call']>);
      expect(await me.restarts.restartChannel(live)).toBe('unavailable');
      expect(me.sent).toEqual([]);
    }
  });
});

describe('the callee’s answer to a restart', () => {
  it('answers its accepted call’s friend, for the connection it has, once per attempt (again if asked again)', async () => {
    const pc = calleeConnection();
    const live = liveOf(pc);
    const me = side(() => live);
    me.restarts.arrived(offerFrom('AA:CALLER', 1));
    await tick();
    await tick();
    expect(me.sent).toEqual([{ contactId: FRIEND, callId: CALL, role: 'answer', attempt: 1, sdp: pc.localDescription?.sdp }]);
    expect(pc.trickleSeen).toEqual([null]);
    // The same offer again (our answer lost on the way): the same answer again, nothing renegotiated.
    me.restarts.arrived(offerFrom('AA:CALLER', 1));
    await tick();
    expect(me.sent).toHaveLength(2);
    expect(me.sent[1]).toEqual(me.sent[0]);
    expect(pc.trickleSeen).toHaveLength(1);
  });

  it('answers nothing else: another call, a call not accepted or not talking, another connection, other media', async () => {
    const refused: [string, Partial<Live['call']>, CallIceSignal][] = [
      ['another call', {}, offerFrom('AA:CALLER', 1, { callId: 'call0000002' })],
      ['another friend', {}, offerFrom('AA:CALLER', 1, { contactId: '01JSTRANGER000000000000000' })],
      ['not accepted', { answered: false }, offerFrom('AA:CALLER', 1)],
      ['ringing', { phase: 'incoming' }, offerFrom('AA:CALLER', 1)],
      ['our own call', { direction: 'out' }, offerFrom('AA:CALLER', 1)],
      ['another connection', {}, offerFrom('CC:REDIAL', 1)],
      [
        'a section added',
        {},
        { ...offerFrom('AA:CALLER', 1), sdp: new StandInConnection('AA:CALLER', 'relay', ['audio', 'video', 'video']).sdp('r1') },
      ],
    ];
    for (const [what, over, signal] of refused) {
      const pc = calleeConnection();
      const live = liveOf(pc, over);
      const me = side(() => live);
      me.restarts.arrived(signal);
      await tick();
      await tick();
      expect(me.sent, what).toEqual([]);
      expect(pc.signalingState, what).toBe('stable');
      expect(pc.remoteDescription?.sdp, what).toContain('a=ice-ufrag:first');
    }
  });

  it('answers a later attempt, never an earlier one', async () => {
    const pc = calleeConnection();
    const live = liveOf(pc, { phase: 'reconnecting' });
    const me = side(() => live);
    me.restarts.arrived(offerFrom('AA:CALLER', 2));
    await tick();
    await tick();
    me.restarts.arrived(offerFrom('AA:CALLER', 1));
    await tick();
    await tick();
    me.restarts.arrived(offerFrom('AA:CALLER', 3));
    await tick();
    await tick();
    expect(me.sent.map((s) => s.attempt)).toEqual([2, 3]);
  });
});

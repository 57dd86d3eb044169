/**
 * Tests only: the ICE restart of `call-ice-restart.ts` between two real RTCPeerConnections in this
 * page, with the ICE settings main hands out (the loopback TURN, relay only), the caller's and the
 * callee's side each as the call service holds them and `sendCallIce` carrying the signals
 * across as main and the relay would. Reports what a test checks: the restart completed on the
 * same connections (new ICE credentials on both sides, connected again, the same media sections),
 * and which offers the callee refused.
 */
import type { CallIceSignal, HearthApi, IpcResult } from '@hearth/common';
import { createIceRestarts, mediaKinds, ufragOf, type IceRestarts } from '../call-ice-restart';
import type { Live } from '../call-live';

export type IceRestartLabReport = Readonly<{
  outcome: string;
  /** `a=ice-ufrag` of each side's local description, before and after. */
  before: Readonly<{ caller: string; callee: string }>;
  after: Readonly<{ caller: string; callee: string }>;
  /** iceConnectionState of each side after the restart. */
  states: Readonly<{ caller: string; callee: string }>;
  /** The media sections' kinds, before and after (the restart changes none). */
  kinds: Readonly<{ before: string[]; after: string[] }>;
  /**
   * The control channel's own connection pair, restarted beside: new ICE credentials on both
   * sides, and what its data channel carried after the restart.
   */
  channel: Readonly<{ newCredentials: boolean; heard: string }>;
  /** Answers the callee sent for offers it must refuse: a stranger's call id, an added section, a call not answered. */
  answeredRefused: Readonly<{ otherCall: boolean; addedSection: boolean; notAnswered: boolean; otherConnection: boolean }>;
  problems: string[];
}>;

const ufrag = (sdp: string | undefined): string => ufragOf(sdp) ?? '';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function gathered(pc: RTCPeerConnection): Promise<void> {
  for (let i = 0; i < 100 && pc.iceGatheringState !== 'complete'; i++) await sleep(50);
}

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  for (let waited = 0; !ok(); waited += 50) {
    if (waited > ms) throw new Error(`ice restart lab: timed out waiting for ${what}`);
    await sleep(50);
  }
}

const connected = (pc: RTCPeerConnection): boolean => ['connected', 'completed'].includes(pc.iceConnectionState);

/** A call as the call service holds it: only what the restarts read. */
function liveOf(
  pc: RTCPeerConnection,
  direction: 'in' | 'out',
  contactId: string,
  answered = true,
  data?: RTCPeerConnection,
): Live {
  return {
    call: { direction, phase: 'reconnecting', answered, contact: { contactId }, id: 'labcall0001' },
    media: { peerConnection: pc },
    data: data ? { peerConnection: data } : null,
  } as unknown as Live;
}

/** Offer from `from`, answer from `to`, each with its candidates gathered (no trickle). */
async function negotiate(from: RTCPeerConnection, to: RTCPeerConnection): Promise<void> {
  await from.setLocalDescription(await from.createOffer());
  await gathered(from);
  await to.setRemoteDescription(from.localDescription!);
  await to.setLocalDescription(await to.createAnswer());
  await gathered(to);
  await from.setRemoteDescription(to.localDescription!);
}

export async function runIceRestartLab(hearth: Pick<HearthApi, 'getCallIce'>): Promise<IceRestartLabReport> {
  const ice = await hearth.getCallIce();
  if (!ice.ok) throw new Error(`ice restart lab: no ICE settings (${ice.error.code})`);
  const config: RTCConfiguration = {
    iceServers: ice.value.iceServers.map((s) => ({ ...s, urls: [...s.urls] })),
    iceTransportPolicy: ice.value.iceTransportPolicy,
  };
  const [a, b] = [new RTCPeerConnection(config), new RTCPeerConnection(config)];
  // The control channel's pair (PeerJS's data connection): a data channel on connections of its own.
  const [c, d] = [new RTCPeerConnection(config), new RTCPeerConnection(config)];
  try {
    a.addTransceiver('audio');
    a.addTransceiver('video');
    await negotiate(a, b);
    const channel = c.createDataChannel('hearth-call');
    let heard = '';
    d.ondatachannel = (e) => (e.channel.onmessage = (m) => (heard = String(m.data)));
    await negotiate(c, d);
    await until('the first connections', () => connected(a) && connected(b) && channel.readyState === 'open');
    const before = { caller: ufrag(a.localDescription?.sdp), callee: ufrag(b.localDescription?.sdp) };
    const channelBefore = [ufrag(c.localDescription?.sdp), ufrag(d.localDescription?.sdp)];
    const kindsBefore = mediaKinds(a.localDescription?.sdp);

    const problems: string[] = [];
    const problem = (m: string): void => void problems.push(m);
    const done: IpcResult<{ done: true }> = { ok: true, value: { done: true } };
    let callerLive = liveOf(a, 'out', 'calleeid000000000000000000');
    let calleeLive = liveOf(b, 'in', 'callerid000000000000000000');
    const answers: CallIceSignal[] = [];
    let caller: IceRestarts | null = null;
    const callee = createIceRestarts({
      hearth: {
        sendCallIce: async (s) => {
          answers.push(s);
          setTimeout(() => caller?.arrived({ ...s, contactId: 'calleeid000000000000000000' }), 0);
          return done;
        },
      },
      current: () => calleeLive,
      freshIce: async () => ice.value,
      problem,
    });
    caller = createIceRestarts({
      hearth: {
        sendCallIce: async (s) => {
          setTimeout(() => callee.arrived({ ...s, contactId: 'callerid000000000000000000' }), 0);
          return done;
        },
      },
      current: () => callerLive,
      freshIce: async () => ice.value,
      problem,
    });

    // Offers the callee must not answer, each checked on its own.
    const offer = { contactId: 'callerid000000000000000000', callId: 'labcall0001', role: 'offer', attempt: 50 } as const;
    const sdp = a.localDescription?.sdp ?? '';
    const refusedAnswer = async (signal: CallIceSignal): Promise<boolean> => {
      const n = answers.length;
      callee.arrived(signal);
      await sleep(300);
      return answers.length > n || b.signalingState !== 'stable';
    };
    const otherCall = await refusedAnswer({ ...offer, callId: 'othercall0001', sdp });
    const addedSection = await refusedAnswer({ ...offer, sdp: `${sdp.trimEnd()}\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n` });
    calleeLive = liveOf(b, 'in', 'callerid000000000000000000', false);
    const notAnswered = await refusedAnswer({ ...offer, attempt: 51, sdp });
    calleeLive = liveOf(b, 'in', 'callerid000000000000000000');
    // An offer of another connection of the call (as after a re-dial took over): its own certificate.
    const other = new RTCPeerConnection(config);
    other.addTransceiver('audio');
    other.addTransceiver('video');
    await other.setLocalDescription(await other.createOffer());
    const otherConnection = await refusedAnswer({ ...offer, attempt: 52, sdp: other.localDescription?.sdp ?? '' });
    other.close();
    calleeLive = liveOf(b, 'in', 'callerid000000000000000000', true, d);
    callerLive = liveOf(a, 'out', 'calleeid000000000000000000', true, c);

    const outcome = await caller.restart(callerLive);
    const seen = (): string =>
      JSON.stringify({
        outcome,
        answers: answers.length,
        problems,
        a: [a.signalingState, a.iceConnectionState],
        b: [b.signalingState, b.iceConnectionState],
      });
    await until(`the restarted connection ${seen()}`, () => a.signalingState === 'stable' && connected(a) && connected(b));
    await until(`the restarted channel ${seen()}`, () => c.signalingState === 'stable' && connected(c) && connected(d));
    channel.send('after the restart');
    await until('the message on the channel', () => heard !== '', 5_000);
    const channelAfter = [ufrag(c.localDescription?.sdp), ufrag(d.localDescription?.sdp)];
    return {
      outcome,
      before,
      after: { caller: ufrag(a.localDescription?.sdp), callee: ufrag(b.localDescription?.sdp) },
      states: { caller: a.iceConnectionState, callee: b.iceConnectionState },
      kinds: { before: kindsBefore, after: mediaKinds(a.localDescription?.sdp) },
      channel: { newCredentials: channelAfter.every((u, i) => u !== channelBefore[i]), heard },
      answeredRefused: { otherCall, addedSection, notAnswered, otherConnection },
      problems,
    };
  } finally {
    for (const pc of [a, b, c, d]) pc.close();
  }
}

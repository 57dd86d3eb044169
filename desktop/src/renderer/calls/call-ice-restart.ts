/**
 * ICE restarts through the relay (issue 18). PeerJS 1.5.5 cannot restart ICE: it ignores a second
 * offer on a live connection. So while a call the child accepted is `reconnecting`, the caller
 * makes the restart itself on the media connection's own RTCPeerConnection, and on its control
 * channel's (PeerJS's data connection: its path broke too), and sends each offer
 * through main and the relay's `/v1/ws` (`call-ice`), which pass it only between active friends;
 * the callee answers it the same way. The media, the tracks and the PeerJS connections stay as
 * they are: only the transport finds a new path (new TURN allocations after an address change).
 * Where that cannot be tried (a relay without `call-ice`, a connection already closed), the
 * caller's re-dial is the way back, as before.
 *
 * Safety: the callee takes an offer only for the call going on, answered by the child, from that
 * call's friend (main checked the contact, the relay the friendship) with that call's id, for the
 * connection it has now (the same DTLS certificate: a re-dial's connection has another), and only
 * one that changes nothing but the transport: the same media sections as now. Nothing here opens
 * a camera or adds a track.
 */
import type { CallIce, CallIceSignal, HearthApi } from '@hearth/common';
import type { Live } from './call-live';
import { rtcConfigOf } from './signaling';

/** How long an offer or answer waits for its candidates (TURN allocations) before it leaves anyway. */
export const GATHER_WAIT_MS = 2_000;

export type IceRestartDeps = Readonly<{
  hearth: Pick<HearthApi, 'sendCallIce'>;
  /** The call going on, if any. */
  current: () => Live | null;
  /**
   * Fresh ICE settings from main (new TURN credentials, and the grown-ups' relay-only setting as
   * it is now), or null where none could be had: a restart gathers with these, as a re-dial would.
   */
  freshIce: () => Promise<CallIce | null>;
  problem: (message: string, details?: unknown) => void;
}>;

/** What became of a restart: its offer left, or it could not be tried (then the caller re-dials). */
export type RestartOutcome = 'sent' | 'unavailable';

export type IceRestarts = Readonly<{
  /** Caller, while reconnecting: a restart of the call's ICE, its offer to the friend. */
  restart: (live: Live) => Promise<RestartOutcome>;
  /**
   * Caller, once the call is back: the control channel's connection restarted again where it did
   * not come back with the media's (`connected`: nothing to do).
   */
  restartChannel: (live: Live) => Promise<RestartOutcome | 'connected'>;
  /** A friend's offer or answer, from main (`callIce`). */
  arrived: (signal: CallIceSignal) => void;
}>;

const usable = (pc: RTCPeerConnection | null | undefined): RTCPeerConnection | null =>
  pc && pc.signalingState !== 'closed' && pc.connectionState !== 'closed' ? pc : null;
const pcOf = (live: Live): RTCPeerConnection | null => usable(live.media?.peerConnection as RTCPeerConnection | null | undefined);
/** The control channel's own connection (PeerJS's data connection), whose path broke with the media's. */
const dataPcOf = (live: Live): RTCPeerConnection | null =>
  usable(live.data?.peerConnection as RTCPeerConnection | null | undefined);
/** The call's connections now: its media's, and its control channel's where there is one. */
const pcsOf = (live: Live): RTCPeerConnection[] => [pcOf(live), dataPcOf(live)].filter((pc) => pc !== null);

/** The kinds of an SDP's media sections, in order (`audio`, `video`, `application`). */
export function mediaKinds(sdp: string | undefined): string[] {
  return (sdp ?? '').split(/\r?\n/).flatMap((line) => (line.startsWith('m=') ? [line.slice(2).split(' ')[0] ?? ''] : []));
}

const sameKinds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length > 0 && a.length === b.length && a.every((k, i) => k === b[i]);

/** An SDP's DTLS fingerprints: a connection keeps its certificate through an ICE restart. */
const fingerprints = (sdp: string | undefined): string =>
  [...new Set((sdp ?? '').split(/\r?\n/).filter((l) => l.startsWith('a=fingerprint:')))].sort().join('|');

/**
 * Whether `sdp` comes from the connection whose description `pc` holds as remote now: after a
 * re-dial took over, a restart meant for the call's old connection must not touch the new one.
 */
const sameConnection = (sdp: string, pc: RTCPeerConnection): boolean => {
  const now = fingerprints(pc.remoteDescription?.sdp);
  return now !== '' && fingerprints(sdp) === now;
};

const hasCandidates = (sdp: string | undefined): boolean => /\r?\na=candidate:/.test(sdp ?? '');

export const ufragOf = (sdp: string | undefined): string | undefined => /a=ice-ufrag:(\S+)/.exec(sdp ?? '')?.[1];

/**
 * Whether `sdp` may leave under the ICE settings: something to connect with, and with relay-only
 * calls nothing but TURN candidates (never the PC's own or public addresses).
 */
function mayLeave(sdp: string | undefined, ice: CallIce | null): sdp is string {
  if (!hasCandidates(sdp)) return false;
  if (ice?.iceTransportPolicy !== 'relay') return true;
  return (sdp ?? '').split(/\r?\n/).every((l) => !l.startsWith('a=candidate:') || / typ relay( |$)/.test(l));
}

/**
 * Resolves once the connection has gathered the candidates of its new local description (the
 * gathering state may still say `complete` from before, so the description must hold some, or
 * the end-of-candidates event must have come), or after `ms`.
 */
function gathered(pc: RTCPeerConnection, ms: number): Promise<void> {
  const ready = (): boolean => pc.iceGatheringState === 'complete' && hasCandidates(pc.localDescription?.sdp);
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      pc.removeEventListener('icecandidate', check);
      resolve();
    };
    const check = (e: Event): void => {
      if (ready() || (e.type === 'icecandidate' && (e as RTCPeerConnectionIceEvent).candidate === null)) finish();
    };
    const timer = setTimeout(finish, ms);
    pc.addEventListener('icegatheringstatechange', check);
    pc.addEventListener('icecandidate', check);
  });
}

/**
 * Runs `work` with PeerJS's own candidate sending paused: a restart's candidates travel inside
 * its offer or answer, and PeerJS's socket would hand the friend candidates of a description they
 * do not have yet (an error on their side).
 */
async function withoutTrickle<T>(pc: RTCPeerConnection, work: () => Promise<T>): Promise<T> {
  const trickle = pc.onicecandidate;
  pc.onicecandidate = null;
  try {
    return await work();
  } finally {
    if (pc.onicecandidate === null) pc.onicecandidate = trickle;
  }
}

export function createIceRestarts(deps: IceRestartDeps): IceRestarts {
  const { hearth, current, problem } = deps;
  /** Per connection: the caller's restart under way (its offer sent), and the callee's last answer. */
  const offered = new WeakMap<RTCPeerConnection, Readonly<{ attempt: number; sdp: string }>>();
  const answered = new WeakMap<RTCPeerConnection, Readonly<{ attempt: number; sdp: string | null }>>();
  /** Per call: the attempts counted so far, over both of its connections. */
  const attempts = new WeakMap<Live, number>();
  /** Connections the caller is making a restart of now (one at a time each). */
  const restarting = new WeakSet<RTCPeerConnection>();
  /** The callee answers one offer at a time on each connection (the media's never waits for the channel's). */
  const answering = new WeakMap<RTCPeerConnection, Promise<void>>();

  /** The connection takes the ICE settings as they are now (their TURN credentials may have expired since). */
  const refresh = async (pc: RTCPeerConnection): Promise<CallIce | null> => {
    const ice = await deps.freshIce();
    if (ice) pc.setConfiguration({ ...pc.getConfiguration(), ...rtcConfigOf(ice) });
    return ice;
  };

  const send = async (live: Live, signal: Omit<CallIceSignal, 'contactId' | 'callId'>): Promise<boolean> => {
    const r = await hearth.sendCallIce({ contactId: live.call.contact.contactId, callId: live.call.id, ...signal });
    if (!r.ok) problem(`could not send an ICE restart ${signal.role}`, r.error);
    return r.ok;
  };

  async function restart(live: Live): Promise<RestartOutcome> {
    const pc = pcOf(live);
    if (!pc || live.call.direction !== 'out' || live.call.phase !== 'reconnecting') return 'unavailable';
    const outcome = restartOn(live, pc);
    // The control channel lost its path too: its connection is restarted beside the media's (the
    // outcome is the media's; where the channel's fails, a re-dial brings a new one).
    const data = dataPcOf(live);
    if (data) void restartOn(live, data);
    return outcome;
  }

  async function restartChannel(live: Live): Promise<RestartOutcome | 'connected'> {
    const pc = dataPcOf(live);
    if (!pc || live.call.direction !== 'out' || live.call.phase !== 'active') return 'unavailable';
    if (pc.connectionState === 'connected') return 'connected';
    // Still on its way (an offer out, or checks under way after its answer) counts as coming back.
    if (pc.connectionState !== 'disconnected' && pc.connectionState !== 'failed' && pc.signalingState === 'stable') {
      return 'sent';
    }
    return restartOn(live, pc);
  }

  async function restartOn(live: Live, pc: RTCPeerConnection): Promise<RestartOutcome> {
    // The last one is still on its way (gathering): this attempt is that one.
    if (restarting.has(pc)) return 'sent';
    // The offer sent last still waits for its answer: it goes again, as it is now (the friend may
    // have answered it already; a new one would leave them on credentials we dropped meanwhile).
    const waiting = offered.get(pc);
    const now = pc.localDescription?.sdp;
    if (waiting && pc.signalingState === 'have-local-offer' && ufragOf(now) === ufragOf(waiting.sdp) && now) {
      return (await send(live, { role: 'offer', attempt: waiting.attempt, sdp: now })) ? 'sent' : 'unavailable';
    }
    const attempt = (attempts.get(live) ?? 0) + 1;
    attempts.set(live, attempt);
    restarting.add(pc);
    try {
      const ice = await refresh(pc);
      const sdp = await withoutTrickle(pc, async () => {
        // A restart whose offer could not leave (no candidates then) gives way to this one.
        if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
        if (pc.signalingState !== 'stable') return undefined;
        await pc.setLocalDescription(await pc.createOffer({ iceRestart: true }));
        await gathered(pc, GATHER_WAIT_MS);
        return pc.localDescription?.sdp;
      });
      // Nothing to connect with (no TURN server reachable yet), or the call moved on meanwhile.
      if (!mayLeave(sdp, ice) || current() !== live || !pcsOf(live).includes(pc)) return 'unavailable';
      offered.set(pc, { attempt, sdp });
      return (await send(live, { role: 'offer', attempt, sdp })) ? 'sent' : 'unavailable';
    } catch (err) {
      problem('could not restart ICE', err);
      return 'unavailable';
    } finally {
      restarting.delete(pc);
    }
  }

  async function answer(live: Live, pc: RTCPeerConnection, signal: CallIceSignal): Promise<void> {
    try {
      const ice = await refresh(pc);
      const sdp = await withoutTrickle(pc, async () => {
        if (pc.signalingState !== 'stable') return undefined;
        await pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
        try {
          await pc.setLocalDescription(await pc.createAnswer());
        } catch (err) {
          // Back to where it was, so that a later offer can still be answered.
          await pc.setRemoteDescription({ type: 'rollback' }).catch(() => undefined);
          throw err;
        }
        await gathered(pc, GATHER_WAIT_MS);
        return pc.localDescription?.sdp;
      });
      if (!mayLeave(sdp, ice) || current() !== live || !pcsOf(live).includes(pc)) return;
      answered.set(pc, { attempt: signal.attempt, sdp });
      await send(live, { role: 'answer', attempt: signal.attempt, sdp });
    } catch (err) {
      problem('could not answer an ICE restart', err);
    }
  }

  function arrived(signal: CallIceSignal): void {
    const live = current();
    const call = live?.call;
    // Only the call going on, with this friend, under this id.
    if (!live || !call || call.contact.contactId !== signal.contactId || call.id !== signal.callId) return;
    const pcs = pcsOf(live);
    if (signal.role === 'answer') {
      // The connection whose offer has this attempt.
      const pc = pcs.find((p) => offered.get(p)?.attempt === signal.attempt);
      if (call.direction !== 'out' || !pc) return;
      if (pc.signalingState !== 'have-local-offer' || !sameConnection(signal.sdp, pc)) return;
      offered.delete(pc);
      pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp }).catch((err: unknown) =>
        problem('could not take an ICE restart answer', err),
      );
      return;
    }
    // An offer: only for a call the child accepted, that is talking or reconnecting, each attempt once.
    if (call.direction !== 'in' || !call.answered || (call.phase !== 'active' && call.phase !== 'reconnecting')) return;
    // The connection it is for: the one whose certificate it carries, the media's or the control
    // channel's. None: meant for another connection (the one a re-dial replaced, or the other way).
    const pc = pcs.find((p) => sameConnection(signal.sdp, p));
    if (!pc) return;
    const last = answered.get(pc);
    if (last && signal.attempt === last.attempt) {
      // The same offer again: our answer may have been lost on the way.
      if (last.sdp !== null) void send(live, { role: 'answer', attempt: last.attempt, sdp: last.sdp });
      return;
    }
    if (last && signal.attempt < last.attempt) return;
    // Nothing but the transport may change: the same media sections as the call has now.
    if (!sameKinds(mediaKinds(signal.sdp), mediaKinds(pc.remoteDescription?.sdp))) {
      problem('an ICE restart offer that changes the media was refused');
      return;
    }
    answered.set(pc, { attempt: signal.attempt, sdp: null });
    answering.set(
      pc,
      (answering.get(pc) ?? Promise.resolve()).then(() => answer(live, pc, signal)),
    );
  }

  return Object.freeze({ restart, restartChannel, arrived });
}

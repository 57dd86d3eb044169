/**
 * ICE restarts through the relay (issue 18). PeerJS 1.5.5 cannot restart ICE: it ignores a second
 * offer on a live connection. So while a call the child accepted is `reconnecting`, the caller
 * makes the restart itself on the media connection's own RTCPeerConnection and sends the offer
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
  /** A friend's offer or answer, from main (`callIce`). */
  arrived: (signal: CallIceSignal) => void;
}>;

const pcOf = (live: Live): RTCPeerConnection | null => {
  const pc = (live.media?.peerConnection as RTCPeerConnection | null | undefined) ?? null;
  return pc && pc.signalingState !== 'closed' && pc.connectionState !== 'closed' ? pc : null;
};

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
  /** Per call: the caller's restart under way (its offer sent), and the callee's last answer. */
  const offered = new WeakMap<Live, Readonly<{ attempt: number; pc: RTCPeerConnection; sdp: string }>>();
  const answered = new WeakMap<Live, Readonly<{ attempt: number; pc: RTCPeerConnection; sdp: string | null }>>();
  const attempts = new WeakMap<Live, number>();
  /** Calls whose caller is making a restart now (one at a time). */
  const restarting = new WeakSet<Live>();
  /** The callee answers one offer at a time. */
  let answering: Promise<void> = Promise.resolve();

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
    // The last one is still on its way (gathering): this attempt is that one.
    if (restarting.has(live)) return 'sent';
    // The offer sent last still waits for its answer: it goes again, as it is now (the friend may
    // have answered it already; a new one would leave them on credentials we dropped meanwhile).
    const waiting = offered.get(live);
    const now = pc.localDescription?.sdp;
    if (waiting?.pc === pc && pc.signalingState === 'have-local-offer' && ufragOf(now) === ufragOf(waiting.sdp) && now) {
      return (await send(live, { role: 'offer', attempt: waiting.attempt, sdp: now })) ? 'sent' : 'unavailable';
    }
    const attempt = (attempts.get(live) ?? 0) + 1;
    attempts.set(live, attempt);
    restarting.add(live);
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
      if (!mayLeave(sdp, ice) || current() !== live || pcOf(live) !== pc) return 'unavailable';
      offered.set(live, { attempt, pc, sdp });
      return (await send(live, { role: 'offer', attempt, sdp })) ? 'sent' : 'unavailable';
    } catch (err) {
      problem('could not restart ICE', err);
      return 'unavailable';
    } finally {
      restarting.delete(live);
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
      if (!mayLeave(sdp, ice) || current() !== live || pcOf(live) !== pc) return;
      answered.set(live, { attempt: signal.attempt, pc, sdp });
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
    const pc = pcOf(live);
    if (!pc) return;
    if (signal.role === 'answer') {
      const mine = offered.get(live);
      if (call.direction !== 'out' || mine?.attempt !== signal.attempt || mine.pc !== pc) return;
      if (pc.signalingState !== 'have-local-offer' || !sameConnection(signal.sdp, pc)) return;
      offered.delete(live);
      pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp }).catch((err: unknown) =>
        problem('could not take an ICE restart answer', err),
      );
      return;
    }
    // An offer: only for a call the child accepted, that is talking or reconnecting, each attempt once.
    if (call.direction !== 'in' || !call.answered || (call.phase !== 'active' && call.phase !== 'reconnecting')) return;
    const last = answered.get(live);
    if (last?.pc === pc && signal.attempt === last.attempt) {
      // The same offer again: our answer may have been lost on the way.
      if (last.sdp !== null) void send(live, { role: 'answer', attempt: last.attempt, sdp: last.sdp });
      return;
    }
    if (last?.pc === pc && signal.attempt < last.attempt) return;
    // Meant for another connection of this call (the one a re-dial replaced, or the other way).
    if (!sameConnection(signal.sdp, pc)) return;
    // Nothing but the transport may change: the same media sections as the call has now.
    if (!sameKinds(mediaKinds(signal.sdp), mediaKinds(pc.remoteDescription?.sdp))) {
      problem('an ICE restart offer that changes the media was refused');
      return;
    }
    answered.set(live, { attempt: signal.attempt, pc, sdp: null });
    answering = answering.then(() => answer(live, pc, signal));
  }

  return Object.freeze({ restart, arrived });
}

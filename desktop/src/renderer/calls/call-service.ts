/**
 * 1:1 calls of the active profile (F7), on PeerJS through the relay's signaling. A call is two
 * PeerJS connections to the friend: the media connection, answered only when the child accepts,
 * and a small control channel that carries accept, decline, busy, cancel and hang-up. The
 * control channel's messages are the call's truth; a closed connection is the fallback signal.
 *
 * This service decides nothing about a call: every button, connection event and message is an
 * event for the pure state machine (`call-machine.ts`), and the service carries out the effects
 * it returns, through the live call's connections (`call-live.ts`), our media and ICE
 * (`call-setup.ts`, `call-devices.ts`) and the screen beside the call (`call-screen.ts`).
 *
 * Safety: the relay passes offers only between active friends, and before anything rings this
 * service asks main whether the caller's peer id is an active, unblocked contact of this child.
 * Anything else is closed without a sound or a log line the child could see.
 */
import type { CallContact, IpcResult, RecordCallArgs } from '@hearth/common';
import type { DataConnection, MediaConnection } from 'peerjs';
import { sendOn } from './call-channel';
import { createCallDevices } from './call-devices';
import type { CallEffect, CallEvent } from './call-events';
import { createLiveCalls, offerOf, ourDescriptionLeft, type Live, type LiveEffect } from './call-live';
import { busyRecordOf } from './call-log';
import { step } from './call-machine';
import { CALL_CHANNEL_LABEL, newCallId, newCallLogId, parseCallMetadata } from './call-protocol';
import { createScreening, type Arrival } from './call-screening';
import type { CallService, CallServiceDeps } from './call-service-types';
import { createCallScreen } from './call-screen';
import { watchPaths } from './call-path';
import { watchQuality } from './call-quality-watch';
import { createCallSetup } from './call-setup';
import { endedView } from './call-state';
import { transportOf } from './call-transport';
import { IDLE_VIEW, type CallView, type VideoProcessor } from './call-types';
import { createSignaling } from './signaling';
import { traceCall } from './call-trace';
import { createCallGames } from './call-games';
import { createIceRestarts } from './call-ice-restart';
import { createChannelWatch } from './call-channel-watch';

export type { CallService, CallServiceDeps } from './call-service-types';

/** Whether two views show the same (field by field: a call's contact and streams are the same objects while they last). */
function sameView(a: CallView, b: CallView): boolean {
  return (Object.keys(b) as (keyof CallView)[]).every((k) => Object.is(a[k], b[k]));
}

/** How long a call being placed holds its screen back at most (see `holdDrawing`). */
export const DRAW_HOLD_MAX_MS = 150;

export function createCallService(deps: CallServiceDeps): CallService {
  const now = deps.now ?? Date.now;
  const problem = deps.onProblem ?? ((): void => undefined);
  const lingerMs = deps.endedLingerMs ?? 4_000;
  const listeners = new Set<() => void>();
  /** The call going on (null: none); a call that is not this one any more is over. */
  let current: Live | null = null;
  /** The call as it is now, and as the UI is told (the same but while drawing is held back). */
  let view: CallView = IDLE_VIEW;
  let drawn: CallView = IDLE_VIEW;
  let running = false;
  /** Calls being placed that hold the screen back; a change meanwhile is drawn after. */
  let holds = 0;
  let heldChange = false;
  let stopWatchingLock = (): void => undefined;
  let stopWatchingPaths = (): void => undefined;
  let stopHearingIce = (): void => undefined;

  const signaling = createSignaling({
    hearth: deps.hearth,
    createPeer: deps.createPeer,
    onCall: (c) => arrive(c, 'media'),
    onConnection: (c) => arrive(c, 'data'),
    onPeerError: (err) => apply({ type: 'peer-error', errorType: err.type, message: err.message }),
    onProblem: problem,
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
    now,
  });
  signaling.onState(() => publish());
  const screen = createCallScreen(lingerMs, () => publish());
  const devices = createCallDevices({ media: deps.media, storage: deps.storage ?? null, inCall: () => current, problem });
  const games = createCallGames(() => current);
  const lives = createLiveCalls({
    apply,
    problem,
    game: games.arrived,
    channelMoved: (live) => void apply({ type: 'local-state', ...screen.switches() }, live),
  });
  const setup = createCallSetup({
    devices,
    signaling,
    lives,
    isCurrent: (live) => live === current,
    apply,
    tell: screen.tell,
    switches: screen.switches,
    ...(deps.myAvatar ? { myAvatar: deps.myAvatar } : {}),
    problem,
  });
  const restarts = createIceRestarts({
    hearth: deps.hearth,
    current: () => current,
    freshIce: () => signaling.refreshIce().catch(() => signaling.ice()),
    problem,
  });
  const watchChannel = createChannelWatch({
    talking: (live) => live === current && live.call.phase === 'active',
    restartChannel: (live) => restarts.restartChannel(live),
    reopenChannel: (live) => setup.reopenChannel(live),
  });
  const screening = createScreening({
    identify: deps.hearth.identifyCaller,
    take: (arrival, contact) => (running ? ring(arrival, contact) : 'busy'),
    onBusy: (arrival, contact) => {
      if (running) record(busyRecordOf(contact.contactId, arrival.meta.video, now()));
    },
    sendOn: (data, message) => sendOn(data, message, problem),
  });

  /**
   * Tells the UI when what it shows changed. Most steps of a call's setup change nothing on screen
   * (the offer left, the answer is ready, a `media` message that says what it said before): each
   * such redraw would sit on the call's way to its first frame (issue 18), so none is made.
   */
  function publish(): void {
    const next = screen.view(current, { ...devices.choice(), signaling: signaling.state() });
    if (sameView(view, next)) return;
    view = next;
    if (holds > 0) heldChange = true;
    else draw();
  }

  function draw(): void {
    drawn = view;
    for (const l of [...listeners]) l();
  }

  /**
   * Holds the screen back (`view()` says what it said; the UI is told later) until `until` settles,
   * `DRAW_HOLD_MAX_MS` at most. Drawing the call screen the moment a child calls sat on the main
   * thread while the camera opened and the offer left (issue 18: `bench:call`'s camera and
   * offer-sent steps, 17 and 24 ms, became 11 and 16 ms, bare PeerJS's); a click answered within
   * that is still at once to a child. Not so for an accept: holding the callee's screen moved its
   * drawing onto the answer and measured slower.
   */
  function holdDrawing(until: Promise<unknown>): void {
    holds += 1;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      holds -= 1;
      if (holds === 0 && heldChange) {
        heldChange = false;
        draw();
      }
    };
    const timer = setTimeout(release, DRAW_HOLD_MAX_MS);
    until.then(release, release);
  }

  const settled = (what: string) => (r: IpcResult<unknown>) => {
    if (!r.ok) problem(what, r.error);
  };
  const record = (entry: RecordCallArgs): void => void deps.hearth.recordCall(entry).then(settled('could not record a call'));

  /**
   * Steps the call `live` (default: the one going on, or none) through an event and carries out
   * the effects; a call that is over hears nothing.
   */
  function apply(event: CallEvent, live: Live | null = current): readonly CallEffect[] {
    if (live !== current) return [];
    const next = step(live?.call ?? null, event, now());
    if (next.call === null) current = null;
    else if (live?.call.key === next.call.key) live.call = next.call;
    else current = lives.create(next.call);
    let target = live;
    for (const effect of next.effects) {
      if (effect.type === 'start') target = current;
      run(effect, target);
    }
    publish();
    return next.effects;
  }

  function run(effect: CallEffect, live: Live | null): void {
    switch (effect.type) {
      case 'start':
        return screen.newCall();
      case 'screened': // The screening's verdict: `ring` reads it.
        return;
      case 'refresh-ice':
        signaling.refreshIce().catch((err: unknown) => problem('could not refresh ICE servers', err));
        return;
      case 'presence':
        void deps.hearth.setCallPresence({ inCall: effect.inCall }).then(settled('could not set in-call presence'));
        return;
      case 'open-answer':
        if (live) live.answering = setup.prepareAnswer(live, effect.video);
        return;
      case 'record':
        return record(effect.entry);
      case 'ended':
        if (live) screen.showEnded(endedView(live.call, effect.reason));
        return;
      case 'problem':
        return problem(effect.message, effect.details);
      case 'ice-restart':
        if (!live) return;
        void restarts.restart(live).then((outcome) => {
          // Where a restart cannot be tried, the re-dial is the way back.
          if (outcome === 'unavailable' && effect.fallback && live === current && live.call.phase === 'reconnecting') {
            setup.redial(live);
          }
        });
        return;
      case 'redial':
        if (live) setup.redial(live);
        return;
      case 'refresh-signaling':
        return signaling.reconnectNow();
      case 'reconnected':
        if (!live) return;
        lives.run(effect, live);
        return afterRecovery(live);
      default:
        if (live) lives.run(effect satisfies LiveEffect, live);
    }
  }

  /**
   * The call is back: what we last said of our mute and camera goes again (said while the path
   * was down, it may have gone with it), and the caller sees that the control channel came back
   * too (`call-channel-watch.ts`).
   */
  function afterRecovery(live: Live): void {
    apply({ type: 'local-state', ...screen.switches() }, live);
    if (live.call.direction === 'out') watchChannel(live);
  }

  function arrive(conn: MediaConnection | DataConnection, kind: 'media' | 'data'): void {
    traceCall('offer-arrived');
    const meta = parseCallMetadata(conn.metadata);
    if (!meta || (kind === 'data' && (conn as DataConnection).label !== CALL_CHANNEL_LABEL)) return conn.close();
    const live = current;
    // The other half of the call that is ringing or going on; anything else is screened.
    if (live?.call.key === `${conn.peer} ${meta.callId}` && live.call.direction === 'in') {
      // Our child's accepted call, reconnecting: the friend's re-dial (the machine decides).
      if (live.call.phase === 'reconnecting') lives.rejoin(live, conn, kind);
      else lives.join(live, conn, kind);
    } else screening.add(conn, kind, meta);
  }

  /** A screened friend's call: the state machine says whether it rings. */
  function ring(arrival: Arrival, contact: CallContact): 'taken' | 'busy' | 'dropped' {
    const [myPeerId, ringTimeoutMs] = [signaling.peer()?.id ?? null, signaling.ringTimeoutMs()];
    const effects = apply({ type: 'offer', offer: offerOf(arrival, contact), myPeerId, ringTimeoutMs });
    const screened = effects.find((e): e is Extract<CallEffect, { type: 'screened' }> => e.type === 'screened');
    const live = current;
    if (screened?.verdict === 'taken' && live) {
      if (arrival.media) lives.attachMedia(live, arrival.media);
      if (arrival.data) lives.attachData(live, arrival.data);
      // While it rings: what the answer needs besides the camera (which waits for the child's accept).
      if (live.call.phase === 'incoming') setup.readyAhead(live);
    }
    return screened?.verdict ?? 'busy';
  }

  async function dial(contactId: string, options: Readonly<{ video: boolean }>): Promise<void> {
    if (current) {
      screen.tell('already-in-call');
      return publish();
    }
    traceCall('dial');
    let placed = (): void => undefined;
    holdDrawing(new Promise<void>((resolve) => (placed = resolve)));
    try {
      await placeCall(contactId, options);
    } finally {
      placed();
    }
  }

  async function placeCall(contactId: string, options: Readonly<{ video: boolean }>): Promise<void> {
    // The camera starts opening while main checks the contact: both take a moment. (Fetching the ICE
    // settings here too made calling each other at the same moment flaky: issue 18 keeps it after.)
    const opened = devices.open(options.video);
    const found = await deps.hearth.getCallContact({ contactId });
    traceCall('contact-checked');
    const id = newCallId();
    const logId = newCallLogId(now());
    if (found.ok) {
      const { peerId, avatar } = found.value;
      apply({
        type: 'dial',
        call: { key: `${peerId} ${id}`, id, logId, peerId, contact: found.value, avatar, video: options.video },
      });
    }
    const live = current as Live | null; // (read after an await)
    if (!found.ok || live?.call.id !== id) {
      opened.opening.then(
        (m) => m.stream.getTracks().forEach((t) => t.stop()),
        () => undefined,
      );
      if (!found.ok) screen.tell('not-callable');
      return publish();
    }
    await setup.place(live, opened);
    // The screen waits for our offer to leave (see `holdDrawing`).
    if (live.media) await ourDescriptionLeft(live.media, 'stable');
  }

  const switched = (which: 'muted' | 'cameraOff', on: boolean): void => {
    screen.setSwitch(which, on);
    apply({ type: 'local-state', ...screen.switches() });
  };
  const thenPublish = (done: Promise<void>): Promise<void> => done.then(publish);

  return Object.freeze({
    start(): void {
      if (running) return;
      running = true;
      signaling.start();
      const [stopPaths, stopQuality] = [watchPaths(() => current, apply), watchQuality(() => current, apply, problem)];
      stopWatchingPaths = () => {
        stopPaths();
        stopQuality();
      };
      // The relay-only setting can change only in the grown-ups' pane: take it up when the pane
      // opens or closes, so even an incoming call's first connection uses it.
      stopHearingIce = deps.hearth.on('callIce', restarts.arrived);
      stopWatchingLock = deps.hearth.on('lockChanged', () => {
        // A ringing call's ICE settings were read before the change: its answer asks again.
        if (current) current.ahead = null;
        if (signaling.state() !== 'off')
          signaling.refreshIce().catch((err: unknown) => problem('could not refresh ICE servers', err));
      });
      publish();
    },
    stop(): void {
      running = false;
      stopWatchingPaths();
      stopWatchingLock();
      stopWatchingLock = (): void => undefined;
      stopHearingIce();
      stopHearingIce = (): void => undefined;
      apply({ type: 'stop' });
      screening.clear();
      signaling.stop();
      screen.clear(false);
      publish();
    },
    view: () => drawn,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dial,
    async accept(options: Readonly<{ video?: boolean }> = {}): Promise<void> {
      const live = current;
      traceCall('accepted');
      const effects = apply({ type: 'accept', video: options.video !== false });
      if (effects.some((e) => e.type === 'open-answer')) await live?.answering;
    },
    decline: () => void apply({ type: 'decline' }),
    hangUp: () => void apply({ type: 'hang-up' }),
    dismiss(): void {
      screen.clear(true);
      publish();
    },
    setMuted(next: boolean): void {
      current?.local?.setMuted(next);
      switched('muted', next);
    },
    setCameraOff(next: boolean): void {
      current?.local?.setCameraOff(next);
      switched('cameraOff', next);
    },
    listDevices: devices.list,
    chooseCamera: (deviceId: string | null) => thenPublish(devices.chooseCamera(deviceId)),
    chooseMicrophone: (deviceId: string | null) => thenPublish(devices.chooseMicrophone(deviceId)),
    setVideoProcessor: (next: VideoProcessor | null) => thenPublish(devices.setProcessor(next)),
    transport: () => transportOf(current?.media?.peerConnection ?? null),
    sendGameMove: games.send,
    onGameMove: games.listen,
    setVideoSource: (track: MediaStreamTrack | null) =>
      thenPublish(devices.setProcessor(track ? () => ({ track, stop: (): void => undefined }) : null)),
  });
}

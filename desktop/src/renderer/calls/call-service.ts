/**
 * 1:1 calls of the active profile (F7), on PeerJS through the relay's signaling. A call is two
 * PeerJS connections to the friend: the media connection, answered only when the child accepts,
 * and a small control channel that carries accept, decline, busy, cancel and hang-up. The
 * control channel's messages are the call's truth; a closed connection is the fallback signal.
 *
 * Safety: the relay passes offers only between active friends, and before anything rings this
 * service asks main whether the caller's peer id is an active, unblocked contact of this child.
 * Anything else is closed without a sound or a log line the child could see.
 */
import type { CallContact, HearthApi, RecordCallArgs } from '@hearth/common';
import type { DataConnection, MediaConnection, Peer, PeerError, PeerOptions } from 'peerjs';
import { callRecordOf } from './call-log';
import {
  CALL_CHANNEL_LABEL,
  CALL_PROTOCOL_VERSION,
  newCallId,
  parseCallMessage,
  parseCallMetadata,
  type CallMessage,
  type CallMetadata,
} from './call-protocol';
import { effectOfMessage, endedView, endReasonWhenGone, newCall, viewOfCall, type Call } from './call-state';
import { IDLE_VIEW, type CallEndReason, type CallProblem, type CallView, type VideoProcessor } from './call-types';
import {
  listDevices,
  openCallMedia,
  openTrack,
  type DeviceList,
  type MediaAccess,
  type MediaProblem,
  type OpenedMedia,
} from './media';
import { createSignaling, relayOnlyWithoutTurn, type SignalingBackoff } from './signaling';
import { createCallMedia, type CallMedia } from './call-media';
import { transportOf, type CallTransport } from './call-transport';
import { createScreening, type Arrival } from './call-screening';

export type CallServiceDeps = Readonly<{
  hearth: Pick<
    HearthApi,
    'getCallSession' | 'getCallIce' | 'getCallContact' | 'identifyCaller' | 'setCallPresence' | 'recordCall' | 'on'
  >;
  /** `new Peer(id, options)`; tests pass a fake. */
  createPeer: (id: string, options: PeerOptions) => Peer;
  media: MediaAccess;
  /** The active profile's bundled picture id, sent to the friend with a call. */
  myAvatar?: () => string | null;
  /** Failures for a log (the child sees the call's state instead). */
  onProblem?: (message: string, details?: unknown) => void;
  now?: () => number;
  backoff?: SignalingBackoff;
  /** How long the "call ended" screen stays, ms. Default 4000. */
  endedLingerMs?: number;
  /** Where the chosen camera and microphone are remembered. Default: nowhere. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}>;

export type CallService = Readonly<{
  /** Connects to signaling: calls can now ring. */
  start: () => void;
  /** Hangs up and disconnects (profile left). */
  stop: () => void;
  view: () => CallView;
  subscribe: (listener: () => void) => () => void;
  dial: (contactId: string, options: Readonly<{ video: boolean }>) => Promise<void>;
  /** Answers the ringing call (`video: false` answers without the camera). */
  accept: (options?: Readonly<{ video?: boolean }>) => Promise<void>;
  decline: () => void;
  hangUp: () => void;
  /** Clears the "call ended" screen now. */
  dismiss: () => void;
  setMuted: (muted: boolean) => void;
  setCameraOff: (off: boolean) => void;
  listDevices: () => Promise<DeviceList>;
  chooseCamera: (deviceId: string | null) => Promise<void>;
  chooseMicrophone: (deviceId: string | null) => Promise<void>;
  /** The effects hook: what turns the camera into the sent video (null: the camera itself). */
  setVideoProcessor: (processor: VideoProcessor | null) => Promise<void>;
  /** Sends this track instead of the camera (null: the camera again). */
  setVideoSource: (track: MediaStreamTrack | null) => Promise<void>;
  /** How the current call's media travels (null when there is no connected call). */
  transport: () => Promise<CallTransport | null>;
}>;

const CAMERA_KEY = 'hearth.calls.cameraId';
const MIC_KEY = 'hearth.calls.micId';
/** Extra ringing on the callee's side: the caller's own timeout (and its `cancel`) normally ends it first. */
const CALLEE_GRACE_MS = 2_000;
/** Lets a last control message leave before its channel closes. */
const CLOSE_DELAY_MS = 400;

export function createCallService(deps: CallServiceDeps): CallService {
  const now = deps.now ?? Date.now;
  const problem = deps.onProblem ?? ((): void => undefined);
  const lingerMs = deps.endedLingerMs ?? 4_000;
  const listeners = new Set<() => void>();
  let call: Call | null = null;
  let ended: CallView | null = null;
  let endedTimer: ReturnType<typeof setTimeout> | null = null;
  let notice: CallProblem | null = null;
  let muted = false;
  let cameraOff = false;
  let cameraId = deps.storage?.getItem(CAMERA_KEY) ?? null;
  let micId = deps.storage?.getItem(MIC_KEY) ?? null;
  let processor: VideoProcessor | null = null;
  let view: CallView = IDLE_VIEW;
  let running = false;
  let stopWatchingLock = (): void => undefined;

  const signaling = createSignaling({
    hearth: deps.hearth,
    createPeer: deps.createPeer,
    onCall: (c) => arrive(c, 'media'),
    onConnection: (c) => arrive(c, 'data'),
    onPeerError,
    onProblem: problem,
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
    now,
  });
  signaling.onState(() => publish());
  const screening = createScreening({
    identify: deps.hearth.identifyCaller,
    take: (arrival, contact) => ring(arrival, contact),
    onBusy: (arrival, contact) => loggedBusy(arrival, contact),
    sendOn: (data, message) => sendOn(data, message),
  });

  function publish(): void {
    const extras = { muted, cameraOff, cameraId, micId, signaling: signaling.state(), problem: notice };
    if (call) view = viewOfCall(call, extras);
    else if (ended) view = { ...ended, ...extras, muted: false, cameraOff: false };
    else view = { ...IDLE_VIEW, ...extras };
    for (const l of [...listeners]) l();
  }

  // ---- the control channel -------------------------------------------------------------------

  const sendOn = (data: DataConnection, message: CallMessage): void => {
    const go = (): void => {
      try {
        void data.send(message);
      } catch (err) {
        problem('could not send a call message', err);
      }
    };
    if (data.open) go();
    else data.once('open', go);
  };

  const send = (c: Call, message: CallMessage): void => {
    if (c.data) sendOn(c.data, message);
    else c.outbox.push(message);
  };

  const attachData = (c: Call, data: DataConnection): void => {
    c.data = data;
    for (const m of c.outbox.splice(0)) sendOn(data, m);
    data.on('data', (raw) => {
      const message = parseCallMessage(raw);
      if (message) onMessage(c, message);
    });
    data.on('close', () => {
      if (!c.ended) end(c, endReasonWhenGone(c.phase));
    });
    data.on('error', (err) => problem('call control channel error', err));
  };

  const attachMedia = (c: Call, media: MediaConnection): void => {
    c.media = media;
    media.on('stream', (stream) => {
      if (c.ended) return;
      c.remote = stream;
      if (c.phase === 'outgoing' || c.phase === 'connecting') becomeActive(c);
      else publish();
    });
    media.on('close', () => {
      if (!c.ended && (c.phase === 'active' || c.phase === 'connecting')) end(c, 'remote-hung-up');
    });
    media.on('error', (err) => {
      problem('call media error', err);
      if (!c.ended && c.phase !== 'incoming') end(c, 'failed');
    });
  };

  function onMessage(c: Call, m: CallMessage): void {
    const effect = effectOfMessage(c, m);
    switch (effect.kind) {
      case 'ignore':
        return;
      case 'answered':
        c.phase = 'connecting';
        clearRing(c);
        setPresence(c, true);
        publish();
        return;
      case 'end':
        end(c, effect.reason);
        return;
      case 'media':
        c.remoteMuted = effect.muted;
        c.remoteCameraOff = effect.cameraOff;
        publish();
        return;
      default: {
        const never: never = effect;
        problem('unknown call message effect', never);
      }
    }
  }

  // ---- life of a call --------------------------------------------------------------------------

  const record = (entry: RecordCallArgs): void => {
    void deps.hearth.recordCall(entry).then((r) => {
      if (!r.ok) problem('could not record a call', r.error);
    });
  };

  const clearRing = (c: Call): void => {
    if (c.ringTimer) clearTimeout(c.ringTimer);
    c.ringTimer = null;
  };

  const setPresence = (c: Call, on: boolean): void => {
    if (c.presence === on) return;
    c.presence = on;
    void deps.hearth.setCallPresence({ inCall: on }).then((r) => {
      if (!r.ok) problem('could not set in-call presence', r.error);
    });
  };

  const becomeActive = (c: Call): void => {
    c.phase = 'active';
    c.activeSince = now();
    clearRing(c);
    setPresence(c, true);
    publish();
  };

  function end(c: Call, reason: CallEndReason): void {
    if (c.ended) return;
    c.ended = true;
    clearRing(c);
    const endedAt = now();
    c.local?.stop();
    c.media?.close();
    const data = c.data;
    if (data) setTimeout(() => data.close(), CLOSE_DELAY_MS);
    if (c.presence) setPresence(c, false);
    record(
      callRecordOf({
        contactId: c.contact.contactId,
        direction: c.direction,
        video: c.video,
        ringingSince: c.ringingSince,
        activeSince: c.activeSince,
        reason,
        endedAt,
      }),
    );
    ended = endedView(c, reason);
    if (call === c) call = null;
    if (endedTimer) clearTimeout(endedTimer);
    endedTimer = setTimeout(() => {
      endedTimer = null;
      ended = null;
      publish();
    }, lingerMs);
    publish();
  }

  const startCall = (c: Call): void => {
    if (endedTimer) clearTimeout(endedTimer);
    endedTimer = null;
    ended = null;
    notice = null;
    muted = false;
    cameraOff = false;
    call = c;
  };

  /** Camera and microphone for a call, with the effects hook applied; null (and the call ended) on failure. */
  /** Starts the effects hook's preparation beside the camera's opening (never fails the call). */
  const prepareVideo = (): Promise<void> =>
    processor?.prepare?.().catch((err: unknown) => problem('the video effect could not get ready', err)) ?? Promise.resolve();

  async function openLocal(c: Call, opening: Promise<OpenedMedia>, preparing: Promise<void>): Promise<CallMedia | null> {
    let opened;
    try {
      [opened] = await Promise.all([opening, preparing]);
    } catch (err) {
      // A call let go for a crossed one says nothing: the call the child is in now is not this one.
      if (!c.ended) notice = ((err as { problem?: MediaProblem }).problem ?? 'microphone-unavailable') as CallProblem;
      end(c, 'failed');
      return null;
    }
    if (opened.problem && !c.ended) notice = opened.problem;
    const local = await createCallMedia(opened.stream, processor, problem);
    if (c.ended) {
      local.stop();
      return null;
    }
    c.local = local;
    local.setMuted(muted);
    local.setCameraOff(cameraOff);
    return local;
  }

  async function iceReady(c: Call): Promise<boolean> {
    try {
      const ice = await signaling.refreshIce();
      if (!relayOnlyWithoutTurn(ice)) return true;
      if (!c.ended) notice = 'needs-turn';
    } catch (err) {
      problem('could not get ICE servers', err);
    }
    end(c, 'failed');
    return false;
  }

  async function dial(contactId: string, options: Readonly<{ video: boolean }>): Promise<void> {
    if (call) {
      notice = 'already-in-call';
      publish();
      return;
    }
    // The camera starts opening while main checks the contact: both take a moment.
    const opening = openCallMedia(deps.media, options.video, { cameraId, micId });
    const preparing = prepareVideo();
    const found = await deps.hearth.getCallContact({ contactId });
    if (!found.ok || call) {
      void opening.then(
        (m) => m.stream.getTracks().forEach((t) => t.stop()),
        () => undefined,
      );
      if (!found.ok) notice = 'not-callable';
      publish();
      return;
    }
    const id = newCallId();
    const c = newCall(
      {
        key: `${found.value.peerId} ${id}`,
        id,
        peerId: found.value.peerId,
        contact: found.value,
        avatar: found.value.avatar,
        direction: 'out',
        video: options.video,
      },
      now(),
    );
    startCall(c);
    publish();
    const [iceOk, local, online] = await Promise.all([
      iceReady(c),
      openLocal(c, opening, preparing),
      signaling.whenOnline(5_000),
    ]);
    if (c.ended || !iceOk || !local) return;
    const peer = signaling.peer();
    if (!online || !peer) return end(c, 'unavailable');
    const meta: CallMetadata = {
      v: CALL_PROTOCOL_VERSION,
      callId: id,
      video: local.hasVideo,
      avatar: deps.myAvatar?.() ?? null,
    };
    const media = peer.call(c.peerId, local.sent, { metadata: meta });
    const data = peer.connect(c.peerId, { label: CALL_CHANNEL_LABEL, serialization: 'json', reliable: true, metadata: meta });
    if (!media || !data) return end(c, 'unavailable');
    attachMedia(c, media);
    attachData(c, data);
    c.ringTimer = setTimeout(() => {
      if (c.phase !== 'outgoing') return;
      send(c, { type: 'cancel', reason: 'timeout' });
      end(c, 'no-answer');
    }, signaling.ringTimeoutMs());
    publish();
  }

  async function accept(options: Readonly<{ video?: boolean }> = {}): Promise<void> {
    const c = call;
    if (!c || c.direction !== 'in' || c.phase !== 'incoming') return;
    clearRing(c);
    c.phase = 'connecting';
    setPresence(c, true);
    publish();
    const [iceOk, local] = await Promise.all([
      iceReady(c),
      openLocal(c, openCallMedia(deps.media, c.video && options.video !== false, { cameraId, micId }), prepareVideo()),
    ]);
    if (c.ended || !iceOk || !local) return;
    answerWhenOffered(c);
    send(c, { type: 'accept' });
    send(c, { type: 'media', muted, cameraOff });
    publish();
  }

  /** Answers the media offer once both it and our media are there. */
  function answerWhenOffered(c: Call): void {
    if (!c.media || !c.local || c.phase !== 'connecting' || c.answered) return;
    c.answered = true;
    try {
      c.media.answer(c.local.sent);
    } catch (err) {
      problem('could not answer', err);
      end(c, 'failed');
    }
  }

  // ---- arriving offers --------------------------------------------------------------------------

  function arrive(conn: MediaConnection | DataConnection, kind: 'media' | 'data'): void {
    const meta = parseCallMetadata(conn.metadata);
    if (!meta || (kind === 'data' && (conn as DataConnection).label !== CALL_CHANNEL_LABEL)) {
      conn.close();
      return;
    }
    const c = call;
    if (c && c.key === `${conn.peer} ${meta.callId}` && c.direction === 'in') {
      // The other half of the call that is ringing or going on.
      if (kind === 'media' && !c.media) {
        attachMedia(c, conn as MediaConnection);
        answerWhenOffered(c);
      } else if (kind === 'data' && !c.data) attachData(c, conn as DataConnection);
      else conn.close();
      return;
    }
    screening.add(conn, kind, meta);
  }

  /**
   * A screened friend's call: ring, unless another call is going on. When it crossed our own call
   * to the same friend (both children pressed call at once), one call goes on, the same on both
   * sides: ours if it was already sent and made by the smaller peer id (their offer is dropped
   * without a word), else theirs: we let ours go (unlogged) and answer theirs at once, as our
   * child wanted to talk.
   */
  function ring(arrival: Arrival, contact: CallContact): 'taken' | 'busy' | 'dropped' {
    if (!running) return 'busy';
    const mine = call;
    let crossed = false;
    if (mine !== null && mine.direction === 'out' && mine.peerId === arrival.peerId) {
      // Ours not sent yet (camera, ICE): theirs becomes the call, and ours never leaves. Both sent:
      // the smaller peer id's goes on, even if the friend already answered it (their crossed offer
      // may come late).
      if (mine.data !== null) {
        const myId = signaling.peer()?.id;
        if (!myId) return 'busy';
        if (myId < arrival.peerId) return 'dropped';
        if (mine.phase !== 'outgoing') return 'busy';
      }
      dropCrossed(mine);
      crossed = true;
    } else if (mine) return 'busy';
    const c = newCall(
      {
        key: arrival.key,
        id: arrival.meta.callId,
        peerId: arrival.peerId,
        contact,
        // The picture the relay knows for this friend; the caller's own word only if it has none.
        avatar: contact.avatar ?? arrival.meta.avatar,
        direction: 'in',
        video: arrival.meta.video,
      },
      now(),
    );
    startCall(c);
    if (arrival.media) attachMedia(c, arrival.media);
    if (arrival.data) attachData(c, arrival.data);
    c.ringTimer = setTimeout(() => {
      if (c.phase === 'incoming') end(c, 'missed');
    }, signaling.ringTimeoutMs() + CALLEE_GRACE_MS);
    if (crossed && mine) {
      void accept({ video: mine.video });
      return 'taken';
    }
    // Fresh ICE settings while it rings: answering then need not wait for them.
    signaling.refreshIce().catch((err: unknown) => problem('could not refresh ICE servers', err));
    publish();
    return 'taken';
  }

  /** Lets our own call go, unlogged and unannounced, for the friend's call that crossed it. */
  function dropCrossed(c: Call): void {
    c.ended = true;
    clearRing(c);
    c.local?.stop();
    c.media?.close();
    c.data?.close();
    if (call === c) call = null;
  }

  function loggedBusy(arrival: Arrival, contact: CallContact): void {
    if (!running) return;
    record({
      contactId: contact.contactId,
      direction: 'in',
      video: arrival.meta.video,
      startedAt: now(),
      endedAt: null,
      outcome: 'busy',
    });
  }

  function onPeerError(err: PeerError<string>): void {
    const c = call;
    if (err.type === 'peer-unavailable' && c && c.direction === 'out' && c.phase === 'outgoing') {
      if (err.message.includes(c.peerId)) end(c, 'unavailable');
      return;
    }
    problem(`signaling error: ${err.type}`, err.message);
  }

  // ---- devices and the effects hook ---------------------------------------------------------------

  async function chooseCamera(deviceId: string | null): Promise<void> {
    cameraId = deviceId;
    if (deviceId) deps.storage?.setItem(CAMERA_KEY, deviceId);
    const local = call?.local;
    if (local?.hasVideo) await local.replaceCamera(await openTrack(deps.media, 'video', deviceId), call?.media ?? null);
    publish();
  }

  async function chooseMicrophone(deviceId: string | null): Promise<void> {
    micId = deviceId;
    if (deviceId) deps.storage?.setItem(MIC_KEY, deviceId);
    const local = call?.local;
    if (local) await local.replaceMicrophone(await openTrack(deps.media, 'audio', deviceId), call?.media ?? null);
    publish();
  }

  async function setVideoProcessor(next: VideoProcessor | null): Promise<void> {
    processor = next;
    const c = call;
    if (c?.local) await c.local.setProcessor(next, c.media);
    publish();
  }

  return Object.freeze({
    start(): void {
      if (running) return;
      running = true;
      signaling.start();
      // The relay-only setting can change only in the grown-ups' pane: take it up when the pane
      // opens or closes, so even an incoming call's first connection uses it.
      stopWatchingLock = deps.hearth.on('lockChanged', () => {
        if (signaling.state() !== 'off')
          signaling.refreshIce().catch((err: unknown) => problem('could not refresh ICE servers', err));
      });
      publish();
    },
    stop(): void {
      running = false;
      stopWatchingLock();
      stopWatchingLock = (): void => undefined;
      if (call) {
        send(call, call.phase === 'outgoing' ? { type: 'cancel', reason: 'hangup' } : { type: 'hangup' });
        end(call, call.phase === 'incoming' ? 'missed' : 'hung-up');
      }
      screening.clear();
      signaling.stop();
      if (endedTimer) clearTimeout(endedTimer);
      endedTimer = null;
      ended = null;
      publish();
    },
    view: () => view,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dial,
    accept,
    decline(): void {
      const c = call;
      if (!c || c.phase !== 'incoming') return;
      send(c, { type: 'decline' });
      end(c, 'we-declined');
    },
    hangUp(): void {
      const c = call;
      if (!c) return;
      if (c.phase === 'incoming') {
        send(c, { type: 'decline' });
        end(c, 'we-declined');
      } else if (c.phase === 'outgoing') {
        send(c, { type: 'cancel', reason: 'hangup' });
        end(c, 'hung-up');
      } else {
        send(c, { type: 'hangup' });
        end(c, 'hung-up');
      }
    },
    dismiss(): void {
      if (endedTimer) clearTimeout(endedTimer);
      endedTimer = null;
      ended = null;
      notice = null;
      publish();
    },
    setMuted(next: boolean): void {
      muted = next;
      call?.local?.setMuted(next);
      if (call) send(call, { type: 'media', muted, cameraOff });
      publish();
    },
    setCameraOff(next: boolean): void {
      cameraOff = next;
      call?.local?.setCameraOff(next);
      if (call) send(call, { type: 'media', muted, cameraOff });
      publish();
    },
    listDevices: () => listDevices(deps.media),
    chooseCamera,
    chooseMicrophone,
    setVideoProcessor,
    transport: () => transportOf(call?.media?.peerConnection ?? null),
    setVideoSource: (track: MediaStreamTrack | null) =>
      setVideoProcessor(track ? () => ({ track, stop: (): void => undefined }) : null),
  });
}

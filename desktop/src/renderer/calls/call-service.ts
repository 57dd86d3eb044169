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
import {
  IDLE_VIEW,
  type CallEndReason,
  type CallPhase,
  type CallProblem,
  type CallView,
  type VideoProcessor,
} from './call-types';
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
    'getCallSession' | 'getCallIce' | 'getCallContact' | 'identifyCaller' | 'setCallPresence' | 'recordCall'
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

type Call = {
  readonly key: string;
  readonly id: string;
  readonly peerId: string;
  readonly contact: CallContact;
  readonly avatar: string | null;
  readonly direction: 'in' | 'out';
  readonly video: boolean;
  readonly ringingSince: number;
  phase: CallPhase;
  media: MediaConnection | null;
  data: DataConnection | null;
  outbox: CallMessage[];
  local: CallMedia | null;
  remote: MediaStream | null;
  remoteMuted: boolean;
  remoteCameraOff: boolean;
  activeSince: number | null;
  ringTimer: ReturnType<typeof setTimeout> | null;
  presence: boolean;
  /** The media offer was answered (callee). */
  answered: boolean;
  ended: boolean;
};

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
    if (call) {
      view = {
        phase: call.phase,
        contact: call.contact,
        contactAvatar: call.avatar,
        direction: call.direction,
        video: call.video,
        activeSince: call.activeSince,
        endReason: null,
        localPreview: call.local?.preview ?? null,
        remoteStream: call.remote,
        muted,
        cameraOff,
        remoteMuted: call.remoteMuted,
        remoteCameraOff: call.remoteCameraOff,
        cameraId,
        micId,
        signaling: signaling.state(),
        problem: notice,
      };
    } else if (ended) {
      view = { ...ended, signaling: signaling.state(), problem: notice, cameraId, micId };
    } else {
      view = { ...IDLE_VIEW, muted, cameraOff, cameraId, micId, signaling: signaling.state(), problem: notice };
    }
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
      if (c.ended) return;
      if (c.phase === 'incoming') end(c, 'missed');
      else if (c.phase === 'outgoing') end(c, 'unavailable');
      else end(c, 'remote-hung-up');
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
    if (c.ended) return;
    switch (m.type) {
      case 'accept':
        if (c.direction === 'out' && c.phase === 'outgoing') {
          c.phase = 'connecting';
          clearRing(c);
          setPresence(c, true);
          publish();
        }
        return;
      case 'decline':
        if (c.direction === 'out' && c.phase === 'outgoing') end(c, 'declined');
        return;
      case 'busy':
        if (c.direction === 'out' && c.phase === 'outgoing') end(c, 'busy');
        return;
      case 'cancel':
        if (c.direction === 'in' && (c.phase === 'incoming' || c.phase === 'connecting')) end(c, 'missed');
        return;
      case 'hangup':
        if (c.phase === 'incoming') end(c, 'missed');
        else if (c.phase === 'outgoing') end(c, 'unavailable');
        else end(c, 'remote-hung-up');
        return;
      case 'media':
        c.remoteMuted = m.muted;
        c.remoteCameraOff = m.cameraOff;
        publish();
        return;
      default: {
        const never: never = m;
        problem('unknown call message', never);
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
    ended = {
      ...IDLE_VIEW,
      phase: 'ended',
      contact: c.contact,
      contactAvatar: c.avatar,
      direction: c.direction,
      video: c.video,
      activeSince: c.activeSince,
      endReason: reason,
      remoteStream: null,
    };
    if (call === c) call = null;
    if (endedTimer) clearTimeout(endedTimer);
    endedTimer = setTimeout(() => {
      endedTimer = null;
      ended = null;
      publish();
    }, lingerMs);
    publish();
  }

  const newCall = (fields: Pick<Call, 'key' | 'id' | 'peerId' | 'contact' | 'avatar' | 'direction' | 'video'>): Call => ({
    ...fields,
    ringingSince: now(),
    phase: fields.direction === 'out' ? 'outgoing' : 'incoming',
    media: null,
    data: null,
    outbox: [],
    local: null,
    remote: null,
    remoteMuted: false,
    remoteCameraOff: false,
    activeSince: null,
    ringTimer: null,
    presence: false,
    answered: false,
    ended: false,
  });

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
  async function openLocal(c: Call, opening: Promise<OpenedMedia>): Promise<CallMedia | null> {
    let opened;
    try {
      opened = await opening;
    } catch (err) {
      notice = ((err as { problem?: MediaProblem }).problem ?? 'microphone-unavailable') as CallProblem;
      end(c, 'failed');
      return null;
    }
    if (opened.problem) notice = opened.problem;
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
      notice = 'needs-turn';
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
    const c = newCall({
      key: `${found.value.peerId} ${id}`,
      id,
      peerId: found.value.peerId,
      contact: found.value,
      avatar: null,
      direction: 'out',
      video: options.video,
    });
    startCall(c);
    publish();
    const [iceOk, local, online] = await Promise.all([iceReady(c), openLocal(c, opening), signaling.whenOnline(5_000)]);
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
      openLocal(c, openCallMedia(deps.media, c.video && options.video !== false, { cameraId, micId })),
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

  /** A screened friend's call: ring, unless another call is going on. */
  function ring(arrival: Arrival, contact: CallContact): boolean {
    if (call || !running) return false;
    const c = newCall({
      key: arrival.key,
      id: arrival.meta.callId,
      peerId: arrival.peerId,
      contact,
      avatar: arrival.meta.avatar,
      direction: 'in',
      video: arrival.meta.video,
    });
    startCall(c);
    if (arrival.media) attachMedia(c, arrival.media);
    if (arrival.data) attachData(c, arrival.data);
    c.ringTimer = setTimeout(() => {
      if (c.phase === 'incoming') end(c, 'missed');
    }, signaling.ringTimeoutMs() + CALLEE_GRACE_MS);
    publish();
    return true;
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
      running = true;
      signaling.start();
      publish();
    },
    stop(): void {
      running = false;
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

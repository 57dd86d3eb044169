/**
 * Getting our side of a call ready: camera and microphone (with the effects hook), fresh ICE
 * settings, and for our own call the offer itself. What goes wrong ends the call through the
 * state machine (`setup-failed`) and, for the call still going on, tells the child why.
 */
import type { CallDevices, OpenedForCall } from './call-devices';
import type { CallEvent } from './call-events';
import type { Live, LiveCalls } from './call-live';
import { preferRedundantAudio, redFirst, type CallMedia } from './call-media';
import { withStartBitrate } from './start-bitrate';
import { CALL_CHANNEL_LABEL, CALL_PROTOCOL_VERSION, newConnectionPair, pairOf, type CallMetadata } from './call-protocol';
import type { CallProblem } from './call-types';
import type { MediaProblem } from './media';
import { relayOnlyWithoutTurn, type Signaling } from './signaling';
import { traceCall } from './call-trace';
import type { CallIce } from '@hearth/common';
import type { CallOption, Peer, PeerConnectOption } from 'peerjs';

/** ICE settings asked of main ahead of need: what came back, or why not (never a rejected promise). */
export type PrefetchedIce = Promise<Readonly<{ ice: CallIce } | { error: unknown }>>;

/** How long our call waits for signaling to be online before the friend counts as unavailable. */
const ONLINE_WAIT_MS = 5_000;

export type CallSetupDeps = Readonly<{
  devices: CallDevices;
  signaling: Pick<Signaling, 'refreshIce' | 'whenOnline' | 'peer' | 'ringTimeoutMs'>;
  lives: LiveCalls;
  /** Whether this call is still the one going on (a call let go or ended is not). */
  isCurrent: (live: Live) => boolean;
  apply: (event: CallEvent, live: Live) => void;
  /** Something the child should know about the call going on. */
  tell: (notice: CallProblem) => void;
  /** Our mute and camera switches now. */
  switches: () => Readonly<{ muted: boolean; cameraOff: boolean }>;
  myAvatar?: () => string | null;
  problem: (message: string, details?: unknown) => void;
}>;

export type CallSetup = Readonly<{
  /** Callee, after `accept`: our media and ICE, then `answer-ready`. */
  prepareAnswer: (live: Live, video: boolean) => Promise<void>;
  /** Callee, while the call rings: fresh ICE settings and the effects hook, never the camera (`live.ahead`). */
  readyAhead: (live: Live) => void;
  /** Starts fetching fresh ICE settings now (the caller's, while main checks the contact). */
  prefetchIce: () => PrefetchedIce;
  /** Caller: our media and ICE (`ice`: fetched ahead, else now), then the offer to the friend (`sent`). */
  place: (live: Live, opened: OpenedForCall, ice?: PrefetchedIce) => Promise<void>;
  /**
   * Caller, while reconnecting (issue 18): the same call (same call id, same media) on fresh
   * connections; nothing when signaling is not online (the next attempt tries again).
   */
  redial: (live: Live) => void;
  /**
   * Caller, after a recovery: the call's control channel never opened (its offer was lost on the
   * way, or its own connection never came up), so it is offered again for the media now in use;
   * the friend takes it in place of theirs (`channelFor`). Nothing when signaling is not online.
   */
  reopenChannel: (live: Live) => void;
}>;

/**
 * One offer of our call: its media and its control channel, with paired connection ids (the
 * callee pairs a re-dial's two by them). PeerJS takes `connectionId` from the options as it is.
 */
function offer(peer: Peer, peerId: string, local: CallMedia, metadata: CallMetadata) {
  const ids = newConnectionPair();
  const media = peer.call(peerId, local.sent, { metadata, connectionId: ids.media, sdpTransform: offerSdp } as CallOption);
  preferRedundantAudio(media);
  return { media, data: controlChannel(peer, peerId, metadata, ids.data) };
}

/** Our media offer: audio with redundancy first, video from a start estimate that fits its size. */
const offerSdp = (sdp: string): string => withStartBitrate(redFirst(sdp));

/** The offer of a call's control channel (a data connection of its own). */
function controlChannel(peer: Peer, peerId: string, metadata: CallMetadata, connectionId: string) {
  return peer.connect(peerId, {
    label: CALL_CHANNEL_LABEL,
    serialization: 'json',
    reliable: true,
    metadata,
    connectionId,
  } as PeerConnectOption);
}

export function createCallSetup(deps: CallSetupDeps): CallSetup {
  const { devices, signaling, isCurrent, apply, tell } = deps;
  const failed = (live: Live): void => apply({ type: 'setup-failed', reason: 'failed' }, live);
  const metadataOf = (live: Live, local: CallMedia): CallMetadata => ({
    v: CALL_PROTOCOL_VERSION,
    callId: live.call.id,
    video: local.hasVideo,
    avatar: deps.myAvatar?.() ?? null,
  });

  /** Camera and microphone for a call, with the effects hook applied; null (and the call ended) on failure. */
  async function openLocal(live: Live, { opening, preparing }: OpenedForCall): Promise<CallMedia | null> {
    let opened;
    try {
      [opened] = await Promise.all([opening, preparing]);
    } catch (err) {
      // A call let go for a crossed one says nothing: the call the child is in now is not this one.
      if (isCurrent(live)) tell(((err as { problem?: MediaProblem }).problem ?? 'microphone-unavailable') as CallProblem);
      failed(live);
      return null;
    }
    if (opened.problem && isCurrent(live)) tell(opened.problem);
    const local = await devices.wrap(opened.stream);
    traceCall(live.call.direction === 'in' ? 'callee-camera-ready' : 'camera-ready');
    if (!isCurrent(live)) {
      local.stop();
      return null;
    }
    live.local = local;
    const { muted, cameraOff } = deps.switches();
    local.setMuted(muted);
    local.setCameraOff(cameraOff);
    apply({ type: 'local-ready' }, live);
    return local;
  }

  const prefetchIce = (): PrefetchedIce =>
    signaling.refreshIce().then(
      (ice) => ({ ice }),
      (error: unknown) => ({ error }),
    );

  async function iceReady(live: Live, fetched: PrefetchedIce = prefetchIce()): Promise<boolean> {
    const got = await fetched;
    traceCall(live.call.direction === 'in' ? 'callee-ice-ready' : 'ice-ready');
    if ('error' in got) deps.problem('could not get ICE servers', got.error);
    else if (!relayOnlyWithoutTurn(got.ice)) return true;
    else if (isCurrent(live)) tell('needs-turn');
    failed(live);
    return false;
  }

  return Object.freeze({
    prefetchIce,
    readyAhead(live: Live): void {
      live.ahead ??= { ice: prefetchIce(), preparing: devices.prepare() };
    },
    async prepareAnswer(live: Live, video: boolean): Promise<void> {
      const { ahead } = live;
      // What the ring fetched, unless that failed (a passing IPC or relay error): then ask again now.
      const ice = ahead?.ice.then((got) => ('error' in got ? prefetchIce() : got));
      const [iceOk, local] = await Promise.all([iceReady(live, ice), openLocal(live, devices.open(video, ahead?.preparing))]);
      if (!iceOk || !local) return;
      traceCall('answered');
      apply({ type: 'answer-ready', ...deps.switches() }, live);
    },
    async place(live: Live, opened: OpenedForCall, ice?: PrefetchedIce): Promise<void> {
      const [iceOk, local, online] = await Promise.all([
        iceReady(live, ice),
        openLocal(live, opened),
        signaling.whenOnline(ONLINE_WAIT_MS),
      ]);
      if (!isCurrent(live) || !iceOk || !local) return;
      const peer = signaling.peer();
      const unavailable = (): void => apply({ type: 'setup-failed', reason: 'unavailable' }, live);
      if (!online || !peer) return unavailable();
      const { media, data } = offer(peer, live.call.peerId, local, metadataOf(live, local));
      if (!media || !data) return unavailable();
      deps.lives.attachMedia(live, media);
      deps.lives.attachData(live, data);
      traceCall('offer-sent');
      data.once('open', () => traceCall('channel-open'));
      apply({ type: 'sent', ringTimeoutMs: signaling.ringTimeoutMs() }, live);
    },
    redial(live: Live): void {
      const peer = signaling.peer();
      const local = live.local;
      if (!peer || peer.disconnected || peer.destroyed || !local || !isCurrent(live)) return;
      const { media, data } = offer(peer, live.call.peerId, local, metadataOf(live, local));
      if (media && data) deps.lives.attachPending(live, media, data);
    },
    reopenChannel(live: Live): void {
      const peer = signaling.peer();
      const local = live.local;
      const pair = pairOf(live.media?.connectionId);
      if (!peer || peer.disconnected || peer.destroyed || !local || pair === null || !isCurrent(live)) return;
      const metadata = { ...metadataOf(live, local), channelFor: pair };
      const data = controlChannel(peer, live.call.peerId, metadata, newConnectionPair().data);
      if (data) deps.lives.reopen(live, data);
    },
  });
}

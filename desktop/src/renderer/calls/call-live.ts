/**
 * A call going on as the call service holds it: the state machine's plain `call` beside what
 * belongs to it (its two PeerJS connections, our media, the friend's stream, the ring timer).
 * Here the connections' events become state machine events, and the effects on one call's
 * connections, media and timer are carried out.
 */
import type { PrefetchedIce } from './call-setup';
import type { CallContact, GameEnvelope } from '@hearth/common';
import type { DataConnection, MediaConnection } from 'peerjs';
import { createControlChannel, type ControlChannel } from './call-channel';
import type { CallEffect, CallEvent, Offer } from './call-events';
import { preferRedundantAudio, type CallMedia } from './call-media';
import { withStartBitrate } from './start-bitrate';
import { newCallLogId, pairOf, parseCallMetadata } from './call-protocol';
import type { Arrival } from './call-screening';
import type { Call } from './call-state';
import { traceCall } from './call-trace';

export type Live = {
  call: Call;
  readonly channel: ControlChannel;
  media: MediaConnection | null;
  /** The control channel's data connection now. */
  data: DataConnection | null;
  /**
   * A recovery's fresh connections (issue 18): they take over from `media` and `data` once the
   * friend's media arrives on them; until then the old ones stay (the old path may come back).
   * `datas`: the control channels offered with it (the callee may hear of a re-dial's channel
   * before or after its media, and of a later re-dial's too); the one paired with `media` goes.
   */
  pending: { media: MediaConnection | null; datas: DataConnection[]; answered: boolean } | null;
  /**
   * Callee: a recovery took over a re-dial's media before its control channel arrived; this is
   * that channel's pair (`pairOf`), taken when it comes.
   */
  awaitingData: string | null;
  local: CallMedia | null;
  remote: MediaStream | null;
  ring: ReturnType<typeof setTimeout> | null;
  /** The recovery's limit and its next attempt. */
  reconnect: ReturnType<typeof setTimeout> | null;
  redial: ReturnType<typeof setTimeout> | null;
  /** The answer being prepared after `accept` (callee). */
  answering: Promise<void> | null;
  /**
   * Callee: what is readied while the call rings, so that `accept` waits only for the camera:
   * fresh ICE settings and the effects hook (never the camera or microphone).
   */
  ahead: Readonly<{ ice: PrefetchedIce; preparing: Promise<void> }> | null;
};

/** Effects carried out on one call's connections, media and timer. */
export type LiveEffect = Extract<
  CallEffect,
  Readonly<{
    type:
      'arm-ring' | 'stop-ring' | 'send' | 'answer' | 'release' | 'arm-reconnect' | 'arm-redial' | 'reconnected' | 'take-redial';
  }>
>;

export type LiveCallsDeps = Readonly<{
  /** Steps that call through an event (ignored once it is over). */
  apply: (event: CallEvent, live: Live) => void;
  problem: (message: string, details?: unknown) => void;
  /** A game move from the friend on that call's data channel (checked against the protocol only). */
  game?: (live: Live, envelope: GameEnvelope) => void;
  /**
   * The call's control channel moved to a recovery's connection: what the friend must know of this
   * side (mute, camera) is said again on it, since what went out on the old path may be lost.
   */
  channelMoved?: (live: Live) => void;
}>;

export type LiveCalls = Readonly<{
  create: (call: Call) => Live;
  attachMedia: (live: Live, media: MediaConnection) => void;
  attachData: (live: Live, data: DataConnection) => void;
  /** An arriving connection of the call `live` (callee): joins it, or is closed when it has one. */
  join: (live: Live, conn: MediaConnection | DataConnection, kind: 'media' | 'data') => void;
  /**
   * Callee, while reconnecting: the friend's re-dial of this call (its key checked by the
   * caller of this). The state machine decides whether it is taken; if not, it is closed.
   */
  rejoin: (live: Live, conn: MediaConnection | DataConnection, kind: 'media' | 'data') => void;
  /** Caller: a re-dial's fresh connections, pending until the friend's media arrives on them. */
  attachPending: (live: Live, media: MediaConnection, data: DataConnection) => void;
  /** Caller: a control channel offered again (`reopenChannel`): the call's channel moves to it now. */
  reopen: (live: Live, data: DataConnection) => void;
  run: (effect: LiveEffect, live: Live) => void;
}>;

/** How long the old connections stay after a recovery's new ones took over. */
const OLD_CLOSE_DELAY_MS = 3_000;
/** The most control channels a callee keeps for re-dials not taken yet (the oldest is closed). */
const PENDING_DATAS_MAX = 4;

/**
 * The control channel offered with `media`: the one with its pair, null when it has not come
 * yet; for an offer without paired ids (an app before them), the latest.
 */
function dataFor(media: MediaConnection, datas: readonly DataConnection[]): DataConnection | null {
  const pair = pairOf(media.connectionId);
  if (pair === null) return datas.at(-1) ?? null;
  return datas.find((d) => pairOf(d.connectionId) === pair) ?? null;
}

/** How long the friend's stream waits for our answer to leave at most (it leaves within ms). */
const ANSWER_WAIT_MS = 1_000;

/**
 * Runs `go` once our answer on `media` has left (its connection no longer in `from`; for an offer,
 * `stable`), or at once when none is under way, a second at most. On the
 * callee PeerJS hands the friend's stream over while it is still making the answer: drawing the
 * friend's video right then (a new video element, the call turning active) held the answer up by
 * tens of ms on a slow PC (issue 18), and nothing can show before the media path is up anyway.
 */
function afterOurDescription(media: MediaConnection, go: () => void, from: RTCSignalingState = 'have-remote-offer'): void {
  const pc = media.peerConnection as RTCPeerConnection | null | undefined;
  if (!pc || pc.signalingState !== from) return go();
  let done = false;
  const once = (): void => {
    if (done || pc.signalingState === from) return;
    done = true;
    clearTimeout(timer);
    pc.removeEventListener('signalingstatechange', once);
    // After the task in which the answer is set: PeerJS sends it right after, in that task.
    setTimeout(go, 0);
  };
  const timer = setTimeout(() => {
    if (done) return;
    done = true;
    pc.removeEventListener('signalingstatechange', once);
    go();
  }, ANSWER_WAIT_MS);
  pc.addEventListener('signalingstatechange', once);
}

/**
 * Resolves once our offer (`from` 'stable') or answer (`from` 'have-remote-offer') on `media` has
 * left, at once when there is none under way, and after a second at most.
 */
export function ourDescriptionLeft(media: MediaConnection | null, from: 'stable' | 'have-remote-offer'): Promise<void> {
  return new Promise((resolve) => (media ? afterOurDescription(media, resolve, from) : resolve()));
}

export function createLiveCalls({ apply, problem, game, channelMoved }: LiveCallsDeps): LiveCalls {
  /** Only the call's connections now speak for it: old ones replaced by a recovery are not heard. */
  const attachMedia = (live: Live, media: MediaConnection, pending = false): void => {
    if (!pending) live.media = media;
    media.on('stream', (stream) => {
      if (live.pending?.media === media) takeOver(live);
      if (live.media !== media) return;
      live.remote = stream;
      traceCall('remote-stream');
      afterOurDescription(media, () => {
        if (live.media === media) apply({ type: 'remote-stream' }, live);
      });
    });
    media.on('close', () => {
      if (live.pending?.media === media) dropPendingMedia(live);
      // While a recovery is under way the other side may let the old connections go first.
      else if (live.media === media && !live.pending) apply({ type: 'media-closed' }, live);
    });
    media.on('error', (err) => {
      problem('call media error', err);
      if (live.media === media) apply({ type: 'media-error' }, live);
    });
  };

  const attachData = (live: Live, data: DataConnection): void => {
    live.data = data;
    live.channel.attach(data, {
      message: (message) => {
        if (live.data === data) apply({ type: 'message', message }, live);
      },
      close: () => {
        // (The old channel of a recovery closing before its new one came says nothing either.)
        if (live.data === data && !live.pending && live.awaitingData === null) apply({ type: 'channel-closed' }, live);
      },
      game: (m) => {
        if (live.data === data) game?.(live, m.envelope);
      },
    });
  };

  /** A recovery's connections carry the friend's media: they become the call's, the old ones go. */
  const takeOver = (live: Live): void => {
    const pending = live.pending;
    if (!pending?.media) return;
    const oldMedia = live.media;
    const data = dataFor(pending.media, pending.datas);
    live.pending = null;
    live.media = pending.media;
    for (const d of pending.datas) if (d !== data) d.close();
    // Its control channel may still be on its way (the callee's media can be there first).
    live.awaitingData = data ? null : pairOf(pending.media.connectionId);
    traceCall('took-over');
    if (data) moveChannel(live, data);
    else {
      traceCall('channel-held');
      live.channel.hold();
    }
    // A moment later, so the friend has moved over too before the old media closes under it.
    setTimeout(() => oldMedia?.close(), OLD_CLOSE_DELAY_MS);
  };

  /** The control channel moves to `data`; the old one closes a moment later (the friend moves too). */
  const moveChannel = (live: Live, data: DataConnection): void => {
    const old = live.data;
    traceCall('channel-moved');
    attachData(live, data);
    if (old && old !== data) setTimeout(() => old.close(), OLD_CLOSE_DELAY_MS);
    channelMoved?.(live);
  };

  /**
   * The control channel of the re-dial that brought the call back, come after its media (which
   * the callee answers at once): the channel moves to it. False where `data` is not that one.
   */
  const takeAwaited = (live: Live, data: DataConnection): boolean => {
    if (live.awaitingData === null || pairOf(data.connectionId) !== live.awaitingData) return false;
    traceCall('channel-awaited');
    live.awaitingData = null;
    moveChannel(live, data);
    return true;
  };

  /**
   * The caller's control channel offered again for the media the call now uses (its earlier one
   * never opened): it replaces ours, whether ours is held for a channel that never came or is
   * one that never opened. False where `data` is not that (an old re-dial's, another media's).
   */
  const takeReopened = (live: Live, data: DataConnection): boolean => {
    const pair = pairOf(live.media?.connectionId);
    if (live.call.phase !== 'active' || pair === null || parseCallMetadata(data.metadata)?.channelFor !== pair) return false;
    traceCall('channel-reopened');
    live.awaitingData = null;
    moveChannel(live, data);
    return true;
  };

  const dropPending = (live: Live): void => {
    live.pending?.media?.close();
    for (const d of live.pending?.datas ?? []) d.close();
    live.pending = null;
  };

  /** The pending media is gone: its channel goes too; channels of later re-dials stay for theirs. */
  const dropPendingMedia = (live: Live): void => {
    const pending = live.pending;
    if (!pending?.media) return;
    const mine = dataFor(pending.media, pending.datas);
    mine?.close();
    const rest = pending.datas.filter((d) => d !== mine);
    live.pending = rest.length > 0 ? { media: null, datas: rest, answered: false } : null;
  };

  return Object.freeze({
    create: (call: Call): Live => ({
      call,
      channel: createControlChannel(problem),
      media: null,
      data: null,
      pending: null,
      awaitingData: null,
      local: null,
      remote: null,
      ring: null,
      reconnect: null,
      redial: null,
      answering: null,
      ahead: null,
    }),
    attachMedia,
    attachData,
    join(live: Live, conn: MediaConnection | DataConnection, kind: 'media' | 'data'): void {
      if (kind === 'media' && !live.media) {
        attachMedia(live, conn as MediaConnection);
        apply({ type: 'media-offer' }, live);
      } else if (kind === 'data' && takeAwaited(live, conn as DataConnection)) return;
      else if (kind === 'data' && takeReopened(live, conn as DataConnection)) return;
      else if (kind === 'data' && !live.channel.attached()) attachData(live, conn as DataConnection);
      else conn.close();
    },
    rejoin(live: Live, conn: MediaConnection | DataConnection, kind: 'media' | 'data'): void {
      traceCall(kind === 'data' ? 'rejoin-data' : 'rejoin-media');
      // The channel of the re-dial taken already, there before its call turned active again.
      if (kind === 'data' && takeAwaited(live, conn as DataConnection)) return;
      const pending = (live.pending ??= { media: null, datas: [], answered: false });
      if (kind === 'data') {
        pending.datas.push(conn as DataConnection);
        if (pending.datas.length > PENDING_DATAS_MAX) pending.datas.shift()?.close();
        return;
      }
      // A later re-dial replaces the one not taken yet, with its channel (not those of later ones).
      const old = pending.media;
      if (old) {
        const oldData = dataFor(old, pending.datas);
        pending.media = null; // (before it closes: its close handler then leaves this pending alone)
        pending.datas = pending.datas.filter((d) => d !== oldData);
        oldData?.close();
        old.close();
      }
      pending.media = conn as MediaConnection;
      pending.answered = false;
      attachMedia(live, conn as MediaConnection, true);
      apply({ type: 'redial-offer' }, live);
      if (live.pending === pending && !pending.answered) dropPending(live);
    },
    attachPending(live: Live, media: MediaConnection, data: DataConnection): void {
      dropPending(live);
      live.pending = { media, datas: [data], answered: true };
      attachMedia(live, media, true);
    },
    reopen(live: Live, data: DataConnection): void {
      traceCall('channel-reopened');
      moveChannel(live, data);
    },
    run(effect: LiveEffect, live: Live): void {
      switch (effect.type) {
        case 'arm-ring':
          live.ring = setTimeout(() => apply({ type: 'ring-timeout' }, live), effect.ms);
          return;
        case 'stop-ring':
          return clearTimeout(live.ring ?? undefined);
        case 'send':
          return live.channel.send(effect.message);
        case 'answer':
          try {
            live.media?.answer(live.local?.sent, { sdpTransform: withStartBitrate });
            preferRedundantAudio(live.media);
          } catch (err) {
            problem('could not answer', err);
            apply({ type: 'answer-failed' }, live);
          }
          return;
        case 'release':
          for (const t of [live.ring, live.reconnect, live.redial]) clearTimeout(t ?? undefined);
          live.local?.stop();
          dropPending(live);
          live.media?.close();
          return live.channel.close(effect.gently);
        case 'arm-reconnect':
          clearTimeout(live.reconnect ?? undefined);
          live.reconnect = setTimeout(() => apply({ type: 'reconnect-timeout' }, live), effect.ms);
          return;
        case 'arm-redial':
          clearTimeout(live.redial ?? undefined);
          live.redial = setTimeout(() => apply({ type: 'redial-due' }, live), effect.ms);
          return;
        case 'reconnected':
          // A re-dial the friend may have answered is kept: both sides then move over to it.
          for (const t of [live.reconnect, live.redial]) clearTimeout(t ?? undefined);
          live.reconnect = live.redial = null;
          return;
        case 'take-redial':
          try {
            if (live.pending?.media && live.local) {
              live.pending.media.answer(live.local.sent, { sdpTransform: withStartBitrate });
              preferRedundantAudio(live.pending.media);
              live.pending.answered = true;
            }
          } catch (err) {
            problem('could not answer a re-dial', err);
          }
          return;
        default: {
          const never: never = effect;
          problem('unknown call effect', never);
        }
      }
    },
  });
}

/** A screened friend's call as the state machine hears of it. */
export function offerOf(arrival: Arrival, contact: CallContact): Offer {
  return {
    key: arrival.key,
    id: arrival.meta.callId,
    // Our own log's id for it (never the caller's word).
    logId: newCallLogId(Date.now()),
    peerId: arrival.peerId,
    contact,
    // The picture the relay knows for this friend; the caller's own word only if it has none.
    avatar: contact.avatar ?? arrival.meta.avatar,
    video: arrival.meta.video,
    withMedia: arrival.media !== null,
  };
}

/**
 * A call going on as the call service holds it: the state machine's plain `call` beside what
 * belongs to it (its two PeerJS connections, our media, the friend's stream, the ring timer).
 * Here the connections' events become state machine events, and the effects on one call's
 * connections, media and timer are carried out.
 */
import type { CallContact, GameEnvelope } from '@hearth/common';
import type { DataConnection, MediaConnection } from 'peerjs';
import { createControlChannel, type ControlChannel } from './call-channel';
import type { CallEffect, CallEvent, Offer } from './call-events';
import type { CallMedia } from './call-media';
import { newCallLogId } from './call-protocol';
import type { Arrival } from './call-screening';
import type { Call } from './call-state';

export type Live = {
  call: Call;
  readonly channel: ControlChannel;
  media: MediaConnection | null;
  local: CallMedia | null;
  remote: MediaStream | null;
  ring: ReturnType<typeof setTimeout> | null;
  /** The answer being prepared after `accept` (callee). */
  answering: Promise<void> | null;
};

/** Effects carried out on one call's connections, media and timer. */
export type LiveEffect = Extract<CallEffect, Readonly<{ type: 'arm-ring' | 'stop-ring' | 'send' | 'answer' | 'release' }>>;

export type LiveCallsDeps = Readonly<{
  /** Steps that call through an event (ignored once it is over). */
  apply: (event: CallEvent, live: Live) => void;
  problem: (message: string, details?: unknown) => void;
  /** A game move from the friend on that call's data channel (checked against the protocol only). */
  game?: (live: Live, envelope: GameEnvelope) => void;
}>;

export type LiveCalls = Readonly<{
  create: (call: Call) => Live;
  attachMedia: (live: Live, media: MediaConnection) => void;
  attachData: (live: Live, data: DataConnection) => void;
  /** An arriving connection of the call `live` (callee): joins it, or is closed when it has one. */
  join: (live: Live, conn: MediaConnection | DataConnection, kind: 'media' | 'data') => void;
  run: (effect: LiveEffect, live: Live) => void;
}>;

export function createLiveCalls({ apply, problem, game }: LiveCallsDeps): LiveCalls {
  const attachMedia = (live: Live, media: MediaConnection): void => {
    live.media = media;
    media.on('stream', (stream) => {
      live.remote = stream;
      apply({ type: 'remote-stream' }, live);
    });
    media.on('close', () => apply({ type: 'media-closed' }, live));
    media.on('error', (err) => {
      problem('call media error', err);
      apply({ type: 'media-error' }, live);
    });
  };

  const attachData = (live: Live, data: DataConnection): void =>
    live.channel.attach(data, {
      message: (message) => apply({ type: 'message', message }, live),
      close: () => apply({ type: 'channel-closed' }, live),
      game: (m) => game?.(live, m.envelope),
    });

  return Object.freeze({
    create: (call: Call): Live => ({
      call,
      channel: createControlChannel(problem),
      media: null,
      local: null,
      remote: null,
      ring: null,
      answering: null,
    }),
    attachMedia,
    attachData,
    join(live: Live, conn: MediaConnection | DataConnection, kind: 'media' | 'data'): void {
      if (kind === 'media' && !live.media) {
        attachMedia(live, conn as MediaConnection);
        apply({ type: 'media-offer' }, live);
      } else if (kind === 'data' && !live.channel.attached()) attachData(live, conn as DataConnection);
      else conn.close();
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
            live.media?.answer(live.local?.sent);
          } catch (err) {
            problem('could not answer', err);
            apply({ type: 'answer-failed' }, live);
          }
          return;
        case 'release':
          clearTimeout(live.ring ?? undefined);
          live.local?.stop();
          live.media?.close();
          return live.channel.close(effect.gently);
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

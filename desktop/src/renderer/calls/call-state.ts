/**
 * One call as the call service keeps it, what the UI sees of it, and what each thing the other
 * side says or does means for it. Pure decisions: the service carries them out.
 */
import type { CallContact } from '@hearth/common';
import type { DataConnection, MediaConnection } from 'peerjs';
import type { CallMedia } from './call-media';
import type { CallMessage } from './call-protocol';
import { IDLE_VIEW, type CallEndReason, type CallPhase, type CallView } from './call-types';

export type Call = {
  /** `peerId callId`: what both of the call's connections carry. */
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
  /** Control messages waiting for the control channel. */
  outbox: CallMessage[];
  local: CallMedia | null;
  remote: MediaStream | null;
  remoteMuted: boolean;
  remoteCameraOff: boolean;
  activeSince: number | null;
  ringTimer: ReturnType<typeof setTimeout> | null;
  /** We told the relay we are in a call. */
  presence: boolean;
  /** The media offer was answered (callee). */
  answered: boolean;
  ended: boolean;
};

export type NewCall = Pick<Call, 'key' | 'id' | 'peerId' | 'contact' | 'avatar' | 'direction' | 'video'>;

export function newCall(fields: NewCall, now: number): Call {
  return {
    ...fields,
    ringingSince: now,
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
  };
}

/** What is not part of a call but shows with it. */
export type ViewExtras = Pick<CallView, 'muted' | 'cameraOff' | 'cameraId' | 'micId' | 'signaling' | 'problem'>;

export function viewOfCall(c: Call, extras: ViewExtras): CallView {
  return {
    ...extras,
    phase: c.phase,
    contact: c.contact,
    contactAvatar: c.avatar,
    direction: c.direction,
    video: c.video,
    activeSince: c.activeSince,
    endReason: null,
    localPreview: c.local?.preview ?? null,
    remoteStream: c.remote,
    remoteMuted: c.remoteMuted,
    remoteCameraOff: c.remoteCameraOff,
  };
}

/** The "call ended" screen (no media any more). */
export function endedView(c: Call, reason: CallEndReason): CallView {
  return {
    ...IDLE_VIEW,
    phase: 'ended',
    contact: c.contact,
    contactAvatar: c.avatar,
    direction: c.direction,
    video: c.video,
    activeSince: c.activeSince,
    endReason: reason,
  };
}

/** What a control message from the other side does to a call. */
export type MessageEffect =
  | Readonly<{ kind: 'ignore' }>
  | Readonly<{ kind: 'answered' }>
  | Readonly<{ kind: 'end'; reason: CallEndReason }>
  | Readonly<{ kind: 'media'; muted: boolean; cameraOff: boolean }>;

const IGNORE: MessageEffect = { kind: 'ignore' };
const endWith = (reason: CallEndReason): MessageEffect => ({ kind: 'end', reason });

export function effectOfMessage(c: Pick<Call, 'direction' | 'phase' | 'ended'>, m: CallMessage): MessageEffect {
  if (c.ended) return IGNORE;
  const ringingOut = c.direction === 'out' && c.phase === 'outgoing';
  switch (m.type) {
    case 'accept':
      return ringingOut ? { kind: 'answered' } : IGNORE;
    case 'decline':
      return ringingOut ? endWith('declined') : IGNORE;
    case 'busy':
      return ringingOut ? endWith('busy') : IGNORE;
    case 'cancel':
      return c.direction === 'in' && (c.phase === 'incoming' || c.phase === 'connecting') ? endWith('missed') : IGNORE;
    case 'hangup':
      return endWith(endReasonWhenGone(c.phase));
    case 'media':
      return { kind: 'media', muted: m.muted, cameraOff: m.cameraOff };
    default: {
      const never: never = m;
      throw new Error(`unknown call message ${JSON.stringify(never)}`);
    }
  }
}

/** Why a call ends when the other side goes away (hang-up, or its control channel closed) in this phase. */
export function endReasonWhenGone(phase: CallPhase): CallEndReason {
  switch (phase) {
    case 'incoming':
      return 'missed';
    case 'outgoing':
      return 'unavailable';
    case 'connecting':
    case 'active':
    case 'idle':
    case 'ended':
      return 'remote-hung-up';
    default: {
      const never: never = phase;
      throw new Error(`unknown call phase ${String(never)}`);
    }
  }
}

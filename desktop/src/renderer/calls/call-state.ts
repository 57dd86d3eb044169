/**
 * One call as the call state machine keeps it (plain data: the connections, media and timers
 * that belong to it are the service's), what the UI sees of it, and what each thing the other
 * side says means for it. Pure decisions: the service carries them out.
 */
import type { CallContact } from '@hearth/common';
import type { CallMessage } from './call-protocol';
import { IDLE_VIEW, type CallEndReason, type CallPhase, type CallView } from './call-types';
import { unknownCase } from './unknown-case';

/** The phases a call is in while it exists (`idle` is no call; `ended` is only a screen). */
export type LivePhase = Exclude<CallPhase, 'idle' | 'ended'>;

export type Call = Readonly<{
  /** `peerId callId`: what both of the call's connections carry. */
  key: string;
  id: string;
  /** The call's id in our call log (a ULID made here as the call began; each side has its own). */
  logId: string;
  peerId: string;
  contact: CallContact;
  avatar: string | null;
  direction: 'in' | 'out';
  video: boolean;
  ringingSince: number;
  phase: LivePhase;
  /** Caller: our offer has left (its control channel exists). */
  sent: boolean;
  /** Callee: the friend's media offer is here. */
  offered: boolean;
  /** Our camera and microphone are open. */
  localReady: boolean;
  /** Callee: the media offer was answered. */
  answered: boolean;
  remoteMuted: boolean;
  remoteCameraOff: boolean;
  /** The friend paused their video for a slow line, and their line looks poor (issue 18). */
  remoteVoiceOnly: boolean;
  remotePoor: boolean;
  activeSince: number | null;
  /** When the media path broke (phase `reconnecting`), or null. */
  reconnectingSince: number | null;
  /** Recovery attempts made while reconnecting. */
  redials: number;
  /** We told the relay we are in a call. */
  presence: boolean;
}>;

export type NewCall = Pick<Call, 'key' | 'id' | 'logId' | 'peerId' | 'contact' | 'avatar' | 'direction' | 'video'>;

export function newCall(fields: NewCall, now: number): Call {
  return {
    ...fields,
    ringingSince: now,
    phase: fields.direction === 'out' ? 'outgoing' : 'incoming',
    sent: false,
    offered: false,
    localReady: false,
    answered: false,
    remoteMuted: false,
    remoteCameraOff: false,
    remoteVoiceOnly: false,
    remotePoor: false,
    activeSince: null,
    reconnectingSince: null,
    redials: 0,
    presence: false,
  };
}

/** What is not part of a call's state but shows with it. */
export type ViewExtras = Pick<
  CallView,
  'muted' | 'cameraOff' | 'cameraId' | 'micId' | 'signaling' | 'problem' | 'localPreview' | 'remoteStream'
>;

export function viewOfCall(c: Call, extras: ViewExtras): CallView {
  return {
    ...extras,
    phase: c.phase,
    contact: c.contact,
    callId: c.logId,
    contactAvatar: c.avatar,
    direction: c.direction,
    video: c.video,
    activeSince: c.activeSince,
    endReason: null,
    remoteMuted: c.remoteMuted,
    remoteCameraOff: c.remoteCameraOff,
    remoteVoiceOnly: c.remoteVoiceOnly,
    remotePoor: c.remotePoor,
  };
}

/** The "call ended" screen (no media any more). */
export function endedView(c: Call, reason: CallEndReason): CallView {
  return {
    ...IDLE_VIEW,
    phase: 'ended',
    contact: c.contact,
    callId: c.logId,
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
  | Readonly<{ kind: 'media'; muted: boolean; cameraOff: boolean }>
  | Readonly<{ kind: 'quality'; voiceOnly: boolean; poor: boolean }>;

const IGNORE: MessageEffect = { kind: 'ignore' };
const endWith = (reason: CallEndReason): MessageEffect => ({ kind: 'end', reason });

/** `ended`: the call is over (then nothing it hears matters). */
export function effectOfMessage(
  c: Readonly<{ direction: Call['direction']; phase: CallPhase; ended?: boolean }>,
  m: CallMessage,
): MessageEffect {
  if (c.ended === true) return IGNORE;
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
    case 'quality':
      return { kind: 'quality', voiceOnly: m.voiceOnly, poor: m.poor };
    default:
      return unknownCase('call message', m);
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
    case 'reconnecting':
    case 'idle':
    case 'ended':
      return 'remote-hung-up';
    default:
      return unknownCase('call phase', phase);
  }
}

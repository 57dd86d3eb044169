/** What the call UI reads from the call service. */
import type { CallContact, CallRecord } from '@hearth/common';
import type { MediaProblem } from './media';
import type { SignalingState } from './signaling';

export type CallPhase =
  /** No call. */
  | 'idle'
  /** We are calling; the friend's PC is ringing (or about to). */
  | 'outgoing'
  /** A friend is calling us: ring. */
  | 'incoming'
  /** Answered; the media is on its way. */
  | 'connecting'
  /** Talking. */
  | 'active'
  /** Talking, but the media path broke: the call is being recovered (issue 18); the child sees "Reconnecting…". */
  | 'reconnecting'
  /** Just ended: the screen says why for a moment, then `idle`. */
  | 'ended';

/** Why a call ended, as the UI tells it. */
export type CallEndReason =
  /** We hung up (or cancelled our own call before an answer). */
  | 'hung-up'
  /** The friend hung up. */
  | 'remote-hung-up'
  /** The friend said no. */
  | 'declined'
  /** We said no. */
  | 'we-declined'
  /** The friend was in another call. */
  | 'busy'
  /** Nobody answered our call in time. */
  | 'no-answer'
  /** We did not answer in time (or the caller gave up first). */
  | 'missed'
  /** The friend is not online (or the relay would not pass the call). */
  | 'unavailable'
  /** The connection could not be made or broke. */
  | 'failed'
  /** The media path broke mid-call and did not come back within 30 s. */
  | 'lost';

/** Something the child (or a grown-up) should know, shown beside the call. */
export type CallProblem =
  | MediaProblem
  /** Calls must go through the family's call server (a grown-ups' setting), but there is none. */
  | 'needs-turn'
  /** That contact cannot be called (not an active friend any more). */
  | 'not-callable'
  /** A call is already going on. */
  | 'already-in-call';

export type CallView = Readonly<{
  phase: CallPhase;
  /** The other side, from this PC's own contact list. */
  contact: CallContact | null;
  /** The id this call has (or will have) in the child's call log: a report made during it or on its end screen names it. */
  callId: string | null;
  /** The caller's bundled picture id, when they sent one. */
  contactAvatar: string | null;
  direction: CallRecord['direction'] | null;
  /** A video call (false: audio only). */
  video: boolean;
  /** When the call was answered (for the timer), or null. */
  activeSince: number | null;
  endReason: CallEndReason | null;
  /** What we show of ourselves: the outgoing video (effects included) and no audio. */
  localPreview: MediaStream | null;
  remoteStream: MediaStream | null;
  muted: boolean;
  cameraOff: boolean;
  remoteMuted: boolean;
  remoteCameraOff: boolean;
  /** The friend's video is paused because their line is slow (issue 18): a voice call for now. */
  remoteVoiceOnly: boolean;
  /** The friend's side says the line is poor (a quiet sign). */
  remotePoor: boolean;
  /** The chosen devices (null: the default). */
  cameraId: string | null;
  micId: string | null;
  signaling: SignalingState;
  problem: CallProblem | null;
}>;

export const IDLE_VIEW: CallView = Object.freeze({
  phase: 'idle',
  contact: null,
  callId: null,
  contactAvatar: null,
  direction: null,
  video: false,
  activeSince: null,
  endReason: null,
  localPreview: null,
  remoteStream: null,
  muted: false,
  cameraOff: false,
  remoteMuted: false,
  remoteCameraOff: false,
  remoteVoiceOnly: false,
  remotePoor: false,
  cameraId: null,
  micId: null,
  signaling: 'off',
  problem: null,
});

/** Turns the camera track into the track a call sends (e.g. the effects pipeline's output). */
export type VideoProcessor = ((camera: MediaStreamTrack) => ProcessedVideo | Promise<ProcessedVideo>) & {
  /**
   * Optional: called as a call starts, while the camera is still opening, so that slow preparation
   * (e.g. asking main for the child's choice) does not hold the call up after it.
   */
  readonly prepare?: () => Promise<void>;
};
export type ProcessedVideo = Readonly<{ track: MediaStreamTrack; stop: () => void }>;

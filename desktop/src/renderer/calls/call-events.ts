/**
 * What can happen to a call (events) and what the call service does about it (effects): the
 * vocabulary of the call state machine (`call-machine.ts`).
 *
 * Room for what comes next: each is one more member here and one more case in `step`, whose
 * exhaustive switches make the compiler list every place that must say what it does.
 * - Reconnecting (issue 18, `call-reconnect.ts`): `path-lost` / `path-back` events and a
 *   `reconnecting` phase between `active` and an end, ended by `reconnect-timeout`.
 * - A game beside the call: game messages travel on the control channel as `send` effects; a
 *   `game` event carries the friend's move to the game's own pure module.
 * - Quiet time ending a call, or a report hanging up: a `quiet-time` / `reported` event that ends
 *   the call with the phase's farewell (`farewellOf` in `call-machine.ts`), as `hang-up` does.
 */
import type { RecordCallArgs } from '@hearth/common';
import type { CallMessage } from './call-protocol';
import type { NewCall } from './call-state';
import type { CallEndReason } from './call-types';

/** A screened friend's call, as it arrived. */
export type Offer = Omit<NewCall, 'direction'> & Readonly<{ withMedia: boolean }>;

export type CallEvent =
  // ---- the child (or the app for it)
  /** Our new call to a contact (after main found the contact). */
  | Readonly<{ type: 'dial'; call: Omit<NewCall, 'direction'> }>
  /** Answer the ringing call; `video: false` answers without the camera. */
  | Readonly<{ type: 'accept'; video: boolean }>
  | Readonly<{ type: 'decline' }>
  | Readonly<{ type: 'hang-up' }>
  /** The profile left: the call ends as if hung up (a ringing one as missed). */
  | Readonly<{ type: 'stop' }>
  /** Our video paused for a slow line or came back, or our line turned poor or fine (issue 18): the friend is told. */
  | Readonly<{ type: 'local-quality'; voiceOnly: boolean; poor: boolean }>
  /** Our mute or camera switch changed: the friend is told. */
  | Readonly<{ type: 'local-state'; muted: boolean; cameraOff: boolean }>
  // ---- our side getting ready
  /** Our camera and microphone are open. */
  | Readonly<{ type: 'local-ready' }>
  /** Media, ICE or the relay let us down before the call got going. */
  | Readonly<{ type: 'setup-failed'; reason: 'failed' | 'unavailable' }>
  /** Our offer left (both connections made); `ringTimeoutMs` from the session. */
  | Readonly<{ type: 'sent'; ringTimeoutMs: number }>
  /** Callee: media and ICE are ready after `accept`. */
  | Readonly<{ type: 'answer-ready'; muted: boolean; cameraOff: boolean }>
  | Readonly<{ type: 'answer-failed' }>
  | Readonly<{ type: 'ring-timeout' }>
  // ---- the friend and the network
  /**
   * A screened friend's call arrived. `myPeerId`: ours on the relay (null while signaling is
   * down), which decides a crossed call.
   */
  | Readonly<{ type: 'offer'; offer: Offer; myPeerId: string | null; ringTimeoutMs: number }>
  /** Callee: the media half of the ringing call came after its control channel. */
  | Readonly<{ type: 'media-offer' }>
  | Readonly<{ type: 'message'; message: CallMessage }>
  /** The friend's media is here. */
  | Readonly<{ type: 'remote-stream' }>
  | Readonly<{ type: 'media-closed' }>
  | Readonly<{ type: 'media-error' }>
  | Readonly<{ type: 'channel-closed' }>
  /** The signaling client's error (PeerJS's `type` and message). */
  | Readonly<{ type: 'peer-error'; errorType: string; message: string }>
  // ---- a broken media path (issue 18, `call-reconnect.ts`)
  /** The media's ICE is disconnected or failed (for a moment already). */
  | Readonly<{ type: 'path-lost' }>
  /** The media's ICE is connected again by itself. */
  | Readonly<{ type: 'path-back' }>
  /** Time for the next recovery attempt. */
  | Readonly<{ type: 'redial-due' }>
  /** Callee: the friend's re-dial of this very call arrived (same peer, same call id) while reconnecting. */
  | Readonly<{ type: 'redial-offer' }>
  /** The path did not come back in time. */
  | Readonly<{ type: 'reconnect-timeout' }>;

/**
 * Effects, carried out in order. Those before a `start` are about the call the event was for;
 * from a `start` on, about the new call `step` returned.
 */
export type CallEffect =
  /** A new call: the last call's screen and notice go, mute and camera switches reset. */
  | Readonly<{ type: 'start' }>
  /** What becomes of a screened offer: rings (its connections join the call), busy, or dropped. */
  | Readonly<{ type: 'screened'; verdict: 'taken' | 'busy' | 'dropped' }>
  | Readonly<{ type: 'arm-ring'; ms: number }>
  | Readonly<{ type: 'stop-ring' }>
  /** Fetch fresh ICE settings (answering need not wait for them). */
  | Readonly<{ type: 'refresh-ice' }>
  /** On the control channel (queued until it is there). */
  | Readonly<{ type: 'send'; message: CallMessage }>
  | Readonly<{ type: 'presence'; inCall: boolean }>
  /** Callee: open camera (when `video`), microphone and ICE, then `answer-ready`. */
  | Readonly<{ type: 'open-answer'; video: boolean }>
  /** Callee: answer the media offer with our media. */
  | Readonly<{ type: 'answer' }>
  /**
   * The call's media stops and its connections close; `gently`: the control channel a moment
   * later, so a last message can leave (not so for our call let go for a crossed one).
   */
  | Readonly<{ type: 'release'; gently: boolean }>
  | Readonly<{ type: 'record'; entry: RecordCallArgs }>
  /** The "call ended" screen. */
  | Readonly<{ type: 'ended'; reason: CallEndReason }>
  /** For the log (never seen by the child). */
  | Readonly<{ type: 'problem'; message: string; details: unknown }>
  /** The call's recovery timers: the limit (`reconnect-timeout`) and the next attempt (`redial-due`). */
  | Readonly<{ type: 'arm-reconnect'; ms: number }>
  | Readonly<{ type: 'arm-redial'; ms: number }>
  /** The path is back: both recovery timers stop (a re-dial on its way still takes over if it arrives). */
  | Readonly<{ type: 'reconnected' }>
  /**
   * Caller: restart the media connection's ICE through the relay (`call-ice-restart.ts`);
   * `fallback`: re-dial instead where a restart cannot be tried.
   */
  | Readonly<{ type: 'ice-restart'; fallback: boolean }>
  /** Caller: the same call again on fresh connections (same call id), the old ones kept until it works. */
  | Readonly<{ type: 'redial' }>
  /** Callee: take the friend's re-dial (answer it with our media), without ringing. */
  | Readonly<{ type: 'take-redial' }>
  /** Reconnect the signaling socket at once (after an address change the old one is dead). */
  | Readonly<{ type: 'refresh-signaling' }>;

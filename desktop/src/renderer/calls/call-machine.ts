/**
 * The call as a pure state machine: `step(call, event, now)` is the next call (null: none) and
 * the effects the call service carries out. Every decision about a call is made here: when it
 * rings, connects, ends and why, what the other side is told as it ends (the farewell of each
 * phase), what goes into the log, and which call goes on when two friends call each other at the
 * same moment. The service only runs the effects on PeerJS, media and main.
 */
import { callRecordOf } from './call-log';
import type { CallMessage } from './call-protocol';
import type { CallEffect, CallEvent } from './call-events';
import { reconnectStep, recovered } from './call-reconnect';
import { effectOfMessage, endReasonWhenGone, newCall, type Call } from './call-state';
import type { CallEndReason } from './call-types';
import { unknownCase } from './unknown-case';

export type Step = Readonly<{ call: Call | null; effects: readonly CallEffect[] }>;

/** Extra ringing on the callee's side: the caller's own timeout (and its `cancel`) normally ends it first. */
export const CALLEE_GRACE_MS = 2_000;

const STOP_RING: CallEffect = { type: 'stop-ring' };
const CANCEL: CallMessage = { type: 'cancel', reason: 'hangup' };
const HANGUP: CallMessage = { type: 'hangup' };
const same = (call: Call | null): Step => ({ call, effects: [] });

export function step(call: Call | null, event: CallEvent, now: number): Step {
  switch (event.type) {
    case 'dial':
      // A call that came in while main looked the contact up wins: ours is not made.
      return call ? same(call) : { call: newCall({ ...event.call, direction: 'out' }, now), effects: [{ type: 'start' }] };
    case 'offer':
      return offered(call, event, now);
    case 'peer-error':
      if (event.errorType === 'peer-unavailable' && call?.direction === 'out' && call.phase === 'outgoing') {
        return event.message.includes(call.peerId) ? end(call, 'unavailable', now) : same(call);
      }
      return { call, effects: [{ type: 'problem', message: `signaling error: ${event.errorType}`, details: event.message }] };
    default:
      return call ? stepCall(call, event, now) : same(null);
  }
}

type CallOnlyEvent = Exclude<CallEvent, Readonly<{ type: 'dial' | 'offer' | 'peer-error' }>>;

/** Events that matter only while there is a call. */
function stepCall(c: Call, event: CallOnlyEvent, now: number): Step {
  switch (event.type) {
    case 'accept':
      if (c.direction !== 'in' || c.phase !== 'incoming') return same(c);
      return {
        call: { ...c, phase: 'connecting', presence: true },
        effects: [STOP_RING, ...presenceOn(c), { type: 'open-answer', video: c.video && event.video }],
      };
    case 'decline':
      return c.phase === 'incoming' ? hangUp(c, now) : same(c);
    case 'hang-up':
      return hangUp(c, now);
    case 'stop':
      // The profile left: a ringing call is missed, and the friend hears a hang-up, never a decline.
      return end(c, c.phase === 'incoming' ? 'missed' : 'hung-up', now, c.phase === 'outgoing' ? CANCEL : HANGUP);
    case 'local-state':
      return { call: c, effects: [send({ type: 'media', muted: event.muted, cameraOff: event.cameraOff })] };
    case 'local-quality':
      return { call: c, effects: [send({ type: 'quality', voiceOnly: event.voiceOnly, poor: event.poor })] };
    case 'local-ready':
      return { call: { ...c, localReady: true }, effects: [] };
    case 'setup-failed':
      return end(c, event.reason, now);
    case 'sent':
      if (c.direction !== 'out' || c.sent) return same(c);
      return { call: { ...c, sent: true }, effects: [{ type: 'arm-ring', ms: event.ringTimeoutMs }] };
    case 'answer-ready': {
      if (c.direction !== 'in') return same(c);
      const answered = answerIfOffered(c);
      const media = send({ type: 'media', muted: event.muted, cameraOff: event.cameraOff });
      return { call: answered.call, effects: [...answered.effects, send({ type: 'accept' }), media] };
    }
    case 'answer-failed':
      return end(c, 'failed', now);
    case 'ring-timeout':
      if (c.phase === 'outgoing') return end(c, 'no-answer', now, { type: 'cancel', reason: 'timeout' });
      return c.phase === 'incoming' ? end(c, 'missed', now) : same(c);
    case 'media-offer':
      return c.direction === 'in' ? answerIfOffered({ ...c, offered: true }) : same(c);
    case 'message':
      return heard(c, event.message, now);
    case 'remote-stream':
      if (c.phase === 'reconnecting') return recovered(c);
      if (c.phase !== 'outgoing' && c.phase !== 'connecting') return same(c);
      return { call: { ...c, phase: 'active', activeSince: now, presence: true }, effects: [STOP_RING, ...presenceOn(c)] };
    case 'media-closed':
      return c.phase === 'active' || c.phase === 'connecting' ? end(c, 'remote-hung-up', now) : same(c);
    case 'media-error':
      return c.phase === 'incoming' || c.phase === 'reconnecting' ? same(c) : end(c, 'failed', now);
    case 'channel-closed':
      // While reconnecting the old connections close as they break: the recovery decides.
      return c.phase === 'reconnecting' ? same(c) : end(c, endReasonWhenGone(c.phase), now);
    case 'path-lost':
    case 'path-back':
    case 'redial-due':
    case 'redial-offer':
    case 'reconnect-timeout':
      return reconnectStep(c, event, now, end);
    default:
      return unknownCase('call event', event);
  }
}

/** What the friend's control message does. */
function heard(c: Call, message: CallMessage, now: number): Step {
  const effect = effectOfMessage(c, message);
  switch (effect.kind) {
    case 'ignore':
      return same(c);
    case 'answered':
      return { call: { ...c, phase: 'connecting', presence: true }, effects: [STOP_RING, ...presenceOn(c)] };
    case 'end':
      return end(c, effect.reason, now);
    case 'media':
      return { call: { ...c, remoteMuted: effect.muted, remoteCameraOff: effect.cameraOff }, effects: [] };
    case 'quality':
      return { call: { ...c, remoteVoiceOnly: effect.voiceOnly, remotePoor: effect.poor }, effects: [] };
    default:
      return unknownCase('call message effect', effect);
  }
}

/**
 * A screened friend's call: it rings, unless another call is going on (`busy`). When it crossed
 * our own call to the same friend (both children pressed call at once), one call goes on, the same
 * on both sides: ours if it was already sent and made by the smaller peer id (their offer is
 * dropped without a word), else theirs: ours is let go (unlogged) and theirs answered at once, as
 * our child wanted to talk. Ours goes on even if the friend already answered it: their crossed
 * offer may come late.
 */
function offered(mine: Call | null, event: Extract<CallEvent, { type: 'offer' }>, now: number): Step {
  const { offer } = event;
  const ringing: Call = {
    ...newCall(
      {
        key: offer.key,
        id: offer.id,
        logId: offer.logId,
        peerId: offer.peerId,
        contact: offer.contact,
        avatar: offer.avatar,
        direction: 'in',
        video: offer.video,
      },
      now,
    ),
    offered: offer.withMedia,
  };
  const rings: CallEffect[] = [
    { type: 'start' },
    { type: 'screened', verdict: 'taken' },
    { type: 'arm-ring', ms: event.ringTimeoutMs + CALLEE_GRACE_MS },
  ];
  if (mine === null) return { call: ringing, effects: [...rings, { type: 'refresh-ice' }] };
  const busy: Step = { call: mine, effects: [{ type: 'screened', verdict: 'busy' }] };
  if (mine.direction !== 'out' || mine.peerId !== offer.peerId) return busy;
  if (mine.sent) {
    if (event.myPeerId === null) return busy;
    if (event.myPeerId < offer.peerId) return { call: mine, effects: [{ type: 'screened', verdict: 'dropped' }] };
    if (mine.phase !== 'outgoing') return busy;
  }
  // Ours not sent yet (camera, ICE), or sent by the larger id: theirs becomes the call.
  const answered = step(ringing, { type: 'accept', video: mine.video }, now);
  return { call: answered.call, effects: [{ type: 'release', gently: false }, ...rings, ...answered.effects] };
}

/** What the other side is told when we end a call in this phase, and why it ended for us. */
function farewellOf(phase: Call['phase']): Readonly<{ message: CallMessage; reason: CallEndReason }> {
  switch (phase) {
    case 'incoming':
      return { message: { type: 'decline' }, reason: 'we-declined' };
    case 'outgoing':
      return { message: CANCEL, reason: 'hung-up' };
    case 'connecting':
    case 'active':
    case 'reconnecting':
      return { message: HANGUP, reason: 'hung-up' };
    default:
      return unknownCase('call phase', phase);
  }
}

function hangUp(c: Call, now: number): Step {
  const farewell = farewellOf(c.phase);
  return end(c, farewell.reason, now, farewell.message);
}

/** Ends the call: the farewell (if any) leaves, the media stops, presence goes, the log gets it. */
function end(c: Call, reason: CallEndReason, now: number, farewell?: CallMessage): Step {
  const entry = callRecordOf({
    callId: c.logId,
    contactId: c.contact.contactId,
    direction: c.direction,
    video: c.video,
    ringingSince: c.ringingSince,
    activeSince: c.activeSince,
    reason,
    endedAt: now,
  });
  return {
    call: null,
    effects: [
      ...(farewell ? [send(farewell)] : []),
      { type: 'release', gently: true },
      ...(c.presence ? [{ type: 'presence', inCall: false } as const] : []),
      { type: 'record', entry },
      { type: 'ended', reason },
    ],
  };
}

/** Callee: answers the media offer once both it and our media are there. */
function answerIfOffered(c: Call): Step {
  if (!c.offered || !c.localReady || c.phase !== 'connecting' || c.answered) return same(c);
  return { call: { ...c, answered: true }, effects: [{ type: 'answer' }] };
}

const send = (message: CallMessage): CallEffect => ({ type: 'send', message });
const presenceOn = (c: Call): CallEffect[] => (c.presence ? [] : [{ type: 'presence', inCall: true }]);

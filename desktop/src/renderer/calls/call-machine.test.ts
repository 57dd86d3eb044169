import type { CallContact, PeerId } from '@hearth/common';
import { describe, expect, it } from 'vitest';
import type { CallEffect, CallEvent } from './call-events';
import { CALLEE_GRACE_MS, step, type Step } from './call-machine';
import { endedView, newCall, viewOfCall, type Call } from './call-state';

const contact = (name: string, peerId: string): CallContact => ({
  contactId: `01J000000000000000000000${name.slice(0, 2).toUpperCase()}`,
  peerId: peerId as PeerId,
  displayName: name,
  kind: 'friend',
  grownUp: false,
  parentDisplayName: null,
  avatar: null,
});
/** The friend of every call here, and someone else calling. */
const BOB = contact('Bob', 'peer-m');
const CARA = contact('Cara', 'peer-x');
const RANG_AT = 1_000;
const ANSWERED_AT = 3_000;
const NOW = 9_000;
const RING_MS = 30_000;
/** Each side's own call-log id for a call (made as the call begins). */
const OURS_LOG = '01J0000000000000000000CA11';
const THEIRS_LOG = '01J0000000000000000000CA12';

const ours = newCall(
  {
    key: 'peer-m ours',
    id: 'ours',
    logId: OURS_LOG,
    peerId: BOB.peerId,
    contact: BOB,
    avatar: null,
    direction: 'out',
    video: true,
  },
  RANG_AT,
);
const theirs: Call = {
  ...newCall(
    {
      key: 'peer-m theirs',
      id: 'theirs',
      logId: THEIRS_LOG,
      peerId: BOB.peerId,
      contact: BOB,
      avatar: null,
      direction: 'in',
      video: true,
    },
    RANG_AT,
  ),
  offered: true,
};

/** The columns of the table: a call in each phase (our own call before and after its offer left). */
const PHASES = {
  idle: null,
  'outgoing, not sent': ours,
  outgoing: { ...ours, sent: true, localReady: true },
  incoming: theirs,
  'connecting (ours)': { ...ours, sent: true, localReady: true, phase: 'connecting', presence: true },
  'connecting (theirs)': { ...theirs, offered: false, localReady: true, phase: 'connecting', presence: true },
  'active (ours)': { ...ours, sent: true, localReady: true, phase: 'active', presence: true, activeSince: ANSWERED_AT },
  'active (theirs)': { ...theirs, localReady: true, answered: true, phase: 'active', presence: true, activeSince: ANSWERED_AT },
} satisfies Record<string, Call | null>;
type PhaseName = keyof typeof PHASES;
const PHASE_NAMES = Object.keys(PHASES) as PhaseName[];

const offer = (from: CallContact, myPeerId: string | null): Extract<CallEvent, { type: 'offer' }> => ({
  type: 'offer',
  offer: {
    key: `${from.peerId} new`,
    id: 'new',
    logId: '01J0000000000000000000CA13',
    peerId: from.peerId,
    contact: from,
    avatar: null,
    video: true,
    withMedia: false,
  },
  myPeerId,
  ringTimeoutMs: RING_MS,
});

/** The rows: every event, the friend's offer in each crossing case, each control message. */
const EVENTS = {
  dial: {
    type: 'dial',
    call: {
      key: 'peer-x dial',
      id: 'dial',
      logId: '01J0000000000000000000CA14',
      peerId: CARA.peerId,
      contact: CARA,
      avatar: null,
      video: true,
    },
  },
  accept: { type: 'accept', video: true },
  decline: { type: 'decline' },
  'hang-up': { type: 'hang-up' },
  stop: { type: 'stop' },
  'local-state': { type: 'local-state', muted: true, cameraOff: false },
  'local-ready': { type: 'local-ready' },
  'setup-failed': { type: 'setup-failed', reason: 'failed' },
  sent: { type: 'sent', ringTimeoutMs: RING_MS },
  'answer-ready': { type: 'answer-ready', muted: false, cameraOff: false },
  'answer-failed': { type: 'answer-failed' },
  'ring-timeout': { type: 'ring-timeout' },
  'offer from someone else': offer(CARA, 'peer-a'),
  'offer from the friend, my id smaller': offer(BOB, 'peer-a'),
  'offer from the friend, my id larger': offer(BOB, 'peer-z'),
  'offer from the friend, signaling down': offer(BOB, null),
  'media-offer': { type: 'media-offer' },
  'message accept': { type: 'message', message: { type: 'accept' } },
  'message decline': { type: 'message', message: { type: 'decline' } },
  'message busy': { type: 'message', message: { type: 'busy' } },
  'message cancel': { type: 'message', message: { type: 'cancel', reason: 'timeout' } },
  'message hangup': { type: 'message', message: { type: 'hangup' } },
  'message media': { type: 'message', message: { type: 'media', muted: true, cameraOff: true } },
  'remote-stream': { type: 'remote-stream' },
  'media-closed': { type: 'media-closed' },
  'media-error': { type: 'media-error' },
  'channel-closed': { type: 'channel-closed' },
  'peer-error unavailable': {
    type: 'peer-error',
    errorType: 'peer-unavailable',
    message: `Could not connect to peer ${BOB.peerId}`,
  },
  'peer-error unavailable, someone else': {
    type: 'peer-error',
    errorType: 'peer-unavailable',
    message: 'Could not connect to peer peer-q',
  },
  'peer-error network': { type: 'peer-error', errorType: 'network', message: 'Lost connection' },
} satisfies Record<string, CallEvent>;
type EventName = keyof typeof EVENTS;

/** One effect in a few words. */
function said(e: CallEffect): string {
  switch (e.type) {
    case 'start':
    case 'answer':
    case 'problem':
      return e.type;
    case 'screened':
      return e.verdict;
    case 'arm-ring':
      return `ring ${e.ms}`;
    case 'stop-ring':
      return 'unring';
    case 'refresh-ice':
      return 'ice';
    case 'send':
      return `say ${e.message.type}${e.message.type === 'cancel' ? `(${e.message.reason})` : ''}`;
    case 'presence':
      return `presence ${e.inCall ? 'on' : 'off'}`;
    case 'open-answer':
      return `open ${e.video ? 'camera' : 'mic'}`;
    case 'release':
      return e.gently ? 'release' : 'let go';
    case 'record':
      return `log ${e.entry.outcome}`;
    case 'ended':
      return `ended ${e.reason}`;
    case 'arm-reconnect':
    case 'arm-redial':
      return `${e.type} ${e.ms}`;
    case 'ice-restart':
      return e.fallback ? 'ice-restart (or re-dial)' : 'ice-restart';
    case 'reconnected':
    case 'redial':
    case 'take-redial':
    case 'refresh-signaling':
      return e.type;
    default: {
      const never: never = e;
      throw new Error(String(never));
    }
  }
}

/** A step in a few words: its effects, then the phase it leaves (`—`: nothing happens). */
function outcome(before: Call | null, s: Step): string {
  if (s.call === before && s.effects.length === 0) return '—';
  const after = s.call === null ? 'idle' : `${s.call.phase}${before && s.call.key !== before.key ? ' (theirs)' : ''}`;
  return [...s.effects.map(said), `→ ${after}`].join(', ');
}

/** Every phase: nothing happens (a row names only the phases where something does). */
const NOTHING = Object.fromEntries(PHASE_NAMES.map((p) => [p, '—'])) as Record<PhaseName, string>;

/** An offer rings when idle and is answered busy in every other phase. */
const BUSY: Record<PhaseName, string> = {
  idle: 'start, taken, ring 32000, ice, → incoming',
  'outgoing, not sent': 'busy, → outgoing',
  outgoing: 'busy, → outgoing',
  incoming: 'busy, → incoming',
  'connecting (ours)': 'busy, → connecting',
  'connecting (theirs)': 'busy, → connecting',
  'active (ours)': 'busy, → active',
  'active (theirs)': 'busy, → active',
};
/** Our call to the friend is let go and theirs answered in its place. */
const LET_GO = 'let go, start, taken, ring 32000, unring, presence on, open camera, → connecting (theirs)';

/** Our media or the friend's changing: the call stays where it is. */
const STAYS: Record<PhaseName, string> = {
  idle: '—',
  'outgoing, not sent': '→ outgoing',
  outgoing: '→ outgoing',
  incoming: '→ incoming',
  'connecting (ours)': '→ connecting',
  'connecting (theirs)': '→ connecting',
  'active (ours)': '→ active',
  'active (theirs)': '→ active',
};

/** Our side could not set the call up or answer it: the call fails. */
const FAILS: Record<PhaseName, string> = {
  idle: '—',
  'outgoing, not sent': 'release, log failed, ended failed, → idle',
  outgoing: 'release, log failed, ended failed, → idle',
  incoming: 'release, log failed, ended failed, → idle',
  'connecting (ours)': 'release, presence off, log failed, ended failed, → idle',
  'connecting (theirs)': 'release, presence off, log failed, ended failed, → idle',
  'active (ours)': 'release, presence off, log answered, ended failed, → idle',
  'active (theirs)': 'release, presence off, log answered, ended failed, → idle',
};

/** The friend hung up, or the call's channel closed: the call ends from their side. */
const REMOTE_END: Record<PhaseName, string> = {
  idle: '—',
  'outgoing, not sent': 'release, log failed, ended unavailable, → idle',
  outgoing: 'release, log failed, ended unavailable, → idle',
  incoming: 'release, log missed, ended missed, → idle',
  'connecting (ours)': 'release, presence off, log missed, ended remote-hung-up, → idle',
  'connecting (theirs)': 'release, presence off, log missed, ended remote-hung-up, → idle',
  'active (ours)': 'release, presence off, log answered, ended remote-hung-up, → idle',
  'active (theirs)': 'release, presence off, log answered, ended remote-hung-up, → idle',
};

/**
 * Phase × event: what each event does to a call in each phase. The crossed-call rows are the
 * friend's offer arriving while our own call to that same friend is on its way or going on.
 */
const TABLE: Record<EventName, Record<PhaseName, string>> = {
  dial: { ...NOTHING, idle: 'start, → outgoing' },
  accept: { ...NOTHING, incoming: 'unring, presence on, open camera, → connecting' },
  decline: { ...NOTHING, incoming: 'say decline, release, log declined, ended we-declined, → idle' },
  'hang-up': {
    idle: '—',
    'outgoing, not sent': 'say cancel(hangup), release, log missed, ended hung-up, → idle',
    outgoing: 'say cancel(hangup), release, log missed, ended hung-up, → idle',
    incoming: 'say decline, release, log declined, ended we-declined, → idle',
    'connecting (ours)': 'say hangup, release, presence off, log missed, ended hung-up, → idle',
    'connecting (theirs)': 'say hangup, release, presence off, log missed, ended hung-up, → idle',
    'active (ours)': 'say hangup, release, presence off, log answered, ended hung-up, → idle',
    'active (theirs)': 'say hangup, release, presence off, log answered, ended hung-up, → idle',
  },
  stop: {
    idle: '—',
    'outgoing, not sent': 'say cancel(hangup), release, log missed, ended hung-up, → idle',
    outgoing: 'say cancel(hangup), release, log missed, ended hung-up, → idle',
    incoming: 'say hangup, release, log missed, ended missed, → idle',
    'connecting (ours)': 'say hangup, release, presence off, log missed, ended hung-up, → idle',
    'connecting (theirs)': 'say hangup, release, presence off, log missed, ended hung-up, → idle',
    'active (ours)': 'say hangup, release, presence off, log answered, ended hung-up, → idle',
    'active (theirs)': 'say hangup, release, presence off, log answered, ended hung-up, → idle',
  },
  'local-state': {
    idle: '—',
    'outgoing, not sent': 'say media, → outgoing',
    outgoing: 'say media, → outgoing',
    incoming: 'say media, → incoming',
    'connecting (ours)': 'say media, → connecting',
    'connecting (theirs)': 'say media, → connecting',
    'active (ours)': 'say media, → active',
    'active (theirs)': 'say media, → active',
  },
  'local-ready': STAYS,
  'setup-failed': FAILS,
  sent: { ...NOTHING, 'outgoing, not sent': 'ring 30000, → outgoing' },
  'answer-ready': {
    ...NOTHING,
    incoming: 'say accept, say media, → incoming',
    'connecting (theirs)': 'say accept, say media, → connecting',
    'active (theirs)': 'say accept, say media, → active',
  },
  'answer-failed': FAILS,
  'ring-timeout': {
    ...NOTHING,
    'outgoing, not sent': 'say cancel(timeout), release, log missed, ended no-answer, → idle',
    outgoing: 'say cancel(timeout), release, log missed, ended no-answer, → idle',
    incoming: 'release, log missed, ended missed, → idle',
  },
  'offer from someone else': BUSY,
  'offer from the friend, my id smaller': {
    ...BUSY,
    'outgoing, not sent': LET_GO,
    outgoing: 'dropped, → outgoing',
    'connecting (ours)': 'dropped, → connecting',
    'active (ours)': 'dropped, → active',
  },
  'offer from the friend, my id larger': { ...BUSY, 'outgoing, not sent': LET_GO, outgoing: LET_GO },
  'offer from the friend, signaling down': { ...BUSY, 'outgoing, not sent': LET_GO },
  'media-offer': {
    ...NOTHING,
    incoming: '→ incoming',
    'connecting (theirs)': 'answer, → connecting',
    'active (theirs)': '→ active',
  },
  'message accept': {
    ...NOTHING,
    'outgoing, not sent': 'unring, presence on, → connecting',
    outgoing: 'unring, presence on, → connecting',
  },
  'message decline': {
    ...NOTHING,
    'outgoing, not sent': 'release, log declined, ended declined, → idle',
    outgoing: 'release, log declined, ended declined, → idle',
  },
  'message busy': {
    ...NOTHING,
    'outgoing, not sent': 'release, log busy, ended busy, → idle',
    outgoing: 'release, log busy, ended busy, → idle',
  },
  'message cancel': {
    ...NOTHING,
    incoming: 'release, log missed, ended missed, → idle',
    'connecting (theirs)': 'release, presence off, log missed, ended missed, → idle',
  },
  'message hangup': REMOTE_END,
  'message media': STAYS,
  'remote-stream': {
    idle: '—',
    'outgoing, not sent': 'unring, presence on, → active',
    outgoing: 'unring, presence on, → active',
    incoming: '—',
    'connecting (ours)': 'unring, → active',
    'connecting (theirs)': 'unring, → active',
    'active (ours)': '—',
    'active (theirs)': '—',
  },
  'media-closed': {
    idle: '—',
    'outgoing, not sent': '—',
    outgoing: '—',
    incoming: '—',
    'connecting (ours)': 'release, presence off, log missed, ended remote-hung-up, → idle',
    'connecting (theirs)': 'release, presence off, log missed, ended remote-hung-up, → idle',
    'active (ours)': 'release, presence off, log answered, ended remote-hung-up, → idle',
    'active (theirs)': 'release, presence off, log answered, ended remote-hung-up, → idle',
  },
  'media-error': {
    idle: '—',
    'outgoing, not sent': 'release, log failed, ended failed, → idle',
    outgoing: 'release, log failed, ended failed, → idle',
    incoming: '—',
    'connecting (ours)': 'release, presence off, log failed, ended failed, → idle',
    'connecting (theirs)': 'release, presence off, log failed, ended failed, → idle',
    'active (ours)': 'release, presence off, log answered, ended failed, → idle',
    'active (theirs)': 'release, presence off, log answered, ended failed, → idle',
  },
  'channel-closed': REMOTE_END,
  'peer-error unavailable': {
    idle: 'problem, → idle',
    'outgoing, not sent': 'release, log failed, ended unavailable, → idle',
    outgoing: 'release, log failed, ended unavailable, → idle',
    incoming: 'problem, → incoming',
    'connecting (ours)': 'problem, → connecting',
    'connecting (theirs)': 'problem, → connecting',
    'active (ours)': 'problem, → active',
    'active (theirs)': 'problem, → active',
  },
  'peer-error unavailable, someone else': {
    idle: 'problem, → idle',
    'outgoing, not sent': '—',
    outgoing: '—',
    incoming: 'problem, → incoming',
    'connecting (ours)': 'problem, → connecting',
    'connecting (theirs)': 'problem, → connecting',
    'active (ours)': 'problem, → active',
    'active (theirs)': 'problem, → active',
  },
  'peer-error network': {
    idle: 'problem, → idle',
    'outgoing, not sent': 'problem, → outgoing',
    outgoing: 'problem, → outgoing',
    incoming: 'problem, → incoming',
    'connecting (ours)': 'problem, → connecting',
    'connecting (theirs)': 'problem, → connecting',
    'active (ours)': 'problem, → active',
    'active (theirs)': 'problem, → active',
  },
};

describe('the call state machine, phase × event', () => {
  describe.each(Object.keys(EVENTS) as EventName[])('%s', (event) => {
    it.each(PHASE_NAMES)('in %s', (phase) => {
      expect(outcome(PHASES[phase], step(PHASES[phase], EVENTS[event], NOW))).toBe(TABLE[event][phase]);
    });
  });
});

describe('the call state machine', () => {
  it('keeps the friend’s call, not ours, when the crossing lets ours go, and answers it as our call was (audio stays audio)', () => {
    const audio = { ...ours, video: false };
    const s = step(audio, EVENTS['offer from the friend, my id larger'], NOW);
    expect(s.call).toMatchObject({ key: 'peer-m new', id: 'new', direction: 'in', phase: 'connecting', ringingSince: NOW });
    expect(s.effects).toContainEqual({ type: 'open-answer', video: false });
    expect(s.effects.filter((e) => e.type === 'record' || e.type === 'ended')).toEqual([]);
  });

  it('rings an offer for the caller’s ring time and a little more, ready to answer when its media is here', () => {
    const s = step(
      null,
      { ...EVENTS['offer from someone else'], offer: { ...EVENTS['offer from someone else'].offer, withMedia: true } },
      NOW,
    );
    expect(s.effects).toContainEqual({ type: 'arm-ring', ms: RING_MS + CALLEE_GRACE_MS });
    expect(s.call).toMatchObject({ phase: 'incoming', offered: true, contact: CARA });
  });

  it('answers the media offer once, when both it and our media are there', () => {
    const accepted = step(theirs, EVENTS.accept, NOW).call!;
    expect(step(accepted, EVENTS['answer-ready'], NOW).effects.map(said)).toEqual(['say accept', 'say media']);
    const ready = step(accepted, EVENTS['local-ready'], NOW).call!;
    const answered = step(ready, EVENTS['answer-ready'], NOW);
    expect(answered.effects.map(said)).toEqual(['answer', 'say accept', 'say media']);
    expect(step(answered.call, EVENTS['media-offer'], NOW).effects).toEqual([]);
  });

  it('opens only the microphone when the child answers a video call without the camera, or the call is audio only', () => {
    expect(step(theirs, { type: 'accept', video: false }, NOW).effects).toContainEqual({ type: 'open-answer', video: false });
    expect(step({ ...theirs, video: false }, EVENTS.accept, NOW).effects).toContainEqual({ type: 'open-answer', video: false });
  });

  it('counts a call from the answer, logs the talk time, and passes the friend’s mute state on', () => {
    const active = step(PHASES['connecting (ours)'], EVENTS['remote-stream'], ANSWERED_AT).call!;
    expect(active.activeSince).toBe(ANSWERED_AT);
    expect(step(active, EVENTS['message media'], NOW).call).toMatchObject({ remoteMuted: true, remoteCameraOff: true });
    const ended = step(active, EVENTS['hang-up'], NOW);
    expect(ended.effects).toContainEqual({
      type: 'record',
      entry: {
        callId: OURS_LOG,
        contactId: BOB.contactId,
        direction: 'out',
        video: true,
        startedAt: ANSWERED_AT,
        endedAt: NOW,
        outcome: 'answered',
      },
    });
  });

  it('shows the call-log id of the call in its view and on its end screen, and logs the call under it (F11)', () => {
    const active = step(PHASES['connecting (theirs)'], EVENTS['remote-stream'], ANSWERED_AT).call!;
    const extras = {
      muted: false,
      cameraOff: false,
      cameraId: null,
      micId: null,
      signaling: 'online',
      problem: null,
      localPreview: null,
      remoteStream: null,
    } as const;
    expect(viewOfCall(active, extras).callId).toBe(THEIRS_LOG);
    expect(endedView(active, 'hung-up').callId).toBe(THEIRS_LOG);
    const record = step(active, EVENTS['hang-up'], NOW).effects.find((e) => e.type === 'record');
    expect(record).toMatchObject({ entry: { callId: THEIRS_LOG, outcome: 'answered' } });
  });
});

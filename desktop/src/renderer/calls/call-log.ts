/** How an ended call goes into the child's call log (both sides keep their own). */
import type { RecordCallArgs } from '@hearth/common';
import type { CallEndReason } from './call-types';
import { unknownCase } from './unknown-case';

export type EndedCall = Readonly<{
  /** The call's id in the log (the one its view shows, so a report names this entry). */
  callId?: string;
  contactId: string;
  direction: 'in' | 'out';
  video: boolean;
  /** When it started ringing. */
  ringingSince: number;
  /** When it was answered (media flowing), or null. */
  activeSince: number | null;
  reason: CallEndReason;
  endedAt: number;
}>;

/**
 * The log entry: an answered call from answer to hang-up (so its length is the talk time), `lost`
 * rather than `answered` when the network cut it; otherwise when it rang, with no end, and why
 * nobody talked.
 */
export function callRecordOf(c: EndedCall): RecordCallArgs {
  const base = {
    ...(c.callId !== undefined ? { callId: c.callId } : {}),
    contactId: c.contactId,
    direction: c.direction,
    video: c.video,
  };
  if (c.activeSince !== null) {
    const outcome = c.reason === 'lost' ? 'lost' : 'answered';
    return { ...base, startedAt: c.activeSince, endedAt: Math.max(c.activeSince, c.endedAt), outcome };
  }
  return { ...base, startedAt: c.ringingSince, endedAt: null, outcome: unansweredOutcome(c.reason) };
}

/** The log entry of a friend's call answered `busy` because another call was going on. */
export function busyRecordOf(contactId: string, video: boolean, at: number): RecordCallArgs {
  return { contactId, direction: 'in', video, startedAt: at, endedAt: null, outcome: 'busy' };
}

function unansweredOutcome(reason: CallEndReason): RecordCallArgs['outcome'] {
  switch (reason) {
    case 'declined':
    case 'we-declined':
      return 'declined';
    case 'busy':
      return 'busy';
    case 'no-answer':
    case 'missed':
    case 'hung-up':
    case 'remote-hung-up':
      return 'missed';
    case 'unavailable':
    case 'failed':
    case 'lost': // never talked (it is only ever lost after the answer): it did not work
      return 'failed';
    default:
      return unknownCase('end reason', reason);
  }
}

import type { QuietStatus } from '@hearth/common';
import type { CallPhase } from '../../calls/call-types';

/** A call hears this long before quiet time starts that it will end. */
export const CALL_WARNING_MS = 2 * 60_000;

/** What quiet time does to the call on screen now: warn of its end, end it, or nothing. */
export type QuietCallAction = 'warn' | 'end' | null;

/**
 * A call with a friend is warned two minutes before quiet time (or the real time left, when less)
 * and ended when it starts; a call with the child's own grown-up, and no call, are left alone.
 */
export function quietCallAction(status: QuietStatus | null, phase: CallPhase, withGrownUp: boolean): QuietCallAction {
  const inCall = phase === 'outgoing' || phase === 'connecting' || phase === 'active';
  if (!inCall || withGrownUp || !status) return null;
  if (status.quiet) return 'end';
  return status.startsInMs !== null && status.startsInMs <= CALL_WARNING_MS ? 'warn' : null;
}

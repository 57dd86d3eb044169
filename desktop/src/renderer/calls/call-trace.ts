/**
 * Light marks of a call's setup (issue 18): `performance.mark('hearth-call:<step>')` at each
 * step between "call" and the first remote frame, so the benchmark can see where the time goes;
 * and at each step of a recovery's move onto a re-dial's connections, for a failing test's log.
 * Nothing else reads them; without a `performance` they are skipped.
 */
export const CALL_TRACE_PREFIX = 'hearth-call:';

export type CallTraceStep =
  | 'dial'
  | 'contact-checked'
  | 'ice-ready'
  | 'camera-ready'
  | 'offer-sent'
  | 'offer-arrived'
  | 'screened'
  | 'accepted'
  | 'callee-ice-ready'
  | 'callee-camera-ready'
  | 'answered'
  | 'channel-open'
  | 'remote-stream'
  | 'rejoin-media'
  | 'rejoin-data'
  | 'took-over'
  | 'channel-held'
  | 'channel-moved'
  | 'channel-awaited'
  | 'channel-reopened';

export function traceCall(step: CallTraceStep): void {
  try {
    globalThis.performance?.mark?.(`${CALL_TRACE_PREFIX}${step}`);
  } catch {
    // A mark is never worth a failed call.
  }
}

/** The marks so far as wall-clock ms (comparable across pages of one machine); clears them when `clear`. */
export function readCallTrace(clear = false): { step: string; at: number }[] {
  const marks = performance
    .getEntriesByType('mark')
    .filter((m) => m.name.startsWith(CALL_TRACE_PREFIX))
    .map((m) => ({ step: m.name.slice(CALL_TRACE_PREFIX.length), at: performance.timeOrigin + m.startTime }));
  if (clear) for (const m of marks) performance.clearMarks(`${CALL_TRACE_PREFIX}${m.step}`);
  return marks;
}

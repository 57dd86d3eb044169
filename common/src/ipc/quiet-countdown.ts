import type { QuietStatus } from '../schemas/quiet';

const down = (ms: number | null, elapsed: number): number | null => (ms === null ? null : Math.max(0, Math.round(ms - elapsed)));

/**
 * A quiet status `elapsed` ms (on a monotonic clock) after the relay said it. Past a said edge it
 * shows the other side (quiet from its start, not quiet after its end) until the relay says more.
 * Main and the page both count this way, so neither reads the PC's wall clock.
 */
export function quietStatusAfter(status: QuietStatus, elapsed: number): QuietStatus {
  if (!status.quiet && status.startsInMs !== null && elapsed >= status.startsInMs) {
    return { ...status, quiet: true, reason: 'schedule', startsInMs: null, endsInMs: null, endsAt: null };
  }
  if (status.quiet && status.endsInMs !== null && elapsed >= status.endsInMs) {
    return { ...status, quiet: false, reason: null, startsInMs: null, endsInMs: null, endsAt: null };
  }
  return { ...status, startsInMs: down(status.startsInMs, elapsed), endsInMs: down(status.endsInMs, elapsed) };
}

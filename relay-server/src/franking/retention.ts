import type { RelayContext } from '../context';

/** How long the relay keeps a franking record (F11, F16): 30 days, then a report can no longer confirm that message. */
export const FRANK_RETENTION_MS = 30 * 24 * 60 * 60_000;

/** Records deleted per statement, so a large sweep never holds the database in one long write. */
const SWEEP_CHUNK = 5000;

/**
 * Deletes the franking records 30 days old or older, on the relay's clock; how many went. They
 * hold no personal content (an id, a MAC, a time), so a child's deletion leaves them to this sweep.
 * Scheduled with the other retention sweepers.
 */
export async function sweepFranks(ctx: Pick<RelayContext, 'store' | 'now'>): Promise<number> {
  const cutoff = ctx.now() - FRANK_RETENTION_MS;
  let total = 0;
  for (;;) {
    const deleted = await ctx.store.franking.deleteFranksUpTo(cutoff, SWEEP_CHUNK);
    total += deleted;
    if (deleted < SWEEP_CHUNK) return total;
  }
}

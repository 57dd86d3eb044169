import type { RelayContext } from '../context';

/** How long a closed forwarded report is kept (F16): one year after it was closed. */
export const CLOSED_REPORT_RETENTION_MS = 365 * 24 * 60 * 60_000;

/**
 * Deletes forwarded reports closed more than a year ago, with their files, unless under legal hold.
 * Open reports stay; unforwarded ones go with their child (`deleteChild`). How many went. The
 * `retention` helper schedules it.
 */
export async function sweepReports(ctx: Pick<RelayContext, 'store' | 'now'>): Promise<number> {
  return ctx.store.reports.deleteClosedBefore(ctx.now() - CLOSED_REPORT_RETENTION_MS);
}

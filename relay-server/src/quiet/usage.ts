import { ErrorCode, HearthError, USAGE_DAYS, dayBounds, type UsageView } from '@hearth/common';
import type { RelayContext } from '../context';
import type { RequestCaller } from '../auth/callers';
import { ownChild } from '../accounts/service';
import { FALLBACK_ZONE, quietGateFor } from './gate';

type Ctx = Pick<RelayContext, 'store' | 'bus' | 'events' | 'now'>;

const MINUTE_MS = 60_000;

/**
 * `GET /v1/children/:id/usage`: the child's time in Hearth per local day for the last
 * {@link USAGE_DAYS} days, from the minutes the relay counts for the daily limit. For a guardian of
 * the child, or the child's own credential ("What my grown-ups can see" shows the same figure);
 * anyone else is told there is no such child.
 */
export async function usageView(ctx: Ctx, caller: RequestCaller, childId: string): Promise<UsageView> {
  if (caller.kind === 'parent') await ownChild(ctx, caller.parentId, childId);
  else if (caller.childId !== childId) throw new HearthError(ErrorCode.NotFound, 'No such child.');
  const timeZone = (await quietGateFor(ctx).settings(childId))?.timeZone ?? FALLBACK_ZONE;
  // Day by day backwards from today: a DST day is 23 or 25 hours, so no day is a fixed length.
  const days: ReturnType<typeof dayBounds>[] = [dayBounds(timeZone, ctx.now())];
  while (days.length < USAGE_DAYS) days.unshift(dayBounds(timeZone, (days[0]?.start ?? 0) - 1));
  const first = days[0]?.start ?? 0;
  const last = days[days.length - 1]?.end ?? 0;
  const minutes = await ctx.store.quiet.listUsageMinutes(childId, Math.floor(first / MINUTE_MS), Math.ceil(last / MINUTE_MS));
  const counts = days.map(() => 0);
  let i = 0;
  for (const m of minutes) {
    const at = m * MINUTE_MS;
    while (i < days.length && at >= (days[i]?.end ?? 0)) i++;
    if (i >= days.length) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return { timeZone, days: days.map((d, k) => ({ day: d.key, minutes: counts[k] ?? 0 })) };
}

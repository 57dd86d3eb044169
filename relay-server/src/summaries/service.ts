import type { DailySummarySetting } from '@hearth/common';
import { ownChild } from '../accounts/service';
import type { RelayContext } from '../context';

type Ctx = Pick<RelayContext, 'store' | 'now'>;

/** A child's daily-summary setting, for one of the child's guardians (else NOT_FOUND). */
export async function getDailySummary(ctx: Ctx, parentId: string, childId: string): Promise<DailySummarySetting> {
  await ownChild(ctx, parentId, childId);
  return { enabled: await ctx.store.summaries.isDailySummaryOn(childId) };
}

/** The caller's own daily-summary setting (a child's PC, to know whether to send one). */
export async function getMyDailySummary(ctx: Ctx, childId: string): Promise<DailySummarySetting> {
  return { enabled: await ctx.store.summaries.isDailySummaryOn(childId) };
}

/** Switches a child's daily summary on or off; any one guardian of the child may. */
export async function putDailySummary(
  ctx: Ctx,
  parentId: string,
  childId: string,
  body: DailySummarySetting,
): Promise<DailySummarySetting> {
  await ownChild(ctx, parentId, childId);
  await ctx.store.summaries.setDailySummary(childId, body.enabled ? { enabledBy: parentId, now: ctx.now() } : null);
  return { enabled: body.enabled };
}

import {
  ErrorCode,
  HearthError,
  WEEKDAYS,
  checkWindows,
  dayBounds,
  isKnownZone,
  quietUntilInstant,
  type QuietSchedule,
  type QuietView,
  type WeeklyWindows,
} from '@hearth/common';
import type { RelayContext } from '../context';
import { ownChild } from '../accounts/service';
import { quietGateFor } from './gate';
import { readDeadlineSettings, replaceHeldDeadlines, type DeadlineSettings } from './deadlines';

type Ctx = Pick<RelayContext, 'store' | 'bus' | 'events' | 'now' | 'config'>;

const EMPTY_WEEK = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as WeeklyWindows;
export const NO_SCHEDULE: QuietSchedule = { quiet: EMPTY_WEEK, dailyLimitMinutes: null, trustedGrownUpsReach: false };

function refuseOverlap(windows: WeeklyWindows): void {
  const problem = checkWindows(windows);
  if (problem) throw new HearthError(ErrorCode.ScheduleOverlap, problem.message);
}

/** Tells every instance (caches, the child's sockets) that the child's quiet settings changed. */
function changed(ctx: Ctx, childIds: readonly string[]): void {
  quietGateFor(ctx).invalidate(childIds);
  ctx.events.emit('quietChanged', { childIds });
}

/**
 * Writes a change of these children's schedule, zone or "quiet now", and in the same transaction
 * places the deadlines of the messages held for them again (`deadlines.ts`).
 */
async function withDeadlines(ctx: Ctx, childIds: readonly string[], write: (tx: Ctx['store']) => Promise<void>): Promise<void> {
  const at = ctx.now();
  const ttl = ctx.config.messaging.messageTtlMs;
  await ctx.store.transaction(async (tx) => {
    const before = new Map<string, DeadlineSettings>();
    for (const id of childIds) before.set(id, await readDeadlineSettings(tx, id));
    await write(tx);
    for (const [id, old] of before) await replaceHeldDeadlines(tx, id, old, await readDeadlineSettings(tx, id), at, ttl);
  });
}

/** `GET /v1/children/:id/quiet`: the schedule and where the child stands, for a guardian of the child. */
export async function quietView(ctx: Ctx, parentId: string, childId: string): Promise<QuietView> {
  await ownChild(ctx, parentId, childId);
  const gate = quietGateFor(ctx);
  const [settings, evaluation, row] = await Promise.all([
    gate.settings(childId),
    gate.status(childId),
    ctx.store.quiet.getQuietSettings(childId),
  ]);
  const { nextChangeAt: _next, ...status } = evaluation;
  return {
    schedule: settings?.schedule ?? NO_SCHEDULE,
    status,
    contacts: [...(settings?.contacts ?? new Map<string, WeeklyWindows>())].map(([contactId, allowed]) => ({
      contactId: contactId as QuietView['contacts'][number]['contactId'],
      allowed,
    })),
    myReach: !(settings?.reachOff.has(parentId) ?? false),
    timeZoneSet: row?.timeZone != null,
  };
}

export async function putSchedule(ctx: Ctx, parentId: string, childId: string, schedule: QuietSchedule): Promise<QuietView> {
  await ownChild(ctx, parentId, childId);
  refuseOverlap(schedule.quiet);
  await withDeadlines(ctx, [childId], (tx) => tx.quiet.saveQuietSchedule(childId, JSON.stringify(schedule), ctx.now()));
  changed(ctx, [childId]);
  return quietView(ctx, parentId, childId);
}

export async function putContactWindows(
  ctx: Ctx,
  parentId: string,
  childId: string,
  contactId: string,
  allowed: WeeklyWindows | null,
): Promise<QuietView> {
  await ownChild(ctx, parentId, childId);
  if (!(await ctx.store.friendships.getFriendshipByPair(childId, contactId))) {
    throw new HearthError(ErrorCode.NotFound, 'No such contact for this child.');
  }
  if (allowed) refuseOverlap(allowed);
  await ctx.store.quiet.setContactWindows(childId, contactId, allowed === null ? null : JSON.stringify(allowed));
  changed(ctx, [childId]);
  return quietView(ctx, parentId, childId);
}

export async function quietNow(ctx: Ctx, parentId: string, childId: string, until: string): Promise<QuietView> {
  await ownChild(ctx, parentId, childId);
  const settings = await quietGateFor(ctx).settings(childId);
  const zone = settings?.timeZone ?? 'UTC';
  const at = quietUntilInstant(zone, until, ctx.now());
  if (!at.ok) throw new HearthError(ErrorCode.TimeNotInDay, at.problem.message);
  await withDeadlines(ctx, [childId], (tx) => tx.quiet.setQuietNowUntil(childId, at.instant, ctx.now()));
  changed(ctx, [childId]);
  return quietView(ctx, parentId, childId);
}

export async function extraMinutes(ctx: Ctx, parentId: string, childId: string, minutes: number): Promise<QuietView> {
  await ownChild(ctx, parentId, childId);
  const settings = await quietGateFor(ctx).settings(childId);
  const day = dayBounds(settings?.timeZone ?? 'UTC', ctx.now());
  await ctx.store.quiet.addExtraMinutes(childId, day.key, minutes);
  changed(ctx, [childId]);
  return quietView(ctx, parentId, childId);
}

/** Sets the zone of one child, or of every child the caller is a guardian of. */
export async function setTimeZone(
  ctx: Ctx,
  parentId: string,
  childId: string,
  timeZone: string,
  wholeFamily: boolean,
): Promise<QuietView> {
  await ownChild(ctx, parentId, childId);
  if (!isKnownZone(timeZone)) {
    throw new HearthError(
      ErrorCode.TimeZoneUnknown,
      `“${timeZone}” is not a time zone the relay knows. Please pick one from the list.`,
    );
  }
  const childIds = wholeFamily ? (await ctx.store.accounts.listChildrenOfParent(parentId)).map((c) => c.id) : [childId];
  await withDeadlines(ctx, childIds, async (tx) => {
    for (const id of childIds) await tx.quiet.setQuietTimeZone(id, timeZone, ctx.now());
  });
  changed(ctx, childIds);
  return quietView(ctx, parentId, childId);
}

export async function setMyReach(ctx: Ctx, parentId: string, childId: string, reach: boolean): Promise<QuietView> {
  await ownChild(ctx, parentId, childId);
  await ctx.store.quiet.setQuietReach(childId, parentId, reach);
  changed(ctx, [childId]);
  return quietView(ctx, parentId, childId);
}

import { nonQuietBetween, nonQuietDeadline, type Interval, type WeeklyWindows } from '@hearth/common';
import type { Store } from '../store/port';
import { parseSchedule, zoneOf, type ChildQuiet } from './gate';

/**
 * Deadlines of messages held for a child (issue 14): "a held message expires after 15 days of the
 * recipient's non-quiet time, and in any case after 30 calendar days" (the message TTL and twice
 * it). Quiet here is the weekly windows and a guardian's "quiet now until …" (not the daily
 * limit, which no one can foresee). A deadline is placed when the message is stored and placed
 * again at each change of the child's schedule, zone or "quiet now": the non-quiet time used so
 * far is counted under the settings that held until then, the rest placed under the new ones.
 */
export type DeadlineSettings = Readonly<{ windows: WeeklyWindows | null; zone: string; quietNowUntil: number | null }>;

/** What of a child's quiet settings a deadline depends on (null: no child, never quiet). */
export function deadlineSettings(q: ChildQuiet | null | undefined): DeadlineSettings {
  return { windows: q?.schedule?.quiet ?? null, zone: q?.timeZone ?? 'UTC', quietNowUntil: q?.quietNowUntil ?? null };
}

/** The child's settings as kept now, read afresh (not through the gate's cache). */
export async function readDeadlineSettings(store: Store, childId: string): Promise<DeadlineSettings> {
  const [row, info] = await Promise.all([store.quiet.getQuietSettings(childId), store.quiet.enrolmentDeviceInfo(childId)]);
  return {
    windows: parseSchedule(row?.scheduleJson ?? null)?.quiet ?? null,
    zone: zoneOf(row?.timeZone ?? null, info),
    quietNowUntil: row?.quietNowUntil ?? null,
  };
}

/** "Quiet now" as a stretch from `from` on, if it still runs then. */
function quietNowFrom(s: DeadlineSettings, from: number): Interval[] {
  return s.quietNowUntil !== null && s.quietNowUntil > from ? [{ start: from, end: s.quietNowUntil }] : [];
}

/** When a message expires, given `leftMs` of its non-quiet allowance as of `from` (never past twice the TTL from `createdAt`). */
export function placeDeadline(s: DeadlineSettings, createdAt: number, leftMs: number, from: number, ttl: number): number {
  return nonQuietDeadline(s.windows, s.zone, from, leftMs, createdAt + 2 * ttl - from, quietNowFrom(s, from));
}

/**
 * Places again the deadline of every message waiting for the child, at `at`, from the settings
 * that held until now (`before`) to those that hold from now (`after`). Runs inside the
 * transaction that changed the settings.
 */
export async function replaceHeldDeadlines(
  tx: Store,
  childId: string,
  before: DeadlineSettings,
  after: DeadlineSettings,
  at: number,
  ttl: number,
): Promise<void> {
  for (const row of await tx.quiet.listHeldDeadlines(childId)) {
    // Already due: the sweeper expires it as it stands.
    if (row.expiresAt <= at) continue;
    // Since the last placing, the settings `before` held throughout (each change places again);
    // a "quiet now" still running then had started by then.
    const since = row.leftAt ?? row.createdAt;
    const left = row.leftMs ?? ttl;
    const used = nonQuietBetween(before.windows, before.zone, since, at, quietNowFrom(before, since));
    const stillLeft = Math.max(0, left - used);
    const expiresAt = placeDeadline(after, row.createdAt, stillLeft, at, ttl);
    if (expiresAt !== row.expiresAt || row.leftAt === null) await tx.quiet.setHeldDeadline(row.seq, expiresAt, stillLeft, at);
  }
}

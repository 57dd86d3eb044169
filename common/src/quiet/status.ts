import type { QuietReason, QuietSchedule, QuietStatus } from '../schemas/quiet';
import { intervalAt, mergeIntervals, windowIntervals, type Interval } from './schedule';
import { addDays, clockTimeOf, localDayOf, minutesOf, resolveLocal, dayBounds } from './zone';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** How far ahead a coming quiet start is told. */
export const QUIET_HORIZON_MS = 7 * DAY_MS;

/** What a child's quiet state is computed from, as the relay keeps it. */
export type QuietInputs = Readonly<{
  /** Null: the child has no schedule (never quiet but for "quiet now"). */
  schedule: QuietSchedule | null;
  timeZone: string;
  /** A guardian's "quiet now until …" (an instant), or null. */
  quietNowUntil: number | null;
  /** Extra minutes given for the local day the status is computed on. */
  extraMinutesToday: number;
  /** Minutes of `online`/`in-call` counted on that local day. */
  usedMinutesToday: number;
  /** Whether the child is counting minutes now (online or in a call on some PC). */
  counting: boolean;
}>;

/** {@link QuietStatus} plus what the relay schedules its timers on. */
export type QuietEvaluation = QuietStatus &
  Readonly<{
    /** The next instant this status changes by itself (a quiet start or end, the day's turn, the limit), if any. */
    nextChangeAt: number | null;
  }>;

/**
 * Where a child stands at `now`: quiet or not, why, for how long, and the minutes left today.
 * Quiet stretches (the schedule, "quiet now", a used-up day) that meet or touch are one stretch.
 */
export function evaluateQuiet(inputs: QuietInputs, now: number): QuietEvaluation {
  const zone = inputs.timeZone;
  const today = dayBounds(zone, now);
  const scheduled = inputs.schedule
    ? windowIntervals(inputs.schedule.quiet, zone, now - DAY_MS, now + QUIET_HORIZON_MS + DAY_MS)
    : [];
  const limit = inputs.schedule?.dailyLimitMinutes ?? null;
  const minutesLeftToday = limit === null ? null : Math.max(0, limit + inputs.extraMinutesToday - inputs.usedMinutesToday);

  const extra: Interval[] = [];
  const nowQuiet = inputs.quietNowUntil !== null && inputs.quietNowUntil > now;
  if (nowQuiet && inputs.quietNowUntil !== null) extra.push({ start: now, end: inputs.quietNowUntil });
  const limitReached = minutesLeftToday === 0;
  if (limitReached) extra.push({ start: now, end: today.end });
  const all = mergeIntervals([...scheduled, ...extra]);
  const current = intervalAt(all, now);

  if (current) {
    const reason: QuietReason = nowQuiet ? 'now' : intervalAt(scheduled, now) ? 'schedule' : 'limit';
    return {
      quiet: true,
      reason,
      startsInMs: null,
      endsInMs: current.end - now,
      endsAt: clockTimeOf(zone, current.end),
      minutesLeftToday,
      timeZone: zone,
      nextChangeAt: Math.min(current.end, today.end),
    };
  }
  const nextScheduled = all.find((i) => i.start > now && i.start <= now + QUIET_HORIZON_MS)?.start;
  // While counting, the day's time runs out at a known instant (if it comes before the day ends).
  const limitAt =
    minutesLeftToday !== null && inputs.counting && now + minutesLeftToday * MINUTE_MS < today.end
      ? now + minutesLeftToday * MINUTE_MS
      : undefined;
  const starts = [nextScheduled, limitAt].filter((t): t is number => t !== undefined);
  const startsAt = starts.length > 0 ? Math.min(...starts) : undefined;
  return {
    quiet: false,
    reason: null,
    startsInMs: startsAt === undefined ? null : startsAt - now,
    endsInMs: null,
    endsAt: null,
    minutesLeftToday,
    timeZone: zone,
    nextChangeAt: Math.min(startsAt ?? Infinity, today.end),
  };
}

/** Why "quiet now until …" is refused. */
export type QuietUntilProblem = Readonly<{ code: 'TIME_NOT_IN_DAY'; message: string }>;

/**
 * The instant of "quiet now until `until`": today at that time, or tomorrow if it has passed.
 * A time that does not exist on that day (the clocks go forward over it) is refused; a repeated
 * time is its first occurrence.
 */
export function quietUntilInstant(
  zone: string,
  until: string,
  now: number,
): Readonly<{ ok: true; instant: number } | { ok: false; problem: QuietUntilProblem }> {
  let day = localDayOf(zone, now);
  let at = resolveLocal(zone, day, minutesOf(until));
  if (at.instant <= now) {
    day = addDays(day, 1);
    at = resolveLocal(zone, day, minutesOf(until));
  }
  if (!at.exists) {
    return {
      ok: false,
      problem: {
        code: 'TIME_NOT_IN_DAY',
        message: `${until} does not happen that day: the clocks change. Please pick another time.`,
      },
    };
  }
  return { ok: true, instant: at.instant };
}

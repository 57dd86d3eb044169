import { WEEKDAYS, type WeeklyWindows } from '../schemas/quiet';
import { addDays, localDayOf, minutesOf, resolveLocal, weekdayIndex } from './zone';

/** A stretch of time, `[start, end)` in epoch milliseconds. */
export type Interval = Readonly<{ start: number; end: number }>;

const WEEK_MINUTES = 7 * 1440;

/** Why a set of windows is refused, in a sentence for the grown-up. */
export type WindowsProblem = Readonly<{ code: 'SCHEDULE_OVERLAP'; message: string }>;

/**
 * Checks a week of windows: a window that starts and ends at the same time, and windows that
 * overlap (on one day, or a window across midnight running into the next day's), are refused.
 * Windows that only touch (`20:00–22:00`, `22:00–07:00`) are fine.
 */
export function checkWindows(windows: WeeklyWindows): WindowsProblem | undefined {
  const spans: { from: number; to: number; label: string }[] = [];
  for (const [i, day] of WEEKDAYS.entries()) {
    for (const w of windows[day]) {
      const s = minutesOf(w.start);
      const e = minutesOf(w.end);
      if (s === e) {
        return {
          code: 'SCHEDULE_OVERLAP',
          message: `The time ${w.start}–${w.end} on ${day} starts and ends at the same moment. Please pick a different end.`,
        };
      }
      const from = i * 1440 + s;
      spans.push({ from, to: from + ((e - s + 1440) % 1440), label: `${day} ${w.start}–${w.end}` });
    }
  }
  spans.sort((a, b) => a.from - b.from);
  for (const [k, span] of spans.entries()) {
    // The next one, the last wrapping round to the first of the week.
    const next = spans[(k + 1) % spans.length];
    if (!next || spans.length < 2) break;
    const nextFrom = k + 1 < spans.length ? next.from : next.from + WEEK_MINUTES;
    if (span.to > nextFrom) {
      return {
        code: 'SCHEDULE_OVERLAP',
        message: `The times ${span.label} and ${next.label} overlap. Please make them one time or move one.`,
      };
    }
  }
  return undefined;
}

/**
 * The stretches the windows cover that meet `[from, to)`, as instants in the zone: each window is
 * placed on the local day it starts on (its end on the next day when it runs across midnight),
 * with the DST rules of {@link resolveLocal}. Sorted, touching ones merged.
 */
export function windowIntervals(windows: WeeklyWindows, zone: string, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  const first = addDays(localDayOf(zone, from), -1);
  const last = localDayOf(zone, to);
  for (let day = first, n = 0; n < 400; day = addDays(day, 1), n++) {
    const weekday = WEEKDAYS[weekdayIndex(day)];
    if (weekday === undefined) break;
    for (const w of windows[weekday]) {
      const s = minutesOf(w.start);
      const e = minutesOf(w.end);
      const start = resolveLocal(zone, day, s).instant;
      const end = resolveLocal(zone, e > s ? day : addDays(day, 1), e).instant;
      if (end > start && end > from && start < to) out.push({ start, end });
    }
    if (day.year === last.year && day.month === last.month && day.day === last.day) break;
  }
  return mergeIntervals(out);
}

/** Sorted, overlapping and touching stretches joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const i of sorted) {
    const prev = out[out.length - 1];
    if (prev && i.start <= prev.end) prev.end = Math.max(prev.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** The stretch containing `at`, if any. */
export function intervalAt(intervals: readonly Interval[], at: number): Interval | undefined {
  return intervals.find((i) => i.start <= at && at < i.end);
}

/** Whether `at` falls in one of the windows. */
export function withinWindows(windows: WeeklyWindows, zone: string, at: number): boolean {
  return intervalAt(windowIntervals(windows, zone, at, at + 1), at) !== undefined;
}

/** The next instant after `at` (within `horizonMs`) where the windows start or end, if any. */
export function nextWindowEdge(windows: WeeklyWindows, zone: string, at: number, horizonMs: number): number | undefined {
  let best: number | undefined;
  for (const i of windowIntervals(windows, zone, at, at + horizonMs)) {
    for (const t of [i.start, i.end]) if (t > at && (best === undefined || t < best)) best = t;
  }
  return best;
}

/** The quiet stretches meeting `[from, to)`: the windows (if any) and the extra stretches given, merged. */
function quietStretches(
  windows: WeeklyWindows | null,
  zone: string,
  from: number,
  to: number,
  extra: readonly Interval[],
): Interval[] {
  const placed = windows ? windowIntervals(windows, zone, from, to) : [];
  return mergeIntervals([...placed, ...extra.filter((i) => i.end > from && i.start < to && i.end > i.start)]);
}

/**
 * When a message held for a child with these quiet windows expires: once `nonQuietMs` of the
 * child's non-quiet time has passed since `from`, and in any case `capMs` after it. `extra`:
 * further quiet stretches (a guardian's "quiet now until …").
 */
export function nonQuietDeadline(
  windows: WeeklyWindows | null,
  zone: string,
  from: number,
  nonQuietMs: number,
  capMs: number,
  extra: readonly Interval[] = [],
): number {
  const cap = from + Math.max(0, capMs);
  let left = Math.max(0, nonQuietMs);
  let at = from;
  for (const q of quietStretches(windows, zone, from, cap, extra)) {
    if (q.end <= at) continue;
    const open = Math.max(0, q.start - at);
    if (open >= left) return Math.min(cap, at + left);
    left -= open;
    at = Math.max(at, q.end);
  }
  return Math.min(cap, at + left);
}

/** How much of `[from, to)` is the child's non-quiet time (outside the windows and the extra stretches). */
export function nonQuietBetween(
  windows: WeeklyWindows | null,
  zone: string,
  from: number,
  to: number,
  extra: readonly Interval[] = [],
): number {
  if (to <= from) return 0;
  let quiet = 0;
  for (const q of quietStretches(windows, zone, from, to, extra)) quiet += Math.min(to, q.end) - Math.max(from, q.start);
  return to - from - quiet;
}

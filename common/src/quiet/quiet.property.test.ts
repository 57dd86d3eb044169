import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { WEEKDAYS, type WeeklyWindows } from '../schemas/quiet';
import { checkWindows, evaluateQuiet, minutesOf, type QuietInputs } from './index';

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney'] as const;
/** The 2026 clock changes of those zones (UTC), so the instants cluster around them. */
const CHANGES = [
  Date.UTC(2026, 2, 29, 1),
  Date.UTC(2026, 9, 25, 1),
  Date.UTC(2026, 2, 8, 7),
  Date.UTC(2026, 10, 1, 6),
  Date.UTC(2026, 3, 4, 16),
  Date.UTC(2026, 9, 3, 16),
];
const HOUR = 3_600_000;

const clock = fc
  .integer({ min: 0, max: 47 })
  .map((half) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`);
const window = fc.record({ start: clock, end: clock });
const week: fc.Arbitrary<WeeklyWindows> = fc
  .tuple(...WEEKDAYS.map(() => fc.array(window, { maxLength: 3 })))
  .map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i] ?? []])) as WeeklyWindows)
  .filter((w) => checkWindows(w) === undefined);
const instant = fc
  .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -36 * HOUR, max: 36 * HOUR }))
  .map(([c, d]) => c + Math.round(d / 60_000) * 60_000);

const inputsOf = (quiet: WeeklyWindows, timeZone: string): QuietInputs => ({
  schedule: { quiet, dailyLimitMinutes: null, trustedGrownUpsReach: false },
  timeZone,
  quietNowUntil: null,
  extraMinutesToday: 0,
  usedMinutesToday: 0,
  counting: false,
});

/** The reference: by wall-clock fields only (Luxon's own), where a wall time happens once. */
function wallQuiet(quiet: WeeklyWindows, zone: string, t: number): boolean {
  const local = DateTime.fromMillis(t, { zone });
  const minute = local.hour * 60 + local.minute;
  const today = WEEKDAYS[local.weekday - 1] ?? 'mon';
  const yesterday = WEEKDAYS[(local.weekday + 5) % 7] ?? 'mon';
  for (const w of quiet[today]) {
    const s = minutesOf(w.start);
    const e = minutesOf(w.end);
    if (e > s ? s <= minute && minute < e : s <= minute) return true;
  }
  for (const w of quiet[yesterday]) {
    const s = minutesOf(w.start);
    const e = minutesOf(w.end);
    if (e <= s && minute < e) return true;
  }
  return false;
}

/** Whether the wall time of `t` happens only once (not in the hour the clocks go back over). */
function happensOnce(zone: string, t: number): boolean {
  const off = (x: number): number => DateTime.fromMillis(x, { zone }).offset;
  return off(t - 2 * HOUR) === off(t) && off(t + 2 * HOUR) === off(t);
}

describe('quiet schedule properties across the clock changes', () => {
  it('agrees with the wall clock wherever a wall time happens once', () => {
    fc.assert(
      fc.property(week, fc.constantFrom(...ZONES), instant, (quiet, zone, t) => {
        fc.pre(happensOnce(zone, t));
        expect(evaluateQuiet(inputsOf(quiet, zone), t).quiet).toBe(wallQuiet(quiet, zone, t));
      }),
      { numRuns: 300 },
    );
  });

  it('ends quiet where it says, and starts it where it says', () => {
    fc.assert(
      fc.property(week, fc.constantFrom(...ZONES), instant, (quiet, zone, t) => {
        const s = evaluateQuiet(inputsOf(quiet, zone), t);
        if (s.quiet) {
          expect(s.endsInMs).toBeGreaterThan(0);
          expect(evaluateQuiet(inputsOf(quiet, zone), t + (s.endsInMs ?? 0)).quiet).toBe(false);
          expect(evaluateQuiet(inputsOf(quiet, zone), t + (s.endsInMs ?? 0) - 1).quiet).toBe(true);
        } else if (s.startsInMs !== null) {
          expect(evaluateQuiet(inputsOf(quiet, zone), t + s.startsInMs).quiet).toBe(true);
          expect(evaluateQuiet(inputsOf(quiet, zone), t + s.startsInMs - 1).quiet).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is never quiet with no windows, and tells an end within the week when quiet', () => {
    fc.assert(
      fc.property(week, fc.constantFrom(...ZONES), instant, (quiet, zone, t) => {
        const s = evaluateQuiet(inputsOf(quiet, zone), t);
        if (s.quiet) expect(s.endsInMs).toBeLessThanOrEqual(7 * 24 * HOUR + 2 * HOUR);
        const empty = evaluateQuiet(inputsOf({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, zone), t);
        expect(empty.quiet).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

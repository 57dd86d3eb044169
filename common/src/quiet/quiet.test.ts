import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { QuietSchedule, WeeklyWindows } from '../schemas/quiet';
import {
  checkWindows,
  evaluateQuiet,
  isKnownZone,
  nonQuietBetween,
  nonQuietDeadline,
  quietUntilInstant,
  resolveLocal,
  withinWindows,
} from './index';

const none: WeeklyWindows = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const every = (start: string, end: string): WeeklyWindows => ({
  mon: [{ start, end }],
  tue: [{ start, end }],
  wed: [{ start, end }],
  thu: [{ start, end }],
  fri: [{ start, end }],
  sat: [{ start, end }],
  sun: [{ start, end }],
});
const at = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();
const schedule = (quiet: WeeklyWindows, dailyLimitMinutes: number | null = null): QuietSchedule => ({
  quiet,
  dailyLimitMinutes,
  trustedGrownUpsReach: false,
});
const inputs = (s: QuietSchedule | null, timeZone: string) => ({
  schedule: s,
  timeZone,
  quietNowUntil: null,
  extraMinutesToday: 0,
  usedMinutesToday: 0,
  counting: false,
});

describe('quiet windows', () => {
  it('refuses windows of one day that overlap, and a window into the next day’s', () => {
    expect(
      checkWindows({
        ...none,
        mon: [
          { start: '20:00', end: '07:00' },
          { start: '21:00', end: '22:00' },
        ],
      })?.code,
    ).toBe('SCHEDULE_OVERLAP');
    expect(
      checkWindows({ ...none, mon: [{ start: '20:00', end: '07:00' }], tue: [{ start: '06:30', end: '08:00' }] })?.code,
    ).toBe('SCHEDULE_OVERLAP');
    expect(
      checkWindows({ ...none, sun: [{ start: '22:00', end: '02:00' }], mon: [{ start: '01:00', end: '03:00' }] })?.code,
    ).toBe('SCHEDULE_OVERLAP');
    expect(checkWindows({ ...none, mon: [{ start: '10:00', end: '10:00' }] })?.code).toBe('SCHEDULE_OVERLAP');
  });

  it('accepts several windows a day, touching ones and windows across midnight', () => {
    expect(
      checkWindows({
        ...none,
        mon: [
          { start: '12:00', end: '13:00' },
          { start: '20:00', end: '22:00' },
          { start: '22:00', end: '07:00' },
        ],
        tue: [{ start: '07:00', end: '08:00' }],
      }),
    ).toBeUndefined();
  });

  it('is quiet across midnight and tells when it ends, in the child’s zone', () => {
    const s = schedule(every('20:00', '07:00'));
    const status = evaluateQuiet(inputs(s, 'Europe/Madrid'), at('2026-06-10T23:30', 'Europe/Madrid'));
    expect(status).toMatchObject({ quiet: true, reason: 'schedule', endsAt: '07:00', endsInMs: 7.5 * 3_600_000 });
    const day = evaluateQuiet(inputs(s, 'Europe/Madrid'), at('2026-06-10T19:00', 'Europe/Madrid'));
    expect(day).toMatchObject({ quiet: false, startsInMs: 3_600_000, endsAt: null });
  });

  it('moves an edge in the spring gap to the first instant after it, and takes a repeated time’s first occurrence', () => {
    // London, 29 March 2026: 01:00 GMT jumps to 02:00 BST.
    const gap = resolveLocal('Europe/London', { year: 2026, month: 3, day: 29 }, 90);
    expect(gap).toEqual({ instant: Date.UTC(2026, 2, 29, 1, 0), exists: false });
    // London, 25 October 2026: 02:00 BST goes back to 01:00 GMT; 01:30 happens twice.
    const twice = resolveLocal('Europe/London', { year: 2026, month: 10, day: 25 }, 90);
    expect(twice).toEqual({ instant: Date.UTC(2026, 9, 25, 0, 30), exists: true });
    // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT.
    expect(resolveLocal('America/New_York', { year: 2026, month: 3, day: 8 }, 150).instant).toBe(Date.UTC(2026, 2, 8, 7, 0));
    // A window from 01:30 on the London spring day starts when the clocks reach 02:00.
    const s = schedule({ ...none, sun: [{ start: '01:30', end: '06:00' }] });
    expect(evaluateQuiet(inputs(s, 'Europe/London'), Date.UTC(2026, 2, 29, 0, 59)).quiet).toBe(false);
    expect(evaluateQuiet(inputs(s, 'Europe/London'), Date.UTC(2026, 2, 29, 1, 0)).quiet).toBe(true);
  });

  it('refuses "quiet now until" a time the clocks skip that day', () => {
    const before = Date.UTC(2026, 2, 28, 22, 0); // Saturday 22:00 in London
    expect(quietUntilInstant('Europe/London', '01:30', before)).toMatchObject({
      ok: false,
      problem: { code: 'TIME_NOT_IN_DAY' },
    });
    expect(quietUntilInstant('Europe/London', '07:00', before)).toEqual({ ok: true, instant: Date.UTC(2026, 2, 29, 6, 0) });
    // Sydney, 5 April 2026: 03:00 AEDT goes back to 02:00 AEST; 02:30 is its first occurrence.
    const syd = quietUntilInstant('Australia/Sydney', '02:30', Date.UTC(2026, 3, 4, 12, 0));
    expect(syd).toEqual({ ok: true, instant: Date.UTC(2026, 3, 4, 15, 30) });
  });

  it('knows IANA zones and not made-up ones', () => {
    expect(isKnownZone('Australia/Sydney')).toBe(true);
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('counts the daily limit with extra minutes, quiet until the day ends once used up', () => {
    const s = schedule(every('21:00', '07:00'), 60);
    const noon = at('2026-06-10T12:00', 'Europe/London');
    const used = { ...inputs(s, 'Europe/London'), usedMinutesToday: 60 };
    expect(evaluateQuiet(used, noon)).toMatchObject({ quiet: true, reason: 'limit', minutesLeftToday: 0, endsAt: '07:00' });
    expect(evaluateQuiet({ ...used, extraMinutesToday: 15 }, noon)).toMatchObject({ quiet: false, minutesLeftToday: 15 });
    const counting = evaluateQuiet({ ...used, extraMinutesToday: 15, counting: true }, noon);
    expect(counting.startsInMs).toBe(15 * 60_000);
  });

  it('narrows contact time with allowed windows', () => {
    const friends = every('15:00', '19:00');
    expect(withinWindows(friends, 'America/New_York', at('2026-06-10T16:00', 'America/New_York'))).toBe(true);
    expect(withinWindows(friends, 'America/New_York', at('2026-06-10T19:00', 'America/New_York'))).toBe(false);
  });

  it('lets a held message live through quiet time: its TTL counts non-quiet time only, up to a cap', () => {
    const nights = every('20:00', '08:00');
    const from = at('2026-06-10T19:00', 'Europe/London');
    const hour = 3_600_000;
    // 1 h before quiet, then 12 h quiet, then 2 more hours: 10:00 the next day.
    expect(nonQuietDeadline(nights, 'Europe/London', from, 3 * hour, 48 * hour)).toBe(at('2026-06-11T10:00', 'Europe/London'));
    expect(nonQuietDeadline(nights, 'Europe/London', from, 3 * hour, 5 * hour)).toBe(from + 5 * hour);
    expect(nonQuietDeadline(every('20:00', '08:00'), 'Europe/London', from, 15 * 24 * hour, 30 * 24 * hour)).toBe(
      from + 30 * 24 * hour,
    );
  });

  it('counts a guardian’s "quiet now" as quiet too, and measures the non-quiet time of a stretch', () => {
    const nights = every('20:00', '08:00');
    const from = at('2026-06-10T10:00', 'Europe/London');
    const hour = 3_600_000;
    const now = [{ start: from + hour, end: from + 3 * hour }];
    // 10:00–11:00 open, 11:00–13:00 quiet now, 13:00–14:00 open: 2 h of allowance end at 14:00.
    expect(nonQuietDeadline(nights, 'Europe/London', from, 2 * hour, 48 * hour, now)).toBe(from + 4 * hour);
    expect(nonQuietDeadline(null, 'Europe/London', from, 2 * hour, 48 * hour, now)).toBe(from + 4 * hour);
    expect(nonQuietDeadline(null, 'Europe/London', from, 2 * hour, 48 * hour)).toBe(from + 2 * hour);
    // 10:00 to 22:00: 12 h, less 2 h quiet now and 2 h of the night.
    expect(nonQuietBetween(nights, 'Europe/London', from, from + 12 * hour, now)).toBe(8 * hour);
    expect(nonQuietBetween(null, 'Europe/London', from, from + 12 * hour)).toBe(12 * hour);
    expect(nonQuietBetween(nights, 'Europe/London', from, from)).toBe(0);
  });
});

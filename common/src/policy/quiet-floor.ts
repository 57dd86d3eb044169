import { WEEKDAYS, type QuietSchedule, type TimeWindow, type WeeklyWindows } from '../schemas/quiet';

/**
 * A child's schedule as it applies on a PC whose machine policy sets a quiet-hours floor
 * (issue 17): the floor joins every day's windows (overlaps merge when the relay evaluates them),
 * so the floor only ever adds quiet time. No schedule: the floor alone, no daily limit.
 */
export function scheduleWithFloor(schedule: QuietSchedule | null, floor: TimeWindow): QuietSchedule {
  const base = schedule?.quiet;
  const quiet = Object.fromEntries(WEEKDAYS.map((d) => [d, [...(base?.[d] ?? []), floor]])) as unknown as WeeklyWindows;
  return {
    quiet,
    dailyLimitMinutes: schedule?.dailyLimitMinutes ?? null,
    trustedGrownUpsReach: schedule?.trustedGrownUpsReach ?? false,
  };
}

import { IANAZone } from 'luxon';

/**
 * Wall-clock arithmetic in an IANA zone, on top of Luxon's zone data (never hand-written
 * offsets). A "wall" value is the local date and time written as if it were UTC milliseconds.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Whether the zone library knows this IANA zone name. */
export function isKnownZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`unknown time zone ${name}`);
  return zone;
}

/** The wall value of an instant in this zone. */
export function wallOf(zone: string, instant: number): number {
  return instant + zoneOf(zone).offset(instant) * MINUTE_MS;
}

/** A local calendar day. */
export type LocalDay = Readonly<{ year: number; month: number; day: number }>;

export function localDayOf(zone: string, instant: number): LocalDay {
  const d = new Date(wallOf(zone, instant));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD`, the key of a local day. */
export function dayKey(day: LocalDay): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

export function addDays(day: LocalDay, days: number): LocalDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: LocalDay): number {
  return (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7;
}

/** Where a local time of day lands: the instant, and whether that wall time exists there. */
export type Resolved = Readonly<{ instant: number; exists: boolean }>;

/**
 * The instant of a wall-clock time (minutes after local midnight; 1440 is the next midnight) on a
 * local day. A repeated time (the clocks went back) takes its first occurrence; a time in a gap
 * (the clocks went forward) does not exist, and moves to the first instant after the gap.
 */
export function resolveLocal(zone: string, day: LocalDay, minuteOfDay: number): Resolved {
  const z = zoneOf(zone);
  const wall = Date.UTC(day.year, day.month - 1, day.day) + minuteOfDay * MINUTE_MS;
  const offsets = [...new Set([z.offset(wall - DAY_MS), z.offset(wall), z.offset(wall + DAY_MS)])];
  const fits = offsets.map((o) => wall - o * MINUTE_MS).filter((t) => t + z.offset(t) * MINUTE_MS === wall);
  if (fits.length > 0) return { instant: Math.min(...fits), exists: true };
  // In a gap: the earliest instant whose wall value is past the asked one (the transition).
  let lo = wall - Math.max(...offsets) * MINUTE_MS;
  let hi = wall - Math.min(...offsets) * MINUTE_MS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + z.offset(mid) * MINUTE_MS > wall) hi = mid;
    else lo = mid;
  }
  return { instant: hi, exists: false };
}

/** The local `HH:MM` of an instant. */
export function clockTimeOf(zone: string, instant: number): string {
  const d = new Date(wallOf(zone, instant));
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Minutes after midnight of an `HH:MM`. */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The local day an instant falls on, as instants: its first instant and the next day's. */
export function dayBounds(zone: string, instant: number): Readonly<{ key: string; start: number; end: number }> {
  const day = localDayOf(zone, instant);
  return {
    key: dayKey(day),
    start: resolveLocal(zone, day, 0).instant,
    end: resolveLocal(zone, addDays(day, 1), 0).instant,
  };
}

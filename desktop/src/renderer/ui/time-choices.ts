const pad = (n: number): string => String(n).padStart(2, '0');

/** The hours of the 24-hour clock, `00` to `23`. */
export const HOURS: readonly string[] = Array.from({ length: 24 }, (_x, h) => pad(h));
/** Minutes in steps of five: enough for bedtimes, and a short list to scroll. */
const FIVE_MINUTES: readonly string[] = Array.from({ length: 12 }, (_x, i) => pad(i * 5));

/** The minutes offered: every fifth, and the value's own minute when it is between (a time set elsewhere). */
export function minuteChoices(minute: string): readonly string[] {
  return FIVE_MINUTES.includes(minute) ? FIVE_MINUTES : [...FIVE_MINUTES, minute].sort();
}

/** How the family screens say dates and how old an account is. */
const DAY = 24 * 60 * 60 * 1000;

/** Whole days since `at` (0 the same day; never negative). */
export function daysSince(at: number, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - at) / DAY));
}

/** A date in the interface's language, e.g. "Dec 3, 2026". */
export function shortDate(at: number, language: string | undefined): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(at);
}

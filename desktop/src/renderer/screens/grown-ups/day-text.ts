/** A `YYYY-MM-DD` day (UTC) in the pane's language, without moving it across a time zone (last seen, F18). */
export function dayText(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

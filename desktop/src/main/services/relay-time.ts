import type { ActivityDetailDay, UsageView } from '@hearth/common';

const emptyDay = (day: string): ActivityDetailDay => ({
  day,
  minutesInHearth: 0,
  sent: 0,
  received: 0,
  calls: 0,
  callMinutes: 0,
  games: 0,
  contacts: [],
});

/**
 * This PC's days with the relay's time in Hearth in place of its own: a day with counted minutes
 * but nothing done on this PC (the child used another PC) is listed too; days before `firstDay`
 * (this PC's 30-day window) are left out. Newest first, as the PC's days.
 */
export function withRelayTime(days: readonly ActivityDetailDay[], usage: UsageView, firstDay: string): ActivityDetailDay[] {
  const minutes = new Map(usage.days.map((u) => [u.day, u.minutes]));
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const u of usage.days) if (u.minutes > 0 && u.day >= firstDay && !byDay.has(u.day)) byDay.set(u.day, emptyDay(u.day));
  return [...byDay.values()]
    .map((d) => ({ ...d, minutesInHearth: minutes.get(d.day) ?? 0 }))
    .sort((x, y) => (x.day < y.day ? 1 : x.day > y.day ? -1 : 0));
}

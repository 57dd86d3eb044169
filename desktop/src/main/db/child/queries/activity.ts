import type { ActivityDay, ActivityKind } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

/** Records one thing the child did (F10), with the contact it involved. */
export function logActivity(
  db: WritableDB,
  e: Readonly<{ at: number; kind: ActivityKind; contactId?: string | null; minutes?: number }>,
): void {
  prepared(db, `INSERT INTO activity_log (at, kind, contact_id, minutes) VALUES (?, ?, ?, ?)`).run(
    e.at,
    e.kind,
    e.contactId ?? null,
    e.minutes ?? 0,
  );
}

/**
 * Per-day activity since `since` (UTC days), newest day first: minutes active, counts by kind,
 * and how many events involved each contact.
 */
export function activityByDay(db: ReadableDB, since: number): ActivityDay[] {
  const rows = prepared(
    db,
    `SELECT date(at / 1000, 'unixepoch') AS day, kind, contact_id AS contactId, COUNT(*) AS n, SUM(minutes) AS minutes
       FROM activity_log WHERE at >= ? GROUP BY day, kind, contact_id ORDER BY day DESC`,
  ).all(since) as { day: string; kind: ActivityKind; contactId: string | null; n: number; minutes: number }[];
  const days = new Map<string, { minutes: number; counts: Record<string, number>; contacts: Map<string, number> }>();
  for (const r of rows) {
    const d = days.get(r.day) ?? { minutes: 0, counts: {}, contacts: new Map<string, number>() };
    days.set(r.day, d);
    d.minutes += r.minutes;
    d.counts[r.kind] = (d.counts[r.kind] ?? 0) + r.n;
    if (r.contactId) d.contacts.set(r.contactId, (d.contacts.get(r.contactId) ?? 0) + r.n);
  }
  return [...days].map(([day, d]) => ({
    day,
    minutesActive: d.minutes,
    counts: d.counts,
    contacts: [...d.contacts].map(([contactId, events]) => ({ contactId, events })),
  }));
}

import type { DailySummaryContent, ReceivedDailySummary } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

/** A day's counts on this PC (the summary's numbers, without its day and PC name). */
export type DayCounts = Omit<DailySummaryContent, 'kind' | 'day' | 'pcName'>;

type KindRow = Readonly<{ kind: string; n: number; minutes: number | null }>;

/**
 * What the child did on this PC in `[start, end)`: minutes with the profile open, messages sent and
 * received, calls and their minutes, games, and how many people (contacts) any of it was with.
 * Counts only: the activity log holds no words and no pictures.
 */
export function dayCounts(db: ReadableDB, start: number, end: number): DayCounts {
  const rows = prepared(
    db,
    `SELECT kind, COUNT(*) AS n, SUM(minutes) AS minutes FROM activity_log WHERE at >= ? AND at < ? GROUP BY kind`,
  ).all(start, end) as KindRow[];
  const of = (kind: string): KindRow | undefined => rows.find((r) => r.kind === kind);
  const people = prepared(
    db,
    `SELECT COUNT(DISTINCT contact_id) AS n FROM activity_log
       WHERE at >= ? AND at < ? AND contact_id IS NOT NULL AND kind IN ('message-sent', 'message-received', 'call', 'game')`,
  ).get(start, end) as { n: number };
  return {
    minutesInHearth: of('session')?.minutes ?? 0,
    sent: of('message-sent')?.n ?? 0,
    received: of('message-received')?.n ?? 0,
    calls: of('call')?.n ?? 0,
    callMinutes: of('call')?.minutes ?? 0,
    games: of('game')?.n ?? 0,
    people: people.n,
  };
}

/** Whether this PC already sent the child's summary of this local day (`YYYY-MM-DD`). */
export function wasSummarySent(db: ReadableDB, day: string): boolean {
  return prepared(db, `SELECT 1 FROM summaries_sent WHERE day = ?`).get(day) !== undefined;
}

/** Remembers that this day's summary went (once per day; kept 30 days like the rest of the activity). */
export function markSummarySent(db: WritableDB, day: string, at: number): void {
  prepared(db, `INSERT INTO summaries_sent (day, sent_at) VALUES (?, ?) ON CONFLICT (day) DO NOTHING`).run(day, at);
}

type SummaryRow = Readonly<{ messageId: string; receivedAt: number; bodyJson: string }>;

/** The daily summaries this store received from one contact (a child, in parent mode), newest day first. */
export function receivedSummaries(db: ReadableDB, contactId: string, limit: number): ReceivedDailySummary[] {
  const rows = prepared(
    db,
    `SELECT id AS messageId, stored_at AS receivedAt, body_json AS bodyJson FROM messages
       WHERE contact_id = ? AND direction = 'in' AND json_extract(body_json, '$.kind') = 'daily-summary'
       ORDER BY json_extract(body_json, '$.day') DESC, id DESC LIMIT ?`,
  ).all(contactId, limit) as SummaryRow[];
  return rows.map((r) => ({
    messageId: r.messageId,
    receivedAt: r.receivedAt,
    summary: JSON.parse(r.bodyJson) as DailySummaryContent,
  }));
}

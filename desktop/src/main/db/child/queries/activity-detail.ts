import type { ActivityDetailDay, ContactDayActivity, FriendshipHistoryEntry, ImageLogItem, PlayedGame } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

type Row = Readonly<{ day: string; kind: string; contactId: string | null; n: number; minutes: number }>;

const emptyContact = (contactId: string): ContactDayActivity => ({
  contactId,
  sent: 0,
  received: 0,
  calls: 0,
  callMinutes: 0,
  games: 0,
});

type EventRow = Readonly<{ at: number; kind: string; contactId: string | null; minutes: number }>;

/** The UTC date of an instant, `YYYY-MM-DD`. */
export const utcDayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** Events since `since`, counted per day as `dayOf` names it (a local day in the child's zone, or UTC). */
function rowsByDay(db: ReadableDB, since: number, dayOf: (at: number) => string): Row[] {
  const events = prepared(
    db,
    `SELECT at, kind, contact_id AS contactId, minutes FROM activity_log WHERE at >= ? ORDER BY at`,
  ).all(since) as EventRow[];
  const rows = new Map<string, { day: string; kind: string; contactId: string | null; n: number; minutes: number }>();
  for (const e of events) {
    const day = dayOf(e.at);
    const key = JSON.stringify([day, e.kind, e.contactId]);
    const r = rows.get(key) ?? { day, kind: e.kind, contactId: e.contactId, n: 0, minutes: 0 };
    r.n += 1;
    r.minutes += e.minutes;
    rows.set(key, r);
  }
  // Newest day first, then by contact (none first), as the lines are shown.
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return [...rows.values()].sort((x, y) => cmp(y.day, x.day) || cmp(x.contactId ?? '', y.contactId ?? ''));
}

/**
 * Per day since `since` (UTC dates unless `dayOf` says otherwise: the child's own days when the
 * relay named the zone), newest first: totals and one line per contact (messages sent and
 * received, calls and their minutes, games) plus the minutes the child's profile was open.
 */
export function activityDetailByDay(
  db: ReadableDB,
  since: number,
  dayOf: (at: number) => string = utcDayOf,
): ActivityDetailDay[] {
  const rows = rowsByDay(db, since, dayOf);
  const days = new Map<string, { minutesInHearth: number; contacts: Map<string, ContactDayActivity> }>();
  for (const r of rows) {
    const d = days.get(r.day) ?? { minutesInHearth: 0, contacts: new Map<string, ContactDayActivity>() };
    days.set(r.day, d);
    if (r.kind === 'session') d.minutesInHearth += r.minutes;
    if (r.contactId === null) continue;
    const c = d.contacts.get(r.contactId) ?? emptyContact(r.contactId);
    if (r.kind === 'message-sent') c.sent += r.n;
    else if (r.kind === 'message-received') c.received += r.n;
    else if (r.kind === 'call') {
      c.calls += r.n;
      c.callMinutes += r.minutes;
    } else if (r.kind === 'game') c.games += r.n;
    else continue; // 'friend' events are not counted per day
    d.contacts.set(r.contactId, c);
  }
  const played = playedGamesByDay(db, since, dayOf);
  return [...days].map(([day, d]) => {
    const contacts = [...d.contacts.values()];
    const games = played.get(day);
    const sum = (k: keyof Omit<ContactDayActivity, 'contactId'>): number => contacts.reduce((n, c) => n + c[k], 0);
    return {
      day,
      minutesInHearth: d.minutesInHearth,
      sent: sum('sent'),
      received: sum('received'),
      calls: sum('calls'),
      callMinutes: sum('callMinutes'),
      games: sum('games'),
      contacts,
      ...(games ? { playedGames: games } : {}),
    };
  });
}

/** Games finished since `since` (not abandoned), per day, oldest first, with the outcome for the child. */
function playedGamesByDay(db: ReadableDB, since: number, dayOf: (at: number) => string): Map<string, PlayedGame[]> {
  const rows = prepared(
    db,
    `SELECT contact_id AS contactId, game, result, finished_at AS at FROM game_matches
      WHERE finished_at >= ? AND json_extract(result, '$.kind') <> 'abandoned' ORDER BY finished_at`,
  ).all(since) as { contactId: string; game: PlayedGame['game']; result: string; at: number }[];
  const byDay = new Map<string, PlayedGame[]>();
  for (const r of rows) {
    const result = JSON.parse(r.result) as { kind: string; winner?: string };
    const outcome: PlayedGame['outcome'] =
      result.kind === 'won' ? (result.winner === r.contactId ? 'lost' : 'won') : result.kind === 'draw' ? 'draw' : 'finished';
    const day = dayOf(r.at);
    byDay.set(day, [...(byDay.get(day) ?? []), { contactId: r.contactId, game: r.game, outcome }]);
  }
  return byDay;
}

/** Deletes activity, history and image-log opens older than `before` (the 30-day window). */
export function pruneActivity(db: WritableDB, before: number): void {
  prepared(db, `DELETE FROM activity_log WHERE at < ?`).run(before);
  prepared(db, `DELETE FROM friendship_history WHERE at < ?`).run(before);
  prepared(db, `DELETE FROM image_log_opens WHERE at < ?`).run(before);
  prepared(db, `DELETE FROM summaries_sent WHERE sent_at < ?`).run(before);
}

/** Records a block, unblock or report, with the child's stated reason. */
export function logFriendshipHistory(db: WritableDB, e: FriendshipHistoryEntry): void {
  prepared(db, `INSERT INTO friendship_history (at, contact_id, action, by_whom, reason) VALUES (?, ?, ?, ?, ?)`).run(
    e.at,
    e.contactId,
    e.action,
    e.by,
    e.reason,
  );
}

/** Blocks, unblocks and reports since `since`, newest first. */
export function friendshipHistory(db: ReadableDB, since: number): FriendshipHistoryEntry[] {
  return prepared(
    db,
    `SELECT at, contact_id AS contactId, action, by_whom AS "by", reason FROM friendship_history
       WHERE at >= ? ORDER BY at DESC, id DESC`,
  ).all(since) as FriendshipHistoryEntry[];
}

/** Records that a grown-up opened the image log (at most one row per millisecond). */
export function logImageLogOpen(db: WritableDB, at: number): void {
  prepared(db, `INSERT INTO image_log_opens (at) VALUES (?) ON CONFLICT (at) DO NOTHING`).run(at);
}

/** When the image log was opened since `since`, newest first. */
export function imageLogOpens(db: ReadableDB, since: number): number[] {
  return (prepared(db, `SELECT at FROM image_log_opens WHERE at >= ? ORDER BY at DESC`).all(since) as { at: number }[]).map(
    (r) => r.at,
  );
}

const IMAGE_WHERE = `json_extract(m.body_json, '$.kind') IN ('photo', 'video')`;

/** The child's photo and video messages on this PC, newest first. */
export function imageLog(db: ReadableDB): ImageLogItem[] {
  const rows = prepared(
    db,
    `SELECT m.id AS messageId, m.contact_id AS contactId, m.direction, json_extract(m.body_json, '$.kind') AS kind,
            m.sent_at AS sentAt, json_extract(m.body_json, '$.attachment.hash') AS hash,
            json_extract(m.body_json, '$.attachment.mime') AS mime
       FROM messages m WHERE ${IMAGE_WHERE} ORDER BY m.id DESC`,
  ).all() as ImageLogItem[];
  return rows;
}

/** How many photo and video messages the child has on this PC. */
export function countImages(db: ReadableDB): number {
  return (prepared(db, `SELECT COUNT(*) AS n FROM messages m WHERE ${IMAGE_WHERE}`).get() as { n: number }).n;
}

/** True if a photo or video message of the child's refers to this file. */
export function isImageOfLog(db: ReadableDB, hash: string): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM messages m WHERE ${IMAGE_WHERE} AND json_extract(m.body_json, '$.attachment.hash') = ? LIMIT 1`,
    ).get(hash) !== undefined
  );
}

/**
 * What a SQLite relay's file says of its messages, read the way the relay itself reads it.
 *
 * A delivered message is remembered in one of two places (migration 23): a `message_outcomes`
 * row, or its own `messages` row turned into a record (`done_at` set, content cleared) when its
 * first delivery was also its last queue row. Which one depends on the order the devices
 * acknowledged in, so a test must never count only one of them.
 */

/** The part of a better-sqlite3 database these reads use (a readonly handle or the relay's own). */
export type SqliteReader = Readonly<{
  prepare(sql: string): { get(...params: unknown[]): unknown };
}>;

const count = (db: SqliteReader, sql: string, ...params: unknown[]): number =>
  (db.prepare(sql).get(...params) as { n: number }).n;

/** Messages the relay still holds for delivery (done records left out). */
export const heldMessageCount = (db: SqliteReader): number =>
  count(db, 'SELECT count(*) AS n FROM messages WHERE done_at IS NULL');

/** Whether the relay still holds this message for delivery. */
export const isHeld = (db: SqliteReader, id: string): boolean =>
  count(db, 'SELECT count(*) AS n FROM messages WHERE id = ? AND done_at IS NULL', id) > 0;

/** Messages remembered as delivered: outcome rows and done records together. */
export const deliveredCount = (db: SqliteReader): number =>
  count(
    db,
    `SELECT (SELECT count(*) FROM message_outcomes WHERE outcome = 'delivered')
          + (SELECT count(*) FROM messages WHERE done_at IS NOT NULL) AS n`,
  );

/** What is remembered of one message once it is no longer held, or undefined. */
export const outcomeOf = (db: SqliteReader, id: string): { outcome: string; notify: number } | undefined =>
  db
    .prepare(
      `SELECT outcome, notify_sender AS notify FROM message_outcomes WHERE id = ?
       UNION ALL SELECT 'delivered', 0 FROM messages WHERE id = ? AND done_at IS NOT NULL`,
    )
    .get(id, id) as { outcome: string; notify: number } | undefined;

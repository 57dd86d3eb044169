import type { GameEnvelope, GameResult, GameState, GameType, LoggedMove, MatchLog } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

/** One stored match: its log's header, the state the log gives, and when it was played. */
export type StoredMatch = Readonly<{
  log: MatchLog;
  contactId: string;
  result: GameResult;
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** Memory: this child's committed random value, kept until revealed. */
  secret: string | null;
}>;

type MatchRow = Readonly<{
  matchId: string;
  contactId: string;
  game: GameType;
  playerA: string;
  playerB: string;
  seed: string | null;
  stateJson: string;
  result: string;
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
  secret: string | null;
}>;

const COLUMNS = `match_id AS matchId, contact_id AS contactId, game, player_a AS playerA, player_b AS playerB, seed,
  state_json AS stateJson, result, started_at AS startedAt, updated_at AS updatedAt, finished_at AS finishedAt, secret`;

function movesOf(db: ReadableDB, matchId: string): LoggedMove[] {
  const rows = prepared(db, `SELECT by_account AS byAccount, envelope_json AS e FROM game_moves WHERE match_id = ? ORDER BY n`).all(
    matchId,
  ) as { byAccount: string; e: string }[];
  return rows.map((r) => ({ by: r.byAccount, envelope: JSON.parse(r.e) as GameEnvelope }));
}

function toStored(db: ReadableDB, r: MatchRow): StoredMatch {
  return {
    log: {
      game: r.game,
      matchId: r.matchId,
      seed: r.seed,
      players: [r.playerA, r.playerB],
      state: JSON.parse(r.stateJson) as GameState,
      moves: movesOf(db, r.matchId),
    },
    contactId: r.contactId,
    result: JSON.parse(r.result) as GameResult,
    startedAt: r.startedAt,
    updatedAt: r.updatedAt,
    finishedAt: r.finishedAt,
    secret: r.secret,
  };
}

export function getMatch(db: ReadableDB, matchId: string): StoredMatch | undefined {
  const row = prepared(db, `SELECT ${COLUMNS} FROM game_matches WHERE match_id = ?`).get(matchId) as MatchRow | undefined;
  return row && toStored(db, row);
}

/** Matches, most recently played first, optionally with one friend. */
export function listMatches(db: ReadableDB, contactId: string | undefined, limit = 200): StoredMatch[] {
  const rows = (
    contactId === undefined
      ? prepared(db, `SELECT ${COLUMNS} FROM game_matches ORDER BY updated_at DESC, match_id DESC LIMIT ?`).all(limit)
      : prepared(db, `SELECT ${COLUMNS} FROM game_matches WHERE contact_id = ? ORDER BY updated_at DESC, match_id DESC LIMIT ?`).all(
          contactId,
          limit,
        )
  ) as MatchRow[];
  return rows.map((r) => toStored(db, r));
}

/** Every match's header and result (no moves): what scores and the activity detail read. */
export function matchResults(
  db: ReadableDB,
  contactId?: string,
): { matchId: string; contactId: string; game: GameType; result: GameResult; finishedAt: number | null }[] {
  const select = `SELECT match_id AS matchId, contact_id AS contactId, game, result, finished_at AS finishedAt FROM game_matches`;
  const rows = (
    contactId === undefined
      ? prepared(db, `${select} ORDER BY started_at`).all()
      : prepared(db, `${select} WHERE contact_id = ? ORDER BY started_at`).all(contactId)
  ) as { matchId: string; contactId: string; game: GameType; result: string; finishedAt: number | null }[];
  return rows.map((r) => ({ ...r, result: JSON.parse(r.result) as GameResult }));
}

/** A new match, bound to its pair (the first mover first). */
export function insertMatch(
  db: WritableDB,
  m: Readonly<{ log: MatchLog; contactId: string; result: GameResult; now: number; secret: string | null }>,
): void {
  prepared(
    db,
    `INSERT INTO game_matches (match_id, contact_id, game, player_a, player_b, seed, state_json, result, moves, started_at, updated_at, secret)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  ).run(
    m.log.matchId,
    m.contactId,
    m.log.game,
    m.log.players[0],
    m.log.players[1],
    m.log.seed,
    JSON.stringify(m.log.state),
    JSON.stringify(m.result),
    m.now,
    m.now,
    m.secret,
  );
}

/**
 * Stores the log's state and appends the moves it has beyond what is stored (the log only grows).
 * `finishedAt` is set once, the first time the result is no longer `playing`.
 */
export function saveMatch(db: WritableDB, log: MatchLog, result: GameResult, now: number): void {
  const stored = (prepared(db, `SELECT moves FROM game_matches WHERE match_id = ?`).get(log.matchId) as { moves: number }).moves;
  const add = prepared(db, `INSERT INTO game_moves (match_id, n, by_account, envelope_json, at) VALUES (?, ?, ?, ?, ?)`);
  for (let n = stored; n < log.moves.length; n++) {
    const m = log.moves[n];
    if (m) add.run(log.matchId, n, m.by, JSON.stringify(m.envelope), now);
  }
  prepared(
    db,
    `UPDATE game_matches SET state_json = ?, result = ?, moves = ?, updated_at = ?,
       finished_at = CASE WHEN finished_at IS NULL AND ? <> 'playing' THEN ? ELSE finished_at END WHERE match_id = ?`,
  ).run(JSON.stringify(log.state), JSON.stringify(result), log.moves.length, now, result.kind, now, log.matchId);
}

/** Marks the log's newest move as played in a call and not yet copied to the relay. */
export function markCopyPending(db: WritableDB, matchId: string, n: number): void {
  prepared(db, `UPDATE game_moves SET copy_pending = 1 WHERE match_id = ? AND n = ?`).run(matchId, n);
}

/** A match's call moves still to copy to the relay, oldest first. */
export function pendingCopies(db: ReadableDB, matchId: string): { n: number; envelope: GameEnvelope }[] {
  const rows = prepared(
    db,
    `SELECT n, envelope_json AS e FROM game_moves WHERE match_id = ? AND copy_pending = 1 ORDER BY n`,
  ).all(matchId) as { n: number; e: string }[];
  return rows.map((r) => ({ n: r.n, envelope: JSON.parse(r.e) as GameEnvelope }));
}

/** Matches with call moves still to copy (after a restart). */
export function matchesWithPendingCopies(db: ReadableDB): string[] {
  return (
    prepared(db, `SELECT DISTINCT match_id AS id FROM game_moves WHERE copy_pending = 1`).all() as { id: string }[]
  ).map((r) => r.id);
}

/** These moves are in the outbox now. */
export function markCopied(db: WritableDB, matchId: string, ns: readonly number[]): void {
  const upd = prepared(db, `UPDATE game_moves SET copy_pending = 0 WHERE match_id = ? AND n = ?`);
  for (const n of ns) upd.run(matchId, n);
}

/** Memory: this child's committed random value, kept until revealed. */
export function setMatchSecret(db: WritableDB, matchId: string, secret: string): void {
  prepared(db, `UPDATE game_matches SET secret = ? WHERE match_id = ?`).run(secret, matchId);
}

/** Memory's secret is spent once revealed. */
export function clearMatchSecret(db: WritableDB, matchId: string): void {
  prepared(db, `UPDATE game_matches SET secret = NULL WHERE match_id = ?`).run(matchId);
}

/** Matches still playing (memory's waiting ones are looked at after a restart). */
export function playingMatchIds(db: ReadableDB): string[] {
  return (prepared(db, `SELECT match_id AS id FROM game_matches WHERE finished_at IS NULL`).all() as { id: string }[]).map(
    (r) => r.id,
  );
}

/** The relay's games switch for this child as last heard; on when never heard (the relay's default). */
export function gamesEnabled(db: ReadableDB): boolean {
  const row = prepared(db, `SELECT enabled FROM games_switch WHERE id = 1`).get() as { enabled: number } | undefined;
  return row === undefined || row.enabled === 1;
}

/** Keeps the switch; true when it changed. */
export function setGamesEnabled(db: WritableDB, enabled: boolean): boolean {
  const before = gamesEnabled(db);
  prepared(db, `INSERT INTO games_switch (id, enabled) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled`).run(
    enabled ? 1 : 0,
  );
  return before !== enabled;
}

/** Matches per friend for the export: game, result, when. */
export function matchesForExport(
  db: ReadableDB,
): { matchId: string; contactId: string; game: string; result: string; moves: number; startedAt: number; finishedAt: number | null }[] {
  return prepared(
    db,
    `SELECT match_id AS matchId, contact_id AS contactId, game, json_extract(result, '$.kind') AS result, moves,
       started_at AS startedAt, finished_at AS finishedAt FROM game_matches ORDER BY contact_id, started_at`,
  ).all() as { matchId: string; contactId: string; game: string; result: string; moves: number; startedAt: number; finishedAt: number | null }[];
}

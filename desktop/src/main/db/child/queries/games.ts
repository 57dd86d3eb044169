import type { GameScore } from '@hearth/common';
import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

const SELECT = `SELECT contact_id AS contactId, game, wins, losses, draws, updated_at AS updatedAt FROM game_scores`;

/** Adds one result to the running score with this friend and returns the new score. */
export function recordGameResult(
  db: WritableDB,
  r: Readonly<{ contactId: string; game: string; outcome: 'win' | 'loss' | 'draw'; now: number }>,
): GameScore {
  const column = { win: 'wins', loss: 'losses', draw: 'draws' } as const;
  prepared(
    db,
    `INSERT INTO game_scores (contact_id, game, ${column[r.outcome]}, updated_at) VALUES (?, ?, 1, ?)
     ON CONFLICT (contact_id, game) DO UPDATE SET ${column[r.outcome]} = ${column[r.outcome]} + 1, updated_at = excluded.updated_at`,
  ).run(r.contactId, r.game, r.now);
  return prepared(db, `${SELECT} WHERE contact_id = ? AND game = ?`).get(r.contactId, r.game) as GameScore;
}

/** Scores, most recently played first, optionally with one friend. */
export function listGameScores(db: ReadableDB, contactId: string | undefined): GameScore[] {
  return (
    contactId === undefined
      ? prepared(db, `${SELECT} ORDER BY updated_at DESC`).all()
      : prepared(db, `${SELECT} WHERE contact_id = ? ORDER BY updated_at DESC`).all(contactId)
  ) as GameScore[];
}

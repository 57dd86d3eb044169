import type { GameResult, GameType, MatchView } from '@hearth/common';
import type { StoredMatch } from '../db/child/queries/games';

type ScoreRow = { contactId: string; game: GameType; played: number; won: number; drawn: number };

/** A stored match as the renderer draws it, `turn` relative to this child. */
export function matchView(childId: string, m: StoredMatch): MatchView {
  const state = m.log.state as { turn?: string | null };
  const turn = typeof state.turn === 'string' ? (state.turn === childId ? 'me' : 'them') : null;
  return {
    matchId: m.log.matchId,
    contactId: m.contactId,
    game: m.log.game,
    players: [m.log.players[0], m.log.players[1]],
    state: m.log.state,
    result: m.result,
    turn: m.result.kind === 'playing' ? turn : null,
    moves: m.log.moves.length,
    startedAt: m.startedAt,
    updatedAt: m.updatedAt,
  } as MatchView;
}

/**
 * Played / won / drawn per friend and game, from each match's `result()`: an abandoned or unfinished
 * match does not count; Draw together's `finished` counts only as played.
 */
export function scoresOf(
  childId: string,
  results: readonly Readonly<{ contactId: string; game: GameType; result: GameResult }>[],
): ScoreRow[] {
  const rows = new Map<string, ScoreRow>();
  for (const r of results) {
    const kind = r.result.kind;
    if (kind === 'playing' || kind === 'abandoned') continue;
    const key = `${r.contactId}/${r.game}`;
    const row = rows.get(key) ?? { contactId: r.contactId, game: r.game, played: 0, won: 0, drawn: 0 };
    rows.set(key, row);
    row.played += 1;
    if (r.result.kind === 'won' && r.result.winner === childId) row.won += 1;
    if (kind === 'draw') row.drawn += 1;
  }
  return [...rows.values()];
}

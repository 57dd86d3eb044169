/**
 * The friend's move drawn as soon as it arrives on the call's data channel, before main has
 * answered (main's answer then replaces it, and a move main refuses is taken back). The same pure
 * rules main runs decide it, from main's last view of the match: a move they refuse is not drawn.
 * Only the games whose state the view holds whole (no seed, one move at a time).
 */
import { applyEnvelope, type GameEnvelope, type GameState, type GameType, type MatchView } from '@hearth/common';

const FORESEEN: ReadonlySet<GameType> = new Set<GameType>(['noughts-and-crosses', 'four-in-a-row']);

/** The match after the friend's `envelope`, as the rules give it; null where it cannot be told here. */
export function foresee(view: MatchView | null, envelope: GameEnvelope): MatchView | null {
  const game = view?.game as GameType | undefined;
  if (!view || !game || !FORESEEN.has(game) || envelope.matchId !== view.matchId) return null;
  const log = { game, matchId: view.matchId, seed: null, players: view.players, state: view.state as GameState, moves: [] };
  const outcome = applyEnvelope(log, envelope, view.contactId);
  if (outcome.status !== 'applied') return null;
  const turn = (outcome.log.state as { turn: string | null }).turn;
  return {
    ...view,
    state: outcome.log.state,
    result: outcome.result,
    turn: turn === null ? null : turn === view.contactId ? 'them' : 'me',
    moves: view.moves + 1,
  };
}

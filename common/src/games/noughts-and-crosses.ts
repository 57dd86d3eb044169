import { isIndex, isRecord, lineWinner, other, refuse, turnCheck, type GameResult, type GameRules, type TurnState } from './core';

/** Noughts and crosses on a 3×3 board; the first player (noughts) starts. */
export type NoughtsState = TurnState & Readonly<{ game: 'noughts-and-crosses'; cells: readonly (string | null)[] }>;
export type NoughtsMove = Readonly<{ cell: number }>;

function result(state: NoughtsState): GameResult {
  const winner = lineWinner(state.cells, 3, 3, 3);
  if (winner !== null) return { kind: 'won', winner };
  return state.cells.every((c) => c !== null) ? { kind: 'draw' } : { kind: 'playing' };
}

const isMove = (m: unknown): m is NoughtsMove => isRecord(m) && Object.keys(m).length === 1 && Number.isInteger(m.cell);

export const noughtsAndCrosses: GameRules<NoughtsState, NoughtsMove> = {
  type: 'noughts-and-crosses',
  order: 'turns',
  setup: (_seed, players) => ({
    game: 'noughts-and-crosses',
    version: 0,
    players,
    turn: players[0],
    cells: Array<string | null>(9).fill(null),
  }),
  apply(state, move, by) {
    if (!isMove(move)) return refuse('bad-move');
    const refused = turnCheck(state, result(state).kind === 'playing', by);
    if (refused) return refuse(refused);
    if (!isIndex(move.cell, 9)) return refuse('off-board');
    if (state.cells[move.cell] !== null) return refuse('cell-taken');
    const cells = state.cells.map((c, i) => (i === move.cell ? by : c));
    const next: NoughtsState = { ...state, version: state.version + 1, cells, turn: other(state.players, by) };
    return { ok: true, state: result(next).kind === 'playing' ? next : { ...next, turn: null } };
  },
  result,
  isMove,
};

import { isIndex, isRecord, lineWinner, other, refuse, turnCheck, type GameResult, type GameRules, type TurnState } from './core';

export const FOUR_COLS = 7;
export const FOUR_ROWS = 6;

/** Four in a row, 7 columns × 6 rows; `cells` row-major, row 0 at the top. The first player starts. */
export type FourState = TurnState & Readonly<{ game: 'four-in-a-row'; cells: readonly (string | null)[] }>;
export type FourMove = Readonly<{ column: number }>;

function result(state: FourState): GameResult {
  const winner = lineWinner(state.cells, FOUR_COLS, FOUR_ROWS, 4);
  if (winner !== null) return { kind: 'won', winner };
  return state.cells.every((c) => c !== null) ? { kind: 'draw' } : { kind: 'playing' };
}

const isMove = (m: unknown): m is FourMove => isRecord(m) && Object.keys(m).length === 1 && Number.isInteger(m.column);

export const fourInARow: GameRules<FourState, FourMove> = {
  type: 'four-in-a-row',
  order: 'turns',
  setup: (_seed, players) => ({
    game: 'four-in-a-row',
    version: 0,
    players,
    turn: players[0],
    cells: Array<string | null>(FOUR_COLS * FOUR_ROWS).fill(null),
  }),
  apply(state, move, by) {
    if (!isMove(move)) return refuse('bad-move');
    const refused = turnCheck(state, result(state).kind === 'playing', by);
    if (refused) return refuse(refused);
    if (!isIndex(move.column, FOUR_COLS)) return refuse('off-board');
    let row = FOUR_ROWS - 1;
    while (row >= 0 && state.cells[row * FOUR_COLS + move.column] !== null) row--;
    if (row < 0) return refuse('column-full');
    const at = row * FOUR_COLS + move.column;
    const cells = state.cells.map((c, i) => (i === at ? by : c));
    const next: FourState = { ...state, version: state.version + 1, cells, turn: other(state.players, by) };
    return { ok: true, state: result(next).kind === 'playing' ? next : { ...next, turn: null } };
  },
  result,
  isMove,
};

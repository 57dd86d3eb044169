import { checkReveal, REVEAL_PATTERN, seedFrom } from './commit-reveal';
import {
  isIndex,
  isRecord,
  other,
  refuse,
  turnCheck,
  type ApplyResult,
  type GameResult,
  type GameRules,
  type TurnState,
} from './core';
import { shuffled } from './prng';

export const MEMORY_PAIRS = 8;
const CARDS = MEMORY_PAIRS * 2;

/**
 * Memory (pairs). With no seed, the game starts `waiting-for-reveals`: each player commits, then
 * reveals; the layout is shuffled from both reveals. The app's 30 s clock ends a stalled start with an
 * explicit `abandon` move (no score). After the reveal both apps know the layout (not hidden from a
 * modified app). A match lets the same player go again; a miss passes the turn.
 */
export type MemoryState = TurnState &
  Readonly<{
    game: 'memory';
    phase: 'waiting-for-reveals' | 'playing' | 'abandoned';
    commits: Readonly<Record<string, string>>;
    reveals: Readonly<Record<string, string>>;
    /** Pair number of each card; empty until the seed is known. */
    layout: readonly number[];
    matchedBy: readonly (string | null)[];
    /** The face-up card of a turn in progress. */
    open: readonly number[];
    /** The two cards of the last miss, for the app to show a moment. */
    lastMiss: readonly number[] | null;
  }>;

export type MemoryMove =
  | Readonly<{ type: 'commit'; hash: string }>
  | Readonly<{ type: 'reveal'; value: string }>
  | Readonly<{ type: 'abandon' }>
  | Readonly<{ type: 'flip'; card: number }>;

/** The shuffled layout for a seed: each pair number twice. */
export function memoryLayout(seed: string): number[] {
  return shuffled(
    Array.from({ length: CARDS }, (_, i) => i >> 1),
    seed,
  );
}

function dealt(state: MemoryState, seed: string): MemoryState {
  return { ...state, phase: 'playing', layout: memoryLayout(seed), turn: state.players[0] };
}

function result(state: MemoryState): GameResult {
  if (state.phase === 'abandoned') return { kind: 'abandoned' };
  if (state.phase === 'waiting-for-reveals' || state.matchedBy.some((m) => m === null)) return { kind: 'playing' };
  const [a, b] = state.players;
  const score = (p: string): number => state.matchedBy.filter((m) => m === p).length;
  if (score(a) === score(b)) return { kind: 'draw' };
  return { kind: 'won', winner: score(a) > score(b) ? a : b };
}

function isMove(m: unknown): m is MemoryMove {
  if (!isRecord(m)) return false;
  const n = Object.keys(m).length;
  switch (m.type) {
    case 'commit':
      return n === 2 && typeof m.hash === 'string' && /^[0-9a-f]{64}$/.test(m.hash);
    case 'reveal':
      return n === 2 && typeof m.value === 'string' && REVEAL_PATTERN.test(m.value);
    case 'abandon':
      return n === 1;
    case 'flip':
      return n === 2 && Number.isInteger(m.card);
    default:
      return false;
  }
}

function startMove(state: MemoryState, move: Exclude<MemoryMove, { type: 'flip' }>, by: string): ApplyResult<MemoryState> {
  if (state.phase !== 'waiting-for-reveals') return refuse(state.phase === 'abandoned' ? 'game-over' : 'not-waiting');
  const version = state.version + 1;
  switch (move.type) {
    case 'abandon':
      return { ok: true, state: { ...state, version, phase: 'abandoned' } };
    case 'commit':
      if (state.commits[by] !== undefined) return refuse('already-committed');
      return { ok: true, state: { ...state, version, commits: { ...state.commits, [by]: move.hash } } };
    case 'reveal': {
      if (state.reveals[by] !== undefined) return refuse('already-revealed');
      const [a, b] = state.players;
      if (state.commits[a] === undefined || state.commits[b] === undefined) return refuse('waiting-for-commits');
      if (!checkReveal(state.commits[by] ?? '', move.value)) return refuse('reveal-mismatch');
      const next: MemoryState = { ...state, version, reveals: { ...state.reveals, [by]: move.value } };
      const ra = next.reveals[a];
      const rb = next.reveals[b];
      return { ok: true, state: ra !== undefined && rb !== undefined ? dealt(next, seedFrom(ra, rb)) : next };
    }
  }
}

function flip(state: MemoryState, card: number, by: string): ApplyResult<MemoryState> {
  if (state.phase === 'waiting-for-reveals') return refuse('waiting-for-reveals');
  const refused = turnCheck(state, result(state).kind === 'playing', by);
  if (refused) return refuse(refused);
  if (!isIndex(card, CARDS)) return refuse('off-board');
  if (state.matchedBy[card] !== null) return refuse('card-matched');
  if (state.open.includes(card)) return refuse('card-open');
  const version = state.version + 1;
  const first = state.open[0];
  if (first === undefined) return { ok: true, state: { ...state, version, open: [card], lastMiss: null } };
  if (state.layout[first] === state.layout[card]) {
    const matchedBy = state.matchedBy.map((m, i) => (i === first || i === card ? by : m));
    const next: MemoryState = { ...state, version, matchedBy, open: [] };
    return { ok: true, state: result(next).kind === 'playing' ? next : { ...next, turn: null } };
  }
  return { ok: true, state: { ...state, version, open: [], lastMiss: [first, card], turn: other(state.players, by) } };
}

export const memory: GameRules<MemoryState, MemoryMove> = {
  type: 'memory',
  order: 'turns',
  setup(seed, players) {
    const waiting: MemoryState = {
      game: 'memory',
      version: 0,
      players,
      turn: null,
      phase: 'waiting-for-reveals',
      commits: {},
      reveals: {},
      layout: [],
      matchedBy: Array<string | null>(CARDS).fill(null),
      open: [],
      lastMiss: null,
    };
    return seed === null ? waiting : dealt(waiting, seed);
  },
  apply(state, move, by) {
    if (!isMove(move)) return refuse('bad-move');
    if (!state.players.includes(by)) return refuse('not-a-player');
    return move.type === 'flip' ? flip(state, move.card, by) : startMove(state, move, by);
  },
  result,
  isMove,
};

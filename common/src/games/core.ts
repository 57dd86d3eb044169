import { canonicalJson } from '../canonical-json';
import { sha256Hex } from './sha256';

/** The games the engine knows. */
export const GAME_TYPES = ['noughts-and-crosses', 'four-in-a-row', 'memory', 'draw-together'] as const;
export type GameType = (typeof GAME_TYPES)[number];

/** Stable reasons a move is refused; the app logs them and shows nothing changed. */
export const MOVE_REFUSALS = [
  'bad-move',
  'not-a-player',
  'out-of-turn',
  'game-over',
  'off-board',
  'cell-taken',
  'column-full',
  'card-open',
  'card-matched',
  'waiting-for-reveals',
  'not-waiting',
  'already-committed',
  'waiting-for-commits',
  'already-revealed',
  'reveal-mismatch',
  'bad-seq',
  'duplicate',
] as const;
export type MoveRefusal = (typeof MOVE_REFUSALS)[number];

export type ApplyResult<S> = { readonly ok: true; readonly state: S } | { readonly ok: false; readonly reason: MoveRefusal };

export type GameResult =
  | { readonly kind: 'playing' }
  | { readonly kind: 'won'; readonly winner: string }
  | { readonly kind: 'draw' }
  | { readonly kind: 'finished' }
  | { readonly kind: 'abandoned' };

/** The two players, in the order the match was set up (the first move's sender first). */
export type Players = readonly [string, string];

/** What every turn-based state carries. */
export type TurnState = Readonly<{ version: number; players: Players; turn: string | null }>;

/**
 * One game's rules. `apply` takes the move as untrusted JSON (it came off the wire) and never throws;
 * `setup` takes the seed both apps agreed on (`null` where the game first agrees one itself: memory).
 */
export type GameRules<S, M> = Readonly<{
  type: GameType;
  /** `turns`: one `version` per move, one player at a time. `shared`: per-author `seq`, no turn. */
  order: 'turns' | 'shared';
  setup(seed: string | null, players: Players): S;
  apply(state: S, move: unknown, by: string): ApplyResult<S>;
  result(state: S): GameResult;
  /** Type guard for the move shape (the envelope's `move`), before any rule is looked at. */
  isMove(move: unknown): move is M;
}>;

/** SHA-256 (hex) of the RFC 8785 canonical JSON of a state: what each envelope carries. */
export function stateHash(state: unknown): string {
  return sha256Hex(canonicalJson(state));
}

export const refuse = (reason: MoveRefusal): { ok: false; reason: MoveRefusal } => ({ ok: false, reason });

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isIndex(v: unknown, size: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < size;
}

export const other = (players: Players, p: string): string => (players[0] === p ? players[1] : players[0]);

/** The common opening checks of a turn-based move. */
export function turnCheck(state: TurnState, playing: boolean, by: string): MoveRefusal | null {
  if (!playing) return 'game-over';
  if (!state.players.includes(by)) return 'not-a-player';
  if (state.turn !== by) return 'out-of-turn';
  return null;
}

/** Lines of `need` in a row on a `cols`×`rows` grid (row-major cells): rows, columns, both diagonals. */
export function lineWinner(cells: readonly (string | null)[], cols: number, rows: number, need: number): string | null {
  const at = (c: number, r: number): string | null =>
    c >= 0 && c < cols && r >= 0 && r < rows ? (cells[r * cols + c] ?? null) : null;
  const dirs: [number, number][] = [
    [1, 0],
    [0, 1],
    [1, 1],
    [1, -1],
  ];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const who = at(c, r);
      if (who === null) continue;
      for (const [dc, dr] of dirs) {
        let k = 1;
        while (k < need && at(c + dc * k, r + dr * k) === who) k++;
        if (k === need) return who;
      }
    }
  }
  return null;
}

/**
 * The boards' plain logic, kept apart from React so it is tested on its own: who is who, keyboard
 * moves on a grid, and the Draw together moves (seqs, seen, undo) built from a state.
 */
import {
  DRAW_LIMITS,
  strokeMoves,
  visibleStrokes,
  type DrawOp,
  type DrawState,
  type GameType,
  type MatchView,
} from '@hearth/common';

/** This child's account id: the player who is not the friend. */
export function myId(match: Pick<MatchView, 'players' | 'contactId'>): string {
  return match.players[0] === match.contactId ? match.players[1] : match.players[0];
}

/**
 * The cell a key moves the focus to on a `cols`×`rows` grid (row-major), or null where the key is
 * not a moving key. Arrows stop at the edges; Home/End go to the row's ends.
 */
export function gridKeyMove(key: string, at: number, cols: number, rows: number): number | null {
  const col = at % cols;
  const row = Math.floor(at / cols);
  switch (key) {
    case 'ArrowLeft':
      return row * cols + Math.max(0, col - 1);
    case 'ArrowRight':
      return row * cols + Math.min(cols - 1, col + 1);
    case 'ArrowUp':
      return Math.max(0, row - 1) * cols + col;
    case 'ArrowDown':
      return Math.min(rows - 1, row + 1) * cols + col;
    case 'Home':
      return row * cols;
    case 'End':
      return row * cols + cols - 1;
    default:
      return null;
  }
}

/** A number key ('1'…'9') as an index below `size`, or null. */
export function numberKey(key: string, size: number): number | null {
  if (!/^[1-9]$/.test(key)) return null;
  const n = Number(key) - 1;
  return n < size ? n : null;
}

/** The highest seq each player has in a Draw together state (0: none yet). */
export function seenOf(state: DrawState): [number, number] {
  const seen: [number, number] = [0, 0];
  for (const key of Object.keys(state.ops)) {
    const [who, seq] = key.split(':').map(Number) as [number, number];
    if ((who === 0 || who === 1) && seq > seen[who]) seen[who] = seq;
  }
  return seen;
}

/**
 * Makes this child's Draw together moves, numbering them past both the state and whatever this
 * screen sent and has not seen come back yet (`sent`: the last seq it used).
 */
export class DrawMoves {
  private sent = 0;

  constructor(private readonly me: string) {}

  private next(state: DrawState): number {
    const who = state.players.indexOf(this.me);
    const seq = Math.max(seenOf(state)[who] ?? 0, this.sent) + 1;
    return seq;
  }

  /** One stroke's moves (one, or several parts past 4 KiB). Null for fewer than two points. */
  stroke(state: DrawState, points: readonly number[], colour: string, width: number): DrawOp[] | null {
    if (points.length < 2) return null;
    // A dot is a stroke of one point drawn twice, so every stroke has a line to draw.
    const pts = points.length === 2 ? [...points, ...points] : points;
    const moves = strokeMoves(this.next(state), { points: pts.map(clampCoord), colour, width });
    this.sent = moves.at(-1)?.seq ?? this.sent;
    return moves;
  }

  /** Undo of this child's newest stroke still on the canvas, or null. */
  undo(state: DrawState): DrawOp | null {
    const mine = visibleStrokes(state).filter((s) => s.author === this.me);
    const last = mine.at(-1);
    if (!last) return null;
    return this.stamp(state, (seq) => ({ type: 'undo', seq, stroke: last.id }));
  }

  /** A clear or a finish covering everything seen so far. */
  mark(state: DrawState, type: 'clear' | 'finish'): DrawOp {
    return this.stamp(state, (seq) => {
      const seen = seenOf(state);
      const who = state.players.indexOf(this.me);
      seen[who === 1 ? 1 : 0] = seq - 1;
      return { type, seq, seen };
    });
  }

  private stamp(state: DrawState, make: (seq: number) => DrawOp): DrawOp {
    const op = make(this.next(state));
    this.sent = op.seq;
    return op;
  }
}

/** A canvas coordinate (an integer in [0, DRAW_LIMITS.canvas]). */
export function clampCoord(v: number): number {
  return Math.max(0, Math.min(DRAW_LIMITS.canvas, Math.round(v)));
}

/** Pictures for memory's eight pairs (named in the catalog as games.pictures.<n>). */
export const MEMORY_PICTURES = ['🐱', '🐶', '🍎', '⭐', '🚗', '🐟', '🌼', '⚽'] as const;

/**
 * A match's game, typed. The contract's `GameTypeSchema` (a union built from a mapped array) has
 * the static type `never`, so the renderer names the type itself (runtime values are the same).
 */
export const gameOf = (match: Pick<MatchView, 'game'>): GameType => match.game as GameType;

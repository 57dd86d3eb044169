import { canonicalJson } from '../canonical-json';
import { isRecord, refuse, type ApplyResult, type GameResult, type GameRules, type Players } from './core';

/**
 * Draw together: a shared canvas with no turns. Each player numbers their own moves (`seq`, from 1);
 * the state is the set of moves keyed by author and seq, so it is the same whatever order the moves
 * arrive in. A stroke is one move, or several parts (consecutive seqs) where its JSON would pass
 * 4 KiB. Undo names the author's own stroke; clear and finish carry how far they had seen each
 * player (`seen`, by player index), so they cover exactly the strokes drawn before them. After a
 * finish only moves it had seen are kept or taken; the other player's concurrent finish still merges.
 */
export const DRAW_LIMITS = Object.freeze({
  /** Canvas coordinates are integers in [0, canvas]. */
  canvas: 10_000,
  maxWidth: 64,
  maxParts: 999,
  /** Numbers (x, y, x, y, …) in one part. */
  maxPartNumbers: 2_000,
  /** Longest JSON of one part move, leaving room for the envelope under 4 KiB. */
  partMaxChars: 3_584,
});

type Seen = readonly [number, number];
export type DrawOp =
  | Readonly<{
      type: 'stroke';
      seq: number;
      stroke: number;
      part: number;
      parts: number;
      points: readonly number[];
      colour?: string;
      width?: number;
    }>
  | Readonly<{ type: 'undo'; seq: number; stroke: number }>
  | Readonly<{ type: 'clear'; seq: number; seen: Seen }>
  | Readonly<{ type: 'finish'; seq: number; seen: Seen }>;
/** A move as `apply` takes it: the op with its author's `seq` (the envelope's `seq`). */
export type DrawMove = DrawOp;

export type DrawState = Readonly<{
  game: 'draw-together';
  players: Players;
  /** Every accepted move, keyed `<player index>:<seq>`. */
  ops: Readonly<Record<string, DrawOp>>;
}>;

export type Stroke = Readonly<{ author: string; id: number; colour: string; width: number; points: number[] }>;

const opKey = (author: number, seq: number): string => `${author}:${seq}`;
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1e9;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e9;
const isSeen = (v: unknown): v is Seen => Array.isArray(v) && v.length === 2 && v.every(isCount);
const isCoord = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= DRAW_LIMITS.canvas;

function isStroke(m: Record<string, unknown>): boolean {
  const { stroke, part, parts, points, colour, width } = m;
  if (!isSeq(stroke) || !isCount(part) || !isSeq(parts) || parts > DRAW_LIMITS.maxParts || part >= parts) return false;
  if (m.seq !== stroke + part) return false;
  if (!Array.isArray(points) || points.length < 2 || points.length % 2 !== 0 || points.length > DRAW_LIMITS.maxPartNumbers)
    return false;
  if (!points.every(isCoord)) return false;
  const first = part === 0;
  if (first !== (colour !== undefined) || first !== (width !== undefined)) return false;
  if (!first) return Object.keys(m).length === 6;
  const okWidth = typeof width === 'number' && Number.isInteger(width) && width >= 1 && width <= DRAW_LIMITS.maxWidth;
  return okWidth && typeof colour === 'string' && /^#[0-9a-f]{6}$/.test(colour) && Object.keys(m).length === 8;
}

function isMove(m: unknown): m is DrawMove {
  if (!isRecord(m) || !isSeq(m.seq)) return false;
  switch (m.type) {
    case 'stroke':
      return isStroke(m);
    case 'undo':
      return Object.keys(m).length === 3 && isSeq(m.stroke) && m.stroke < m.seq;
    case 'clear':
    case 'finish':
      return Object.keys(m).length === 3 && isSeen(m.seen);
    default:
      return false;
  }
}

/** How far each player's moves may still go: the pointwise least `seen` of all finishes (none: no limit). */
function limits(ops: Iterable<DrawOp>): [number, number] {
  const limit: [number, number] = [Infinity, Infinity];
  for (const op of ops) {
    if (op.type !== 'finish') continue;
    limit[0] = Math.min(limit[0], op.seen[0]);
    limit[1] = Math.min(limit[1], op.seen[1]);
  }
  return limit;
}

function apply(state: DrawState, move: unknown, by: string): ApplyResult<DrawState> {
  if (!isMove(move)) return refuse('bad-move');
  const who = state.players.indexOf(by);
  if (who < 0) return refuse('not-a-player');
  const key = opKey(who, move.seq);
  if (state.ops[key] !== undefined) return refuse('duplicate');
  if ((move.type === 'clear' || move.type === 'finish') && move.seen[who] !== move.seq - 1) return refuse('bad-seq');
  if (move.type !== 'finish') {
    if (move.seq > limits(Object.values(state.ops))[who]!) return refuse('game-over');
    return { ok: true, state: { ...state, ops: { ...state.ops, [key]: move } } };
  }
  const all = { ...state.ops, [key]: move };
  const limit = limits(Object.values(all));
  const ops: Record<string, DrawOp> = {};
  for (const [k, op] of Object.entries(all)) {
    const author = Number(k.slice(0, k.indexOf(':')));
    if (op.type === 'finish' || op.seq <= limit[author]!) ops[k] = op;
  }
  return { ok: true, state: { ...state, ops } };
}

/** The strokes on the canvas: complete (all parts in), not undone, not cleared; in canonical order. */
export function visibleStrokes(state: DrawState): Stroke[] {
  const ops = state.ops;
  const byAuthor = [0, 1].map((i) =>
    Object.entries(ops)
      .filter(([k]) => k.startsWith(`${i}:`))
      .map(([, op]) => op),
  );
  const out: Stroke[] = [];
  for (const [i, own] of byAuthor.entries()) {
    const undone = new Set(own.flatMap((op) => (op.type === 'undo' ? [op.stroke] : [])));
    const clearedUpTo = Math.max(0, ...Object.values(ops).map((op) => (op.type === 'clear' ? op.seen[i]! : 0)));
    const firsts = own.filter((op) => op.type === 'stroke' && op.part === 0).sort((a, b) => a.seq - b.seq);
    for (const head of firsts) {
      if (head.type !== 'stroke' || undone.has(head.seq) || head.seq <= clearedUpTo) continue;
      const parts = Array.from({ length: head.parts }, (_, p) => ops[opKey(i, head.seq + p)]);
      if (!parts.every((p) => p?.type === 'stroke' && p.stroke === head.seq && p.parts === head.parts)) continue;
      const points = parts.flatMap((p) => (p?.type === 'stroke' ? p.points : []));
      out.push({ author: state.players[i]!, id: head.seq, colour: head.colour ?? '#000000', width: head.width ?? 1, points });
    }
  }
  return out;
}

/**
 * A stroke as its part moves, starting at `firstSeq`: each part's JSON stays under
 * `DRAW_LIMITS.partMaxChars`. Joined again by `visibleStrokes`.
 */
export function strokeMoves(
  firstSeq: number,
  stroke: Readonly<{ points: readonly number[]; colour: string; width: number }>,
): DrawOp[] {
  const head = { colour: stroke.colour, width: stroke.width };
  const base = canonicalJson({
    type: 'stroke',
    seq: firstSeq + DRAW_LIMITS.maxParts,
    stroke: firstSeq,
    part: 999,
    parts: 999,
    points: [],
    ...head,
  });
  const chunks: number[][] = [];
  let chunk: number[] = [];
  let size = base.length;
  for (let i = 0; i + 1 < stroke.points.length; i += 2) {
    const x = stroke.points[i]!;
    const y = stroke.points[i + 1]!;
    const add = `${x},${y},`.length;
    if (chunk.length > 0 && (size + add > DRAW_LIMITS.partMaxChars || chunk.length + 2 > DRAW_LIMITS.maxPartNumbers)) {
      chunks.push(chunk);
      chunk = [];
      size = base.length;
    }
    chunk.push(x, y);
    size += add;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks.map((points, part) => ({
    type: 'stroke',
    seq: firstSeq + part,
    stroke: firstSeq,
    part,
    parts: chunks.length,
    points,
    ...(part === 0 ? head : {}),
  }));
}

function result(state: DrawState): GameResult {
  return Object.values(state.ops).some((op) => op.type === 'finish') ? { kind: 'finished' } : { kind: 'playing' };
}

export const drawTogether: GameRules<DrawState, DrawMove> = {
  type: 'draw-together',
  order: 'shared',
  setup: (_seed, players) => ({ game: 'draw-together', players, ops: {} }),
  apply,
  result,
  isMove,
};

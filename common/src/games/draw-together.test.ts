import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonical-json';
import { stateHash, type Players } from './core';
import { DRAW_LIMITS, drawTogether as game, strokeMoves, visibleStrokes, type DrawOp, type DrawState } from './draw-together';
import { makeMove, openMatch } from './envelope';

const P: Players = ['amy', 'ben'];
const MATCH = '01J00000000000000000000000';
type Sent = { by: string; move: DrawOp };

function applyAll(moves: readonly Sent[], from: DrawState = game.setup(null, P)): DrawState {
  let s = from;
  for (const { by, move } of moves) {
    const r = game.apply(s, move, by);
    if (r.ok) s = r.state;
  }
  return s;
}

const line = (n: number, at = 0): number[] =>
  Array.from({ length: n * 2 }, (_, i) => (i % 2 === 0 ? at + (i >> 1) : 100 + ((i * 7) % 900)));

describe('draw together', () => {
  it('splits a long stroke into parts under 4 KiB that join again, each envelope within the limit', () => {
    const points = line(3000);
    const parts = strokeMoves(1, { points, colour: '#ff8800', width: 6 });
    expect(parts.length).toBeGreaterThan(1);
    let log = openMatch('draw-together', MATCH, null, P);
    for (const part of parts) {
      expect(canonicalJson(part).length).toBeLessThanOrEqual(DRAW_LIMITS.partMaxChars);
      const made = makeMove(log, part, 'amy');
      if (!made.ok) throw new Error(made.reason);
      expect(JSON.stringify(made.envelope).length).toBeLessThanOrEqual(4096);
      log = made.log;
      if (part.seq < parts.length) expect(visibleStrokes(log.state as DrawState)).toEqual([]);
    }
    expect(visibleStrokes(log.state as DrawState)).toEqual([{ author: 'amy', id: 1, colour: '#ff8800', width: 6, points }]);
  });

  it('undoes only the own stroke named, clears what was seen, keeps a stroke drawn at the same time', () => {
    const moves: Sent[] = [
      { by: 'amy', move: strokeMoves(1, { points: line(3), colour: '#000000', width: 2 })[0]! },
      { by: 'amy', move: strokeMoves(2, { points: line(3, 50), colour: '#000000', width: 2 })[0]! },
      { by: 'ben', move: strokeMoves(1, { points: line(3, 9), colour: '#0000ff', width: 4 })[0]! },
      { by: 'amy', move: { type: 'undo', seq: 3, stroke: 2 } },
    ];
    let s = applyAll(moves);
    expect(visibleStrokes(s).map((k) => [k.author, k.id])).toEqual([
      ['amy', 1],
      ['ben', 1],
    ]);
    // Ben clears having seen only Amy's first stroke; his own next stroke is drawn after.
    s = applyAll([{ by: 'ben', move: { type: 'clear', seq: 2, seen: [1, 1] } }], s);
    s = applyAll([{ by: 'amy', move: strokeMoves(4, { points: line(2), colour: '#000000', width: 2 })[0]! }], s);
    expect(visibleStrokes(s).map((k) => [k.author, k.id])).toEqual([['amy', 4]]);
    expect(game.apply(s, { type: 'clear', seq: 3, seen: [0, 1] }, 'ben')).toEqual({ ok: false, reason: 'bad-seq' });
    expect(game.apply(s, { type: 'undo', seq: 5, stroke: 5 }, 'amy')).toEqual({ ok: false, reason: 'bad-move' });
    expect(game.apply(s, moves[0]!.move, 'amy')).toEqual({ ok: false, reason: 'duplicate' });
    expect(game.apply(s, moves[0]!.move, 'eve')).toEqual({ ok: false, reason: 'not-a-player' });
    expect(
      game.apply(s, { type: 'stroke', seq: 9, stroke: 9, part: 0, parts: 1, points: [1, 2], colour: 'red', width: 2 }, 'amy'),
    ).toEqual({
      ok: false,
      reason: 'bad-move',
    });
  });

  it('ends with finished and no winner; later moves are refused, a crossing finish still merges', () => {
    const first = strokeMoves(1, { points: line(2), colour: '#000000', width: 2 })[0]!;
    let s = applyAll([
      { by: 'amy', move: first },
      { by: 'amy', move: { type: 'finish', seq: 2, seen: [1, 0] } },
    ]);
    expect(game.result(s)).toEqual({ kind: 'finished' });
    expect(game.apply(s, strokeMoves(1, { points: line(2), colour: '#000000', width: 2 })[0]!, 'ben')).toEqual({
      ok: false,
      reason: 'game-over',
    });
    expect(game.apply(s, { type: 'clear', seq: 3, seen: [2, 0] }, 'amy')).toEqual({ ok: false, reason: 'game-over' });
    s = applyAll([{ by: 'ben', move: { type: 'finish', seq: 1, seen: [1, 0] } }], s);
    expect(Object.keys(s.ops)).toHaveLength(3);
    expect(game.result(s)).toEqual({ kind: 'finished' });
  });

  it('converges whatever order the moves arrive in', () => {
    type Step = { p: 0 | 1; kind: 'stroke' | 'undo' | 'clear' | 'finish'; n: number; look: number };
    const stepArb: fc.Arbitrary<Step> = fc.record({
      p: fc.constantFrom(0 as const, 1 as const),
      kind: fc.constantFrom('stroke', 'stroke', 'stroke', 'undo', 'clear', 'finish'),
      n: fc.integer({ min: 1, max: 900 }),
      look: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 25 }), fc.array(fc.nat(), { minLength: 200, maxLength: 200 }), (steps, keys) => {
        // Each app numbers its own moves and has seen some prefix of the other's.
        const seq = [0, 0];
        const strokes: number[][] = [[], []];
        const sent: Sent[] = [];
        for (const st of steps) {
          const me = st.p;
          const seenOther = st.look % (seq[1 - me]! + 1);
          const seen: [number, number] = me === 0 ? [seq[0]!, seenOther] : [seenOther, seq[1]!];
          const by = P[me];
          if (st.kind === 'stroke') {
            const parts = strokeMoves(seq[me]! + 1, { points: line(st.n), colour: '#123456', width: 3 });
            for (const move of parts) sent.push({ by, move });
            strokes[me]!.push(seq[me]! + 1);
            seq[me]! += parts.length;
          } else if (st.kind === 'undo') {
            const target = strokes[me]!.pop();
            if (target === undefined) continue;
            sent.push({ by, move: { type: 'undo', seq: ++seq[me]!, stroke: target } });
          } else {
            sent.push({ by, move: { type: st.kind, seq: ++seq[me]!, seen } });
          }
        }
        const order = sent.map((_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
        const inOrder = applyAll(sent);
        const shuffledState = applyAll(order.map((i) => sent[i]!));
        expect(shuffledState).toEqual(inOrder);
        expect(stateHash(shuffledState)).toBe(stateHash(inOrder));
        expect(visibleStrokes(shuffledState)).toEqual(visibleStrokes(inOrder));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any move; a refusal changes nothing; after a finish, nothing beyond what it had seen is taken', () => {
    const opArb = fc.oneof(
      fc.record({ type: fc.constant('undo'), seq: fc.integer({ min: 0, max: 12 }), stroke: fc.integer({ min: 0, max: 12 }) }),
      fc.record({
        type: fc.constantFrom('clear', 'finish'),
        seq: fc.integer({ min: 1, max: 12 }),
        seen: fc.tuple(fc.nat({ max: 12 }), fc.nat({ max: 12 })),
      }),
      fc.integer({ min: 1, max: 12 }).map((seq) => strokeMoves(seq, { points: [1, 2, 3, 4], colour: '#000000', width: 1 })[0]),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ move: opArb, by: fc.constantFrom('amy', 'ben', 'eve') }), { maxLength: 60 }), (moves) => {
        let s = game.setup(null, P);
        for (const { move, by } of moves) {
          const before = stateHash(s);
          const r = game.apply(s, move, by);
          if (!r.ok) {
            expect(stateHash(s)).toBe(before);
            continue;
          }
          s = r.state;
          const finishes = Object.values(s.ops).filter((op) => op.type === 'finish');
          for (const [key, op] of Object.entries(s.ops)) {
            if (op.type === 'finish') continue;
            const author = Number(key.split(':')[0]);
            for (const f of finishes) expect(op.seq).toBeLessThanOrEqual(f.seen[author]!);
          }
        }
      }),
    );
  });
});

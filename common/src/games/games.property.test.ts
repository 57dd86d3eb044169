import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commit } from './commit-reveal';
import { MOVE_REFUSALS, stateHash, type GameType, type Players } from './core';
import { makeMove, openMatch, rebuild, rulesFor, type GameState } from './envelope';

const P: Players = ['amy', 'ben'];
const RA = 'a'.repeat(64);
const RB = 'b'.repeat(64);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

const moveArbs: Record<Exclude<GameType, 'draw-together'>, fc.Arbitrary<unknown>> = {
  'noughts-and-crosses': fc.record({ cell: fc.integer({ min: -1, max: 9 }) }),
  'four-in-a-row': fc.record({ column: fc.integer({ min: -1, max: 7 }) }),
  memory: fc.oneof(
    { arbitrary: fc.record({ type: fc.constant('flip'), card: fc.integer({ min: -1, max: 16 }) }), weight: 8 },
    {
      arbitrary: fc.record({
        type: fc.constant('commit'),
        hash: fc.oneof(fc.constant(commit(RA)), fc.constant(commit(RB)), hex64),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({ type: fc.constant('reveal'), value: fc.oneof(fc.constant(RA), fc.constant(RB), hex64) }),
      weight: 2,
    },
    { arbitrary: fc.constant({ type: 'abandon' }), weight: 1 },
  ),
};
const anyMove = (game: keyof typeof moveArbs): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: moveArbs[game], weight: 6 }, { arbitrary: fc.anything(), weight: 1 });
const byArb = fc.oneof({ arbitrary: fc.constantFrom(...P), weight: 9 }, { arbitrary: fc.constant('eve'), weight: 1 });
const seedArb = fc.option(fc.string({ maxLength: 16 }), { nil: null });

describe.each(Object.keys(moveArbs) as (keyof typeof moveArbs)[])('%s, any move sequence', (game) => {
  const rules = rulesFor(game);
  const movesArb = fc.array(fc.record({ move: anyMove(game), by: byArb }), { maxLength: 80 });
  const longArb = fc.array(fc.record({ move: moveArbs[game], by: byArb }), { minLength: 40, maxLength: 200 });

  it('never throws; a refusal has a known reason and changes nothing; version rises by one per move', () => {
    fc.assert(
      fc.property(seedArb, movesArb, (seed, moves) => {
        let s = rules.setup(game === 'memory' ? seed : null, P);
        for (const { move, by } of moves) {
          const before = stateHash(s);
          const r = rules.apply(s, move, by);
          if (!r.ok) {
            expect(MOVE_REFUSALS).toContain(r.reason);
            expect(stateHash(s)).toBe(before);
            continue;
          }
          expect((r.state as { version: number }).version).toBe((s as { version: number }).version + 1);
          s = r.state;
        }
      }),
    );
  });

  it('the same seed and moves always give the same states and hashes', () => {
    fc.assert(
      fc.property(seedArb, movesArb, (seed, moves) => {
        const hashes = (): string[] => {
          let s: GameState = rules.setup(seed, P);
          return moves.map(({ move, by }) => {
            const r = rules.apply(s, move, by);
            if (r.ok) s = r.state;
            return stateHash(s);
          });
        };
        expect(hashes()).toEqual(hashes());
        expect(rebuild(game, seed, P, moves).state).toEqual(rebuild(game, seed, P, moves).state);
      }),
    );
  });

  it('a finished game accepts no move', () => {
    fc.assert(
      fc.property(
        seedArb,
        longArb,
        fc.array(fc.record({ move: anyMove(game), by: byArb }), { maxLength: 20 }),
        (seed, moves, after) => {
          let s = rules.setup(seed, P);
          for (const { move, by } of moves) {
            if (rules.result(s).kind !== 'playing') break;
            // Mostly the player whose turn it is, so that games reach their end.
            const r = rules.apply(s, move, (s as { turn: string | null }).turn ?? by);
            if (r.ok) s = r.state;
          }
          fc.pre(rules.result(s).kind !== 'playing');
          for (const { move, by } of after) expect(rules.apply(s, move, by).ok).toBe(false);
        },
      ),
      { numRuns: 300, maxSkipsPerRun: 1000 },
    );
  });

  it("the sender's envelopes replay on the other app to the same hashes", () => {
    fc.assert(
      fc.property(seedArb, movesArb, (seed, moves) => {
        let mine = openMatch(game, '01J00000000000000000000000', seed, P);
        for (const { move, by } of moves) {
          if (typeof move !== 'object' || move === null || Array.isArray(move)) continue;
          const made = makeMove(mine, move as Record<string, unknown>, by);
          if (!made.ok) continue;
          mine = made.log;
          expect(made.envelope.stateHash).toBe(stateHash(mine.state));
        }
        const theirs = rebuild(
          game,
          seed,
          P,
          mine.moves.map(({ by, envelope }) => ({ by, move: envelope.move })),
        );
        expect(theirs.refused).toBe(0);
        expect(stateHash(theirs.state)).toBe(stateHash(mine.state));
      }),
    );
  });
});

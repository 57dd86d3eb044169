import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReveal, commit, seedFrom } from './commit-reveal';
import type { Players } from './core';
import { MEMORY_PAIRS, memory as game, memoryLayout, type MemoryState } from './memory';

const P: Players = ['amy', 'ben'];
const RA = 'a'.repeat(64);
const RB = '0123456789abcdef'.repeat(4);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

function step(s: MemoryState, move: unknown, by: string): MemoryState {
  const r = game.apply(s, move, by);
  if (!r.ok) throw new Error(r.reason);
  return r.state;
}

function dealtByReveals(): MemoryState {
  let s = game.setup(null, P);
  s = step(s, { type: 'commit', hash: commit(RB) }, 'ben');
  s = step(s, { type: 'commit', hash: commit(RA) }, 'amy');
  s = step(s, { type: 'reveal', value: RA }, 'amy');
  return step(s, { type: 'reveal', value: RB }, 'ben');
}

describe('commit–reveal', () => {
  it('accepts only the committed value', () => {
    fc.assert(
      fc.property(hex64, hex64, (a, b) => {
        expect(checkReveal(commit(a), a)).toBe(true);
        if (a !== b) expect(checkReveal(commit(a), b)).toBe(false);
      }),
    );
    expect(checkReveal(commit('zz'), 'zz')).toBe(false);
  });
});

describe('memory', () => {
  it('waits for both commits and reveals, then deals the layout from both reveals', () => {
    let s = game.setup(null, P);
    expect(game.result(s)).toEqual({ kind: 'playing' });
    expect(game.apply(s, { type: 'flip', card: 0 }, 'amy')).toEqual({ ok: false, reason: 'waiting-for-reveals' });
    s = step(s, { type: 'commit', hash: commit(RA) }, 'amy');
    expect(game.apply(s, { type: 'commit', hash: commit(RA) }, 'amy')).toEqual({ ok: false, reason: 'already-committed' });
    expect(game.apply(s, { type: 'reveal', value: RA }, 'amy')).toEqual({ ok: false, reason: 'waiting-for-commits' });
    s = step(s, { type: 'commit', hash: commit(RB) }, 'ben');
    expect(game.apply(s, { type: 'reveal', value: RA }, 'ben')).toEqual({ ok: false, reason: 'reveal-mismatch' });
    s = step(s, { type: 'reveal', value: RB }, 'ben');
    expect(s.phase).toBe('waiting-for-reveals');
    expect(game.apply(s, { type: 'reveal', value: RB }, 'ben')).toEqual({ ok: false, reason: 'already-revealed' });
    s = step(s, { type: 'reveal', value: RA }, 'amy');
    expect(s.phase).toBe('playing');
    expect(s.turn).toBe('amy');
    expect(s.layout).toEqual(memoryLayout(seedFrom(RA, RB)));
    expect(s).toEqual(dealtByReveals());
  });

  it('is abandoned, with no score, when the app says the reveal did not come', () => {
    let s = game.setup(null, P);
    s = step(s, { type: 'commit', hash: commit(RA) }, 'amy');
    s = step(s, { type: 'abandon' }, 'amy');
    expect(game.result(s)).toEqual({ kind: 'abandoned' });
    expect(game.apply(s, { type: 'commit', hash: commit(RB) }, 'ben')).toEqual({ ok: false, reason: 'game-over' });
    expect(game.apply(dealtByReveals(), { type: 'abandon' }, 'amy')).toEqual({ ok: false, reason: 'not-waiting' });
  });

  it('shuffles into a permutation of the pairs that depends on both reveals', () => {
    const sorted = Array.from({ length: MEMORY_PAIRS * 2 }, (_, i) => i >> 1);
    fc.assert(
      fc.property(hex64, hex64, hex64, (a, b, c) => {
        const layout = memoryLayout(seedFrom(a, b));
        expect([...layout].sort((x, y) => x - y)).toEqual(sorted);
        expect(memoryLayout(seedFrom(a, b))).toEqual(layout);
        fc.pre(c !== a && c !== b);
        // 16!/2^8 layouts: two seeds giving the same one is vanishingly unlikely.
        expect(memoryLayout(seedFrom(c, b))).not.toEqual(layout);
        expect(memoryLayout(seedFrom(a, c))).not.toEqual(layout);
      }),
    );
  });

  it('a match lets the player go again, a miss passes the turn, the most pairs wins', () => {
    let s = dealtByReveals();
    const where = (pair: number): number[] => s.layout.flatMap((p, i) => (p === pair ? [i] : []));
    const [a0, a1] = where(0) as [number, number];
    const [b0] = where(1) as [number];
    s = step(s, { type: 'flip', card: a0 }, 'amy');
    expect(game.apply(s, { type: 'flip', card: a0 }, 'amy')).toEqual({ ok: false, reason: 'card-open' });
    s = step(s, { type: 'flip', card: a1 }, 'amy');
    expect(s.turn).toBe('amy');
    expect(game.apply(s, { type: 'flip', card: a0 }, 'amy')).toEqual({ ok: false, reason: 'card-matched' });
    s = step(s, { type: 'flip', card: b0 }, 'amy');
    s = step(s, { type: 'flip', card: where(2)[0]! }, 'amy');
    expect(s.turn).toBe('ben');
    expect(s.lastMiss).toHaveLength(2);
    expect(game.apply(s, { type: 'flip', card: 20 }, 'ben')).toEqual({ ok: false, reason: 'off-board' });
    for (let pair = 1; pair < MEMORY_PAIRS; pair++) for (const card of where(pair)) s = step(s, { type: 'flip', card }, 'ben');
    expect(game.result(s)).toEqual({ kind: 'won', winner: 'ben' });
    expect(game.apply(s, { type: 'flip', card: 0 }, 'ben')).toEqual({ ok: false, reason: 'game-over' });
  });

  it('equal pairs is a draw', () => {
    let s = game.setup('seed', P);
    const where = (pair: number): number[] => s.layout.flatMap((p, i) => (p === pair ? [i] : []));
    const miss = (): void => {
      s = step(s, { type: 'flip', card: where(7)[0]! }, s.turn!);
      s = step(s, { type: 'flip', card: where(6)[0]! }, s.turn!);
    };
    for (let pair = 0; pair < 4; pair++) for (const card of where(pair)) s = step(s, { type: 'flip', card }, 'amy');
    miss();
    expect(s.turn).toBe('ben');
    for (let pair = 4; pair < 8; pair++) for (const card of where(pair)) s = step(s, { type: 'flip', card }, 'ben');
    expect(game.result(s)).toEqual({ kind: 'draw' });
  });
});

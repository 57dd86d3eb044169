import { describe, expect, it } from 'vitest';
import type { Players } from './core';
import { FOUR_COLS, fourInARow as game, type FourState } from './four-in-a-row';

const P: Players = ['amy', 'ben'];

function play(columns: number[]): FourState {
  let s = game.setup(null, P);
  for (const column of columns) {
    const r = game.apply(s, { column }, s.turn ?? '');
    if (!r.ok) throw new Error(`${r.reason} at column ${column}`);
    s = r.state;
  }
  return s;
}

describe('four in a row', () => {
  it.each([
    ['a row', [0, 0, 1, 1, 2, 2, 3]],
    ['a column', [6, 5, 6, 5, 6, 5, 6]],
    ['a rising diagonal', [0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3]],
    ['a falling diagonal', [6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3]],
  ])('the first player wins with %s', (_name, columns) => {
    const s = play(columns);
    expect(game.result(s)).toEqual({ kind: 'won', winner: 'amy' });
    expect(s.turn).toBeNull();
  });

  it('pieces fall to the lowest free row', () => {
    const s = play([3, 3]);
    expect(s.cells[5 * FOUR_COLS + 3]).toBe('amy');
    expect(s.cells[4 * FOUR_COLS + 3]).toBe('ben');
  });

  it('a full board with no four is a draw', () => {
    const s = play([
      2, 2, 1, 2, 0, 2, 2, 3, 2, 1, 0, 3, 3, 0, 0, 5, 6, 1, 6, 6, 1, 5, 4, 5, 5, 5, 5, 6, 6, 6, 3, 0, 0, 1, 4, 1, 3, 3, 4, 4, 4,
      4,
    ]);
    expect(game.result(s)).toEqual({ kind: 'draw' });
    expect(s.version).toBe(42);
  });

  it('refuses illegal moves with their reasons', () => {
    const full = play([0, 0, 0, 0, 0, 0]);
    expect(game.apply(full, { column: 0 }, 'amy')).toEqual({ ok: false, reason: 'column-full' });
    expect(game.apply(full, { column: 7 }, 'amy')).toEqual({ ok: false, reason: 'off-board' });
    expect(game.apply(full, { column: 1 }, 'ben')).toEqual({ ok: false, reason: 'out-of-turn' });
    expect(game.apply(full, { col: 1 }, 'amy')).toEqual({ ok: false, reason: 'bad-move' });
    expect(game.apply(play([0, 0, 1, 1, 2, 2, 3]), { column: 4 }, 'ben')).toEqual({ ok: false, reason: 'game-over' });
  });
});

import { describe, expect, it } from 'vitest';
import type { Players } from './core';
import { noughtsAndCrosses as game, type NoughtsState } from './noughts-and-crosses';

const P: Players = ['amy', 'ben'];

/** Plays cells alternately from the start; throws on a refusal. */
function play(cells: number[]): NoughtsState {
  let s = game.setup(null, P);
  for (const cell of cells) {
    const r = game.apply(s, { cell }, s.turn ?? '');
    if (!r.ok) throw new Error(r.reason);
    s = r.state;
  }
  return s;
}

describe('noughts and crosses', () => {
  it.each([
    ['a row', [0, 3, 1, 4, 2]],
    ['a column', [1, 0, 4, 2, 7]],
    ['the main diagonal', [0, 1, 4, 2, 8]],
    ['the other diagonal', [2, 0, 4, 1, 6]],
  ])('the first player wins with %s', (_name, cells) => {
    const s = play(cells);
    expect(game.result(s)).toEqual({ kind: 'won', winner: 'amy' });
    expect(s.turn).toBeNull();
  });

  it('the second player can win too', () => {
    expect(game.result(play([0, 3, 1, 4, 8, 5]))).toEqual({ kind: 'won', winner: 'ben' });
  });

  it('a full board with no line is a draw', () => {
    const s = play([0, 1, 2, 4, 3, 5, 7, 6, 8]);
    expect(game.result(s)).toEqual({ kind: 'draw' });
    expect(s.version).toBe(9);
  });

  it('refuses illegal moves with their reasons and leaves the board as it was', () => {
    const s = play([4]);
    expect(game.apply(s, { cell: 4 }, 'ben')).toEqual({ ok: false, reason: 'cell-taken' });
    expect(game.apply(s, { cell: 0 }, 'amy')).toEqual({ ok: false, reason: 'out-of-turn' });
    expect(game.apply(s, { cell: 0 }, 'eve')).toEqual({ ok: false, reason: 'not-a-player' });
    expect(game.apply(s, { cell: 9 }, 'ben')).toEqual({ ok: false, reason: 'off-board' });
    expect(game.apply(s, { cell: -1 }, 'ben')).toEqual({ ok: false, reason: 'off-board' });
    expect(game.apply(s, { cell: 1.5 }, 'ben')).toEqual({ ok: false, reason: 'bad-move' });
    expect(game.apply(s, { cell: 1, extra: true }, 'ben')).toEqual({ ok: false, reason: 'bad-move' });
    expect(game.apply(s, null, 'ben')).toEqual({ ok: false, reason: 'bad-move' });
    expect(game.apply(play([0, 3, 1, 4, 2]), { cell: 8 }, 'ben')).toEqual({ ok: false, reason: 'game-over' });
    expect(s.cells.filter((c) => c !== null)).toHaveLength(1);
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import {
  drawTogether,
  fourInARow,
  memory,
  noughtsAndCrosses,
  stateHash,
  visibleStrokes,
  type DrawState,
  type GameRules,
  type MatchView,
} from '@hearth/common';
import { createI18n } from '../../i18n/create-i18n';
import { DrawMoves, gridKeyMove, myId, numberKey, seenOf } from './board-model';
import { GameBoard } from './GameBoard';

const ME = '01HZZZZZZZZZZZZZZZZZZZZZZA';
const FRIEND = '01HZZZZZZZZZZZZZZZZZZZZZZB';
const AT = Date.UTC(2026, 11, 5, 10);

/** Plays `moves` (mover, move) from the game's setup; each must be accepted. */
function played<S>(rules: GameRules<S, unknown>, seed: string | null, moves: readonly [string, unknown][]): S {
  let state = rules.setup(seed, [ME, FRIEND]);
  for (const [by, move] of moves) {
    const r = rules.apply(state, move, by);
    if (!r.ok) throw new Error(`refused: ${r.reason}`);
    state = r.state;
  }
  return state;
}

function view<S>(rules: GameRules<S, unknown>, state: S): MatchView {
  const result = rules.result(state);
  const turn = (state as { turn?: string | null }).turn ?? null;
  return {
    matchId: '01HZZZZZZZZZZZZZZZZZZZZZZC',
    contactId: FRIEND,
    game: rules.type as never,
    players: [ME, FRIEND],
    state,
    result: result as MatchView['result'],
    turn: turn === null ? null : turn === ME ? 'me' : 'them',
    moves: 0,
    startedAt: AT,
    updatedAt: AT,
  } as MatchView;
}

function render(match: MatchView, lang: 'en' | 'es' = 'en'): string {
  const board = createElement(GameBoard, { match, onMove: () => undefined, friendName: 'Sam' });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(lang) }, board));
}

describe('the boards drawn from a state', () => {
  it('noughts and crosses: whose square is whose, whose turn, and the state hash on the board', () => {
    const state = played(noughtsAndCrosses as GameRules<unknown, unknown>, null, [
      [ME, { cell: 4 }],
      [FRIEND, { cell: 0 }],
    ]);
    const html = render(view(noughtsAndCrosses as GameRules<unknown, unknown>, state));
    expect(html).toContain('aria-label="Square 5: yours"');
    expect(html).toContain('aria-label="Square 1: Sam’s"');
    expect(html).toContain('aria-label="Square 9"');
    expect(html).toContain('Your turn');
    expect(html).toContain(`data-state-hash="${stateHash(state)}"`);
    expect(html.match(/data-owner="mine"/g)).toHaveLength(1);
    expect(html.match(/data-owner="theirs"/g)).toHaveLength(1);
  });

  it('noughts and crosses: a win is announced, in both languages', () => {
    const rules = noughtsAndCrosses as GameRules<unknown, unknown>;
    const won = played(rules, null, [
      [ME, { cell: 0 }],
      [FRIEND, { cell: 3 }],
      [ME, { cell: 1 }],
      [FRIEND, { cell: 4 }],
      [ME, { cell: 2 }],
    ]);
    expect(render(view(rules, won))).toContain('You won!');
    expect(render({ ...view(rules, won), result: { kind: 'won', winner: FRIEND } })).toContain('Sam won!');
    expect(render(view(rules, won), 'es')).toContain('¡Has ganado!');
    expect(render(view(rules, won))).toContain('data-result="won"');
  });

  it('four in a row: counters fall to the bottom; a full column says so', () => {
    const rules = fourInARow as GameRules<unknown, unknown>;
    const moves: [string, unknown][] = [];
    for (let i = 0; i < 6; i++) moves.push([i % 2 === 0 ? ME : FRIEND, { column: 0 }]);
    const html = render(view(rules, played(rules, null, moves)));
    expect(html).toContain('aria-label="Column 1: full"');
    expect(html).toContain('aria-label="Column 2"');
    // Bottom-left slot (row 5, column 0) is the first counter: mine, a circle.
    expect(html).toMatch(/data-testid="game-slot-35" data-owner="mine"><span class="counter counter-circle"/);
    expect(html).toMatch(/data-testid="game-slot-28" data-owner="theirs"><span class="counter counter-square"/);
    expect(html).toContain('data-owner="empty"');
  });

  it('memory: cards face down until flipped; a flipped card shows its picture', () => {
    const rules = memory as GameRules<unknown, unknown>;
    const state = played(rules, 'seed', [[ME, { type: 'flip', card: 3 }]]);
    const html = render(view(rules, state));
    expect(html.match(/data-shown="no"/g)).toHaveLength(15);
    expect(html).toMatch(/data-testid="game-card-3" data-shown="\d"/);
    expect(html).toContain('Pairs: you 0, Sam 0');
    const waiting = rules.setup(null, [ME, FRIEND]);
    expect(render(view(rules, waiting))).toContain('Shuffling the cards');
  });

  it('draw together: the number of lines and the shared turn', () => {
    const rules = drawTogether as GameRules<unknown, unknown>;
    const state = played(rules, null, [
      [ME, { type: 'stroke', seq: 1, stroke: 1, part: 0, parts: 1, points: [1, 2, 3, 4], colour: '#222222', width: 12 }],
    ]);
    const html = render(view(rules, state));
    expect(html).toContain('data-strokes="1"');
    expect(html).toContain('Draw at the same time');
  });
});

describe('keys on a board', () => {
  it('arrows move within the grid and stop at its edges', () => {
    expect(gridKeyMove('ArrowRight', 4, 3, 3)).toBe(5);
    expect(gridKeyMove('ArrowRight', 5, 3, 3)).toBe(5);
    expect(gridKeyMove('ArrowDown', 4, 3, 3)).toBe(7);
    expect(gridKeyMove('ArrowUp', 1, 3, 3)).toBe(1);
    expect(gridKeyMove('ArrowLeft', 3, 3, 3)).toBe(3);
    expect(gridKeyMove('Home', 5, 3, 3)).toBe(3);
    expect(gridKeyMove('End', 0, 7, 1)).toBe(6);
    expect(gridKeyMove('x', 0, 3, 3)).toBeNull();
  });

  it('number keys pick a square or a column, within the board', () => {
    expect(numberKey('1', 9)).toBe(0);
    expect(numberKey('9', 9)).toBe(8);
    expect(numberKey('8', 7)).toBeNull();
    expect(numberKey('0', 9)).toBeNull();
    expect(numberKey('a', 9)).toBeNull();
  });
});

describe('Draw together moves made from the board', () => {
  const apply = (state: DrawState, move: unknown, by = ME): DrawState => {
    const r = drawTogether.apply(state, move, by);
    if (!r.ok) throw new Error(`refused: ${r.reason}`);
    return r.state;
  };

  it('strokes, undo, clear and finish are accepted by the rules, in order and with the seqs it expects', () => {
    const mine = new DrawMoves(ME);
    const theirs = new DrawMoves(FRIEND);
    let state = drawTogether.setup(null, [ME, FRIEND]);
    // Two strokes before the first comes back: distinct seqs.
    const a = mine.stroke(state, [0, 0, 100, 100], '#222222', 12)!;
    const b = mine.stroke(state, [5, 5], '#d12a2a', 12)!;
    expect(a.map((m) => m.seq)).toEqual([1]);
    expect(b.map((m) => m.seq)).toEqual([2]);
    for (const m of [...a, ...b]) state = apply(state, m);
    state = apply(state, theirs.stroke(state, [9, 9, 10, 10], '#1f5fd1', 12)![0], FRIEND);
    expect(visibleStrokes(state)).toHaveLength(3);
    state = apply(state, mine.undo(state));
    expect(visibleStrokes(state)).toHaveLength(2);
    expect(seenOf(state)).toEqual([3, 1]);
    state = apply(state, mine.mark(state, 'clear'));
    expect(visibleStrokes(state)).toHaveLength(0);
    state = apply(state, mine.stroke(state, [1, 1, 2, 2], '#222222', 12)![0]);
    state = apply(state, mine.mark(state, 'finish'));
    expect(drawTogether.result(state)).toEqual({ kind: 'finished' });
  });

  it('a long stroke is one move per 4 KiB part, all accepted and joined again', () => {
    const mine = new DrawMoves(ME);
    let state = drawTogether.setup(null, [ME, FRIEND]);
    const points = Array.from({ length: 3000 }, (_, i) => (i * 37) % 10_000);
    const parts = mine.stroke(state, points, '#222222', 12)!;
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(JSON.stringify(p).length).toBeLessThan(4096);
      state = apply(state, p);
    }
    expect(visibleStrokes(state)[0]?.points).toEqual(points);
  });

  it('knows which player this child is', () => {
    expect(myId({ players: [FRIEND, ME], contactId: FRIEND })).toBe(ME);
    expect(myId({ players: [ME, FRIEND], contactId: FRIEND })).toBe(ME);
  });
});

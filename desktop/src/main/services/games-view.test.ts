import { describe, expect, it } from 'vitest';
import { scoresOf } from './games-view';

const ME = '01J0000000000000000000000A';
const LEO = '01J0000000000000000000000B';
const AVA = '01J0000000000000000000000C';

describe('scores from match results', () => {
  it('counts played, won and drawn per friend and game; abandoned and unfinished matches do not count', () => {
    const scores = scoresOf(ME, [
      { contactId: LEO, game: 'noughts-and-crosses', result: { kind: 'won', winner: ME } },
      { contactId: LEO, game: 'noughts-and-crosses', result: { kind: 'won', winner: LEO } },
      { contactId: LEO, game: 'noughts-and-crosses', result: { kind: 'draw' } },
      { contactId: LEO, game: 'memory', result: { kind: 'abandoned' } },
      { contactId: LEO, game: 'four-in-a-row', result: { kind: 'playing' } },
      { contactId: AVA, game: 'draw-together', result: { kind: 'finished' } },
    ]);
    expect(scores).toEqual([
      { contactId: LEO, game: 'noughts-and-crosses', played: 3, won: 1, drawn: 1 },
      { contactId: AVA, game: 'draw-together', played: 1, won: 0, drawn: 0 },
    ]);
  });
});

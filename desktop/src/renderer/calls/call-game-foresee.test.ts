import { describe, expect, it } from 'vitest';
import { fourInARow, makeMove, openMatch, stateHash, type GameEnvelope, type MatchView } from '@hearth/common';
import { foresee } from './call-game-foresee';

const ME = '01J00000000000000000000001';
const FRIEND = '01J00000000000000000000002';
const MATCH = '01J000000000000000000000MA';

/** Main's view after Alice (me) opened a match and dropped into column 3. */
function viewAfterMyMove(): { view: MatchView; log: ReturnType<typeof openMatch> } {
  const made = makeMove(openMatch(fourInARow.type, MATCH, null, [ME, FRIEND]), { column: 3 }, ME);
  if (!made.ok) throw new Error(made.reason);
  const view: MatchView = {
    matchId: MATCH,
    contactId: FRIEND,
    game: 'four-in-a-row' as never,
    players: [ME, FRIEND],
    state: made.log.state,
    result: { kind: 'playing' },
    turn: 'them',
    moves: 1,
    startedAt: 1,
    updatedAt: 1,
  };
  return { view, log: made.log };
}

function friendMove(log: ReturnType<typeof openMatch>, column: number): GameEnvelope {
  const made = makeMove(log, { column }, FRIEND);
  if (!made.ok) throw new Error(made.reason);
  return made.envelope;
}

describe('the friend’s move drawn before main answers', () => {
  it('draws a legal move as the rules give it: the piece, one more move, my turn', () => {
    const { view, log } = viewAfterMyMove();
    const next = foresee(view, friendMove(log, 4));
    expect(next).toMatchObject({ moves: 2, turn: 'me', result: { kind: 'playing' } });
    expect((next?.state as { cells: (string | null)[] }).cells[5 * 7 + 4]).toBe(FRIEND);
    expect(stateHash(next?.state)).toBe(friendMove(log, 4).stateHash);
  });

  it('draws nothing for a forged move: another match, a wrong hash, a wrong version, out of turn', () => {
    const { view, log } = viewAfterMyMove();
    const good = friendMove(log, 4);
    expect(foresee(view, { ...good, matchId: '01J000000000000000000000MB' })).toBeNull();
    expect(foresee(view, { ...good, stateHash: 'a'.repeat(64) })).toBeNull();
    expect(foresee(view, { ...good, version: 3 } as GameEnvelope)).toBeNull();
    expect(foresee({ ...view, turn: 'me', state: openMatch(fourInARow.type, MATCH, null, [ME, FRIEND]).state }, good)).toBeNull();
    expect(foresee(null, good)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import type { Players } from './core';
import { applyEnvelope, GameEnvelope, makeMove, openMatch, rebuildLog, type MatchLog } from './envelope';
import { strokeMoves, visibleStrokes, type DrawState } from './draw-together';

const P: Players = ['amy', 'ben'];
const MATCH = '01J00000000000000000000000';
const OTHER_MATCH = '01J00000000000000000000001';

function send(log: MatchLog, move: Record<string, unknown>, by: string): { log: MatchLog; envelope: GameEnvelope } {
  const made = makeMove(log, move, by);
  if (!made.ok) throw new Error(made.reason);
  return made;
}

describe('game envelopes', () => {
  it('has no field for the mover and refuses unknown fields', () => {
    const { envelope } = send(openMatch('four-in-a-row', MATCH, null, P), { column: 3 }, 'amy');
    expect(Object.keys(envelope).sort()).toEqual(['game', 'matchId', 'move', 'stateHash', 'version']);
    expect(Value.Check(GameEnvelope, envelope)).toBe(true);
    expect(Value.Check(GameEnvelope, { ...envelope, by: 'amy' })).toBe(false);
    expect(Value.Check(GameEnvelope, { ...envelope, matchId: 'nope' })).toBe(false);
  });

  it("applies the other app's move and agrees on the state", () => {
    const mine = openMatch('noughts-and-crosses', MATCH, null, P);
    const theirs = openMatch('noughts-and-crosses', MATCH, null, P);
    const a = send(mine, { cell: 4 }, 'amy');
    const got = applyEnvelope(theirs, a.envelope, 'amy');
    expect(got.status).toBe('applied');
    if (got.status !== 'applied') return;
    expect(got.log.state).toEqual(a.log.state);
    expect(got.result).toEqual({ kind: 'playing' });
  });

  it('drops a duplicate silently and refuses a wrong version, out of turn, illegal, other match, bad shape, oversized', () => {
    const start = openMatch('four-in-a-row', MATCH, null, P);
    const a = send(start, { column: 0 }, 'amy');
    const theirs = applyEnvelope(start, a.envelope, 'amy');
    if (theirs.status !== 'applied') throw new Error(theirs.status);
    expect(applyEnvelope(theirs.log, a.envelope, 'amy')).toEqual({ status: 'duplicate' });
    const b = send(a.log, { column: 0 }, 'ben');
    expect(applyEnvelope(theirs.log, { ...b.envelope, version: 3 }, 'ben')).toEqual({
      status: 'refused',
      reason: 'wrong-version',
    });
    expect(applyEnvelope(theirs.log, b.envelope, 'amy')).toEqual({ status: 'refused', reason: 'out-of-turn' });
    expect(applyEnvelope(theirs.log, { ...b.envelope, move: { column: 9 } }, 'ben')).toEqual({
      status: 'refused',
      reason: 'off-board',
    });
    expect(applyEnvelope(theirs.log, { ...b.envelope, matchId: OTHER_MATCH }, 'ben')).toEqual({
      status: 'refused',
      reason: 'wrong-match',
    });
    expect(applyEnvelope(theirs.log, { ...b.envelope, game: 'noughts-and-crosses' }, 'ben')).toEqual({
      status: 'refused',
      reason: 'wrong-game',
    });
    expect(applyEnvelope(theirs.log, { ...b.envelope, extra: 1 }, 'ben')).toEqual({ status: 'refused', reason: 'bad-envelope' });
    const huge = { ...b.envelope, move: { column: 0, pad: 'x'.repeat(5000) } };
    expect(applyEnvelope(theirs.log, huge, 'ben')).toEqual({ status: 'refused', reason: 'too-large' });
    expect(applyEnvelope(theirs.log, 'not json at all', 'ben')).toEqual({ status: 'refused', reason: 'bad-envelope' });
    expect(applyEnvelope(theirs.log, b.envelope, 'eve')).toEqual({ status: 'refused', reason: 'not-a-player' });
  });

  it('reports a hash that does not match, and both sides rebuild the same state from the log', () => {
    const start = openMatch('noughts-and-crosses', MATCH, null, P);
    const a = send(start, { cell: 0 }, 'amy');
    const forged = { ...a.envelope, stateHash: '0'.repeat(64) };
    const got = applyEnvelope(start, forged, 'amy');
    expect(got.status).toBe('hash-mismatch');
    if (got.status !== 'hash-mismatch') return;
    expect(got.expected).toBe('0'.repeat(64));
    expect(rebuildLog(got.log).state).toEqual(a.log.state);
  });

  it('carries a draw stroke seq in the envelope and rebuilds strokes in any order', () => {
    let amy = openMatch('draw-together', MATCH, null, P);
    let ben = openMatch('draw-together', MATCH, null, P);
    const sent: { by: string; envelope: GameEnvelope }[] = [];
    for (const move of strokeMoves(1, { points: [1, 2, 3, 4], colour: '#ff0000', width: 3 })) {
      const made = send(amy, move, 'amy');
      amy = made.log;
      sent.push({ by: 'amy', envelope: made.envelope });
    }
    for (const move of strokeMoves(1, { points: [5, 6, 7, 8], colour: '#00ff00', width: 3 })) {
      const made = send(ben, move, 'ben');
      ben = made.log;
      sent.push({ by: 'ben', envelope: made.envelope });
    }
    expect('seq' in sent[0]!.envelope && sent[0]!.envelope.seq).toBe(1);
    expect(sent[0]!.envelope.move).not.toHaveProperty('seq');
    const a2 = applyEnvelope(amy, sent[1]!.envelope, 'ben');
    const b2 = applyEnvelope(ben, sent[0]!.envelope, 'amy');
    if (a2.status !== 'applied' || b2.status !== 'applied') throw new Error('not applied');
    expect(a2.log.state).toEqual(b2.log.state);
    expect(visibleStrokes(a2.log.state as DrawState)).toHaveLength(2);
    expect(applyEnvelope(a2.log, sent[1]!.envelope, 'ben')).toEqual({ status: 'duplicate' });
    expect(applyEnvelope(a2.log, { ...sent[1]!.envelope, move: { ...sent[1]!.envelope.move, seq: 1 } }, 'ben')).toEqual({
      status: 'refused',
      reason: 'bad-move',
    });
  });
});

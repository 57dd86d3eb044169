import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fourInARow, makeMove, openMatch, type GameEnvelope } from '@hearth/common';
import type { DataConnection } from 'peerjs';
import { createControlChannel } from './call-channel';
import { parseCallGameMessage, type CallGameMessage, type CallMessage } from './call-protocol';
import type { GameMoveListener } from './call-service-types';
import { FakeDataConnection, FakeNetwork, installMediaGlobals } from './testing/fake-peerjs';
import { befriend, fakeSide, until, type FakeSide } from './testing/fake-side';

const ALICE = '01J00000000000000000000001';
const BOB = '01J00000000000000000000002';
const MATCH = '01J000000000000000000000MA';

/** A real first move of four in a row, as main would build it. */
function firstMove(): GameEnvelope {
  const made = makeMove(openMatch(fourInARow.type, MATCH, null, [ALICE, BOB]), { column: 3 }, ALICE);
  if (!made.ok) throw new Error(made.reason);
  return made.envelope;
}

describe('game messages on the call channel', () => {
  it('takes a well-formed envelope and refuses a forged or oversized one', () => {
    const envelope = firstMove();
    expect(parseCallGameMessage({ type: 'game', envelope })).toEqual({ type: 'game', envelope });
    expect(parseCallGameMessage({ type: 'game', envelope, by: ALICE })).toBeNull();
    expect(parseCallGameMessage({ type: 'game', envelope: { ...envelope, stateHash: 'nope' } })).toBeNull();
    expect(parseCallGameMessage({ type: 'game', envelope: { ...envelope, matchId: 'x' } })).toBeNull();
    expect(parseCallGameMessage({ type: 'game', envelope: { ...envelope, move: { column: 'x'.repeat(5000) } } })).toBeNull();
    expect(parseCallGameMessage({ type: 'game', envelope: { ...envelope, move: { column: 1n } } })).toBeNull();
  });

  it('hands game moves to the game and control messages to the call, never one for the other', () => {
    const problems: string[] = [];
    const channel = createControlChannel((m) => problems.push(m));
    const data = new FakeDataConnection('peer-bob', 'hearth-call', null);
    const control: CallMessage[] = [];
    const games: CallGameMessage[] = [];
    channel.attach(data as unknown as DataConnection, {
      message: (m) => control.push(m),
      close: () => undefined,
      game: (m) => games.push(m),
    });
    const envelope = firstMove();
    data.emit('data', { type: 'game', envelope });
    data.emit('data', { type: 'game', envelope: { ...envelope, version: 0 } });
    data.emit('data', { type: 'hangup' });
    expect(games).toEqual([{ type: 'game', envelope }]);
    expect(control).toEqual([{ type: 'hangup' }]);
    expect(problems).toEqual(['refused a game message from the call']);
  });
});

describe('game moves in a call', () => {
  let network: FakeNetwork;
  const sides: FakeSide[] = [];
  beforeAll(installMediaGlobals);
  beforeEach(() => {
    network = new FakeNetwork();
  });
  afterEach(() => {
    for (const s of sides.splice(0)) s.service.stop();
  });

  it('carries a move to the friend in the call, naming the mover from the call itself; nothing outside a call', async () => {
    const [a, b] = [fakeSide(network, 'Alice'), fakeSide(network, 'Bob')];
    sides.push(a, b);
    a.service.start();
    b.service.start();
    befriend(network, a, b);
    await until(() => a.service.view().signaling === 'online' && b.service.view().signaling === 'online', 'online');
    const heard: Parameters<GameMoveListener>[0][] = [];
    b.service.onGameMove((m) => heard.push(m));
    const envelope = firstMove();
    expect(a.service.sendGameMove(envelope)).toBe(false);

    await a.service.dial(b.contactId, { video: false });
    await until(() => b.service.view().phase === 'incoming', 'ringing');
    // Not answered yet: no game.
    expect(a.service.sendGameMove(envelope)).toBe(false);
    await b.service.accept();
    await until(() => a.service.view().phase === 'active', 'active');
    expect(a.service.sendGameMove(envelope)).toBe(true);
    await until(() => heard.length === 1, 'the move at Bob');
    expect(heard).toEqual([{ contactId: a.contactId, callId: expect.stringMatching(/^[0-9a-f]{32}$/), envelope }]);

    a.service.hangUp();
    expect(a.service.sendGameMove(envelope)).toBe(false);
  });
});

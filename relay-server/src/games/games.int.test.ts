import { describe, expect, it } from 'vitest';
import { APP_VERSION_HEADER, type WsServerFrame } from '@hearth/common';
import { ulid } from 'ulid';
import { DEFAULT_CONFIG } from '../config';
import {
  api,
  befriend,
  buildTestApp,
  createFamily,
  enrollDevice,
  expectStatus,
  type TestFamily,
  type TestRelay,
} from '../../test/helpers';
import { addGrownUp } from '../../test/family-helpers';
import {
  connect,
  errorFor,
  listenForWs,
  messageWith,
  newMessageId,
  sendAndAck,
  settle,
  socketPool,
  text,
  type ErrorFrame,
  type MessageFrame,
  type SentFrame,
  type TestSocket,
} from '../../test/ws-client';
import { relayWithSocketsPerTest } from '../../test/relay-per-test';

/**
 * Games on the relay (issue 16, F9): `game-move` messages pass the gates every message passes
 * (friendship, rate, quiet time, suspension), and the relay checks the envelopes' shape and size
 * and the children's games switch, never the rules. Guardians set the switch; the child's sockets
 * hear of it.
 */

let relay: TestRelay;
let url: string;
let a: TestFamily;
let b: TestFamily;
const sockets = relayWithSocketsPerTest(async (r, u) => {
  relay = r;
  url = u;
  a = await createFamily(relay.app);
  b = await createFamily(relay.app);
});
const socketFor = (token: string): Promise<TestSocket> => sockets.open(url, token);

const MATCH = ulid();
const move = (version: number, extra: Readonly<Record<string, unknown>> = {}, matchId = MATCH) => ({
  game: 'noughts-and-crosses',
  matchId,
  version,
  move: { cell: version - 1, ...extra },
  stateHash: 'a'.repeat(64),
});
const gameMove = (...moves: unknown[]) => ({ kind: 'game-move', moves });

type Answer = SentFrame | ErrorFrame;
/** Sends a message and returns the frame that answers it (`sent` or `error`). */
async function answer(socket: TestSocket, to: string, content: unknown): Promise<Answer> {
  const id = newMessageId();
  socket.send({ type: 'send', id, to, content });
  return socket.take<SentFrame | ErrorFrame>((f) => (f.type === 'sent' && f.id === id) || errorFor(id)(f));
}

const putGames = (family: TestFamily, enabled: boolean, token = family.parent.token) =>
  api(relay.app, 'PUT', `/v1/children/${family.child.childId}/games`, { token, body: { enabled } });
const getGames = (family: TestFamily, token: string) =>
  api(relay.app, 'GET', `/v1/children/${family.child.childId}/games`, { token });
const gamesFrames = (s: TestSocket): WsServerFrame[] => s.frames.filter((f) => f.type === 'games');

describe('game moves through the relay', () => {
  it('carries moves between friends, to the other child and to the sender’s other PC', async () => {
    await befriend(relay.app, a, b);
    const secondPc = (await enrollDevice(relay.app, a.parent.token, [a.child.childId])).credentials[0]?.token as string;
    const kid = await socketFor(a.childToken);
    const kidElsewhere = await socketFor(secondPc);
    const friend = await socketFor(b.childToken);
    const id = await sendAndAck(kid, b.child.childId, gameMove(move(1), move(2)));
    expect(await friend.take<MessageFrame>(messageWith(id))).toMatchObject({
      message: { from: a.child.childId, content: { kind: 'game-move', moves: [{ version: 1 }, { version: 2 }] } },
    });
    expect((await kidElsewhere.take<MessageFrame>(messageWith(id))).message).toMatchObject({ outgoing: true });
  });

  it('refuses a game move to a child who is not a friend, as any message', async () => {
    const kid = await socketFor(a.childToken);
    expect(await answer(kid, b.child.childId, gameMove(move(1)))).toMatchObject({ type: 'error', code: 'NOT_FRIENDS' });
  });

  it('refuses an envelope longer than its limit as canonical JSON', async () => {
    await befriend(relay.app, a, b);
    const kid = await socketFor(a.childToken);
    const long = await answer(kid, b.child.childId, gameMove(move(1), move(2, { pad: 'x'.repeat(4_100) })));
    expect(long).toMatchObject({ type: 'error', code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('move 1') });
    expect(await answer(kid, b.child.childId, gameMove(move(1, { pad: 'x'.repeat(3_900) })))).toMatchObject({ type: 'sent' });
  });

  it('refuses a move nested deeper than any game needs, with the message id, and goes on', async () => {
    await befriend(relay.app, a, b);
    const kid = await socketFor(a.childToken);
    const id = newMessageId();
    // 50,000 arrays in one another (the text alone: no client could serialize it either).
    const deep = `{"cell":1,"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const envelope = JSON.stringify(move(1)).replace('{"cell":0}', deep);
    kid.send(`{"type":"send","id":"${id}","to":"${b.child.childId}","content":{"kind":"game-move","moves":[${envelope}]}}`);
    const refused = await kid.take<ErrorFrame>(errorFor(id));
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('deep') });
    // Deep enough for any game is still fine; the socket goes on.
    const nested = { grid: [[[[[[1]]]]]] };
    expect(await answer(kid, b.child.childId, gameMove(move(1, nested)))).toMatchObject({ type: 'sent' });
  });

  it('refuses one message carrying moves of two matches or two games', async () => {
    await befriend(relay.app, a, b);
    const kid = await socketFor(a.childToken);
    const mixed = await answer(kid, b.child.childId, gameMove(move(1), move(2, {}, ulid())));
    expect(mixed).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED', message: expect.stringContaining('one match') });
    const otherGame = { ...move(2), game: 'four-in-a-row' };
    expect(await answer(kid, b.child.childId, gameMove(move(1), otherGame))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses the old free-form game kind from anyone, saying games travel as game-move since 0.4.0', async () => {
    await befriend(relay.app, a, b);
    const kid = await socketFor(a.childToken);
    const old = { kind: 'game', gameId: 'tic', sessionId: ulid(), state: '{}' };
    const refused = await answer(kid, b.child.childId, old);
    expect(refused).toMatchObject({
      type: 'error',
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/game-move.*0\.4\.0/),
    });
    const parent = await socketFor(a.parent.token);
    expect(await answer(parent, a.child.childId, old)).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('counts game moves against the message rate limit, as messages', async () => {
    const slow = await buildTestApp({ messaging: { ...DEFAULT_CONFIG.messaging, messagesPerMinute: 2, messageBurst: 2 } });
    const slowSockets = socketPool();
    try {
      const slowUrl = await listenForWs(slow.app);
      const x = await createFamily(slow.app);
      const y = await createFamily(slow.app);
      await befriend(slow.app, x, y);
      const kid = slowSockets.keep(await connect(slowUrl, x.childToken));
      expect(await answer(kid, y.child.childId, gameMove(move(1)))).toMatchObject({ type: 'sent' });
      expect(await answer(kid, y.child.childId, text('and a word'))).toMatchObject({ type: 'sent' });
      expect(await answer(kid, y.child.childId, gameMove(move(3)))).toMatchObject({ type: 'error', code: 'RATE_LIMITED' });
    } finally {
      await slowSockets.closeAll();
      await slow.close();
    }
  });

  it('refuses a game move of a child in quiet time with QUIET_HOURS', async () => {
    await befriend(relay.app, a, b);
    const quiet = { token: a.parent.token, body: { until: '12:00' } };
    expectStatus(await api(relay.app, 'POST', `/v1/children/${a.child.childId}/quiet/now`, quiet), 200);
    const kid = await socketFor(a.childToken);
    expect(await answer(kid, b.child.childId, gameMove(move(1)))).toMatchObject({ type: 'error', code: 'QUIET_HOURS' });
  });

  it('never pushes a game move to a PC whose app is older than 0.4.0, and pushes it once that PC is updated', async () => {
    await befriend(relay.app, a, b);
    const oldPc = (await enrollDevice(relay.app, b.parent.token, [b.child.childId])).credentials[0]?.token as string;
    const kid = await socketFor(a.childToken);
    const friend = await socketFor(b.childToken);
    let old = sockets.keep(await connect(url, oldPc, 'header', { [APP_VERSION_HEADER]: '0.3.0' }));
    const game = await sendAndAck(kid, b.child.childId, gameMove(move(1)));
    const hello = await sendAndAck(kid, b.child.childId, text('your turn'));
    await friend.take(messageWith(game));
    await old.take(messageWith(hello));
    await settle();
    expect(old.frames.some(messageWith(game))).toBe(false);
    expect(gamesFrames(old)).toEqual([]);
    await old.close();
    old = sockets.keep(await connect(url, oldPc));
    await old.take(messageWith(game));
  });
});

describe('the games switch', () => {
  it('is on by default, read by a guardian and the child’s own PC, set by a guardian only', async () => {
    expect(expectStatus(await getGames(a, a.parent.token), 200)).toEqual({ enabled: true });
    expect(expectStatus(await getGames(a, a.childToken), 200)).toEqual({ enabled: true });
    const second = await addGrownUp(relay.app, a.parent.token, 'guardian', [a.child.childId], { displayName: 'Alex' });
    const gran = await addGrownUp(relay.app, a.parent.token, 'trusted', [a.child.childId]);
    expect((await putGames(a, false, a.childToken)).status).toBe(403);
    expect((await putGames(a, false, gran.token)).status).toBe(404);
    expect((await putGames(a, false, b.parent.token)).status).toBe(404);
    expect((await getGames(a, gran.token)).status).toBe(404);
    expect((await getGames(a, b.childToken)).status).toBe(404);
    expect(expectStatus(await getGames(a, a.childToken), 200)).toEqual({ enabled: true });
    expect(expectStatus(await putGames(a, false, second.token), 200)).toEqual({ enabled: false });
    expect(expectStatus(await getGames(a, a.parent.token), 200)).toEqual({ enabled: false });
    expect(expectStatus(await getGames(a, a.childToken), 200)).toEqual({ enabled: false });
  });

  it('refuses game moves from and to a child whose games are off with GAMES_OFF, and nothing else', async () => {
    await befriend(relay.app, a, b);
    const kid = await socketFor(a.childToken);
    const friend = await socketFor(b.childToken);
    expectStatus(await putGames(a, false), 200);
    expect(await answer(kid, b.child.childId, gameMove(move(1)))).toMatchObject({ type: 'error', code: 'GAMES_OFF' });
    expect(await answer(friend, a.child.childId, gameMove(move(1)))).toMatchObject({ type: 'error', code: 'GAMES_OFF' });
    expect(await answer(friend, a.child.childId, text('shall we play later?'))).toMatchObject({ type: 'sent' });
    expectStatus(await putGames(a, true), 200);
    expect(await answer(kid, b.child.childId, gameMove(move(1)))).toMatchObject({ type: 'sent' });
  });

  it('tells the child’s sockets after the welcome and at every change, and older apps and grown-ups nothing', async () => {
    const kid = await socketFor(a.childToken);
    const welcome = kid.frames.findIndex((f) => f.type === 'welcome');
    const first = await kid.take((f) => f.type === 'games');
    expect(first).toEqual({ type: 'games', enabled: true });
    expect(kid.frames.indexOf(first)).toBeGreaterThan(welcome);
    const parent = await socketFor(a.parent.token);
    const secondPc = (await enrollDevice(relay.app, a.parent.token, [a.child.childId])).credentials[0]?.token as string;
    const old = sockets.keep(await connect(url, secondPc, 'header', { [APP_VERSION_HEADER]: '0.3.0' }));

    expectStatus(await putGames(a, false), 200);
    expect(await kid.take((f) => f.type === 'games')).toEqual({ type: 'games', enabled: false });
    // The same answer again is no change: nothing more is said.
    expectStatus(await putGames(a, false), 200);
    await settle();
    expect(gamesFrames(kid)).toHaveLength(2);
    expect(gamesFrames(parent)).toEqual([]);
    expect(gamesFrames(old)).toEqual([]);

    const again = await socketFor(a.childToken);
    expect(await again.take((f) => f.type === 'games')).toEqual({ type: 'games', enabled: false });
    expectStatus(await putGames(a, true), 200);
    expect(await again.take((f) => f.type === 'games')).toEqual({ type: 'games', enabled: true });
  });
});
